"""SMTP submission probing: 220 greeting → EHLO → STARTTLS → EHLO → QUIT (RFC 5321, RFC 3207, RFC 6409).

Multi-line replies are bounded in lines as well as bytes per line. EHLO names us by our address literal,
never by the computer's host name (which would leak it to every probed server).
"""

from __future__ import annotations

import ipaddress

from assistant.core.protocols.base import MAX_RESPONSE_LINES, Chat
from assistant.core.protocols.lineconn import ProtocolError
from assistant.core.words.messages import Message, phase_message


class SmtpChat(Chat):
    name = "smtp"

    async def reply(self) -> tuple[int, list[str]]:
        """One (possibly multi-line) reply: its code and the text of each line."""
        lines: list[str] = []
        code: str | None = None
        for _ in range(MAX_RESPONSE_LINES):
            text = await self.conn.read_text()
            head, sep = text[:3], text[3:4]
            digits = head.isascii() and head.isdigit()  # isdigit alone takes "²", which int() refuses
            if not digits or sep not in ("", " ", "-") or (code is not None and head != code):
                raise ProtocolError(Message("not_smtp_reply", {"host": self.conn.host,
                                                               "phase": phase_message(self.conn.phase)}))
            code = head
            lines.append(text[4:])
            if sep != "-":
                return int(code), lines
        raise ProtocolError(Message("phase_too_long", {"host": self.conn.host,
                                                       "phase": phase_message(self.conn.phase)}))

    async def greeting(self) -> tuple[str, list[str]]:
        self.conn.phase = "SMTP greeting"
        code, lines = await self.reply()
        if code != 220:
            raise ProtocolError(Message("smtp_refused", {"host": self.conn.host, "code": code}))
        return " ".join(lines), []

    def _helo_name(self) -> str:
        ip = self.conn.local_ip()
        if ip is None:
            return "[127.0.0.1]"
        return f"[IPv6:{ip}]" if ipaddress.ip_address(ip).version == 6 else f"[{ip}]"

    async def capabilities(self) -> list[str]:
        """EHLO keywords with their parameters (``AUTH PLAIN LOGIN``, ``SIZE 10240000``)."""
        self.conn.phase = "answer to EHLO"
        self.conn.write(f"EHLO {self._helo_name()}\r\n".encode("ascii"))
        code, lines = await self.reply()
        if code != 250:
            raise ProtocolError(Message("ehlo_refused", {"host": self.conn.host, "code": code}))
        return [" ".join(line.split()) for line in lines[1:] if line.strip()]

    def offers_starttls(self, caps: list[str]) -> bool:
        return any(c.split()[0].upper() == "STARTTLS" for c in caps)

    async def starttls(self) -> None:
        self.conn.phase = "answer to STARTTLS"
        self.conn.write(b"STARTTLS\r\n")
        code, _ = await self.reply()
        if code != 220:
            raise ProtocolError(Message("starttls_refused", {"host": self.conn.host,
                                                             "command": f"STARTTLS ({code})"}),
                                warning="starttls_refused")

    def auth_mechanisms(self, caps: list[str]) -> list[str]:
        for c in caps:
            words = c.replace("=", " ", 1).split() if c.upper().startswith("AUTH=") else c.split()
            if words[0].upper() == "AUTH":
                return [w.upper() for w in words[1:]]
        return []

    def quit(self) -> None:
        if not self.conn.transport.is_closing():
            self.conn.transport.write(b"QUIT\r\n")
