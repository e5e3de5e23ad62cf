"""A bounded line connection that owns its receive buffer.

Why not asyncio streams or imaplib: we must be able to prove that no byte arrived between the server's
STARTTLS "go ahead" and the TLS handshake (response injection, "NO STARTTLS" 2021), every read needs a
byte cap and a deadline, and the upgrade must happen on the very same transport. So bytes land in our own
``bytearray``; ``readline`` enforces ``max_line`` and the connection's deadline; ``starttls`` refuses to
upgrade while anything is buffered and discards nothing silently.
"""

from __future__ import annotations

import asyncio
import socket
import ssl

from assistant.core.words.messages import Message, phase_message

SSL_SHUTDOWN_TIMEOUT = 2.0  # a peer that never answers close_notify cannot keep a socket open for long


class ProtocolError(Exception):
    """The server said something a careful client must not accept. ``message`` is the translatable
    sentence (its English is ``str()``); ``warning`` is an optional stable code."""

    def __init__(self, message: Message, warning: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.warning = warning


class _Receiver(asyncio.Protocol):
    """Appends whatever arrives to our buffer; pauses the transport when the buffer is over its cap."""

    def __init__(self, cap: int) -> None:
        self.buf = bytearray()
        self.cap = cap
        self.eof = False
        self.lost: Exception | None = None
        self.closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.transport: asyncio.BaseTransport | None = None
        self.paused = False
        self._waiter: asyncio.Future[None] | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buf += data
        if len(self.buf) > self.cap and not self.paused and isinstance(self.transport, asyncio.ReadTransport):
            self.transport.pause_reading()
            self.paused = True
        self._wake()

    def eof_received(self) -> bool:
        self.eof = True
        self._wake()
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self.eof = True
        self.lost = exc
        if not self.closed.done():
            self.closed.set_result(None)
        self._wake()

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    async def wait(self) -> None:
        self._waiter = asyncio.get_running_loop().create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None


class LineConnection:
    """CRLF lines over TCP or TLS, every read bounded by ``max_line`` bytes and the absolute ``deadline``.

    ``deadline`` is a ``loop.time()`` value; ``None`` means "no step deadline" (the caller bounds it).
    ``phase`` names what we are waiting for, so a timeout can say what never came.
    """

    def __init__(self, transport: asyncio.Transport, receiver: _Receiver, host: str, max_line: int) -> None:
        self.transport = transport
        self._rx = receiver
        self.host = host
        self.max_line = max_line
        self.deadline: float | None = None
        self.phase = "connect"
        self.tls = transport.get_extra_info("ssl_object") is not None

    @classmethod
    async def open(cls, sock: socket.socket, host: str, *, max_line: int, ctx: ssl.SSLContext | None = None,
                   handshake_timeout: float = 10.0) -> LineConnection:
        """Wrap a connected socket (``net.connect``); with ``ctx`` do the implicit-TLS handshake first."""
        loop = asyncio.get_running_loop()
        rx = _Receiver(max_line)
        if ctx is None:
            transport, _ = await loop.create_connection(lambda: rx, sock=sock)
        else:
            transport, _ = await loop.create_connection(
                lambda: rx, sock=sock, ssl=ctx, server_hostname=host.rstrip("."),
                ssl_handshake_timeout=max(0.1, handshake_timeout), ssl_shutdown_timeout=SSL_SHUTDOWN_TIMEOUT)
        return cls(transport, rx, host, max_line)

    @property
    def sslobj(self) -> ssl.SSLObject | None:
        obj = self.transport.get_extra_info("ssl_object")
        return obj if isinstance(obj, ssl.SSLObject) else None

    @property
    def buffered(self) -> int:
        """Bytes received but not yet consumed as lines."""
        return len(self._rx.buf)

    def local_ip(self) -> str | None:
        name = self.transport.get_extra_info("sockname")
        return str(name[0]) if name else None

    def _remaining(self) -> float | None:
        if self.deadline is None:
            return None
        return self.deadline - asyncio.get_running_loop().time()

    async def readline(self) -> bytes:
        """One line including its LF. Raises ProtocolError (too long, closed) or TimeoutError."""
        rx = self._rx
        while True:
            idx = rx.buf.find(b"\n", 0, self.max_line)
            if idx >= 0:
                line = bytes(rx.buf[:idx + 1])
                del rx.buf[:idx + 1]
                if rx.paused and len(rx.buf) <= rx.cap and isinstance(self.transport, asyncio.ReadTransport):
                    rx.paused = False
                    self.transport.resume_reading()
                return line
            if len(rx.buf) >= self.max_line:
                raise ProtocolError(Message("long_line", {"host": self.host, "limit": self.max_line,
                                                          "phase": phase_message(self.phase)}))
            if rx.eof:
                raise ProtocolError(Message("closed_waiting", {"host": self.host,
                                                               "phase": phase_message(self.phase)}))
            remaining = self._remaining()
            if remaining is not None and remaining <= 0:
                raise TimeoutError(f"{self.host}: no complete {self.phase} in time")
            try:
                async with asyncio.timeout(remaining):
                    await rx.wait()
            except TimeoutError:
                raise TimeoutError(f"{self.host}: no complete {self.phase} in time") from None

    async def read_text(self) -> str:
        """``readline`` without the line ending, decoded leniently (servers send Latin-1 and worse)."""
        return (await self.readline()).rstrip(b"\r\n").decode("utf-8", "replace")

    def write(self, data: bytes) -> None:
        if self.transport.is_closing():
            raise ProtocolError(Message("already_closed", {"host": self.host}))
        self.transport.write(data)

    async def starttls(self, ctx: ssl.SSLContext, handshake_timeout: float) -> None:
        """Upgrade in place. Anything already buffered after the go-ahead line is an injection: refuse."""
        if self._rx.buf:
            raise ProtocolError(Message("injection", {"host": self.host}), warning="starttls_injection")
        loop = asyncio.get_running_loop()
        self.phase = "TLS handshake"
        new = await loop.start_tls(self.transport, self._rx, ctx, server_hostname=self.host.rstrip("."),
                                   ssl_handshake_timeout=max(0.1, handshake_timeout),
                                   ssl_shutdown_timeout=SSL_SHUTDOWN_TIMEOUT)
        if new is None:  # pragma: no cover - only when the transport was closed under us
            raise ProtocolError(Message("closed_tls", {"host": self.host}))
        self.transport = new
        self._rx.transport = new
        self._rx.buf.clear()  # nothing can be here (checked above); belt and braces against later changes
        self.tls = True

    def start_close(self) -> None:
        """Begin a polite close (flush, close_notify) without waiting for the peer; ``abort`` ends it."""
        if not self.transport.is_closing():
            self.transport.close()

    async def close(self, grace: float = 1.0) -> None:
        """Close politely (flush, close_notify) but never wait more than ``grace`` seconds."""
        self.start_close()
        try:
            async with asyncio.timeout(grace):
                await asyncio.shield(self._rx.closed)
        except TimeoutError:
            self.transport.abort()

    def abort(self) -> None:
        self.transport.abort()
