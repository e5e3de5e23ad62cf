"""Thunderbird autoconfig v1.1 (config-v1.1.xml) writer.

Written to satisfy both Thunderbird desktop's reader and Thunderbird for Android's stricter one: every
server carries hostname, port, socketType, username and one recognised authentication value; no ``plain``
socketType unless explicitly allowed; the chosen incoming protocol comes first (Android only reads IMAP, so
an IMAP alternative is still listed when POP3 is chosen).
"""

from __future__ import annotations

from assistant.core.errors import InputError
from assistant.core.model import AccountConfig, ServerConfig
from assistant.core.profiles._common import Node, ascii_host, check_servers, render

SOCKET_TYPES = {"ssl": "SSL", "starttls": "STARTTLS", "plain": "plain"}
DISPLAY_NAME_MAX, SHORT_NAME_MAX = 60, 20  # the draft's hard limits


def _server(parent: Node, server: ServerConfig, account: AccountConfig, outgoing: bool) -> None:
    kind = "outgoingServer" if outgoing else "incomingServer"
    if not outgoing and server.auth == "none":
        raise InputError(f"autoconfig: {server.protocol.upper()} server {server.host} without "
                         f"authentication cannot be described (clients skip it)")
    node = parent.add(kind, type="smtp" if outgoing else server.protocol)
    node.add("hostname", server.host.lower().rstrip("."))
    node.add("port", str(server.port))
    node.add("socketType", SOCKET_TYPES[server.security])
    node.add("username", server.username or "%EMAILADDRESS%")
    node.add("authentication", server.auth)
    if server.protocol == "pop3":
        pop = node.add("pop3")
        pop.add("leaveMessagesOnServer", "true" if account.pop3.leave_on_server else "false")
        if account.pop3.leave_on_server and account.pop3.days_to_leave is not None:
            pop.add("daysToLeaveMessagesOnServer", str(account.pop3.days_to_leave))
        pop.add("downloadOnBiff", "true" if account.pop3.download_on_biff else "false")


def write_autoconfig(account: AccountConfig, *, allow_plain: bool = False) -> bytes:
    """The config-v1.1.xml bytes for ``account`` (UTF-8, no BOM)."""
    check_servers(account, "autoconfig", allow_plain=allow_plain)
    domain = ascii_host(account.domain, "autoconfig: domain")
    domains = [ascii_host(d, "autoconfig: domain") for d in (account.domains or (domain,))]
    if domain not in domains:
        domains.insert(0, domain)
    root = Node("clientConfig", attrs={"version": "1.1"})
    provider = root.add("emailProvider", id=ascii_host(account.provider_id or domain, "autoconfig: id"))
    for d in dict.fromkeys(domains):
        provider.add("domain", d)
    name = (account.provider_name or account.domain).strip() or domain
    provider.add("displayName", name[:DISPLAY_NAME_MAX])
    short = (account.provider_short_name or name.split()[0].split(".")[0]).strip() or domain
    provider.add("displayShortName", short[:SHORT_NAME_MAX])
    for server in account.incoming:
        _server(provider, server, account, outgoing=False)
    for server in account.outgoing:
        _server(provider, server, account, outgoing=True)
    if account.documentation_url:
        url = account.documentation_url
        if not url.startswith("https://") or "%" in url:
            raise InputError(f"autoconfig: documentation URL '{url}' must be https:// and without "
                             f"placeholders")
        doc = provider.add("documentation", url=url)
        doc.add("descr", f"How to set up mail for {name}", lang="en")
    return render(root)
