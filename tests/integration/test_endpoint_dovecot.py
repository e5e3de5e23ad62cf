"""probe_endpoint and open_session against a real Dovecot (good certificate from the test CA)."""

from __future__ import annotations

import asyncio

import pytest

from assistant.core.model.results import Candidate, ProbeResult
from assistant.core.net.settings import Settings
from assistant.core.protocols import ProbeFailure, open_session, probe_endpoint
from tests.conftest import MAIL_HOST
from tests.support.certs import CertFactory
from tests.support.dovecot import DovecotHandle
from tests.support.hosts import HostsResolver
from tests.support.loopback import Subnet


def settings(dovecot: DovecotHandle, cafile: str | None, **kw: object) -> Settings:
    return Settings(resolver=HostsResolver({MAIL_HOST: dovecot.ip}), cafile=cafile,  # type: ignore[arg-type]
                    endpoint_timeout=10, **kw)


def run(candidate: Candidate, s: Settings) -> ProbeResult:
    return asyncio.run(probe_endpoint(candidate, s))


@pytest.mark.parametrize(("protocol", "port", "security"), [
    ("imap", 993, "ssl"), ("imap", 143, "starttls"), ("pop3", 995, "ssl"), ("pop3", 110, "starttls"),
    ("smtp", 465, "ssl"), ("smtp", 587, "starttls")])
def test_verified_tls_and_capabilities_after_tls(dovecot: DovecotHandle, certs: CertFactory, protocol: str,
                                                 port: int, security: str) -> None:
    cand = Candidate(protocol, MAIL_HOST, port, security, "manual")  # type: ignore[arg-type]
    result = run(cand, settings(dovecot, str(certs.ca_pem)))
    assert result.status == "ok", result.error
    assert result.secure
    assert result.address == dovecot.ip
    assert result.tls is not None and result.tls.verified and result.tls.problems == []
    assert result.tls.version in ("TLSv1.2", "TLSv1.3")
    assert MAIL_HOST in result.tls.sans and result.tls.fingerprint_sha256
    assert "Mail Setup Assistant test CA" in (result.tls.issuer or "")
    # Dovecot only offers password mechanisms once TLS is up: seeing them proves caps were re-read.
    assert {"PLAIN", "LOGIN"} <= set(result.auth_mechanisms)
    caps = {c.upper() for c in result.capabilities}
    assert "STARTTLS" not in caps and "STLS" not in caps and "LOGINDISABLED" not in caps
    expected = {"imap": {"IMAP4REV1", "IDLE"}, "pop3": {"UIDL", "TOP", "USER"},
                "smtp": {"8BITMIME", "SIZE"}}[protocol]
    assert expected <= {c.split()[0] for c in caps}
    assert (result.greeting is not None) == (security == "ssl")
    assert result.elapsed_ms > 0


@pytest.mark.parametrize(("protocol", "port", "must", "must_not"), [
    ("imap", 143, {"STARTTLS", "LOGINDISABLED"}, {"AUTH=PLAIN"}),
    ("pop3", 110, {"STLS"}, {"USER"}),
    ("smtp", 587, {"STARTTLS"}, {"AUTH"})])
def test_plain_probe_sees_the_server_before_tls(dovecot: DovecotHandle, protocol: str, port: int,
                                                 must: set[str], must_not: set[str]) -> None:
    result = run(Candidate(protocol, MAIL_HOST, port, "plain", "manual"),  # type: ignore[arg-type]
                 settings(dovecot, None))
    assert result.status == "ok", result.error
    assert result.tls is None and not result.secure and result.greeting is None
    words = {c.split()[0].upper() for c in result.capabilities}
    assert must <= words and not (must_not & words)
    assert result.auth_mechanisms == []
    assert ("logindisabled" in result.warnings) == (protocol == "imap")


