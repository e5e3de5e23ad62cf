"""Reading Thunderbird autoconfig files (clientConfig v1.1) the way Thunderbird's readFromXML does.

A provider's file often lists servers we cannot use (Exchange, odd socket types, future values); like
Thunderbird we skip those and reject the file only when no usable incoming or outgoing server remains, so
our verdict matches what the person's mail client will do with the same file. Placeholders such as
``%EMAILADDRESS%`` are kept as written; ``config_candidates`` fills hostname placeholders per address.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # Element type only; parsing goes through xmlsafe

from assistant.core.model.account import (
    AccountConfig,
    Auth,
    DocLink,
    Pop3Settings,
    RawServer,
    ServerConfig,
    XmlPart,
)
from assistant.core.model.address import EmailAddress
from assistant.core.model.fields import parse_decimal, parse_port
from assistant.core.model.results import Candidate, Protocol, Security, Source
from assistant.core.net.xmlsafe import local_name, parse_xml
from assistant.core.profiles.losses import Loss
from assistant.core.profiles.servers import lower_host
from assistant.core.profiles.xmlwrite import check_encoding
from assistant.core.words.errors import InputError

_SOCKET_TYPES: dict[str, Security] = {"SSL": "ssl", "STARTTLS": "starttls", "plain": "plain"}
# Thunderbird's <authentication> values and their meaning here (None: valid, not ours to set up).
_AUTH_IN: dict[str, Auth | None] = {
    "password-cleartext": "password-cleartext", "plain": "password-cleartext",
    "password-encrypted": "password-encrypted", "secure": "password-encrypted",
    "OAuth2": "OAuth2", "GSSAPI": None, "NTLM": None,
}
_AUTH_OUT: dict[str, Auth | None] = {
    **_AUTH_IN, "none": "none", "client-IP-address": "none", "smtp-after-pop": "none",
}
_LEGACY_AUTH = {"plain": "password-cleartext", "secure": "password-encrypted"}
_SERVER_PARTS = {"hostname", "port", "socketType", "username", "authentication", "pop3", "password"}
_PROVIDER_PARTS = {"domain", "displayName", "displayShortName", "incomingServer", "outgoingServer",
                   "documentation"}
_MAX_DEPTH = 16  # kept elements nest no deeper (real files nest 3)
_DEFAULT_PORTS: dict[tuple[str, Security], int] = {
    ("imap", "ssl"): 993, ("imap", "starttls"): 143, ("imap", "plain"): 143,
    ("pop3", "ssl"): 995, ("pop3", "starttls"): 110, ("pop3", "plain"): 110,
}
_PLACEHOLDER = re.compile(r"%[A-Z0-9]+%")
_HOST_CHARS = re.compile(r"^[A-Za-z0-9.\-]+$")


class _Skip(Exception):
    """This server entry is unusable; the message says why (kept for the error if nothing remains)."""


def _text(parent: ET.Element, name: str) -> str | None:
    for child in parent:
        if local_name(child) == name:
            return (child.text or "").strip()
    return None


def _all_text(parent: ET.Element, name: str) -> list[str]:
    return [(c.text or "").strip() for c in parent if local_name(c) == name]


def _children(parent: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in parent if local_name(c) == name]


def valid_hostname(value: str) -> bool:
    """Thunderbird's InputSanitizer.hostname: ASCII letters, digits, '-', '.', placeholders; no IDN."""
    bare = _PLACEHOLDER.sub("x", value)
    return bool(bare) and len(bare) <= 253 and _HOST_CHARS.match(bare) is not None and ".." not in bare


def _port(server: ET.Element, required: bool) -> int | None:
    raw = _text(server, "port")
    if raw is None or raw == "":
        if required:
            raise _Skip("no <port>")
        return None
    port = parse_port(raw)
    if port is None:
        raise _Skip(f"port {raw[:20]!r} is not 1-65535")
    return port


