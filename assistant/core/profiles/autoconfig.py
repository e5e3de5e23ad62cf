"""Thunderbird autoconfig v1.1 (config-v1.1.xml) writer.

Written to satisfy both Thunderbird desktop's reader and Thunderbird for Android's stricter one: every
server carries hostname, port, socketType, username and recognised authentication values; no ``plain``
socketType unless explicitly allowed; the chosen incoming protocol comes first (Android only reads IMAP, so
an IMAP alternative is still listed when POP3 is chosen).

A file read from autoconfig is written back with everything Thunderbird reads: every server in the file's
order (entries this program cannot set up, such as Exchange or EWS, are kept as written), every
authentication method, host names with their placeholders and case, and a missing user name left missing.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.core.model.account import AccountConfig, RawServer, ServerConfig, XmlPart
from assistant.core.profiles.losses import Loss
from assistant.core.profiles.servers import Express, ascii_host, file_host, select_servers, server_name
from assistant.core.profiles.xmlwrite import Node, clean_text, has_bad_chars, render

SOCKET_TYPES = {"ssl": "SSL", "starttls": "STARTTLS", "plain": "plain"}
DISPLAY_NAME_MAX, SHORT_NAME_MAX = 60, 20  # the draft's hard limits


def _server(parent: Node, server: ServerConfig, account: AccountConfig, outgoing: bool) -> None:
    kind = "outgoingServer" if outgoing else "incomingServer"
    node = parent.add(kind, type="smtp" if outgoing else server.protocol)
    node.add("hostname", file_host(server.host, f"autoconfig: {server_name(server)}"))
    if server.port_given:  # a file without one gets none back (the default is the reader's)
        node.add("port", str(server.port))
    node.add("socketType", SOCKET_TYPES[server.security])
    if server.username:  # a file without one gets none back (Thunderbird reads both the same way)
        node.add("username", server.username)
    for method in server.methods:
        node.add("authentication", method)
    if server.protocol == "pop3":
        pop = node.add("pop3")
        pop.add("leaveMessagesOnServer", "true" if account.pop3.leave_on_server else "false")
        if account.pop3.leave_on_server and account.pop3.days_to_leave is not None:
            pop.add("daysToLeaveMessagesOnServer", str(account.pop3.days_to_leave))
        pop.add("downloadOnBiff", "true" if account.pop3.download_on_biff else "false")
    for extra in server.extras:
        _part(node, extra)


def _part(parent: Node, part: XmlPart) -> None:
    """An element kept as read (an element with children loses any text beside them, as readers do)."""
    node = Node(part.name, None if part.children else part.text, dict(part.attrs))  # attrs may say "name"
    parent.children.append(node)
    for child in part.children:
        _part(node, child)


def _raw(parent: Node, raw: RawServer, losses: list[Loss]) -> None:
    """An entry kept as read; one holding what XML cannot carry is dropped (announced), never written."""
    if has_bad_chars(raw.type) or any(has_bad_chars(k) or has_bad_chars(v) for k, v in raw.children):
        losses.append(Loss("dropped", "raw_server", f"{raw.describe()} (it holds control characters)"))
        return
    node = parent.add("incomingServer" if raw.direction == "incoming" else "outgoingServer", type=raw.type)
    for name, text in raw.children:
        node.add(name, text)


def _express(losses: list[Loss]) -> Express:
    def express(server: ServerConfig) -> ServerConfig | str:
        if server.protocol != "smtp" and server.methods == ("none",):
            return "incoming servers without sign-in cannot be described (clients skip them)"
        if server.protocol != "smtp" and "none" in server.methods:
            kept = tuple(m for m in server.methods if m != "none")
            losses.append(Loss("dropped", "auth_methods", f"sign-in 'none' for {server_name(server)} "
                               f"(autoconfig has no such method for incoming servers)",
                               server=server_name(server), field="auth", before=",".join(server.methods),
                               after=",".join(kept)))
            return replace(server, auth=kept[0], auth_methods=kept if len(kept) > 1 else ())  # type: ignore[arg-type]
        return server
    return express


def _servers(provider: Node, servers: list[ServerConfig], raws: list[RawServer], account: AccountConfig,
             outgoing: bool, losses: list[Loss]) -> None:
    """Ours and the kept entries interleaved as they stood in the file."""
    for index, server in enumerate(servers):
        for raw in (r for r in raws if r.after == index):
            _raw(provider, raw, losses)
        _server(provider, server, account, outgoing)
    for raw in (r for r in raws if r.after >= len(servers)):
        _raw(provider, raw, losses)


def write_autoconfig(account: AccountConfig, *, allow_plain: bool = False,
                     losses: list[Loss] | None = None) -> bytes:
    """The config-v1.1.xml bytes for ``account`` (UTF-8, no BOM); what it cannot hold goes to ``losses``."""
    lost: list[Loss] = [] if losses is None else losses
    incoming, outgoing = select_servers(account, "autoconfig", allow_plain=allow_plain, losses=lost,
                                        express=_express(lost))
    domain = ascii_host(account.domain, "autoconfig: domain")
    domains = [ascii_host(d, "autoconfig: domain") for d in (account.domains or (domain,))]
    if domain not in domains:
        domains.insert(0, domain)
    root = Node("clientConfig", attrs={"version": "1.1"})
    provider_id = account.provider_id or domain
    checked = ascii_host(provider_id, "autoconfig: id")
    provider = root.add("emailProvider", id=provider_id.strip() if provider_id.isascii() else checked)
    for d in dict.fromkeys(domains):
        provider.add("domain", d)
    name = clean_text((account.provider_name or account.domain).strip(), "provider name", lost) or domain
    provider.add("displayName", name[:DISPLAY_NAME_MAX])
    short = clean_text((account.provider_short_name or name.split()[0].split(".")[0]).strip(),
                       "provider short name", lost) or domain
    provider.add("displayShortName", short[:SHORT_NAME_MAX])
    raws = [r for r in account.other_servers if r.direction == "incoming"]
    _servers(provider, incoming, raws, account, False, lost)
    raws = [r for r in account.other_servers if r.direction == "outgoing"]
    _servers(provider, outgoing, raws, account, True, lost)
    _documentation(provider, account, name, lost)
    for extra in account.provider_extras:
        _part(provider, extra)
    for extra in account.root_extras:
        _part(root, extra)
    _personal(account, lost)
    return render(root)


def _documentation(provider: Node, account: AccountConfig, name: str, losses: list[Loss]) -> None:
    """Every help link with its descriptions; plain-HTTP links are kept (they are links, not servers)."""
    for link in account.doc_links:
        if has_bad_chars(link.url) or not link.url.lower().startswith(("https://", "http://")):
            losses.append(Loss("dropped", "documentation", f"documentation link {link.url[:80]!r} (not an "
                               f"http(s) URL)"))
            continue
        doc = provider.add("documentation", url=link.url)
        # A link read from a file keeps its own descriptions (or none); one we make up gets a sentence.
        descriptions = link.descriptions or (() if account.documentation else
                                             (("en", f"How to set up mail for {name}"),))
        for lang, text in descriptions:
            attrs = {"lang": lang} if lang else {}
            doc.add("descr", clean_text(text, "documentation description", losses), **attrs)


def _personal(account: AccountConfig, losses: list[Loss]) -> None:
    """An autoconfig file is for every address of a domain: a person's address and name are not in it."""
    if account.address:
        losses.append(Loss("dropped", "address", f"the email address {account.address} (an autoconfig file "
                           f"is for every address of the domain)", field="address"))
    if account.display_name:
        losses.append(Loss("dropped", "display_name", "the person's name (autoconfig cannot hold it)",
                           field="display_name"))
