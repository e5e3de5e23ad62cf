"""Check an autoconfig file the way the two strictest readers do: Thunderbird desktop and Android.

Thunderbird desktop (readFromXML) skips a server it cannot use and rejects the file only when no incoming or
outgoing server remains; Thunderbird for Android / K-9 (RealAutoconfigParser) rejects the whole file for any
incomplete server and knows neither ``plain`` nor legacy authentication names. A file we write must pass
both, so the exporter's tests run every file through here. Also reads Autodiscover the way Thunderbird does,
to prove our SSL/Encryption elements mean what we intend.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from assistant.core.model.fields import parse_decimal, parse_port
from assistant.core.net.xmlsafe import local_name, parse_xml
from assistant.core.words.errors import InputError

_PLACEHOLDER = re.compile(r"%[A-Z0-9]+%")
_KNOWN_PLACEHOLDERS = {"%EMAILADDRESS%", "%EMAILLOCALPART%", "%EMAILDOMAIN%", "%REALNAME%"}
_HOST = re.compile(r"^[A-Za-z0-9.\-]+$")
_TB_IN_TYPES = {"pop3", "imap", "nntp", "exchange", "ews", "owa"}
_TB_SOCKET = {"plain", "SSL", "STARTTLS"}
_TB_AUTH_IN = {"password-cleartext", "plain", "password-encrypted", "secure", "GSSAPI", "NTLM", "OAuth2"}
_TB_AUTH_OUT = _TB_AUTH_IN | {"none", "client-IP-address", "smtp-after-pop"}
_ANDROID_SOCKET = {"SSL", "STARTTLS"}
_ANDROID_AUTH = {"OAuth2", "password-cleartext", "password-encrypted"}
_IMPLICIT_PORTS, _STARTTLS_PORTS = {993, 995, 465}, {143, 110, 587, 25}
_Add = Callable[[str, str, str, str], None]


@dataclass(frozen=True)
class Problem:
    """``reader`` is "thunderbird", "android" or "both"; ``severity`` "error" (file or server rejected),
    "warning" (works somewhere, fails elsewhere or is insecure) or "info"."""

    reader: str
    severity: str
    code: str
    detail: str

    def __str__(self) -> str:
        return f"{self.severity} [{self.reader}] {self.code}: {self.detail}"


def _hostname_ok(value: str | None) -> bool:
    if not value:
        return False
    bare = _PLACEHOLDER.sub("x", value)
    return len(bare) <= 253 and bool(_HOST.match(bare)) and ".." not in bare


def _texts(parent: ET.Element, name: str) -> list[str]:
    return [(c.text or "").strip() for c in parent if local_name(c) == name]


def _first(parent: ET.Element, name: str) -> str | None:
    values = _texts(parent, name)
    return values[0] if values else None


def _elements_with_children(parent: ET.Element, names: tuple[str, ...]) -> list[str]:
    return [local_name(c) for c in parent if local_name(c) in names and len(c)]


def check_autoconfig(data: bytes, origin: str = "autoconfig") -> list[Problem]:
    """All problems both readers would have with ``data``; an empty list means both accept it cleanly."""
    out: list[Problem] = []

    def add(reader: str, severity: str, code: str, detail: str) -> None:
        out.append(Problem(reader, severity, code, detail))

    if data.startswith(b"\xef\xbb\xbf"):
        add("both", "warning", "bom", "starts with a UTF-8 byte-order mark")
    try:
        root = parse_xml(data, origin)
    except InputError as exc:
        add("both", "error", "not_xml", str(exc))
        return out
    if local_name(root) != "clientConfig" or root.tag != "clientConfig":
        add("both", "error", "root", f"root element is <{root.tag}>, expected <clientConfig>")
        return out
    if root.get("version") not in ("1.1", "1.2"):
        add("both", "info", "version", f"version {root.get('version')!r} is not 1.1")
    providers = [c for c in root if local_name(c) == "emailProvider"]
    if not providers:
        add("both", "error", "no_email_provider", "no <emailProvider>")
        return out
    if any(local_name(c) == "documentation" for c in root):
        add("both", "warning", "documentation_outside", "<documentation> outside <emailProvider>")
    provider = providers[0]
    if not _hostname_ok(provider.get("id")):
        add("both", "error", "provider_id", f"emailProvider id {provider.get('id')!r} is not a host name")
    if not any(_hostname_ok(d) for d in _texts(provider, "domain")):
        add("both", "error", "no_domain", "no valid <domain>")
    if len(_first(provider, "displayName") or "") > 30:
        add("both", "info", "display_name_long", "displayName longer than 30 characters")
    if len(_first(provider, "displayShortName") or "") > 12:
        add("both", "info", "short_name_long", "displayShortName longer than 12 characters")
    docs = [c for c in provider if local_name(c) == "documentation"]
    for doc in docs:
        # Percent-escapes (%28) are not placeholders; only the names clients substitute elsewhere count.
        if any(token in _KNOWN_PLACEHOLDERS for token in _PLACEHOLDER.findall(doc.get("url") or "")):
            add("both", "warning", "placeholder_in_url", "placeholder in documentation url")
    incoming = [c for c in provider if local_name(c) == "incomingServer"]
    outgoing = [c for c in provider if local_name(c) == "outgoingServer"]
    tb_in = [s for s in incoming if _thunderbird_server(s, False, add)]
    tb_out = [s for s in outgoing if _thunderbird_server(s, True, add)]
    if not tb_in:
        add("thunderbird", "error", "no_incoming", "no usable <incomingServer>")
    if not tb_out:
        add("thunderbird", "error", "no_outgoing", "no usable <outgoingServer>")
    imap = [s for s in incoming if s.get("type") == "imap"]
    smtp = [s for s in outgoing if s.get("type") == "smtp"]
    for server in (*imap, *smtp):
        _android_server(server, add)
    if not imap:
        add("android", "warning", "no_imap", "no IMAP server: Android finds nothing usable (POP3 is skipped)")
    if not smtp:
        add("android", "error", "no_smtp", "no SMTP server")
    _order_checks(incoming, outgoing, add)
    return out


def _thunderbird_server(server: ET.Element, outgoing: bool, add: _Add) -> bool:
    """Thunderbird's per-server rules; False means Thunderbird skips the server (logged as error)."""
    kind = server.get("type", "")
    label = f"{'outgoing' if outgoing else 'incoming'} {kind or '?'} {_first(server, 'hostname') or '?'}"

    def skip(code: str, detail: str) -> bool:
        add("thunderbird", "error", code, f"{label}: {detail}")
        return False

    for value in (_first(server, "username") or "", _first(server, "hostname") or ""):
        _placeholder_check(value, label, add)
    if (kind != "smtp") if outgoing else (kind not in _TB_IN_TYPES):
        return skip("server_type", f"type {kind!r} not supported")
    url_host = urlsplit(_first(server, "url") or "").hostname  # Exchange types give a URL instead
    if not _hostname_ok(_first(server, "hostname") or url_host):
        return skip("hostname", "missing or invalid <hostname>")
    port = _first(server, "port")
    if port is None and outgoing:
        return skip("port", "outgoing server without <port>")
    if port is not None and parse_port(port) is None:
        return skip("port", f"port {port!r} is not 1-65535")
    sockets = [s for s in _texts(server, "socketType") if s in _TB_SOCKET] or (["SSL"] if url_host else [])
    if not sockets:
        return skip("socket_type", "no <socketType> of SSL, STARTTLS or plain")
    auths = [a for a in _texts(server, "authentication") if a in (_TB_AUTH_OUT if outgoing else _TB_AUTH_IN)]
    if not auths:
        return skip("authentication", "no recognised <authentication>")
    # readFromXML takes String(username) for both directions: a missing one is "undefined", not a skip.
    username = _first(server, "username")
    needs_one = not outgoing or auths[0] not in ("none", "client-IP-address", "smtp-after-pop")
    if needs_one and not username:
        add("thunderbird", "warning", "username", f"{label}: no <username> (Thunderbird uses 'undefined')")
    if sockets[0] == "plain":
        add("both", "warning", "plain", f"{label}: socketType plain sends the password unencrypted")
    if auths[0] in ("plain", "secure"):
        add("android", "warning", "legacy_auth", f"{label}: legacy authentication name {auths[0]!r}")
    if any(t == "" for t in _texts(server, "authentication")):
        add("both", "warning", "empty_auth", f"{label}: empty <authentication/>")
    if _first(server, "useGlobalPreferredServer") == "true":
        add("thunderbird", "warning", "global_smtp", f"{label}: useGlobalPreferredServer is true")
    return True


