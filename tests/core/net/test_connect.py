"""The connect layer: Happy Eyeballs order, falling back past a refusing address, DNS server parsing."""

from __future__ import annotations

import asyncio
import socket

import pytest

from assistant.core.net.connect import ConnectError, connect, interleave
from assistant.core.net.dns import Resolver, ServerAddress, parse_server
from assistant.core.words.errors import InputError
from tests.support.loopback import Subnet


def test_interleave_alternates_families_ipv6_first() -> None:
    got = interleave(["10.0.0.1", "10.0.0.2", "2001:db8::1", "2001:db8::2", "2001:db8::3"])
    assert got == ["2001:db8::1", "10.0.0.1", "2001:db8::2", "10.0.0.2", "2001:db8::3"]


@pytest.mark.parametrize(("text", "expected"), [
    ("127.0.0.1", ServerAddress("127.0.0.1", 53)),
    ("127.0.0.1:5353", ServerAddress("127.0.0.1", 5353)),
    ("::1", ServerAddress("::1", 53)),
    ("[::1]:5353", ServerAddress("::1", 5353)),
])
def test_parse_server_accepts(text: str, expected: ServerAddress) -> None:
    assert parse_server(text) == expected


@pytest.mark.parametrize(("text", "fragment"), [
    ("dns.example", "not an IP address"),
    ("127.0.0.1:0", "port must be 1-65535"),
    ("127.0.0.1:http", "port must be 1-65535"),
    ("[::1", "missing ']'"),
])
def test_parse_server_rejects_with_a_reason(text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment.replace("[", r"\[")):
        parse_server(text)


class _FixedResolver(Resolver):
    """Returns given addresses: lets a test control which IPs Happy Eyeballs races (no DNS involved)."""

    def __init__(self, addresses: list[str]) -> None:
        super().__init__(ServerAddress("127.0.0.1", 9))
        self._addresses = addresses

    async def addresses(self, host: str, lifetime: float | None = None) -> list[str]:
        return list(self._addresses)


def test_connect_skips_a_refusing_address_and_reports_the_one_reached() -> None:
    subnet = Subnet()
    dead, alive = subnet.take(), subnet.take()
    server = socket.socket()
    server.bind((alive, 993))
    server.listen()
    try:
        async def go() -> tuple[socket.socket, str]:
            return await connect("imap.example.test", 993, _FixedResolver([dead, alive]), timeout=3)
        sock, ip = asyncio.run(go())
        sock.close()
        assert ip == alive
    finally:
        server.close()


def test_connect_refused_everywhere_says_refused() -> None:
    ip = Subnet().take()

    async def go() -> None:
        await connect("imap.example.test", 993, _FixedResolver([ip]), timeout=3)
    with pytest.raises(ConnectError) as info:
        asyncio.run(go())
    assert info.value.kind == "refused"
    assert "connection refused" in str(info.value)


def test_connect_without_addresses_is_a_dns_error() -> None:
    async def go() -> None:
        await connect("nowhere.example.test", 993, _FixedResolver([]), timeout=1)
    with pytest.raises(ConnectError) as info:
        asyncio.run(go())
    assert info.value.kind == "dns_error"
