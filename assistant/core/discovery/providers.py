"""Recognising the providers that refuse the normal password (the table in ``resources/data/providers.json``).

A provider is recognised by the address's domain (gmail.com), by the domain's MX for a custom domain
(``*.mail.protection.outlook.com`` → Microsoft 365), by the host names of the servers in use, or by what a
settings file said (the ``<oAuth2>`` issuer, or OAuth2 as a server's sign-in). The answer is a ``SignIn``
value (``model/provider.py``) that everything downstream reads.

Why the table is data: the providers change their rules and their pages more often than this program's
logic, and a reviewer checks the facts against the sources each entry lists. The schema is
``resources/schemas/providers.schema.json``; this loader checks the shapes it relies on itself, so a broken
file is one clear error instead of a crash somewhere later.
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from assistant.core.model.account import AccountConfig, ServerConfig, XmlPart
from assistant.core.model.provider import METHODS, OTHER, SignIn
from assistant.core.model.results import ProbeResult

TABLE = ("data", "providers.json")


class ProviderTableError(ValueError):
    """The provider table is missing or malformed (a broken installation)."""


@dataclass(frozen=True)
class Provider:
    """One entry of the table."""

    id: str
    names: tuple[tuple[str, str], ...]
    domains: frozenset[str]
    mx: tuple[str, ...]
    hosts: tuple[str, ...]
    issuers: frozenset[str]
    methods: tuple[str, ...]
    app_password_kind: str | None
    prerequisites: tuple[str, ...]
    app_password_url: str | None
    help_url: str
    apple_account: str | None
    android: tuple[str, ...]
    oauth2_block: tuple[tuple[str, str], ...] = ()

    def mx_matches(self, host: str) -> bool:
        return any(fnmatch.fnmatchcase(host, pattern) for pattern in self.mx)

    def owns(self, host: str) -> bool:
        return host in self.hosts

    def sign_in(self, recognised_by: Iterable[str]) -> SignIn:
        return SignIn(provider=self.id, provider_name=dict(self.names)["en"], methods=self.methods,
                      app_password_url=self.app_password_url, help_url=self.help_url,
                      app_password_kind=self.app_password_kind, prerequisites=self.prerequisites,
                      recognised_by=tuple(dict.fromkeys(recognised_by)), names=self.names, hosts=self.hosts,
                      apple_account=self.apple_account,
                      android=self.android, oauth2_block=self.oauth2_block)


def _strings(entry: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ProviderTableError(f"providers.json: {entry.get('id', '?')}: '{key}' must be a list of strings")
    return tuple(v.lower() if key != "sources" else v for v in value)


def _optional(entry: Mapping[str, Any], key: str) -> str | None:
    value = entry.get(key)
    if value is not None and (not isinstance(value, str) or not value):
        raise ProviderTableError(f"providers.json: {entry.get('id', '?')}: '{key}' must be a string or null")
    return value


def _entry(entry: Any) -> Provider:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise ProviderTableError("providers.json: every provider must be an object with an 'id'")
    names, accounts = entry.get("names"), entry.get("accounts")
    if not isinstance(names, dict) or not isinstance(names.get("en"), str) or not names["en"]:
        raise ProviderTableError(f"providers.json: {entry['id']}: 'names' needs an English name")
    if not isinstance(accounts, dict):
        raise ProviderTableError(f"providers.json: {entry['id']}: 'accounts' must be an object")
    methods = _strings(entry, "methods")
    if not methods or any(m not in METHODS for m in methods):
        raise ProviderTableError(f"providers.json: {entry['id']}: unknown sign-in method in {methods}")
    help_url = _optional(entry, "help_url")
    if help_url is None:
        raise ProviderTableError(f"providers.json: {entry['id']}: 'help_url' is required")
    return Provider(
        id=entry["id"], names=tuple((str(k), str(v)) for k, v in names.items()),
        domains=frozenset(_strings(entry, "domains")), mx=_strings(entry, "mx"),
        hosts=_strings(entry, "hosts"),
        issuers=frozenset(_strings(entry, "oauth2_issuers")), methods=methods,
        app_password_kind=_optional(entry, "app_password_kind"),
        prerequisites=_strings(entry, "prerequisites"), app_password_url=_optional(entry, "app_password_url"),
        help_url=help_url, apple_account=_optional(accounts, "apple"),
        android=_strings({"id": entry["id"], "android": accounts.get("android", [])}, "android"),
        oauth2_block=_block(entry))


_BLOCK = ("issuer", "scope", "authURL", "tokenURL")


def _block(entry: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    block = entry.get("oauth2")
    if block is None:
        return ()
    if not isinstance(block, dict) or any(not isinstance(block.get(k), str) or not block[k] for k in _BLOCK):
        raise ProviderTableError(f"providers.json: {entry['id']}: 'oauth2' needs {', '.join(_BLOCK)}")
    return tuple((k, str(block[k])) for k in _BLOCK)


def load(data: bytes) -> tuple[Provider, ...]:
    """The table from the bytes of providers.json; ProviderTableError names what is wrong."""
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProviderTableError(f"providers.json: not valid JSON ({exc})") from None
    if not isinstance(doc, dict) or doc.get("schema_version") != 1 or \
            not isinstance(doc.get("providers"), list):
        raise ProviderTableError("providers.json: expected {\"schema_version\": 1, \"providers\": [...]}")
    out = tuple(_entry(e) for e in doc["providers"])
    ids = [p.id for p in out]
    if len(set(ids)) != len(ids) or OTHER in ids:
        raise ProviderTableError("providers.json: provider ids must be unique and never 'other'")
    return out


@lru_cache(maxsize=1)
def table() -> tuple[Provider, ...]:
    """The shipped table, read once (from the source tree, a wheel or a frozen bundle)."""
    from assistant.resources import path
    where = path(*TABLE)
    try:
        data = where.read_bytes()
    except OSError as exc:
        raise ProviderTableError(f"{where}: cannot read the provider table ({exc.strerror or exc})") from None
    return load(data)


def by_id(provider_id: str) -> Provider | None:
    return next((p for p in table() if p.id == provider_id), None)


def in_use(chosen: Mapping[str, ProbeResult | None], protocol: str | None = None) -> list[ProbeResult]:
    """The servers a setup uses by default: the incoming one (``protocol``'s, else IMAP when there is one,
    else POP3) and the outgoing one — not the other protocol's alternative."""
    incoming = chosen.get(protocol) if protocol else (chosen.get("imap") or chosen.get("pop3"))
    return [p for p in (incoming, chosen.get("smtp")) if p is not None]


