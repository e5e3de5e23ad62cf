"""Review: sign-in against fake servers that echo the password, send odd digits or get a hostile user name.

Real Dovecot never echoes a password or answers STAT with "²", so these are scripted fakes over verified
TLS (the test CA). Every test also searches the whole JSON result for the password.
"""

from __future__ import annotations

import asyncio
import json
import ssl
from collections.abc import Callable

import pytest

from assistant.core.model.account import ServerConfig
from assistant.core.net.dns import Resolver
from assistant.core.net.settings import Settings
from assistant.core.signin.secret import Secret
from assistant.core.signin.verify import SigninResult, verify_server
from tests.support.certs import CertFactory
from tests.support.fakeserver import Conn, FakeServer, fake_server
from tests.support.loopback import Subnet

PASSWORD = "Tr0ub4dor&3-horse-staple"
PORTS = {"imap": 993, "pop3": 995, "smtp": 465}
Reply = Callable[[bytes], bytes | None]


def scripted(greeting: bytes, reply: Reply) -> Callable[[Conn], object]:
    """Send ``greeting``, then answer each line with ``reply(line)`` (None: say nothing)."""
    async def handler(conn: Conn) -> None:
        await conn.send(greeting)
        while line := await conn.line():
            answer = reply(line)
            if answer:
                await conn.send(answer)
    return handler


def sign_in(subnet: Subnet, certs: CertFactory, protocol: str, reply: Reply, greeting: bytes,
            username: str = "%EMAILADDRESS%") -> tuple[SigninResult, FakeServer]:
    ip = subnet.take()
    leaf = certs.good(ip)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(leaf.cert_pem, leaf.key_pem)

    async def main() -> tuple[SigninResult, FakeServer]:
        async with fake_server(ip, PORTS[protocol], scripted(greeting, reply), ssl_ctx=ctx) as server:
            settings = Settings(resolver=Resolver(lifetime=2.0), cafile=str(certs.ca_pem), timeout=10.0)
            srv = ServerConfig(protocol=protocol, host=ip, port=PORTS[protocol],  # type: ignore[arg-type]
                               security="ssl", username=username)
            return await verify_server(srv, "dave@example.test", Secret(PASSWORD), settings), server

    result, server = asyncio.run(main())
    text = json.dumps(result.to_dict())
    for n in range(6, len(PASSWORD) + 1):  # no piece of it long enough to matter, anywhere
        assert PASSWORD[:n] not in text and PASSWORD[-n:] not in text, text
    return result, server


def test_echoed_password_is_removed_before_the_reply_is_shortened(subnet: Subnet, certs: CertFactory) -> None:
    """The echo straddles the 300-character cut: cutting first left the password's first characters."""
    def reply(line: bytes) -> bytes | None:
        tag, verb = line.split()[:2]
        if verb.upper() == b"AUTHENTICATE":
            return tag + b" NO " + b"x" * 290 + PASSWORD.encode() + b" is not your password\r\n"
        if verb.upper() == b"LOGOUT":
            return tag + b" OK bye\r\n"
        return tag + b" BAD what\r\n"

    greeting = b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] hi\r\n"
    result, _ = sign_in(subnet, certs, "imap", reply, greeting)
    assert result.code == "auth_failed"
    assert result.server_response is not None and result.server_response.startswith("NO xxx")


def test_line_break_in_a_configured_user_name_is_never_sent(subnet: Subnet, certs: CertFactory) -> None:
    """A user name (from a file or server) with CRLF would end our LOGIN and start the sender's command."""
    def reply(line: bytes) -> bytes | None:
        words = line.split()
        if len(words) >= 2 and words[1].upper() == b"LOGIN":
            return words[0] + b" NO nope\r\n"
        return (words[0] + b" OK\r\n") if words else None

    result, server = sign_in(subnet, certs, "imap", reply, b"* OK [CAPABILITY IMAP4rev1] hi\r\n",
                             username="evil\r\nv7 DELETE INBOX")
    assert result.code == "auth_failed"
    assert result.tried == ["dave@example.test", "dave"]
    assert not any(b"evil" in line or b"DELETE" in line for line in server.received), server.received


def pop3_reply(stat: bytes) -> Reply:
    def reply(line: bytes) -> bytes | None:
        verb = line.split()[0].upper()
        if verb == b"CAPA":
            return b"+OK\r\nUSER\r\nSASL PLAIN\r\nUIDL\r\n.\r\n"
        if verb == b"AUTH":
            return b"+OK welcome\r\n"
        if verb == b"STAT":
            return stat
        return b"+OK\r\n"
    return reply


@pytest.mark.parametrize("stat", [b"+OK \xc2\xb2 0\r\n", b"+OK " + b"9" * 5000 + b" 0\r\n"])
def test_pop3_stat_with_odd_digits(subnet: Subnet, certs: CertFactory, stat: bytes) -> None:
    result, _ = sign_in(subnet, certs, "pop3", pop3_reply(stat), b"+OK ready\r\n")
    assert result.code == "ok", result
    assert result.facts["messages"] is None and result.facts["uidl"] is True


def test_pop3_stat_still_counts(subnet: Subnet, certs: CertFactory) -> None:
    result, _ = sign_in(subnet, certs, "pop3", pop3_reply(b"+OK 42 1000\r\n"), b"+OK ready\r\n")
    assert result.code == "ok" and result.facts["messages"] == 42


def test_smtp_auth_reply_with_superscript_code(subnet: Subnet, certs: CertFactory) -> None:
    def reply(line: bytes) -> bytes | None:
        verb = line.split()[0].upper()
        if verb == b"EHLO":
            return b"250-fake\r\n250 AUTH PLAIN\r\n"
        if verb == b"AUTH":
            return "²³⁵ accepted\r\n".encode()
        return b"221 bye\r\n"

    result, _ = sign_in(subnet, certs, "smtp", reply, b"220 fake ESMTP\r\n")
    assert result.code == "protocol_error", result
    assert not result.ok
