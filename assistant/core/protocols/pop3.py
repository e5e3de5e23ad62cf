"""POP3 probing: +OK greeting → CAPA → STLS → CAPA → QUIT (RFC 1939, RFC 2449, RFC 2595)."""

from __future__ import annotations

from assistant.core.protocols.base import MAX_RESPONSE_LINES, Chat
from assistant.core.protocols.lineconn import ProtocolError
from assistant.core.words.messages import Message


class Pop3Chat(Chat):
    name = "pop3"

    async def greeting(self) -> tuple[str, list[str]]:
        self.conn.phase = "POP3 greeting"
        text = await self.conn.read_text()
        if text.startswith("-ERR"):
            raise ProtocolError(Message("pop3_refused", {"host": self.conn.host}))
        if not text.startswith("+OK"):
            raise ProtocolError(Message("pop3_not_greeting", {"host": self.conn.host}))
        return text, []

    async def capabilities(self) -> list[str]:
        """CAPA lines, one capability per entry (``SASL PLAIN LOGIN`` kept whole). ``[]`` if no CAPA."""
        self.conn.phase = "answer to CAPA"
        self.conn.write(b"CAPA\r\n")
        first = await self.conn.read_text()
        if first.startswith("-ERR"):
            return []  # RFC 1939-only server: no capability list
        if not first.startswith("+OK"):
            raise ProtocolError(Message("unexpected_answer", {"host": self.conn.host, "command": "CAPA"}))
        caps: list[str] = []
        for _ in range(MAX_RESPONSE_LINES):
            line = await self.conn.read_text()
            if line == ".":
                return caps
            if line.startswith(".."):
                line = line[1:]
            if line.strip():
                caps.append(" ".join(line.split()))
        raise ProtocolError(Message("too_many_lines", {"host": self.conn.host, "command": "CAPA"}))

    def offers_starttls(self, caps: list[str]) -> bool:
        return any(c.split()[0].upper() == "STLS" for c in caps)

    async def starttls(self) -> None:
        self.conn.phase = "answer to STLS"
        self.conn.write(b"STLS\r\n")
        line = await self.conn.read_text()
        if not line.startswith("+OK"):
            raise ProtocolError(Message("starttls_refused", {"host": self.conn.host, "command": "STLS"}),
                                warning="starttls_refused")

    def auth_mechanisms(self, caps: list[str]) -> list[str]:
        for c in caps:
            words = c.split()
            if words[0].upper() == "SASL":
                return [w.upper() for w in words[1:]]
        return []

    def quit(self) -> None:
        if not self.conn.transport.is_closing():
            self.conn.transport.write(b"QUIT\r\n")
