"""Outlook Autodiscover (POX) response: writer and reader (for files people hand us and for discovery).

``SSL`` and ``Encryption`` are written so that both Outlook and Thunderbird read what we mean: implicit TLS
is SSL on + Encryption SSL, STARTTLS is SSL on + Encryption TLS (never SSL off, which Thunderbird reads as
plaintext), plaintext is SSL off + Encryption None. SPA is always written (Outlook assumes "on" when it is
missing, which breaks password sign-in), and AuthRequired says whether sending needs a sign-in.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace

from assistant.core.model.account import AUTHS, AccountConfig, Auth, ServerConfig
from assistant.core.model.address import collapse
from assistant.core.model.fields import parse_port
from assistant.core.model.results import Protocol, Security
from assistant.core.net.xmlsafe import local_name, parse_xml
from assistant.core.profiles.losses import Loss, pop3_loss, provider_losses
from assistant.core.profiles.servers import (
    PASSWORD_METHODS,
    Express,
    check_identity,
    domain_of,
    fill_host,
    fill_username,
    guess_domain,
    password_fallback,
    select_servers,
    server_name,
)
from assistant.core.profiles.xmlwrite import Node, check_encoding, clean_text, render
from assistant.core.words.errors import InputError

NS_RESPONSE = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"
NS_OUTLOOK = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
_TYPES: dict[str, Protocol] = {"IMAP": "imap", "POP3": "pop3", "SMTP": "smtp"}
_SSL_ENCRYPTION = {"ssl": ("on", "SSL"), "starttls": ("on", "TLS"), "plain": ("off", "None")}
_STARTTLS_PORTS = {143, 110, 25, 587}
# <Encryption> values; "STARTTLS" is not in Microsoft's list but hosters write it.
_ENCRYPTION: dict[str, Security] = {"ssl": "ssl", "tls": "starttls", "starttls": "starttls", "none": "plain"}


def _protocol(account_node: Node, server: ServerConfig, account: AccountConfig, losses: list[Loss]) -> None:
    node = account_node.add("Protocol")
    node.add("Type", {"imap": "IMAP", "pop3": "POP3", "smtp": "SMTP"}[server.protocol])
    node.add("Server", fill_host(server.host, account, "autodiscover", losses, server_name(server)))
    node.add("Port", str(server.port))
    node.add("DomainRequired", "off")
    login = fill_username(server, account, "autodiscover", losses)
    if login:
        node.add("LoginName", login)
    node.add("SPA", "off")
    ssl, encryption = _SSL_ENCRYPTION[server.security]
    node.add("SSL", ssl)
    node.add("Encryption", encryption)
    node.add("AuthRequired", "off" if server.auth == "none" else "on")
    if server.protocol == "smtp":
        node.add("UsePOPAuth", "off")
        node.add("SMTPLast", "off")


def _express(losses: list[Loss]) -> Express:
    """OAuth2 gives way to a password method the server also offers; an encrypted password becomes a normal
    one (Autodiscover's SPA means NTLM, not CRAM-MD5)."""
    def express(server: ServerConfig) -> ServerConfig | str:
        allowed = (*PASSWORD_METHODS, "none", "client-IP-address", "smtp-after-pop") \
            if server.protocol == "smtp" else PASSWORD_METHODS
        got = password_fallback(server, "autodiscover", losses, allowed)
        if isinstance(got, str):
            return got
        if got.auth == "password-encrypted":
            name = server_name(server)
            losses.append(Loss("changed", "auth_encrypted", f"encrypted password sign-in (CRAM-MD5) for "
                               f"{name} becomes a normal password (Autodiscover's SPA means NTLM)",
                               server=name, field="auth", before="password-encrypted",
                               after="password-cleartext"))
            return replace(got, auth="password-cleartext")
        return replace(got, auth="none") if got.auth not in AUTHS else got
    return express


def write_autodiscover(account: AccountConfig, *, allow_plain: bool = False,
                       losses: list[Loss] | None = None) -> bytes:
    """The autodiscover.xml response: one Protocol per incoming server (chosen first), then SMTP."""
    lost: list[Loss] = [] if losses is None else losses
    incoming, outgoing = select_servers(account, "autodiscover", allow_plain=allow_plain, losses=lost,
                                        express=_express(lost))
    root = Node("Autodiscover", attrs={"xmlns": NS_RESPONSE})
    response = root.add("Response", xmlns=NS_OUTLOOK)
    display = clean_text(account.display_name or "", "person's name", lost)
    if display or account.address:
        user = response.add("User")
        if display:
            user.add("DisplayName", display)
        if account.address:
            user.add("AutoDiscoverSMTPAddress", check_identity(account.address, "autodiscover: address"))
    acc = response.add("Account")
    acc.add("AccountType", "email")
    acc.add("Action", "settings")
    seen: set[str] = set()
    for server in (*incoming, *outgoing):
        if server.protocol in seen:  # Outlook uses one entry per type; later ones only confuse it
            name = server_name(server)
            lost.append(Loss("dropped", "alternative_server", f"{name} (Autodiscover holds one "
                             f"{server.protocol.upper()} server)", server=name, field="server"))
            continue
        seen.add(server.protocol)
        _protocol(acc, server, account, lost)
    if any(s.protocol == "pop3" for s in incoming):
        pop3_loss(account, "autodiscover", lost)
    guessed = guess_domain(fill_host(incoming[0].host, account, "autodiscover"))
    if not account.address and guessed != account.domain.lower():
        lost.append(Loss("dropped", "domain", f"the domain {account.domain} (Autodiscover names no domain; "
                         f"a reader takes {guessed} from the server name)", field="domain"))
    provider_losses(account, "autodiscover", lost, name=True)
    return render(root, 'version="1.0" encoding="utf-8"')


# --- reading ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AutodiscoverAnswer:
    """What one Autodiscover response says: servers, or another address or URL to ask instead.

    ``exchange_only``: the response named only Exchange entries (EXCH, EXPR, WEB …), no IMAP/POP3/SMTP.
    """

    servers: tuple[ServerConfig, ...] = ()
    redirect_addr: str | None = None
    redirect_url: str | None = None
    exchange_only: bool = False
    address: str | None = None
    display_name: str | None = None


def _child(parent: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in parent if local_name(c) == name), None)


