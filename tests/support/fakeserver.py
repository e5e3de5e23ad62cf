"""Small misbehaving servers for what no real server does (silence, drip, injection, garbage ...).

Each scenario is an ``async def handler(conn)`` run per accepted connection inside the test's own event
loop, listening on a standard port of an address from this session's loopback subnet. ``Conn`` records
every line the client sent, so tests can prove nothing (no credentials, no further command) followed a
refused upgrade.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field


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
