"""The session sign-in runs on: freshly opened, TLS-verified (or exactly pinned), never plaintext.

``assistant.core.protocols.open_session`` does the connection and upgrade (STARTTLS with the NO-STARTTLS
defences, fresh post-TLS capabilities). This module adds what only sign-in needs: turning a certificate
failure into "refused" unless the person pinned exactly the certificate this very session presents, a
stricter minimum TLS version from a preset, and a small line interface for the sign-in conversations.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from assistant.core.model.account import ServerConfig
from assistant.core.model.results import Candidate, TlsFacts
from assistant.core.net import tls
from assistant.core.net.settings import Settings
from assistant.core.protocols import ProbeFailure, ProtocolError, open_session
from assistant.core.protocols import Session as ProtoSession
from assistant.core.protocols.lineconn import LineConnection

MAX_LINES = 20_000  # untagged lines accepted for one command (LIST of a large folder tree)
_DOWNGRADES = frozenset({"starttls_missing", "starttls_refused", "preauth", "starttls_injection"})


class SessionError(Exception):
    """No usable session, or the conversation broke. ``code`` is a SigninResult code."""

    def __init__(self, code: str, detail: str, tls_facts: TlsFacts | None = None) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.tls = tls_facts


class Lines:
    """CRLF lines on the protocols' bounded connection (every read capped in size and deadline)."""

    def __init__(self, conn: LineConnection) -> None:
        self.conn = conn

    async def send(self, line: str | bytes) -> None:
        self.send_raw((line.encode("utf-8") if isinstance(line, str) else line) + b"\r\n")

    def send_raw(self, data: bytes) -> None:
        try:
            self.conn.write(data)
        except ProtocolError as exc:
            raise SessionError("protocol_error", str(exc)) from None

    async def read_line(self) -> str:
        try:
            return await self.conn.read_text()
        except ProtocolError as exc:
            raise SessionError("protocol_error", str(exc)) from None

    async def read_literal(self, n: int, cap: int) -> tuple[bytes, str]:
        """An IMAP literal of ``n`` bytes and the rest of its response line."""
        if n > cap:
            raise SessionError("protocol_error", f"the server announced {n} bytes; at most {cap} allowed")
        data = b""
        while len(data) <= n:  # readline stops at LF, so once past n bytes we hold the rest of the line
            try:
                data += await self.conn.readline()
            except ProtocolError as exc:
                raise SessionError("protocol_error", str(exc)) from None
        return data[:n], data[n:].rstrip(b"\r\n").decode("utf-8", "replace")


@dataclass
class Verified:
    session: ProtoSession
    lines: Lines
    tls: TlsFacts
    pinned: bool = False


def normalise_pin(text: str) -> str:
    """``AB:CD:..`` or ``abcd..`` → 64 lowercase hex digits; ValueError otherwise."""
    hexed = text.strip().replace(":", "").lower()
    if len(hexed) != 64 or any(c not in "0123456789abcdef" for c in hexed):
        raise ValueError("expected a SHA-256 fingerprint: 64 hex digits, colons allowed")
    return hexed


def _version_ok(version: str | None, min_tls: str | None) -> bool:
    allowed = {"TLSv1.3"} if min_tls == "1.3" else {"TLSv1.2", "TLSv1.3"}
    return version in allowed


async def open_verified(server: ServerConfig, settings: Settings, deadline: float, *,
                        pins: tuple[str, ...] = (), min_tls: str | None = None) -> Verified:
    """A session ready for credentials, or SessionError with the reason none can be sent.

    A certificate that fails verification is accepted only if a second, fresh session presents a leaf
    whose SHA-256 equals one of ``pins``; that same session is the one sign-in then uses.
    """
    if server.security not in ("ssl", "starttls"):
        raise SessionError("plaintext_refused", f"{server.host}:{server.port}: no encryption configured")
    candidate = Candidate(protocol=server.protocol, host=server.host, port=server.port,
                          security=server.security, source="manual")
    ctx = tls.client_context(settings.cafile, min_version="1.3" if min_tls == "1.3" else "1.2")
    try:
        session = await open_session(candidate, settings, deadline=deadline, ctx=ctx)
    except ProbeFailure as failure:
        if failure.warning in _DOWNGRADES:
            raise SessionError("plaintext_refused", str(failure)) from None
        if failure.version_failure and min_tls == "1.3":
            raise SessionError("tls_too_old", str(failure)) from None
        if not failure.cert_failure:
            raise SessionError(failure.status, str(failure)) from None
        return await _pinned(candidate, settings, deadline, failure, pins, min_tls)
    assert session.tls is not None and session.tls.verified  # a verified context either verifies or fails
    return Verified(session, Lines(session.conn), session.tls)


async def _pinned(candidate: Candidate, settings: Settings, deadline: float, failure: ProbeFailure,
                  pins: tuple[str, ...], min_tls: str | None) -> Verified:
    try:
        session = await open_session(candidate, settings, deadline=deadline, ctx=tls.inspection_context(),
                                     verified=False)
    except ProbeFailure:
        raise SessionError("certificate_not_trusted", str(failure),
                           TlsFacts(verified=False, detail=failure.detail)) from None
    facts = session.tls or TlsFacts(verified=False)
    facts.verified = False
    facts.detail = failure.detail
    fingerprint = (facts.fingerprint_sha256 or "").replace(":", "").lower()
    if not pins or fingerprint not in pins:
        await _drop(session)
        raise SessionError("pin_mismatch" if pins else "certificate_not_trusted", str(failure), facts)
    if not _version_ok(facts.version, min_tls):
        await _drop(session)
        raise SessionError("tls_too_old", f"{candidate.host}: negotiated {facts.version}", facts)
    return Verified(session, Lines(session.conn), facts, pinned=True)


async def _drop(session: ProtoSession) -> None:
    session.conn.abort()
    await asyncio.sleep(0)
