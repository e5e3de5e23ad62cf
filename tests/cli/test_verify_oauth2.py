"""A server that offers only OAuth2 (AUTH=XOAUTH2 and LOGINDISABLED), known to no table: the sign-in says
OAuth2 and what to do, and the fake proves no password (and no login command) ever arrived."""

from __future__ import annotations

import asyncio
import ssl
from pathlib import Path

from assistant.core.model.account import ServerConfig
from assistant.core.model.address import EmailAddress
from assistant.core.net.dns import Resolver
from assistant.core.net.settings import Settings
from assistant.core.signin.secret import Secret
from assistant.core.signin.verify import SigninResult, verify_server
from tests.support.certs import CertFactory
from tests.support.loopback import Subnet

PASSWORD = "never-send-me-19"
CAPS = "IMAP4rev1 AUTH=XOAUTH2 AUTH=OAUTHBEARER SASL-IR LOGINDISABLED"


def sign_in(ip: str, ctx: ssl.SSLContext, cafile: Path, received: bytearray) -> SigninResult:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(f"* OK [CAPABILITY {CAPS}] oauth2-only fake\r\n".encode())
        try:
            while line := await reader.readline():
                received.extend(line)
                tag, _, verb = line.decode().strip().partition(" ")
                if verb.upper() == "CAPABILITY":
                    writer.write(f"* CAPABILITY {CAPS}\r\n{tag} OK done\r\n".encode())
                elif verb.upper() == "LOGOUT":
                    writer.write(f"* BYE\r\n{tag} OK bye\r\n".encode())
                    break
                else:
                    writer.write(f"{tag} NO not here\r\n".encode())
                await writer.drain()
        except (asyncio.CancelledError, ConnectionError):
            pass
        finally:
            writer.close()

    async def go() -> SigninResult:
        server = await asyncio.start_server(handle, ip, 993, ssl=ctx)
        try:
            settings = Settings(resolver=Resolver(lifetime=2.0), cafile=str(cafile), timeout=10.0)
            imap = ServerConfig(protocol="imap", host=ip, port=993, security="ssl")
            return await verify_server(imap, EmailAddress.parse("dave@example.test"), Secret(PASSWORD),
                                       settings)
        finally:
            server.close()
            await server.wait_closed()
    return asyncio.run(go())


def test_a_server_that_offers_only_oauth2_gets_no_password(tmp_path: Path) -> None:
    ip = Subnet().take()
    certs = CertFactory(tmp_path)
    leaf = certs.good(ip)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(leaf.cert_pem, leaf.key_pem)
    received = bytearray()
    r = sign_in(ip, ctx, certs.ca_pem, received)
    assert r.code == "oauth2_required" and r.refused_for_safety
    assert r.message_key == "oauth2_required_server" and "OAuth2" in r.message
    assert PASSWORD.encode() not in received
    assert b"LOGIN " not in received.upper() and b"AUTHENTICATE" not in received.upper()
