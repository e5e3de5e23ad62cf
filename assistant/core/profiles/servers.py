"""Which servers a profile carries and how: host names, user names, placeholders filled, plaintext and
authentication rules every format shares.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

import idna
from publicsuffixlist import PublicSuffixList

from assistant.core.model.account import AccountConfig, ServerConfig
from assistant.core.model.address import PLACEHOLDER, expand
from assistant.core.profiles.losses import Loss
from assistant.core.profiles.xmlwrite import has_bad_chars
from assistant.core.words.errors import FIELD, InputError

_HOST = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*"
                   r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


SECURITY_LABELS = {"ssl": "SSL/TLS", "starttls": "STARTTLS", "plain": "None (unencrypted)"}


PASSWORD_METHODS = ("password-cleartext", "password-encrypted")


def server_name(server: ServerConfig) -> str:
    """How a loss names a server: "imap imap.example.com:993"."""
    return f"{server.protocol} {server.host}:{server.port}"


def check_identity(value: str, what: str) -> str:
    """Values a client signs in with or connects to: control characters make them wrong, so refuse."""
    if has_bad_chars(value) or any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise InputError(f"{what}: contains control characters; refusing to write it")
    return value


def lower_host(host: str) -> str:
    """Lower-case a host name but not its placeholders: imap.%EMAILDOMAIN% must stay upper case."""
    parts = PLACEHOLDER.split(host)
    tokens = PLACEHOLDER.findall(host)
    out = parts[0].lower()
    for token, part in zip(tokens, parts[1:], strict=True):
        out += token + part.lower()
    return out


def file_host(host: str, what: str) -> str:
    """A host for an autoconfig file: as written (case and placeholders kept), IDN labels as punycode."""
    check_identity(host, what)
    value = host.strip()
    if value.isascii():
        return value
    labels = []
    for label in value.split("."):
        try:
            labels.append(label if label.isascii() else idna.encode(label, uts46=True).decode("ascii"))
        except idna.IDNAError:
            raise InputError(f"{what}: '{host}' is not a valid host name") from None
    return ".".join(labels)


def ascii_host(host: str, what: str) -> str:
    """Host names go out as ASCII (punycode): several clients reject IDN in profiles."""
    value = host.strip().rstrip(".")
    if not value.isascii():
        try:
            value = idna.encode(value, uts46=True).decode("ascii")
        except idna.IDNAError:
            raise InputError(f"{what}: '{host}' is not a valid host name") from None
    if not _HOST.match(value):
        raise InputError(f"{what}: '{host}' is not a valid host name")
    return value.lower()


Express = Callable[[ServerConfig], ServerConfig | str]


def check_servers(account: AccountConfig, fmt: str, *, allow_plain: bool) -> None:
    """Refuse what no profile should carry: no servers, bad ports, nothing encrypted unless allowed."""
    select_servers(account, fmt, allow_plain=allow_plain, losses=[])


def select_servers(account: AccountConfig, fmt: str, *, allow_plain: bool, losses: list[Loss],
                   express: Express | None = None) -> tuple[list[ServerConfig], list[ServerConfig]]:
    """The incoming and outgoing servers ``fmt`` will carry, each as the format can express it.

    A plaintext server is dropped (announced) unless ``allow_plain``, so is one with a host name no client
    takes; ``express`` returns the server as the format writes it (announcing any change itself) or the
    reason it cannot. Refuses only when no incoming or no outgoing server is left, saying why.
    """
    if account.address:
        check_identity(account.address, f"{fmt}: address")
    result: list[list[ServerConfig]] = [[], []]
    for index, (servers, label) in enumerate(((account.incoming, "incoming (IMAP or POP3)"),
                                              (account.outgoing, "outgoing (SMTP)"))):
        if not servers:
            raise InputError(f"{fmt}: the account has no {label} server")
        reasons: list[str] = []
        for server in servers:
            got = _one_server(server, fmt, allow_plain, express, losses)
            if isinstance(got, str):
                reasons.append(f"{server.protocol.upper()} server {_shown(server.host)}: {got}")
            else:
                result[index].append(got)
        if not result[index]:
            why = reasons[-1] if reasons else "none is usable"
            raise InputError(f"{fmt}: no {label} server is left to write ({why})",
                             field="allow_plain" if FIELD in why else None)
    return result[0], result[1]


def _one_server(server: ServerConfig, fmt: str, allow_plain: bool, express: Express | None,
                losses: list[Loss]) -> ServerConfig | str:
    """The server as ``fmt`` writes it, or why it is left out (announced as dropped). A bad value in a
    server the file does not need (a control character in an alternative's user name) drops that server
    only; the caller refuses when nothing usable is left."""
    name = _shown(server_name(server))
    why, code = _unusable(server, fmt)
    if why is None:
        if server.security == "plain" and not allow_plain:
            losses.append(Loss("dropped", "plain_server", f"{name} has no encryption (--allow-plain keeps "
                               f"it)", server=name, field="server"))
            return f"has no encryption; refusing to write it without {FIELD}"
        got = express(server) if express is not None else server
        if not isinstance(got, str):
            return got
        why, code = got, "server_not_expressible"
    losses.append(Loss("dropped", code, f"{name}: {why}", server=name, field="server"))
    return why


def _unusable(server: ServerConfig, fmt: str) -> tuple[str | None, str]:
    """Why no client could use ``server`` as written (and the loss code), or (None, "")."""
    problem = server_problem(server)
    if problem is not None:
        return problem, "invalid_server"
    try:
        ascii_host(PLACEHOLDER.sub("x", server.host), fmt)
    except InputError:
        return f"'{_shown(server.host)}' is not a valid host name", "invalid_host"
    return None, ""


def _shown(text: str) -> str:
    """A value from a file in a message: one line, whatever it holds."""
    return "".join(c if c.isprintable() else "?" for c in text)


def server_problem(server: ServerConfig) -> str | None:
    """What no format may carry, or None: a port outside 1-65535, control characters in what clients use."""
    if isinstance(server.port, bool) or not isinstance(server.port, int) or not 1 <= server.port <= 65535:
        return f"port {server.port!r} is not 1-65535"
    for value, what in ((server.host, "host name"), (server.username, "user name")):
        try:
            check_identity(value, what)
        except InputError as exc:
            return str(exc)
    return None


def check_server(server: ServerConfig, fmt: str, *, allow_plain: bool = True) -> None:
    """Bad input no format may carry (``server_problem``), and plaintext unless allowed: InputError."""
    where = f"{fmt}: {server.protocol.upper()} server {_shown(server.host)}"
    problem = server_problem(server)
    if problem is not None:
        raise InputError(f"{where}: {problem}")
    if server.security == "plain" and not allow_plain:
        raise InputError(f"{where}: has no encryption; refusing to write it without {FIELD}",
                         field="allow_plain")


def password_fallback(server: ServerConfig, fmt: str, losses: list[Loss],
                      allowed: tuple[str, ...]) -> ServerConfig | str:
    """``server`` with the first method ``fmt`` can express (``allowed``); the others announced as dropped."""
    chosen = next((m for m in server.methods if m in allowed), None)
    if chosen is None:
        return f"only {', '.join(server.methods)} sign-in, which {fmt} cannot describe"
    others = [m for m in server.methods if m != chosen]
    if others:
        name = server_name(server)
        losses.append(Loss("dropped", "auth_methods", f"{', '.join(others)} sign-in for {name} ({fmt} "
                           f"describes one method it knows; {chosen} kept)", server=name, field="auth",
                           before=",".join(server.methods), after=chosen))
    return replace(server, auth=chosen, auth_methods=())  # type: ignore[arg-type]


def fill_host(host: str, account: AccountConfig, fmt: str, losses: list[Loss] | None = None,
              server: str | None = None) -> str:
    """A host name with autoconfig placeholders (imap.%EMAILDOMAIN%) filled: other formats have none.

    Without an address, %EMAILDOMAIN% becomes the account's domain, which is announced: the file then
    only fits addresses of that domain.
    """
    if not PLACEHOLDER.search(host):
        return ascii_host(host, fmt)
    address = account.address or f"x@{account.domain}"
    filled = expand(host, address)
    if filled is None or ("%EMAILLOCALPART%" in host and not account.address):
        raise InputError(f"{fmt}: host name '{host}' needs an email address to be filled in")
    out = ascii_host(filled, fmt)
    if not account.address and losses is not None:
        losses.append(Loss("changed", "host_placeholder", f"host {host} becomes {out} ({fmt} has no "
                           f"placeholders; give an address for another domain)", server=server, field="host",
                           before=host, after=out))
    return out


def fill_username(server: ServerConfig, account: AccountConfig, fmt: str,
                  losses: list[Loss]) -> str | None:
    """The login name for formats without placeholders; None when the device should ask (no address).

    A name that cannot be filled (%EMAILLOCALPART% without an address, a custom placeholder) or a missing
    one becomes the full address, which is announced.
    """
    if server.auth == "none":
        return None
    wanted = server.username or "%EMAILADDRESS%"
    login = expand(wanted, account.address)
    if login is None and wanted != "%EMAILADDRESS%":
        name = server_name(server)
        losses.append(Loss("changed", "username_placeholder", f"user name {wanted} for {name} becomes the "
                           f"full email address ({fmt} has no placeholders)", server=name, field="username",
                           before=wanted, after="%EMAILADDRESS%"))
    elif not server.username:
        name = server_name(server)
        losses.append(Loss("changed", "username_missing", f"no user name was given for {name}; {fmt} uses "
                           f"the email address", server=name, field="username", before="",
                           after="%EMAILADDRESS%"))
    return login


def reverse_dns(domain: str) -> str:
    """example.com → com.example (for Apple PayloadIdentifiers)."""
    return ".".join(reversed(ascii_host(domain, "domain").split(".")))


def domain_of(address: str | None) -> str | None:
    """The domain of an address from a file, when it is a host name a profile can carry (else None: the
    caller guesses from the server, rather than keep a domain no file can be written for)."""
    if address and "@" in address:
        domain = address.rpartition("@")[2].strip().rstrip(".")
        try:
            ascii_host(domain, "domain")
        except InputError:
            return None
        return domain.lower()
    return None


def guess_domain(host: str) -> str:
    """Importers without an address: the server's registered domain (imap.example.co.uk → example.co.uk)."""
    return str(_suffixes().privatesuffix(host.lower()) or host.lower())


@lru_cache(maxsize=1)
def _suffixes() -> PublicSuffixList:
    return PublicSuffixList()
