"""Small misbehaving servers for what no real server does (silence, drip, injection, garbage ...).

Each scenario is an ``async def handler(conn)`` run per accepted connection inside the test's own event
loop, listening on a standard port of an address from this session's loopback subnet. ``Conn`` records
every line the client sent, so tests can prove nothing (no credentials, no further command) followed a
refused upgrade. The scenarios more than one test uses live here: silence, drip, an endless line, garbage,
the STARTTLS injectors (a forged post-TLS capability line in the same packet as the go-ahead), a scripted
server and a recording IMAP server; :func:`tls_context` serves them over TLS with a test certificate.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.support.certs import CertFactory


@dataclass
class Conn:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    received: list[bytes] = field(default_factory=list)

    async def line(self) -> bytes:
        data = await self.reader.readline()
        if data:
            self.received.append(data)
        return data

    async def send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    async def hold(self) -> None:
        """Keep the connection open, saying nothing, until the client goes away."""
        with contextlib.suppress(ConnectionError):
            while await self.reader.read(4096):
                pass

    async def start_tls(self, ctx: ssl.SSLContext) -> None:
        await self.writer.start_tls(ctx)


Handler = Callable[[Conn], Awaitable[None]]


@dataclass
class FakeServer:
    ip: str
    port: int
    connections: list[Conn] = field(default_factory=list)
    connected: asyncio.Event = field(default_factory=asyncio.Event)  # set when the first client is accepted

    @property
    def received(self) -> list[bytes]:
        return [line for c in self.connections for line in c.received]


@contextlib.asynccontextmanager
async def fake_server(ip: str, port: int, handler: Handler, *,
                      ssl_ctx: ssl.SSLContext | None = None) -> AsyncIterator[FakeServer]:
    """Serve ``handler`` on ip:port for the duration of the ``async with`` block."""
    info = FakeServer(ip, port)
    tasks: set[asyncio.Task[None]] = set()

    async def on_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn = Conn(reader, writer)
        info.connections.append(conn)
        info.connected.set()
        task = asyncio.current_task()
        if task is not None:
            tasks.add(task)
        try:
            await handler(conn)
        except (ConnectionError, ssl.SSLError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(on_client, ip, port, ssl=ssl_ctx, reuse_address=True)
    try:
        yield info
    finally:
        server.close()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await server.wait_closed()


def tls_context(certs: CertFactory, *names: str) -> ssl.SSLContext:
    """A server context with a certificate from the test CA for ``names`` (host names or IP addresses)."""
    leaf = certs.good(*names)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(leaf.cert_pem, leaf.key_pem)
    return ctx


# --- silence, drip, endless line, garbage ------------------------------------------------------------

async def silent(conn: Conn) -> None:
    """Accept and never say a word."""
    await conn.hold()


async def drip(conn: Conn) -> None:
    """A greeting one byte every half second: each read succeeds, the whole never arrives in time."""
    for byte in b"* OK IMAP server almost ready, one moment please ..." * 10:
        await conn.send(bytes([byte]))
        await asyncio.sleep(0.5)


async def endless_line(conn: Conn) -> None:
    """A line that never ends."""
    while True:
        await conn.send(b"A" * 65536)


async def garbage(conn: Conn) -> None:
    """Binary noise instead of a greeting."""
    await conn.send(b"\x00\xff\xfe\x16\x03\x01garbage\x80\x81\r\n")
    await conn.hold()


# --- STARTTLS injection: "go ahead" and, in the same packet, a forged post-TLS capability line ---------

async def imap_injector(conn: Conn) -> None:
    await conn.send(b"* OK ready\r\n")
    while line := await conn.line():
        tag, verb = line.split()[:2]
        if verb.upper() == b"CAPABILITY":
            await conn.send(b"* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n" + tag + b" OK done\r\n")
        elif verb.upper() == b"STARTTLS":
            await conn.send(tag + b" OK begin TLS\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n")
            await conn.hold()
        else:
            await conn.send(tag + b" BAD no\r\n")


async def pop3_injector(conn: Conn) -> None:
    await conn.send(b"+OK ready\r\n")
    while line := await conn.line():
        if line.startswith(b"CAPA"):
            await conn.send(b"+OK\r\nSTLS\r\n.\r\n")
        elif line.startswith(b"STLS"):
            await conn.send(b"+OK begin TLS\r\n+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n")
            await conn.hold()


async def smtp_injector(conn: Conn) -> None:
    await conn.send(b"220 fake ESMTP\r\n")
    while line := await conn.line():
        if line.upper().startswith(b"EHLO"):
            await conn.send(b"250-fake\r\n250 STARTTLS\r\n")
        elif line.upper().startswith(b"STARTTLS"):
            await conn.send(b"220 go ahead\r\n250-fake\r\n250 AUTH PLAIN LOGIN\r\n")
            await conn.hold()


INJECTORS: dict[str, Handler] = {"imap": imap_injector, "pop3": pop3_injector, "smtp": smtp_injector}


# --- scripted and recording servers --------------------------------------------------------------------

def scripted(greeting: bytes, reply: Callable[[bytes], bytes | None]) -> Handler:
    """Send ``greeting``, then answer each line with ``reply(line)`` (None: say nothing)."""
    async def handler(conn: Conn) -> None:
        await conn.send(greeting)
        while line := await conn.line():
            answer = reply(line)
            if answer:
                await conn.send(answer)
    return handler


def imap_recorder(caps: str) -> Handler:
    """An IMAP server that offers ``caps`` and refuses everything else (NO), so a test can read in
    ``FakeServer.received`` every byte a client sent it."""
    def reply(line: bytes) -> bytes:
        tag, _, verb = line.decode().strip().partition(" ")
        if verb.upper() == "CAPABILITY":
            return f"* CAPABILITY {caps}\r\n{tag} OK done\r\n".encode()
        if verb.upper() == "LOGOUT":
            return f"* BYE\r\n{tag} OK bye\r\n".encode()
        return f"{tag} NO not here\r\n".encode()
    return scripted(f"* OK [CAPABILITY {caps}] fake ready\r\n".encode(), reply)