def _host(name: str) -> str:
    return name.lower().rstrip(".")


def recognise(domain: str, *, mx_hosts: Iterable[str] = (), hosts: Iterable[str] = (),
              issuers: Iterable[str] = (), file_methods: Iterable[Iterable[str]] = (),
              file_name: str | None = None) -> SignIn | None:
    """The provider of ``domain`` whose servers are ``hosts`` (the ones in use), or None for an ordinary one.

    The address's domain decides first; then the first MX host a provider's pattern matches, but only when
    the servers in use are that provider's own (a domain with Google's MX and its own IMAP server is an
    ordinary one); then the servers' host names; then the OAuth2 issuer of the settings file. When none of
    these is in the table but the settings file names OAuth2 for the servers (``file_methods``: their
    ``<authentication>`` lists), the provider is ``other``, named ``file_name``.
    """
    domain = _host(domain)
    used = [_host(h) for h in hosts if h]
    mx = [_host(h) for h in mx_hosts if h and h != "."]
    named_issuers = {_host(i) for i in issuers if i}
    for provider in table():
        evidence: list[str] = []
        if domain in provider.domains:
            evidence.append("domain")
        if any(provider.mx_matches(h) for h in mx) and (not used or any(provider.owns(h) for h in used)):
            evidence.append("mx")
        if used and any(provider.owns(h) for h in used):
            evidence.append("hosts")
        if named_issuers & provider.issuers:
            evidence.append("oauth2_issuer")
        if evidence and (evidence != ["oauth2_issuer"] or not used or any(provider.owns(h) for h in used)):
            return provider.sign_in(evidence)
    return _from_file(file_methods, file_name or domain)


def _from_file(file_methods: Iterable[Iterable[str]], name: str) -> SignIn | None:
    """A provider the table does not know whose settings file asks for OAuth2 on the servers in use."""
    lists = [tuple(m) for m in file_methods]
    if not any("OAuth2" in methods for methods in lists):
        return None
    password = any(m in ("password-cleartext", "password-encrypted") for methods in lists for m in methods)
    methods = ("oauth2", "password") if password else ("oauth2",)
    return SignIn(provider=OTHER, provider_name=name, methods=methods, recognised_by=("settings_file",))


def refreshed(sign_in: SignIn | None) -> SignIn | None:
    """A ``sign_in`` read back from a saved probe, with what only the table holds (names, hosts, accounts)."""
    if sign_in is None or sign_in.provider == OTHER:
        return sign_in
    provider = by_id(sign_in.provider)
    if provider is None:
        return sign_in
    return replace(provider.sign_in(sign_in.recognised_by), methods=sign_in.methods or provider.methods)


_AUTH = {"oauth2": "OAuth2", "app_password": "password-cleartext", "password": "password-cleartext"}


def with_provider(account: AccountConfig, sign_in: SignIn | None) -> AccountConfig:
    """``account`` carrying ``sign_in``, its provider's own servers with the provider's sign-in methods
    (OAuth2 first where that is the way in; an app password is typed like a normal password), so every
    profile, the QR code and the steps describe what really works there."""
    if sign_in is None:
        return account
    if sign_in.provider == OTHER:
        return replace(account, sign_in=sign_in)
    auths = tuple(dict.fromkeys(_AUTH[m] for m in sign_in.methods))
    extras = account.root_extras
    if sign_in.oauth2_block and not any(part.name == "oAuth2" for part in extras):
        # What Thunderbird reads to sign in through the provider's page, as the ISPDB's file has it.
        children = tuple(XmlPart(name, text=text) for name, text in sign_in.oauth2_block)
        extras = (*extras, XmlPart("oAuth2", children=children))

    def fix(server: ServerConfig) -> ServerConfig:
        if not sign_in.owns(server.host) or server.auth == "none":
            return server
        return replace(server, auth=auths[0], auth_methods=auths if len(auths) > 1 else ())  # type: ignore[arg-type]

    return replace(account, incoming=tuple(fix(s) for s in account.incoming),
                   outgoing=tuple(fix(s) for s in account.outgoing), sign_in=sign_in, root_extras=extras)
