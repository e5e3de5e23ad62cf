"""Behaviour no real Dovecot shows: a server without STARTTLS, and LOGINDISABLED after TLS.

The fake servers record every byte they receive, which proves the password (and any login command) was
never sent — the point of refusing.
"""

from __future__ import annotations

import asyncio
import ssl
from pathlib import Path

import pytest

from assistant.core.model.account import ServerConfig
from assistant.core.model.address import EmailAddress
from assistant.core.net.dns import Resolver
from assistant.core.net.settings import Settings
from assistant.core.signin.secret import Secret
from assistant.core.signin.verify import SigninResult, verify_server
from tests.support.certs import CertFactory
from tests.support.loopback import Subnet

PASSWORD = "never-send-me-42"


class Recorder:
    """A scripted IMAP server: answers CAPABILITY with ``caps``, everything else with NO; records input."""

    def __init__(self, caps: str) -> None:
        self.caps = caps
        self.received = bytearray()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(f"* OK [CAPABILITY {self.caps}] fake ready\r\n".encode())
        try:
            while line := await reader.readline():
                self.received += line
                tag, _, verb = line.decode().strip().partition(" ")
                if verb.upper() == "CAPABILITY":
                    writer.write(f"* CAPABILITY {self.caps}\r\n{tag} OK done\r\n".encode())
                elif verb.upper() == "LOGOUT":
                    writer.write(f"* BYE\r\n{tag} OK bye\r\n".encode())
                    break
                else:
                    writer.write(f"{tag} NO not here\r\n".encode())
                await writer.drain()
        except (asyncio.CancelledError, ConnectionError):
            pass  # the test is over or the client hung up
        finally:
            writer.close()


def run(ip: str, port: int, security: str, rec: Recorder, ssl_ctx: ssl.SSLContext | None,
        cafile: Path | None) -> SigninResult:
    async def go() -> SigninResult:
        server = await asyncio.start_server(rec.handle, ip, port, ssl=ssl_ctx)
        try:
            settings = Settings(resolver=Resolver(lifetime=2.0), cafile=str(cafile) if cafile else None,
                                timeout=10.0)
            srv = ServerConfig(protocol="imap", host=ip, port=port, security=security)  # type: ignore[arg-type]
            dave = EmailAddress.parse("dave@example.test")
            return await verify_server(srv, dave, Secret(PASSWORD), settings)
        finally:
            server.close()
            await server.wait_closed()
    return asyncio.run(go())


@pytest.fixture(scope="module")
def subnet() -> Subnet:
    return Subnet()


def test_no_starttls_offered_means_no_password(subnet: Subnet) -> None:
    rec = Recorder("IMAP4rev1 AUTH=PLAIN")
    r = run(subnet.take(), 143, "starttls", rec, None, None)
    assert r.code == "plaintext_refused" and r.refused_for_safety
    sent = bytes(rec.received)
    assert PASSWORD.encode() not in sent
    assert b"LOGIN" not in sent.upper() and b"AUTHENTICATE" not in sent.upper()
    verbs = [line.split(b" ")[1].strip().upper() for line in sent.splitlines() if b" " in line]
    assert set(verbs) <= {b"CAPABILITY", b"LOGOUT"}  # at most it asked what the server offers


def test_logindisabled_after_tls_is_honoured(subnet: Subnet, tmp_path: Path) -> None:
    ip = subnet.take()
    certs = CertFactory(tmp_path)
    leaf = certs.good(ip)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(leaf.cert_pem, leaf.key_pem)
    rec = Recorder("IMAP4rev1 LOGINDISABLED")
    r = run(ip, 993, "ssl", rec, ctx, certs.ca_pem)
    assert r.code == "logindisabled" and r.refused_for_safety
    assert r.tls is not None and r.tls.verified
    assert PASSWORD.encode() not in bytes(rec.received)
    assert b"LOGIN " not in bytes(rec.received).upper()
    assert "LOGINDISABLED" in r.message


def test_no_usable_mechanism_on_a_plain_only_address(subnet: Subnet) -> None:
    """Configured as plaintext: refused before connecting at all (the recorder never sees a byte)."""
    rec = Recorder("IMAP4rev1 AUTH=PLAIN")
    r = run(subnet.take(), 143, "plain", rec, None, None)
    assert r.code == "plaintext_refused"
    assert rec.received == b""
