"""Inputs a setup can start from instead of a live discovery: a saved probe, a profile, a signing identity.

Every reader is bounded (``core/net/files.py``) and fails as one InputError naming the file and the problem.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.core.net.files import read_bounded
from assistant.core.words.errors import InputError

if TYPE_CHECKING:
    from assistant.core.model.account import AccountConfig
    from assistant.core.model.address import EmailAddress
    from assistant.core.model.results import DiscoveryResult

MAX_PROBE_BYTES = 8 * 1024 * 1024
MAX_IDENTITY_BYTES = 256 * 1024


def load_probe(path: str) -> DiscoveryResult:
    """A ``probe --json`` file; InputError naming the file and the problem."""
    from assistant.core.model.results import DiscoveryResult
    data = read_bounded(path, MAX_PROBE_BYTES, "probe JSON file")
    try:
        doc = json.loads(data.decode("utf-8"))
        result = DiscoveryResult.from_dict(doc)
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text, expected the JSON of 'probe --json'") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise InputError(f"{path}: not a probe result ({exc})") from None
    except RecursionError:
        raise InputError(f"{path}: nested too deeply, not a probe result") from None
    return with_sign_in(result, "sign_in" not in doc)


def with_sign_in(result: DiscoveryResult, missing: bool) -> DiscoveryResult:
    """A saved probe's ``sign_in`` with what only the provider table holds; a file from before the field
    existed is recognised afresh (from its domain, MX and recommended servers)."""
    from dataclasses import replace

    from assistant.core.discovery import providers
    if not missing:
        return replace(result, sign_in=providers.refreshed(result.sign_in))
    chosen = [r.candidate for r in providers.in_use(result.recommended)]
    return replace(result, sign_in=providers.recognise(
        result.domain, mx_hosts=[m.host for m in result.mx], hosts=[c.host for c in chosen],
        file_methods=[c.auth for c in chosen if c.auth]))


def read_identity(path: str) -> bytes:
    """A PKCS#12 signing identity, bounded (a huge or endless file such as /dev/zero is refused unread)."""
    if "\0" in path:
        shown = path.replace("\0", "\\0")
        raise InputError(f"{shown}: cannot read the certificate file (invalid name)")
    return read_bounded(path, MAX_IDENTITY_BYTES, "PKCS#12 file")


def check_probe_domain(result: DiscoveryResult, address: EmailAddress, origin: str) -> None:
    """A saved probe must be of the address's domain."""
    if address.domain != result.domain.lower():
        raise InputError(f"{origin}: is the probe of {result.domain}, not {address.domain}")


def personalise(account: AccountConfig, address: EmailAddress, origin: str) -> AccountConfig:
    """``account`` (read from ``origin``) for ``address``: an address personalises it, a domain (or the
    address's domain) must be one the file describes."""
    known = {account.domain.lower(), *(d.lower() for d in account.domains)}
    if address.domain not in known:
        raise InputError(f"{origin}: describes {account.domain}, not {address.domain}")
    return replace(account, address=address.address or account.address)


def with_recognised_provider(account: AccountConfig) -> AccountConfig:
    """A profile read from a file, knowing its provider when it is one that refuses the normal password
    (recognised from its domain or its servers' names): the sheet and the steps say how to sign in there,
    and an Apple profile for an OAuth2-only provider is refused with the reason. The servers stay exactly as
    the file wrote them, so a conversion still changes nothing it does not announce."""
    from assistant.core.discovery.providers import recognise
    if not account.incoming or not account.outgoing:
        return account
    hosts = [s.host for s in (account.incoming[0], account.outgoing[0])]
    sign_in = recognise(account.domain, hosts=hosts)
    return replace(account, sign_in=sign_in) if sign_in is not None else account


def account_from_profile(path: str, address: EmailAddress, protocol: str | None = None) -> AccountConfig:
    """The account in a profile file (autoconfig, Autodiscover, mobileconfig), for ``address``.

    An address personalises it and a domain must match it; ``protocol`` puts that incoming server first.
    """
    from assistant.core.profiles import MAX_PROFILE_BYTES, import_profile
    data = read_bounded(path, MAX_PROFILE_BYTES, "profile")
    account = with_recognised_provider(personalise(import_profile(data, path), address, path))
    if protocol:
        chosen = [s for s in account.incoming if s.protocol == protocol]
        if not chosen:
            raise InputError(f"{path}: has no {protocol.upper()} server")
        rest = [s for s in account.incoming if s.protocol != protocol]
        account = replace(account, incoming=(chosen[0], *rest))
    return account
