"""Sign-in against fake servers for what no real Dovecot does: echo the password, send odd digits, get a
hostile user name, offer no STARTTLS, or say LOGINDISABLED after TLS.

The scripted fakes run over verified TLS (the test CA) unless the test is about plaintext. Every echo test
searches the whole JSON result for the password; the refusal tests read every byte the fake received, which
proves the password (and any login command) was never sent.
"""

from __future__ import annotations

import asyncio
import json
import ssl
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.core.model.account import ServerConfig
from assistant.core.model.address import EmailAddress
from assistant.core.net.dns import Resolver
from assistant.core.net.settings import Settings
from assistant.core.signin.secret import Secret
from assistant.core.signin.verify import SigninResult, verify_server
from tests.support.certs import CertFactory
from tests.support.fakeserver import FakeServer, fake_server, imap_recorder, scripted, tls_context
from tests.support.loopback import Subnet

PASSWORD = "Tr0ub4dor&3-horse-staple"
PORTS = {"imap": 993, "pop3": 995, "smtp": 465}
Reply = Callable[[bytes], bytes | None]
OTHER_PASSWORD = "never-send-me-42"


def sign_in(subnet: Subnet, certs: CertFactory, protocol: str, reply: Reply, greeting: bytes,
            username: str = "%EMAILADDRESS%") -> tuple[SigninResult, FakeServer]:
    ip = subnet.take()
    ctx = tls_context(certs, ip)

    async def main() -> tuple[SigninResult, FakeServer]:
        async with fake_server(ip, PORTS[protocol], scripted(greeting, reply), ssl_ctx=ctx) as server:
            settings = Settings(resolver=Resolver(lifetime=2.0), cafile=str(certs.ca_pem), timeout=10.0)
            srv = ServerConfig(protocol=protocol, host=ip, port=PORTS[protocol],  # type: ignore[arg-type]
                               security="ssl", username=username)
            dave = EmailAddress.parse("dave@example.test")
            return await verify_server(srv, dave, Secret(PASSWORD), settings), server

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


# --- refusals: nothing is sent (formerly tests/integration/test_verify_fakes.py) -----------------------

def recorded_sign_in(ip: str, port: int, security: str, caps: str, ssl_ctx: ssl.SSLContext | None = None,
                     cafile: Path | None = None) -> tuple[SigninResult, bytes]:
    """Sign in to an :func:`imap_recorder` fake; the result and every byte the fake received."""
    async def go() -> tuple[SigninResult, bytes]:
        async with fake_server(ip, port, imap_recorder(caps), ssl_ctx=ssl_ctx) as server:
            settings = Settings(resolver=Resolver(lifetime=2.0), cafile=str(cafile) if cafile else None,
                                timeout=10.0)
            srv = ServerConfig(protocol="imap", host=ip, port=port, security=security)  # type: ignore[arg-type]
            dave = EmailAddress.parse("dave@example.test")
            result = await verify_server(srv, dave, Secret(OTHER_PASSWORD), settings)
        return result, b"".join(server.received)
    return asyncio.run(go())


def test_no_starttls_offered_means_no_password(subnet: Subnet) -> None:
    r, sent = recorded_sign_in(subnet.take(), 143, "starttls", "IMAP4rev1 AUTH=PLAIN")
    assert r.code == "plaintext_refused" and r.refused_for_safety
    assert OTHER_PASSWORD.encode() not in sent
    assert b"LOGIN" not in sent.upper() and b"AUTHENTICATE" not in sent.upper()
    verbs = [line.split(b" ")[1].strip().upper() for line in sent.splitlines() if b" " in line]
    assert set(verbs) <= {b"CAPABILITY", b"LOGOUT"}  # at most it asked what the server offers


def test_logindisabled_after_tls_is_honoured(subnet: Subnet, certs: CertFactory) -> None:
    ip = subnet.take()
    r, sent = recorded_sign_in(ip, 993, "ssl", "IMAP4rev1 LOGINDISABLED", tls_context(certs, ip),
                               certs.ca_pem)
    assert r.code == "logindisabled" and r.refused_for_safety
    assert r.tls is not None and r.tls.verified
    assert OTHER_PASSWORD.encode() not in sent
    assert b"LOGIN " not in sent.upper()
    assert "LOGINDISABLED" in r.message


def test_no_usable_mechanism_on_a_plain_only_address(subnet: Subnet) -> None:
    """Configured as plaintext: refused before connecting at all (the fake never sees a byte)."""
    r, sent = recorded_sign_in(subnet.take(), 143, "plain", "IMAP4rev1 AUTH=PLAIN")
    assert r.code == "plaintext_refused"
    assert sent == b""
