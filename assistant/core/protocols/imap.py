"""IMAP probing: greeting → CAPABILITY → STARTTLS → CAPABILITY → LOGOUT (RFC 3501 / RFC 9051).

Literals (``{123}``) are refused while probing: a capability answer never needs one, and reading one is
how clients get made to allocate gigabytes (gh-119511).
"""

from __future__ import annotations

import re

from assistant.core.protocols.base import MAX_RESPONSE_LINES, Chat
from assistant.core.protocols.lineconn import LineConnection, ProtocolError
from assistant.core.words.messages import Message

_LITERAL = re.compile(r"\{\d+\+?\}$")
_CAP_CODE = re.compile(r"\[CAPABILITY ([^\]]*)\]", re.IGNORECASE)


class ImapChat(Chat):
    name = "imap"

    def __init__(self, conn: LineConnection) -> None:
        super().__init__(conn)
        self._tag = 0
        self.preauth = False

    def next_tag(self) -> str:
        """A fresh command tag; sign-in continues the same sequence on the same session."""
        self._tag += 1
        return f"a{self._tag}"

    async def _line(self) -> str:
        text = await self.conn.read_text()
        if _LITERAL.search(text):
            raise ProtocolError(Message("imap_literal", {"host": self.conn.host}))
        return text

    async def greeting(self) -> tuple[str, list[str]]:
        self.conn.phase = "IMAP greeting"
        text = await self._line()
        upper = text.upper()
        if upper.startswith("* PREAUTH"):
            self.preauth = True
        elif upper.startswith("* BYE"):
            raise ProtocolError(Message("imap_bye", {"host": self.conn.host}))
        elif not upper.startswith("* OK"):
            raise ProtocolError(Message("imap_not_greeting", {"host": self.conn.host}))
        m = _CAP_CODE.search(text)
        caps = m.group(1).split() if m else []
        return text, caps

    async def command(self, verb: str) -> tuple[str, list[str]]:
        """Send one tagged command; return the tagged status word and the untagged lines before it."""
        tag, command = self.next_tag(), verb.split()[0]
        self.conn.phase = f"answer to {command}"
        self.conn.write(f"{tag} {verb}\r\n".encode("ascii"))
        untagged: list[str] = []
        for _ in range(MAX_RESPONSE_LINES):
            text = await self._line()
            if text.startswith("* "):
                untagged.append(text)
                continue
            parts = text.split(" ", 2)
            if parts[0] == tag and len(parts) >= 2:
                return parts[1].upper(), untagged
            raise ProtocolError(Message("unexpected_line", {"host": self.conn.host, "command": command}))
        raise ProtocolError(Message("too_many_lines", {"host": self.conn.host, "command": command}))

    async def capabilities(self) -> list[str]:
        status, untagged = await self.command("CAPABILITY")
        if status != "OK":
            raise ProtocolError(Message("capability_refused", {"host": self.conn.host}))
        caps: list[str] = []
        for line in untagged:
            words = line.split()
            if len(words) >= 2 and words[1].upper() == "CAPABILITY":
                caps.extend(words[2:])
        if not caps:
            raise ProtocolError(Message("no_capabilities", {"host": self.conn.host}))
        return caps

    def offers_starttls(self, caps: list[str]) -> bool:
        return any(c.upper() == "STARTTLS" for c in caps)

    async def starttls(self) -> None:
        status, _ = await self.command("STARTTLS")
        if status != "OK":
            raise ProtocolError(Message("starttls_refused", {"host": self.conn.host, "command": "STARTTLS"}),
                                warning="starttls_refused")

    def auth_mechanisms(self, caps: list[str]) -> list[str]:
        return [c[5:].upper() for c in caps if c.upper().startswith("AUTH=") and len(c) > 5]

    def quit(self) -> None:
        if not self.conn.transport.is_closing():
            self.conn.transport.write(f"{self.next_tag()} LOGOUT\r\n".encode("ascii"))
