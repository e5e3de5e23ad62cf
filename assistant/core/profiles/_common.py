"""Small pieces every profile format shares: an XML writer, placeholder handling, account checks.

The writer is ours rather than ElementTree's because the Autodiscover response nests two default
namespaces, which ElementTree can only write with invented prefixes that some clients do not read; and
because golden files need byte-for-byte stable output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import idna
from publicsuffixlist import PublicSuffixList

from assistant.core.errors import InputError
from assistant.core.model import AccountConfig, ServerConfig

MAX_PROFILE_BYTES = 1024 * 1024  # no real profile comes near this; anything bigger is refused unread
PLACEHOLDER = re.compile(r"%[A-Z0-9]+%")
_HOST = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*"
                   r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
SECURITY_LABELS = {"ssl": "SSL/TLS", "starttls": "STARTTLS", "plain": "None (unencrypted)"}


@dataclass
class Node:
    """An XML element: a name, attributes in writing order, and either text or children."""

    name: str
    text: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)

    def add(self, name: str, text: str | None = None, **attrs: str) -> Node:
        child = Node(name, text, dict(attrs))
        self.children.append(child)
        return child


def render(root: Node, declaration: str = 'version="1.0" encoding="UTF-8"') -> bytes:
    """UTF-8 without BOM, two-space indent, every text and attribute escaped, ending in a newline."""
    # Imported here: xml.sax.saxutils brings urllib.request and http.client (~30 ms), which the
    # wizard's first window must not wait for.
    from xml.sax.saxutils import escape, quoteattr
    lines = [f"<?xml {declaration}?>"]

    def walk(node: Node, depth: int) -> None:
        pad = "  " * depth
        attrs = "".join(f" {k}={quoteattr(v)}" for k, v in node.attrs.items())
        if node.children:
            lines.append(f"{pad}<{node.name}{attrs}>")
            for child in node.children:
                walk(child, depth + 1)
            lines.append(f"{pad}</{node.name}>")
        elif node.text is None:
            lines.append(f"{pad}<{node.name}{attrs}/>")
        else:
            lines.append(f"{pad}<{node.name}{attrs}>{escape(node.text)}</{node.name}>")

    walk(root, 0)
    return ("\n".join(lines) + "\n").encode("utf-8")


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


def expand(username: str, address: str | None) -> str | None:
    """Fill %EMAILADDRESS% / %EMAILLOCALPART% / %EMAILDOMAIN% from the address; None if impossible."""
    if not PLACEHOLDER.search(username):
        return username
    if not address or "@" not in address:
        return None
    local, _, domain = address.rpartition("@")
    values = {"%EMAILADDRESS%": address, "%EMAILLOCALPART%": local, "%EMAILDOMAIN%": domain}
    out = PLACEHOLDER.sub(lambda m: values.get(m.group(0), m.group(0)), username)
    return None if PLACEHOLDER.search(out) else out


def collapse(username: str | None, address: str | None) -> str:
    """The reverse of ``expand`` for importers: a username equal to the address becomes the placeholder."""
    if not username:
        return "%EMAILADDRESS%"
    if address and "@" in address:
        if username.lower() == address.lower():
            return "%EMAILADDRESS%"
        if username == address.rpartition("@")[0]:
            return "%EMAILLOCALPART%"
    return username


def check_servers(account: AccountConfig, fmt: str, *, allow_plain: bool) -> None:
    """Refuse what no profile should carry: no servers, bad ports, plaintext unless explicitly allowed."""
    if not account.incoming:
        raise InputError(f"{fmt}: the account has no incoming (IMAP or POP3) server")
    if not account.outgoing:
        raise InputError(f"{fmt}: the account has no outgoing (SMTP) server")
    for server in (*account.incoming, *account.outgoing):
        check_server(server, fmt, allow_plain=allow_plain)


def check_server(server: ServerConfig, fmt: str, *, allow_plain: bool) -> None:
    where = f"{fmt}: {server.protocol.upper()} server {server.host}"
    if isinstance(server.port, bool) or not isinstance(server.port, int) or not 1 <= server.port <= 65535:
        raise InputError(f"{where}: port {server.port!r} is not 1-65535")
    if server.security == "plain" and not allow_plain:
        raise InputError(f"{where}: has no encryption; refusing to write it without --allow-plain")
    ascii_host(PLACEHOLDER.sub("x", server.host), where)


def fill_host(host: str, account: AccountConfig, fmt: str) -> str:
    """A host name with autoconfig placeholders (imap.%EMAILDOMAIN%) filled: other formats have none."""
    if not PLACEHOLDER.search(host):
        return ascii_host(host, fmt)
    address = account.address or f"x@{account.domain}"
    filled = expand(host, address)
    if filled is None or ("%EMAILLOCALPART%" in host and not account.address):
        raise InputError(f"{fmt}: host name '{host}' needs an email address to be filled in")
    return ascii_host(filled, fmt)


def reverse_dns(domain: str) -> str:
    """example.com → com.example (for Apple PayloadIdentifiers)."""
    return ".".join(reversed(ascii_host(domain, "domain").split(".")))


def domain_of(address: str | None) -> str | None:
    if address and "@" in address:
        return address.rpartition("@")[2].lower() or None
    return None


def guess_domain(host: str) -> str:
    """Importers without an address: the server's registered domain (imap.example.co.uk → example.co.uk)."""
    return str(_suffixes().privatesuffix(host.lower()) or host.lower())


@lru_cache(maxsize=1)
def _suffixes() -> PublicSuffixList:
    return PublicSuffixList()