def _placeholder_check(value: str, label: str, add: _Add) -> None:
    for token in _PLACEHOLDER.findall(value):
        if token not in _KNOWN_PLACEHOLDERS:
            add("both", "warning", "placeholder", f"{label}: unknown placeholder {token}")
    if value.count("%") % 2:
        add("both", "error", "placeholder", f"{label}: unbalanced '%' in {value!r}")


def _android_server(server: ET.Element, add: _Add) -> None:
    """Android's rules: any missing or unknown piece fails the whole file."""
    label = f"{server.get('type')} {_first(server, 'hostname') or '?'}"
    text_only = ("hostname", "port", "socketType", "username", "authentication")
    for name in _elements_with_children(server, text_only):
        add("android", "error", "element_in_text", f"{label}: <{name}> has child elements")
    if not _hostname_ok(_first(server, "hostname")):
        add("android", "error", "hostname", f"{label}: missing or invalid <hostname>")
    port = _first(server, "port")
    android_port = parse_decimal(port, 5)
    if android_port is None or android_port > 65535:
        add("android", "error", "port", f"{label}: missing or invalid <port>")
    if not _first(server, "username"):
        add("android", "error", "username", f"{label}: missing <username>")
    socket = _first(server, "socketType")
    if socket not in _ANDROID_SOCKET:
        add("android", "error", "socket_type", f"{label}: unknown socketType {socket!r}")
    if not any(a in _ANDROID_AUTH for a in _texts(server, "authentication")):
        add("android", "error", "authentication", f"{label}: no usable <authentication>")


