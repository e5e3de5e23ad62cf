"""TCP connections with Happy Eyeballs (RFC 8305) over addresses from our own resolver.

``asyncio.open_connection`` resolves with the OS; we need ``--dns-server`` to hold for server addresses too,
so we resolve first and race the connects ourselves, then hand the connected socket to whatever protocol
(mail or HTTP) runs on top with ``loop.create_connection(sock=...)``.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import socket

from assistant.core.net.dns import DnsError, Resolver
from assistant.core.words.messages import Message, os_detail

ATTEMPT_DELAY = 0.25  # RFC 8305 "Connection Attempt Delay"


class ConnectError(Exception):
    """Could not connect. ``kind`` is the probe status: refused | timeout | unreachable | dns_error.

    ``message`` is the sentence by code and fields (``core/words/messages.py``); ``str()`` is its English
    line.
    """

    def __init__(self, kind: str, message: Message | str) -> None:
        super().__init__(str(message))
        self.kind = kind
        self.message = message


def interleave(addresses: list[str]) -> list[str]:
    """IPv6, IPv4, IPv6, ... as RFC 8305 §4 asks, keeping each family's own order."""
    v6 = [a for a in addresses if ipaddress.ip_address(a).version == 6]
    v4 = [a for a in addresses if ipaddress.ip_address(a).version == 4]
    out: list[str] = []
    for i in range(max(len(v6), len(v4))):
        out.extend(x[i] for x in (v6, v4) if i < len(x))
    return out


async def _attempt(ip: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ipaddress.ip_address(ip).version == 6 else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        await asyncio.get_running_loop().sock_connect(sock, (ip, port))
    except BaseException:
        sock.close()
        raise
    return sock


async def connect(host: str, port: int, resolver: Resolver, timeout: float) -> tuple[socket.socket, str]:
    """Resolve ``host`` and connect within ``timeout`` seconds; return the socket and the IP it reached."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    try:
        addresses = interleave(await resolver.addresses(host, lifetime=timeout))
    except DnsError as exc:
        raise ConnectError("dns_error", exc.message()) from None
    if not addresses:
        raise ConnectError("dns_error", Message("no_address", {"name": host}))
    pending: dict[asyncio.Task[socket.socket], str] = {}
    errors: list[OSError] = []
    next_index = 0
    try:
        while True:
            if next_index < len(addresses):
                ip = addresses[next_index]
                pending[asyncio.ensure_future(_attempt(ip, port))] = ip
                next_index += 1
            remaining = deadline - loop.time()
            if remaining <= 0 or not pending:
                break
            wait = min(remaining, ATTEMPT_DELAY) if next_index < len(addresses) else remaining
            done, _ = await asyncio.wait(pending, timeout=wait, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                ip = pending.pop(task)
                err = task.exception()
                if err is None:
                    return task.result(), ip
                if isinstance(err, OSError):
                    errors.append(err)
                else:
                    raise err
            if not pending and next_index >= len(addresses):
                break
    finally:
        for task in pending:
            task.cancel()
        for task in pending:
            with contextlib.suppress(BaseException):
                sock = await task
                sock.close()
    if not errors or len(errors) < len(addresses):
        raise ConnectError("timeout", Message("connect_timeout", {"where": f"{host}:{port}",
                                                                  "seconds": f"{timeout:.1f}"}))
    if all(e.errno == errno.ECONNREFUSED for e in errors):
        raise ConnectError("refused", Message("connect_refused", {"where": f"{host}:{port}"}))
    last = errors[-1]
    raise ConnectError("unreachable", Message("connect_failed", {"where": f"{host}:{port}",
                                                                 "detail": os_detail(last)}))