def test_own_ca_is_untrusted_without_cafile(dovecot: DovecotHandle) -> None:
    result = run(Candidate("imap", MAIL_HOST, 993, "ssl", "manual"), settings(dovecot, None))
    assert result.status == "tls_error"
    assert result.tls is not None and not result.tls.verified
    assert result.tls.problems == ["untrusted_issuer"]
    assert result.tls.detail and MAIL_HOST in result.tls.sans
    assert result.greeting is None


def test_refused_port(subnet: Subnet, dovecot: DovecotHandle) -> None:
    ip = subnet.take()  # nothing listens here
    result = run(Candidate("imap", ip, 993, "ssl", "manual"), settings(dovecot, None))
    assert result.status == "refused" and "refused" in (result.error or "")


def test_unreachable_address(dovecot: DovecotHandle) -> None:
    # TCP to the limited broadcast address has no route on Linux: an immediate ENETUNREACH.
    result = run(Candidate("imap", "255.255.255.255", 993, "ssl", "manual"), settings(dovecot, None))
    assert result.status == "unreachable", result.error


def test_unknown_host_is_dns_error(dovecot: DovecotHandle) -> None:
    result = run(Candidate("imap", "nowhere.example.test", 993, "ssl", "manual"), settings(dovecot, None))
    assert result.status == "dns_error"


def test_wrong_port_protocol_is_a_clear_error(dovecot: DovecotHandle, certs: CertFactory) -> None:
    # POP3 spoken to the IMAP port: the greeting gives it away.
    result = run(Candidate("pop3", MAIL_HOST, 143, "starttls", "manual"),
                 settings(dovecot, str(certs.ca_pem)))
    assert result.status == "protocol_error"
    assert "not a POP3 greeting" in (result.error or "")


def test_open_session_continues_on_the_verified_session(dovecot: DovecotHandle, certs: CertFactory) -> None:
    async def main() -> list[str]:
        s = settings(dovecot, str(certs.ca_pem))
        session = await open_session(Candidate("imap", MAIL_HOST, 143, "starttls", "manual"), s)
        try:
            assert session.tls is not None and session.tls.verified
            assert session.conn.tls and session.conn.buffered == 0
            tag = session.chat.next_tag()  # type: ignore[attr-defined]
            session.conn.write(f"{tag} NOOP\r\n".encode())
            lines = [await session.conn.read_text()]
            while not lines[-1].startswith(tag):
                lines.append(await session.conn.read_text())
            return lines
        finally:
            await session.close()

    lines = asyncio.run(main())
    assert lines[-1].split()[1] == "OK"


def test_open_session_raises_probe_failure(dovecot: DovecotHandle) -> None:
    async def main() -> None:
        await open_session(Candidate("smtp", MAIL_HOST, 465, "ssl", "manual"), settings(dovecot, None))

    with pytest.raises(ProbeFailure) as info:
        asyncio.run(main())
    assert info.value.status == "tls_error" and info.value.cert_failure


def test_fixture_users_can_sign_in_and_quota_answers(dovecot: DovecotHandle, certs: CertFactory) -> None:
    """The fixture is usable for the sign-in tests: the configured user logs in, GETQUOTAROOT answers."""
    async def main() -> list[str]:
        s = settings(dovecot, str(certs.ca_pem))
        session = await open_session(Candidate("imap", MAIL_HOST, 993, "ssl", "manual"), s)
        chat = session.chat
        user, password = next(iter(dovecot.users.items()))
        out: list[str] = []
        try:
            for command in (f'LOGIN "{user}" "{password}"', "GETQUOTAROOT INBOX"):
                tag = chat.next_tag()  # type: ignore[attr-defined]
                session.conn.write(f"{tag} {command}\r\n".encode())
                while not (line := await session.conn.read_text()).startswith(tag):
                    out.append(line)
                out.append(line)
        finally:
            await session.close()
        return out

    lines = asyncio.run(main())
    assert lines[0].split()[1] == "OK", lines  # LOGIN
    assert any(line.startswith("* QUOTA ") and "STORAGE" in line for line in lines), lines
    assert lines[-1].split()[1] == "OK"
