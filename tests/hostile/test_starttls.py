"""The STARTTLS upgrade and the reply parsers against fake servers that try harder to break them.

Each fake does something no real server does on purpose: split the injection from the go-ahead so it
arrives after we checked the buffer, answer STARTTLS with untagged text first or with the wrong tag,
continue a 220 over several lines, or send digits that ``str.isdigit`` accepts but ``int`` refuses.
"""

from __future__ import annotations

import asyncio

import pytest

from assistant.core.model.results import Candidate, ProbeResult
from assistant.core.protocols import probe_endpoint
from tests.hostile.test_endpoint import PORTS, probe, settings, within_deadline
from tests.support.certs import CertFactory
from tests.support.fakeserver import Conn, Handler, fake_server, tls_context
from tests.support.loopback import Subnet


def probe_at(ip: str, protocol: str, handler: Handler, cafile: str) -> ProbeResult:
    """Like ``probe`` but on a chosen address, so the fake's certificate can name it."""
    port = PORTS[(protocol, "starttls")]

    async def main() -> ProbeResult:
        async with fake_server(ip, port, handler):
            cand = Candidate(protocol, ip, port, "starttls", "manual")  # type: ignore[arg-type]
            return await probe_endpoint(cand, settings(cafile=cafile))

    return asyncio.run(main())


async def imap_caps(conn: Conn, caps: bytes) -> bytes:
    """Answer CAPABILITY once; return the tag of the next command."""
    line = await conn.line()
    tag = line.split()[0]
    await conn.send(b"* CAPABILITY " + caps + b"\r\n" + tag + b" OK done\r\n")
    return (await conn.line()).split()[0]


def test_injection_in_a_later_segment_never_becomes_trusted(subnet: Subnet) -> None:
    """The injected line arrives ~50 ms after the go-ahead, i.e. after our buffer check: the TLS layer gets
    it as a record and the handshake fails; the pretend capabilities are never used."""
    async def handler(conn: Conn) -> None:
        await conn.send(b"* OK ready\r\n")
        tag = await imap_caps(conn, b"IMAP4rev1 STARTTLS LOGINDISABLED")
        await conn.send(tag + b" OK begin TLS\r\n")
        await asyncio.sleep(0.05)
        await conn.send(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + b" OK injected\r\n")
        await conn.hold()

    result, server = probe(subnet, "imap", "starttls", handler)
    assert result.status in ("tls_error", "protocol_error"), result
    assert result.tls is None or not result.tls.verified
    assert result.capabilities == [] and result.auth_mechanisms == []
    assert server.received[-1].upper().split()[-1] == b"STARTTLS"
    within_deadline(result)


def test_untagged_text_before_the_go_ahead_is_discarded(subnet: Subnet, certs: CertFactory) -> None:
    """Untagged lines before the tagged OK are allowed (RFC 9051), but what they claim is pre-TLS text."""
    ip = subnet.take()
    ctx = tls_context(certs, ip)

    async def handler(conn: Conn) -> None:
        await conn.send(b"* OK ready\r\n")
        tag = await imap_caps(conn, b"IMAP4rev1 STARTTLS")
        await conn.send(b"* CAPABILITY IMAP4rev1 AUTH=FORGED\r\n" + tag + b" OK begin TLS\r\n")
        await conn.start_tls(ctx)
        await imap_caps(conn, b"IMAP4rev1 AUTH=PLAIN")
        await conn.hold()

    result = probe_at(ip, "imap", handler, str(certs.ca_pem))
    assert result.status == "ok", result.error
    assert result.tls is not None and result.tls.verified
    assert result.auth_mechanisms == ["PLAIN"]
    assert "AUTH=FORGED" not in result.capabilities


def test_go_ahead_with_the_wrong_tag_is_refused(subnet: Subnet) -> None:
    async def handler(conn: Conn) -> None:
        await conn.send(b"* OK ready\r\n")
        await imap_caps(conn, b"IMAP4rev1 STARTTLS")
        await conn.send(b"a99 OK begin TLS\r\n")
        await conn.hold()

    result, server = probe(subnet, "imap", "starttls", handler)
    assert result.status == "protocol_error"
    assert "unexpected line" in (result.error or "")
    assert result.tls is None
    assert server.received[-1].upper().split()[-1] == b"STARTTLS"


def test_smtp_multiline_go_ahead_then_real_tls(subnet: Subnet, certs: CertFactory) -> None:
    ip = subnet.take()
    ctx = tls_context(certs, ip)

    async def handler(conn: Conn) -> None:
        await conn.send(b"220-fake ESMTP\r\n220-still the greeting\r\n220 fake\r\n")
        await conn.line()
        await conn.send(b"250-fake\r\n250-AUTH FORGED\r\n250 STARTTLS\r\n")
        await conn.line()
        await conn.send(b"220-go\r\n220 ahead\r\n")
        await conn.start_tls(ctx)
        await conn.line()
        await conn.send(b"250-fake\r\n250 AUTH PLAIN LOGIN\r\n")
        await conn.hold()

    result = probe_at(ip, "smtp", handler, str(certs.ca_pem))
    assert result.status == "ok", result.error
    assert result.tls is not None and result.tls.verified
    assert result.auth_mechanisms == ["PLAIN", "LOGIN"]


def test_smtp_go_ahead_that_changes_code_midway_is_refused(subnet: Subnet) -> None:
    async def handler(conn: Conn) -> None:
        await conn.send(b"220 fake\r\n")
        await conn.line()
        await conn.send(b"250-fake\r\n250 STARTTLS\r\n")
        await conn.line()
        await conn.send(b"220-go\r\n250 ahead\r\n")
        await conn.hold()

    result, _ = probe(subnet, "smtp", "starttls", handler)
    assert result.status == "protocol_error" and result.tls is None


def test_pop3_greeting_followed_by_stray_data_is_refused(subnet: Subnet) -> None:
    async def handler(conn: Conn) -> None:
        await conn.send(b"+OK ready\r\n+OK\r\nSTLS\r\n.\r\n")  # answers CAPA before it was asked
        await conn.line()
        await conn.send(b"+OK\r\nSTLS\r\n.\r\n")
        await conn.hold()

    result, _ = probe(subnet, "pop3", "starttls", handler)
    assert result.status != "ok"
    assert result.tls is None


@pytest.mark.parametrize("greeting", ["²²² fake ESMTP\r\n", "220-fake\r\n٢٢٠ fake\r\n"])
def test_smtp_reply_code_in_non_ascii_digits(subnet: Subnet, greeting: str) -> None:
    """``"²".isdigit()`` is True but ``int("²")`` raises: this used to escape as an internal ValueError."""
    async def handler(conn: Conn) -> None:
        await conn.send(greeting.encode("utf-8"))
        await conn.hold()

    result, _ = probe(subnet, "smtp", "starttls", handler)
    assert result.status == "protocol_error"
    assert "not an SMTP reply" in (result.error or "")