def _order_checks(incoming: list[ET.Element], outgoing: list[ET.Element], add: _Add) -> None:
    for server in (*incoming, *outgoing):
        port, socket = _first(server, "port"), _first(server, "socketType")
        p = parse_port(port)
        if p is not None:
            if (socket == "STARTTLS" and p in _IMPLICIT_PORTS) or (socket == "SSL" and p in _STARTTLS_PORTS):
                add("both", "warning", "port_mismatch", f"port {p} with socketType {socket}")


@dataclass(frozen=True)
class AutodiscoverReading:
    """One Protocol entry as Thunderbird's readAutoDiscoverXML understands it."""

    type: str
    host: str
    port: int
    security: str  # ssl | starttls | plain
    auth: str  # password-cleartext | password-encrypted
    username: str


def thunderbird_reads_autodiscover(data: bytes, origin: str = "autodiscover") -> list[AutodiscoverReading]:
    """Thunderbird's rules: SSL off or Encryption none → plain; else port 143/110/25/587 → STARTTLS, other
    ports → implicit TLS (Encryption=TLS is not read); SPA on → encrypted password; LoginName or address."""
    root = parse_xml(data, origin)
    out: list[AutodiscoverReading] = []
    for proto in root.iter():
        if local_name(proto) != "Protocol":
            continue
        kind = (_first(proto, "Type") or "").upper()
        if kind not in ("IMAP", "POP3", "SMTP"):
            continue
        port = parse_port(_first(proto, "Port")) or 0
        ssl = (_first(proto, "SSL") or "on").lower()
        encryption = (_first(proto, "Encryption") or "").lower()
        if ssl == "off" or encryption == "none":
            security = "plain"
        else:
            security = "starttls" if port in _STARTTLS_PORTS else "ssl"
        spa = (_first(proto, "SPA") or "").lower() == "on"
        out.append(AutodiscoverReading(kind, _first(proto, "Server") or "", port, security,
                                       "password-encrypted" if spa else "password-cleartext",
                                       _first(proto, "LoginName") or "%EMAILADDRESS%"))
    return out