def _server(server: ET.Element, outgoing: bool) -> tuple[ServerConfig, Pop3Settings | None]:
    kind = server.get("type", "")
    allowed = ("smtp",) if outgoing else ("imap", "pop3")
    if kind not in allowed:
        raise _Skip(f"server type {kind!r} is not supported here")
    protocol: Protocol = "smtp" if kind == "smtp" else ("imap" if kind == "imap" else "pop3")
    host = _text(server, "hostname")
    if not host:
        raise _Skip("no <hostname>")
    if not valid_hostname(host):
        raise _Skip(f"invalid hostname {host!r}")
    security = next((_SOCKET_TYPES[s] for s in _all_text(server, "socketType") if s in _SOCKET_TYPES), None)
    if security is None:
        raise _Skip(f"{host}: no <socketType> of SSL, STARTTLS or plain")
    given = _port(server, required=outgoing)
    port = given or _DEFAULT_PORTS[(protocol, security)]
    table = _AUTH_OUT if outgoing else _AUTH_IN
    methods = list(dict.fromkeys(_LEGACY_AUTH.get(a, a) for a in _all_text(server, "authentication")
                                 if a in table))
    if not methods:
        raise _Skip(f"{host}: no recognised <authentication>")
    auth = next((m for m in (table[a] for a in methods) if m is not None), None)
    if auth is None:
        raise _Skip(f"{host}: only {', '.join(methods)} authentication, which this program cannot set up")
    # Like Thunderbird, a missing <username> is no reason to skip a server, incoming or outgoing: it
    # stays "not given" and a rewrite leaves it out again.
    username = _text(server, "username") or ""
    pop3: Pop3Settings | None = None
    if protocol == "pop3":
        pop3 = _pop3_settings(server)
    extras = tuple(part(c) for c in server if local_name(c) not in _SERVER_PARTS and local_name(c))
    return ServerConfig(protocol=protocol, host=host, port=port, security=security, username=username,
                        auth=auth, auth_methods=() if methods == [auth] else tuple(methods),
                        port_given=given is not None, extras=extras), pop3


def part(element: ET.Element, depth: int = 0) -> XmlPart:
    """An element we do not interpret, as plain data (namespaces and comments left out)."""
    text = (element.text or "").strip() or None
    children = tuple(part(c, depth + 1) for c in element if local_name(c)) if depth < _MAX_DEPTH else ()
    attrs = tuple((_attr_name(k), v) for k, v in element.attrib.items() if _attr_name(k))
    return XmlPart(local_name(element), attrs, text, children)


def _attr_name(key: str) -> str:
    """xml:lang stays xml:lang; other namespaced attributes have no prefix we could write, so they go."""
    if not key.startswith("{"):
        return key
    namespace, _, local = key[1:].partition("}")
    return f"xml:{local}" if namespace == "http://www.w3.org/XML/1998/namespace" else ""


def _raw(element: ET.Element, outgoing: bool, after: int) -> RawServer:
    """An entry we cannot set up, kept with its text elements for an autoconfig rewrite."""
    children = tuple((local_name(c), (c.text or "").strip()) for c in element
                     if local_name(c) and local_name(c) != "password" and not len(c))
    return RawServer("outgoing" if outgoing else "incoming", element.get("type", ""), children, after)


def _documentation(provider: ET.Element) -> tuple[DocLink, ...]:
    """Every help link: Thunderbird ignores them, people read them; never a reason to refuse a file."""
    out = []
    for doc in _children(provider, "documentation"):
        url = (doc.get("url") or "").strip()
        if url:
            descr = tuple(((d.get("lang") or ""), (d.text or "").strip()) for d in _children(doc, "descr"))
            out.append(DocLink(url, descr))
    return tuple(out)


