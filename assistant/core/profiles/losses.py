"""What a conversion dropped or changed, as data: the CLI prints it, ``--json`` lists it, the GUI can show it.

Each format writer appends a ``Loss`` per item it cannot hold; ``export_with_losses`` and
``import_with_losses`` hand the list back with the bytes or the account.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

from assistant.core.model.account import AccountConfig, Pop3Settings


@dataclass(frozen=True)
class Loss:
    """One thing a conversion dropped or changed. ``str()`` is the stderr line ("dropped: ...").

    ``code`` is stable for scripts; ``server`` names the server ("imap imap.example.com:993") and ``field``
    the part of it (auth, security, username, host, server) when the loss is about one server.
    """

    kind: Literal["dropped", "changed"]
    code: str
    message: str
    server: str | None = None
    field: str | None = None
    before: str | None = None
    after: str | None = None

    def __post_init__(self) -> None:
        # One line per loss, whatever a file's names hold (a displayName may span lines).
        if not self.message.isprintable():
            object.__setattr__(self, "message", "".join(c if c.isprintable() else " " for c in self.message))

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def pop3_loss(account: AccountConfig, fmt: str, losses: list[Loss]) -> None:
    """Formats without POP3 leave-on-server settings lose them only when they differ from the defaults."""
    if account.pop3 != Pop3Settings():
        losses.append(Loss("dropped", "pop3_settings", f"the POP3 leave-on-server settings ({fmt} cannot "
                           f"hold them; clients use their defaults)", field="pop3"))


def provider_losses(account: AccountConfig, fmt: str, losses: list[Loss], *, name: bool) -> None:
    """What only an autoconfig file holds: help links, further domains, kept entries, the provider's name."""
    for link in account.doc_links:
        losses.append(Loss("dropped", "documentation", f"documentation link {link.url[:100]} ({fmt} cannot "
                           f"hold it)", field="documentation"))
    if len(account.domains) > 1:
        rest = account.domains[1:]
        named = ", ".join(rest[:8]) + (f" and {len(rest) - 8} more" if len(rest) > 8 else "")
        losses.append(Loss("dropped", "domains", f"the domains {named} ({fmt} describes {account.domain} "
                           f"only)", field="domains"))
    for raw in account.other_servers:
        losses.append(Loss("dropped", "raw_server", f"{raw.describe()} ({fmt} cannot hold it)",
                           field="server"))
    for extra in dict.fromkeys(p.name for p in (*account.provider_extras, *account.root_extras)):
        losses.append(Loss("dropped", "autoconfig_element", f"the autoconfig <{extra}> element ({fmt} cannot "
                           f"hold it)", field=extra))
    for server in (*account.incoming, *account.outgoing):
        for part in server.extras:
            label = f"{server.protocol} {server.host}:{server.port}"
            losses.append(Loss("dropped", "server_element", f"<{part.name}> of {label} ({fmt} cannot hold "
                               f"it)", server=label, field=part.name))
    if name and account.provider_name and account.provider_name != account.domain:
        losses.append(Loss("dropped", "provider_name", f"the provider name '{account.provider_name}' ({fmt} "
                           f"cannot hold it)", field="provider_name"))
