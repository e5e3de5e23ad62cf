"""Each misbehaving server ends in a clear status within its deadline, and nothing follows a refused upgrade.

The elapsed-time assertions are bounds (deadline + margin), not speed measurements.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Awaitable, Callable

import pytest

from assistant.core.model.results import Candidate, ProbeResult
from assistant.core.net.dns import Resolver
from assistant.core.net.settings import Settings
from assistant.core.protocols import Goodbyes, probe_endpoint
from tests.support.certs import CertFactory
from tests.support.fakeserver import (
    Conn,
    FakeServer,
    drip,
    endless_line,
    fake_server,
    garbage,
    imap_injector,
    pop3_injector,
    silent,
    smtp_injector,
    tls_context,
)
from tests.support.loopback import Subnet

DEADLINE = 1.5
MARGIN = 1.5
PORTS = {("imap", "ssl"): 993, ("imap", "starttls"): 143, ("pop3", "ssl"): 995, ("pop3", "starttls"): 110,
         ("smtp", "ssl"): 465, ("smtp", "starttls"): 587}


def settings(**kw: object) -> Settings:
    return Settings(resolver=Resolver(), endpoint_timeout=DEADLINE, connect_timeout=DEADLINE, **kw)  # type: ignore[arg-type]


def probe(subnet: Subnet, protocol: str, security: str, handler: Callable[[Conn], Awaitable[None]], *,
          ssl_ctx: ssl.SSLContext | None = None, **kw: object) -> tuple[ProbeResult, FakeServer]:
    ip = subnet.take()
    port = PORTS[(protocol, security if security != "plain" else "starttls")]

    async def main() -> tuple[ProbeResult, FakeServer]:
        async with fake_server(ip, port, handler, ssl_ctx=ssl_ctx) as server:
            cand = Candidate(protocol, ip, port, security, "manual")  # type: ignore[arg-type]
            return await probe_endpoint(cand, settings(**kw)), server

    return asyncio.run(main())


def within_deadline(result: ProbeResult) -> None:
    assert result.elapsed_ms < (DEADLINE + MARGIN) * 1000, result.elapsed_ms


# --- silence, drip, endless line, garbage ------------------------------------------------------------

@pytest.mark.parametrize("protocol", ["imap", "pop3", "smtp"])
def test_silent_server_times_out(subnet: Subnet, protocol: str) -> None:
    result, _ = probe(subnet, protocol, "starttls", silent)
    assert result.status == "timeout"
    assert "greeting" in (result.error or "")
    within_deadline(result)


def test_drip_cannot_stretch_the_deadline(subnet: Subnet) -> None:
    result, _ = probe(subnet, "imap", "starttls", drip)
    assert result.status == "timeout"
    within_deadline(result)


@pytest.mark.parametrize("protocol", ["imap", "pop3", "smtp"])
def test_endless_line_is_cut_at_the_line_cap(subnet: Subnet, protocol: str) -> None:
    result, _ = probe(subnet, protocol, "starttls", endless_line, max_line=4096)
    assert result.status == "protocol_error"
    assert "longer than 4096 bytes" in (result.error or "")
    within_deadline(result)


@pytest.mark.parametrize("protocol", ["imap", "pop3", "smtp"])
def test_garbage_greeting(subnet: Subnet, protocol: str) -> None:
    result, _ = probe(subnet, protocol, "starttls", garbage)
    assert result.status == "protocol_error"
    assert result.tls is None
    within_deadline(result)


def test_endless_multiline_smtp_reply_is_bounded(subnet: Subnet) -> None:
    async def handler(conn: Conn) -> None:
        while True:
            await conn.send(b"220-still greeting you\r\n" * 100)

    result, _ = probe(subnet, "smtp", "starttls", handler)
    assert result.status == "protocol_error"
    assert "too many lines" in (result.error or "")
    within_deadline(result)


def test_imap_literal_is_refused(subnet: Subnet) -> None:
    async def handler(conn: Conn) -> None:
        await conn.send(b"* OK ready\r\n")
        line = await conn.line()
        tag = line.split()[0]
        await conn.send(b"* CAPABILITY IMAP4rev1 {4294967295}\r\n")
        await conn.send(tag + b" OK done\r\n")
        await conn.hold()

    result, _ = probe(subnet, "imap", "starttls", handler)
    assert result.status == "protocol_error"
    assert "literal" in (result.error or "")


# --- TLS-level misbehaviour ---------------------------------------------------------------------------

def test_plaintext_on_a_tls_port(subnet: Subnet) -> None:
    async def handler(conn: Conn) -> None:
        await conn.send(b"* OK plaintext IMAP on the IMAPS port\r\n")
        await conn.hold()

    result, _ = probe(subnet, "imap", "ssl", handler)
    assert result.status == "tls_error"
    assert "did not answer with TLS" in (result.error or "")
    within_deadline(result)


def test_tls_handshake_never_answered(subnet: Subnet) -> None:
    result, _ = probe(subnet, "imap", "ssl", silent)
    assert result.status == "timeout"
    assert "TLS handshake" in (result.error or "")
    within_deadline(result)


def test_handshake_never_answered_after_starttls(subnet: Subnet) -> None:
    async def handler(conn: Conn) -> None:
        await conn.send(b"+OK ready\r\n")
        await conn.line()
        await conn.send(b"+OK\r\nSTLS\r\n.\r\n")
        await conn.line()
        await conn.send(b"+OK go ahead\r\n")
        await conn.hold()

    result, _ = probe(subnet, "pop3", "starttls", handler)
    assert result.status == "timeout"
    assert "TLS handshake" in (result.error or "")
    within_deadline(result)


def test_server_offering_only_tls_1_1_is_weak_protocol(subnet: Subnet, certs: CertFactory) -> None:
    ip_leaf = certs.good("placeholder")  # name irrelevant: the failure is the version
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(ip_leaf.cert_pem, ip_leaf.key_pem)
    with pytest.warns(DeprecationWarning):
        ctx.minimum_version = ssl.TLSVersion.TLSv1
        ctx.maximum_version = ssl.TLSVersion.TLSv1_1
    ctx.set_ciphers("ALL:@SECLEVEL=0")

    async def handler(conn: Conn) -> None:
        await conn.send(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] old server\r\n")
        await conn.hold()

    result, _ = probe(subnet, "imap", "ssl", handler, ssl_ctx=ctx)
    assert result.status == "tls_error"
    assert result.tls is not None and not result.tls.verified
    assert "weak_protocol" in result.tls.problems
    assert result.tls.version in ("TLSv1", "TLSv1.1")
    assert "TLS 1.2" in (result.error or "")
    assert result.greeting is None  # unverified text is never shown as the server's


# --- NO STARTTLS: injection, stripping, refusal, PREAUTH -------------------------------------------------

@pytest.mark.parametrize(("protocol", "handler"), [
    ("imap", imap_injector), ("pop3", pop3_injector), ("smtp", smtp_injector)])
def test_starttls_injection_aborts(subnet: Subnet, protocol: str,
                                   handler: Callable[[Conn], Awaitable[None]]) -> None:
    result, server = probe(subnet, protocol, "starttls", handler)
    assert result.status == "protocol_error"
    assert "starttls_injection" in result.warnings
    # The error is a sentence the wizard translates, and the CLI's English line.
    assert result.error_message is not None and result.error_message.code == "injection"
    assert "(a sign of an attempted injection)" in (result.error or "")
    assert result.tls is None and result.capabilities == [] and result.auth_mechanisms == []
    assert server.received[-1].upper().split()[-1] in (b"STARTTLS", b"STLS")  # nothing sent after it


def test_starttls_missing_capability_is_not_a_plaintext_fallback(subnet: Subnet) -> None:
    async def handler(conn: Conn) -> None:
        await conn.send(b"220 fake ESMTP\r\n")
        while line := await conn.line():
            if line.upper().startswith(b"EHLO"):
                await conn.send(b"250-fake\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 1000\r\n")

    result, server = probe(subnet, "smtp", "starttls", handler)
    # Reported as what it is: a plain endpoint that answered (never recommended; ranking warns
    # plaintext_only), not a protocol error on a STARTTLS candidate.
    assert (result.status, result.candidate.security) == ("ok", "plain")
    assert "starttls_missing" in result.warnings
    assert result.auth_mechanisms == []  # the plaintext offer is not reported as the server's
    assert len(server.received) == 1 and server.received[0].startswith(b"EHLO")


@pytest.mark.parametrize(("protocol", "script"), [
    ("imap", [b"* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n", b"{tag} BAD STARTTLS not supported\r\n"]),
    ("pop3", [b"+OK ready\r\n", b"+OK\r\nSTLS\r\n.\r\n", b"-ERR not now\r\n"]),
    ("smtp", [b"220 fake\r\n", b"250-fake\r\n250 STARTTLS\r\n", b"454 TLS not available\r\n"]),
])
def test_starttls_refused_is_not_a_plaintext_fallback(subnet: Subnet, protocol: str,
                                                      script: list[bytes]) -> None:
    async def handler(conn: Conn) -> None:
        await conn.send(script[0])
        for answer in script[1:]:
            line = await conn.line()
            await conn.send(answer.replace(b"{tag}", line.split()[0]))
        await conn.hold()

    result, server = probe(subnet, protocol, "starttls", handler)
    assert result.status == "protocol_error"
    assert "starttls_refused" in result.warnings
    assert result.error_message is not None and result.error_message.code == "starttls_refused"
    assert (result.error or "").endswith("; we do not continue without encryption")
    assert server.received[-1].upper().split()[-1] in (b"STARTTLS", b"STLS")


def test_preauth_greeting_is_a_downgrade(subnet: Subnet) -> None:
    async def handler(conn: Conn) -> None:
        await conn.send(b"* PREAUTH [CAPABILITY IMAP4rev1 STARTTLS] logged in as you\r\n")
        await conn.hold()

    result, server = probe(subnet, "imap", "starttls", handler)
    assert result.status == "protocol_error"
    assert "preauth" in result.warnings
    assert server.received == []


def test_cancellation_propagates(subnet: Subnet) -> None:
    ip = subnet.take()

    async def main() -> None:
        async with fake_server(ip, 143, silent) as server:
            task = asyncio.ensure_future(probe_endpoint(Candidate("imap", ip, 143, "starttls", "manual"),
                                                        settings()))
            await asyncio.wait_for(server.connected.wait(), 10)  # cancelled while it waits for the greeting
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

    asyncio.run(main())


# --- the goodbye discovery does not wait for ------------------------------------------------------------

def test_goodbye_is_sent_and_the_run_aborts_what_is_left(subnet: Subnet, certs: CertFactory) -> None:
    """With ``goodbyes`` the probe returns once the capabilities are in; LOGOUT still goes out, and the
    connection is left closing until ``abort`` (what discovery does when its run ends)."""
    ip = subnet.take()
    logout, ended = asyncio.Event(), asyncio.Event()

    async def handler(conn: Conn) -> None:
        await conn.send(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n")
        try:
            while line := await conn.line():
                if b"LOGOUT" in line.upper():
                    logout.set()
        except (ConnectionError, ssl.SSLError):
            pass
        ended.set()

    async def main() -> None:
        async with fake_server(ip, 993, handler, ssl_ctx=tls_context(certs, ip)) as _server:
            goodbyes = Goodbyes()
            result = await probe_endpoint(Candidate("imap", ip, 993, "ssl", "manual"),
                                          settings(cafile=str(certs.ca_pem)), goodbyes=goodbyes)
            assert result.status == "ok" and result.tls is not None and result.tls.verified
            await asyncio.wait_for(logout.wait(), 10)
            goodbyes.abort()
            await asyncio.wait_for(ended.wait(), 10)
            goodbyes.abort()  # twice is harmless

    asyncio.run(main())
