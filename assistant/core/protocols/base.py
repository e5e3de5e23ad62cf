"""What every protocol conversation offers the endpoint prober (and later the sign-in test)."""

from __future__ import annotations

import re

from assistant.core.protocols.lineconn import LineConnection

MAX_RESPONSE_LINES = 200  # a capability answer longer than this is not a capability answer

_PRINTABLE = re.compile(r"[^\x20-\x7e]")


def clean(text: str, limit: int = 200) -> str:
    """Server text made safe to show: printable ASCII only, bounded length."""
    return _PRINTABLE.sub("?", text)[:limit]


class Chat:
    """One protocol's conversation steps. Instances carry per-session state (IMAP tags).

    ``greeting`` returns the greeting text and any capabilities it announced; ``capabilities`` asks for
    them; ``starttls`` sends the upgrade command and returns once the server's exact go-ahead line was
    read (the caller then upgrades and re-asks capabilities); ``quit`` says goodbye without waiting.
    """

    name = "?"

    def __init__(self, conn: LineConnection) -> None:
        self.conn = conn

    async def greeting(self) -> tuple[str, list[str]]:
        raise NotImplementedError

    async def capabilities(self) -> list[str]:
        raise NotImplementedError

    def offers_starttls(self, caps: list[str]) -> bool:
        raise NotImplementedError

    async def starttls(self) -> None:
        raise NotImplementedError

    def auth_mechanisms(self, caps: list[str]) -> list[str]:
        raise NotImplementedError

    def quit(self) -> None:
        raise NotImplementedError