def _text(parent: ET.Element, name: str) -> str | None:
    node = _child(parent, name)
    if node is None:
        return None
    if len(node):
        raise InputError(f"<{name}> must hold text, not elements")
    return (node.text or "").strip()


def _security(proto: ET.Element, port: int) -> Security:
    """Encryption rules when it says SSL, TLS or None; SSL off means plaintext; else the port decides
    (Thunderbird's reading: "SSL on" does not say whether it means implicit TLS or STARTTLS)."""
    encryption = (_text(proto, "Encryption") or "").lower()
    if encryption in _ENCRYPTION:
        return _ENCRYPTION[encryption]
    if encryption not in ("", "auto"):
        raise InputError(f"<Encryption> value {encryption[:20]!r} is not SSL, TLS, None or Auto")
    if (_text(proto, "SSL") or "on").lower() == "off":
        return "plain"
    return "starttls" if port in _STARTTLS_PORTS else "ssl"


def _read_protocol(proto: ET.Element, address: str | None, losses: list[Loss]) -> ServerConfig | None:
    kind = (_text(proto, "Type") or "").upper()
    if kind not in _TYPES:  # Exchange, web and other entries are not ours to set up
        where = _text(proto, "Server") or _text(proto, "EwsUrl") or _text(proto, "ASUrl") or "?"
        losses.append(Loss("dropped", "exchange_entry", f"the {kind or '?'} entry ({where[:80]}): this "
                           f"program sets up IMAP, POP3 and SMTP only"))
        return None
    host = _text(proto, "Server")
    if not host:
        raise InputError(f"{kind} entry has no <Server>")
    port_text = _text(proto, "Port") or ""
    port = parse_port(port_text)
    if port is None:
        raise InputError(f"{kind} entry: <Port> {port_text[:20]!r} is not 1-65535")
    host = host.lower().rstrip(".")
    # Outlook assumes SPA on when it is missing, but files that omit it (automx2's) mean plain passwords,
    # which is also how Thunderbird reads them. SPA on means NTLM or Kerberos, which we cannot set up.
    if (_text(proto, "SPA") or "off").lower() == "on":
        name = f"{kind.lower()} {host[:80]}:{port}"
        losses.append(Loss("dropped", "spa_only", f"{name} asks for Secure Password Authentication (NTLM or "
                           "Kerberos), which this program cannot set up", server=name, field="auth"))
        return None
    auth: Auth = "password-cleartext"
    if kind == "SMTP" and (_text(proto, "AuthRequired") or "on").lower() == "off":
        auth = "none"
    return ServerConfig(protocol=_TYPES[kind], host=host, port=port, security=_security(proto, port),
                        username=collapse(_text(proto, "LoginName"), address), auth=auth)