def _bool(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return {"true": True, "false": False}.get(value.lower(), default)


def _pop3_settings(server: ET.Element) -> Pop3Settings:
    block = next(iter(_children(server, "pop3")), None)
    if block is None:
        return Pop3Settings()
    days_text = _text(block, "daysToLeaveMessagesOnServer")
    days = parse_decimal(days_text, 5)
    if days is None:
        days = Pop3Settings().days_to_leave
    return Pop3Settings(leave_on_server=_bool(_text(block, "leaveMessagesOnServer"), True),
                        days_to_leave=days,
                        download_on_biff=_bool(_text(block, "downloadOnBiff"), True))


def read_autoconfig(data: bytes, origin: str, losses: list[Loss] | None = None) -> AccountConfig:
    """Parse an autoconfig file; raise InputError (one line naming ``origin``) if nothing usable remains.

    Elements this program does not interpret are kept (``extras``) for an autoconfig rewrite; passwords
    in the file are not (announced in ``losses``).
    """
    check_encoding(data, origin)
    root = parse_xml(data, origin)
    if local_name(root) != "clientConfig":
        raise InputError(f"{origin}: the root element is <{local_name(root)}>, expected <clientConfig>")
    provider = next(iter(_children(root, "emailProvider")), None)
    if provider is None:
        raise InputError(f"{origin}: no <emailProvider> inside <clientConfig>")
    provider_id = (provider.get("id") or "").strip()
    if not valid_hostname(provider_id):
        raise InputError(f"{origin}: <emailProvider id={provider_id!r}> is not a valid domain name")
    domains = tuple(lower_host(d) for d in _all_text(provider, "domain") if valid_hostname(d))
    if not domains:
        raise InputError(f"{origin}: no valid <domain> in <emailProvider>")
    servers: dict[bool, list[ServerConfig]] = {False: [], True: []}
    others: list[RawServer] = []
    pop3: Pop3Settings | None = None
    problems: dict[bool, str] = {}
    for element in provider:
        name = local_name(element)
        if name not in ("incomingServer", "outgoingServer"):
            continue
        is_out = name == "outgoingServer"
        try:
            server, pop3_here = _server(element, is_out)
        except _Skip as skip:
            problems[is_out] = str(skip)
            others.append(_raw(element, is_out, len(servers[is_out])))
            continue
        servers[is_out].append(server)
        if pop3 is None and pop3_here is not None:
            pop3 = pop3_here
    for is_out, label in ((False, "incomingServer"), (True, "outgoingServer")):
        if not servers[is_out]:
            why = f" (last problem: {problems[is_out]})" if is_out in problems else ""
            raise InputError(f"{origin}: no usable <{label}>{why}")
    docs = _documentation(provider)
    if losses is not None and any(local_name(c) == "password" for e in provider for c in e):
        losses.append(Loss("dropped", "password", "a password in the file (never carried over)"))
    return AccountConfig(
        domain=domains[0], incoming=tuple(servers[False]), outgoing=tuple(servers[True]),
        display_name=None, provider_id=provider_id,
        provider_name=_text(provider, "displayName") or provider_id,
        provider_short_name=_text(provider, "displayShortName") or None,
        documentation_url=docs[0].url if docs else None, documentation=docs,
        pop3=pop3 or Pop3Settings(), domains=domains, other_servers=tuple(others),
        provider_extras=tuple(part(c) for c in provider if local_name(c) and
                              local_name(c) not in _PROVIDER_PARTS),
        root_extras=tuple(part(c) for c in root if local_name(c) and c is not provider),
    )


def config_candidates(config: AccountConfig, source: Source, address: EmailAddress) -> list[Candidate]:
    """The servers of ``config`` as Candidates in file order (``preference``), hostnames filled in, each with
    every sign-in method the file named (OAuth2 and its password fallback both: recognising a provider that
    takes only OAuth2 depends on it).

    Servers whose hostname needs a value we lack (e.g. %EMAILLOCALPART% for a bare domain) are left out.
    """
    out: list[Candidate] = []
    for index, server in enumerate((*config.incoming, *config.outgoing)):
        host = address.expand(server.host)
        if host is None or not valid_hostname(host):
            continue
        out.append(Candidate(protocol=server.protocol, host=host.lower().rstrip("."), port=server.port,
                             security=server.security, source=source, preference=index,
                             username=server.username or None, auth=server.methods))
    return out


def oauth2_issuer(config: AccountConfig) -> str | None:
    """The ``<issuer>`` of the file's ``<oAuth2>`` element (accounts.google.com …), if it has one."""
    for part in config.root_extras:
        if part.name == "oAuth2":
            issuer = next((c.text for c in part.children if c.name == "issuer" and c.text), None)
            return issuer.strip().lower() if issuer else None
    return None
