"""A userspace relay that adds a fixed delay each way to DNS (UDP) and TCP traffic, on loopback only.

Network emulation with ``tc netem`` would slow down the whole loopback interface, which other people's test
runs share; a relay in front of our own servers delays only our traffic. Limitation (documented in
docs/benchmarks.md): the client's TCP handshake completes against the relay's kernel socket at once, so the
SYN/SYN-ACK round trip is not delayed; the bound in the report accounts for that.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
import threading
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar, cast

T = TypeVar("T")


def _check_loopback(ip: str) -> None:
    if not ipaddress.ip_address(ip).is_loopback:
        raise ValueError(f"{ip}: the relay only serves loopback addresses")


class _UdpFront(asyncio.DatagramProtocol):
    """Receives queries; forwards each after ``delay`` through a per-client upstream socket."""

    def __init__(self, upstream: tuple[str, int], delay: float) -> None:
        self.upstream = upstream
        self.delay = delay
        self.transport: asyncio.DatagramTransport | None = None
        self.backs: dict[tuple[str, int], asyncio.DatagramTransport] = {}
        self.pending: dict[tuple[str, int], list[bytes]] = {}
        self.opening: set[asyncio.Task[None]] = set()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        loop = asyncio.get_running_loop()
        loop.call_later(self.delay, self._forward, data, addr)

    def _forward(self, data: bytes, addr: tuple[str, int]) -> None:
        back = self.backs.get(addr)
        if back is not None:
            back.sendto(data)
            return
        queued = self.pending.setdefault(addr, [])
        queued.append(data)
        if len(queued) == 1:
            task = asyncio.ensure_future(self._open_back(addr))
            self.opening.add(task)
            task.add_done_callback(self.opening.discard)

    async def _open_back(self, addr: tuple[str, int]) -> None:
        loop = asyncio.get_running_loop()
        back, _ = await loop.create_datagram_endpoint(lambda: _UdpBack(self, addr), remote_addr=self.upstream)
        self.backs[addr] = back
        for data in self.pending.pop(addr, []):
            back.sendto(data)

    def answer(self, data: bytes, addr: tuple[str, int]) -> None:
        if self.transport is not None:
            asyncio.get_running_loop().call_later(self.delay, self.transport.sendto, data, addr)

    def close(self) -> None:
        for back in self.backs.values():
            back.close()
        if self.transport is not None:
            self.transport.close()


class _UdpBack(asyncio.DatagramProtocol):
    def __init__(self, front: _UdpFront, client: tuple[str, int]) -> None:
        self.front = front
        self.client = client

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        self.front.answer(data, self.client)


async def _pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float,
                on_eof: Callable[[], None] | None = None) -> None:
    """Copy bytes, each chunk written ``delay`` seconds after it arrived (order kept: times only grow)."""
    loop = asyncio.get_running_loop()
    last = loop.time()
    try:
        while chunk := await reader.read(65536):
            last = max(last, loop.time() + delay)
            loop.call_at(last, _write, writer, chunk)
    except (ConnectionError, OSError):
        pass
    if on_eof is not None:
        on_eof()
    last = max(last, loop.time() + delay)
    loop.call_at(last, _eof, writer)
    await asyncio.sleep(max(0.0, last - loop.time()) + 0.01)


def _write(writer: asyncio.StreamWriter, chunk: bytes) -> None:
    if not writer.is_closing():
        writer.write(chunk)


def _eof(writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(OSError, RuntimeError):
        if not writer.is_closing() and writer.can_write_eof():
            writer.write_eof()


class Relay:
    """Delays DNS on ``ip``:53 (to ``dns``) and TCP ``ports`` on ``ip`` (to the same port on ``target``)."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._servers: list[asyncio.Server] = []
        self._udp: list[_UdpFront] = []
        self._conns: set[asyncio.Task[None]] = set()
        # The most client connections open at once (accepted, and the client has not closed its side yet).
        self.most_at_once = 0
        self._open = 0

    async def dns(self, ip: str, upstream_ip: str, port: int = 53) -> None:
        _check_loopback(ip)
        loop = asyncio.get_running_loop()
        front = _UdpFront((upstream_ip, port), self.delay)
        await loop.create_datagram_endpoint(lambda: front, local_addr=(ip, port), family=socket.AF_INET)
        self._udp.append(front)

    async def tcp(self, ip: str, target_ip: str, ports: list[int]) -> None:
        _check_loopback(ip)
        for port in ports:
            server = await asyncio.start_server(self._handler(target_ip, port), ip, port, reuse_address=True)
            self._servers.append(server)

    def _handler(self, target_ip: str, port: int
                 ) -> Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            task = asyncio.current_task()
            assert task is not None
            self._conns.add(task)
            self._open += 1
            self.most_at_once = max(self.most_at_once, self._open)
            closed = False

            def client_closed() -> None:
                nonlocal closed
                if not closed:
                    closed = True
                    self._open -= 1
            try:
                up_reader, up_writer = await asyncio.open_connection(target_ip, port)
            except OSError:
                client_closed()
                writer.close()
                self._conns.discard(task)
                return
            try:
                await asyncio.gather(_pump(reader, up_writer, self.delay, client_closed),
                                     _pump(up_reader, writer, self.delay))
            except asyncio.CancelledError:
                pass  # the relay is closing; a cancelled handler would be logged by asyncio's streams
            finally:
                client_closed()
                up_writer.close()
                writer.close()
                self._conns.discard(task)
        return handle

    async def close(self) -> None:
        for server in self._servers:
            server.close()
        for front in self._udp:
            front.close()
        for task in list(self._conns):
            task.cancel()
        await asyncio.gather(*self._conns, return_exceptions=True)


class RelayThread:
    """A Relay on its own event loop in a background thread, so the measured client loop does no relaying."""

    def __init__(self, delay: float) -> None:
        self.loop = asyncio.new_event_loop()
        self.relay = Relay(delay)
        self._thread = threading.Thread(target=self.loop.run_forever, name="relay", daemon=True)
        self._thread.start()

    def call(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout=30)

    def dns(self, ip: str, upstream_ip: str) -> None:
        self.call(self.relay.dns(ip, upstream_ip))

    def tcp(self, ip: str, target_ip: str, ports: list[int]) -> None:
        self.call(self.relay.tcp(ip, target_ip, ports))

    def stop(self) -> None:
        self.call(self.relay.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)
        self.loop.close()