def read_answer(data: bytes, origin: str, losses: list[Loss] | None = None,
                asked: str | None = None) -> AutodiscoverAnswer:
    """An Autodiscover POX response as it stands: servers, a redirect, or only Exchange entries.

    ``asked`` is the address the request was for: a LoginName equal to it becomes %EMAILADDRESS%.
    InputError naming ``origin`` for unsafe or malformed XML, an error response or a bad entry.
    """
    lost: list[Loss] = [] if losses is None else losses
    check_encoding(data, origin)
    root = parse_xml(data, origin)
    if local_name(root) != "Autodiscover":
        raise InputError(f"{origin}: the root element is <{local_name(root)}>, expected <Autodiscover>")
    try:
        response = _child(root, "Response")
        if response is None:
            raise InputError("no <Response> inside <Autodiscover>")
        error = _child(response, "Error")
        if error is not None:
            raise InputError(f"the response is an error ({(_text(error, 'Message') or 'no message')[:200]})")
        account_el = _child(response, "Account")
        if account_el is None:
            raise InputError("no <Account> inside <Response>")
        user = _child(response, "User")
        address = _text(user, "AutoDiscoverSMTPAddress") if user is not None else None
        display = _text(user, "DisplayName") if user is not None else None
        action = (_text(account_el, "Action") or "settings").lower()
        if action in ("redirectaddr", "redirecturl"):
            name = "RedirectAddr" if action == "redirectaddr" else "RedirectUrl"
            target = _text(account_el, name)
            if not target:
                raise InputError(f"the response is a redirect without <{name}>")
            return AutodiscoverAnswer(redirect_addr=target if name == "RedirectAddr" else None,
                                      redirect_url=target if name == "RedirectUrl" else None)
        if action != "settings":
            raise InputError(f"the response's Action is {action[:40]!r}, not settings or a redirect")
        protocols = [p for p in account_el if local_name(p) == "Protocol"]
        dropped = len(lost)
        servers = tuple(s for s in (_read_protocol(p, asked or address, lost) for p in protocols)
                        if s is not None)
    except InputError as exc:
        raise InputError(f"{origin}: {exc}") from None
    exchange = not servers and any(x.code == "exchange_entry" for x in lost[dropped:])
    return AutodiscoverAnswer(servers=servers, exchange_only=exchange, address=address or None,
                              display_name=display or None)


def read_autodiscover(data: bytes, origin: str, losses: list[Loss] | None = None) -> AccountConfig:
    """An Autodiscover POX response → account; InputError naming ``origin`` when it is not usable."""
    lost: list[Loss] = [] if losses is None else losses
    answer = read_answer(data, origin, lost)
    if answer.redirect_addr is not None or answer.redirect_url is not None:
        raise InputError(f"{origin}: the response is a redirect, not settings")
    incoming = tuple(s for s in answer.servers if s.protocol != "smtp")
    outgoing = tuple(s for s in answer.servers if s.protocol == "smtp")
    why = "; ".join(x.message for x in lost if x.code == "spa_only")
    if not incoming:
        raise InputError(f"{origin}: no IMAP or POP3 <Protocol> entry" + (f" ({why})" if why else ""))
    if not outgoing:
        raise InputError(f"{origin}: no SMTP <Protocol> entry" + (f" ({why})" if why else ""))
    address = answer.address
    # Never from a user name: a sign-in such as helpdesk@corp.local names a directory, not the mail domain.
    domain = domain_of(address) or guess_domain(incoming[0].host)
    return AccountConfig(domain=domain, incoming=incoming, outgoing=outgoing, address=address or None,
                         display_name=answer.display_name)
