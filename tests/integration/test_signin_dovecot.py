"""Sign-in against a real Dovecot (IMAP, POP3, submission) with accounts this module creates."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from assistant.core.model.account import ServerConfig
from assistant.core.model.address import EmailAddress
from assistant.core.net.dns import Resolver
from assistant.core.net.settings import Settings
from assistant.core.setup.usecases import sign_in
from assistant.core.signin.secret import Secret
from assistant.core.signin.verify import SigninResult, VerifyResult, verify_server
from tests.support.certs import CertFactory
from tests.support.dovecot import DovecotHandle, start_dovecot
from tests.support.loopback import Subnet

ALICE, ALICE_PW = "alice@example.test", "Correct-Horse-7!"
BOB, BOB_PW = "bob@example.test", "b0b's \"quoted\" pass"  # bob exists by local part only


@dataclass
class Servers:
    good: DovecotHandle
    selfsigned: DovecotHandle
    certs: CertFactory
    selfsigned_fingerprint: str


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    subnet = Subnet()
    certs = CertFactory(tmp_path_factory.mktemp("certs"))
    ip_good, ip_bad = subnet.take(), subnet.take()
    leaf = certs.good(ip_good)
    users = {ALICE: ALICE_PW, "bob": BOB_PW}
    good = start_dovecot(ip_good, leaf.cert_pem, leaf.key_pem, users=users, quota=True)
    try:
        bad_leaf = certs.self_signed(ip_bad)
        bad = start_dovecot(ip_bad, bad_leaf.cert_pem, bad_leaf.key_pem, users=users,
                            protocols=("imap",))
    except BaseException:
        good.stop()
        raise
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    cert = x509.load_pem_x509_certificate(bad_leaf.cert_pem.read_bytes())
    try:
        yield Servers(good, bad, certs, cert.fingerprint(hashes.SHA256()).hex())
    finally:
        good.stop()
        bad.stop()


def settings(s: Servers, timeout: float = 20.0) -> Settings:
    return Settings(resolver=Resolver(lifetime=2.0), cafile=str(s.certs.ca_pem), timeout=timeout)


def server(ip: str, protocol: str, port: int, security: str = "ssl") -> ServerConfig:
    return ServerConfig(protocol=protocol, host=ip, port=port, security=security)  # type: ignore[arg-type]


def run(s: Servers, srv: ServerConfig, address: str, password: str, **kw: object) -> SigninResult:
    return asyncio.run(verify_server(srv, EmailAddress.parse(address), Secret(password), settings(s), **kw))  # type: ignore[arg-type]


def assert_no_secret(obj: SigninResult | VerifyResult, password: str) -> None:
    text = json.dumps(obj.to_dict()) + repr(obj) + str(obj)
    assert password not in text


def test_imap_implicit_tls_full_address_with_facts(servers: Servers) -> None:
    r = run(servers, server(servers.good.ip, "imap", 993), ALICE, ALICE_PW)
    assert r.code == "ok", r.message + " " + str(r.detail)
    assert r.username == ALICE and r.tried == [ALICE]
    assert r.tls is not None and r.tls.verified and not r.pinned
    assert r.facts["quota_limit_kib"] == 1024 * 1024  # the fixture's 1G quota
    assert isinstance(r.facts["quota_used_kib"], int)
    assert r.facts["folders"] is not None and r.facts["folders"] >= 1
    assert r.facts["idle"] is True
    assert r.message == f"Signed in to {servers.good.ip} (IMAP) as {ALICE}."
    assert_no_secret(r, ALICE_PW)


def read_greeting(ip: str, port: int) -> str:
    with socket.create_connection((ip, port), timeout=5) as sock:
        return sock.recv(4096).decode()


def test_imap_starttls_local_part_after_logindisabled(servers: Servers) -> None:
    # Before TLS this Dovecot forbids LOGIN (client IP != server IP); sign-in must upgrade first.
    assert "LOGINDISABLED" in read_greeting(servers.good.ip, 143)
    r = run(servers, server(servers.good.ip, "imap", 143, "starttls"), BOB, BOB_PW)
    assert r.code == "ok", r.message + " " + str(r.detail)
    assert r.tried == [BOB, "bob"] and r.username == "bob"
    assert_no_secret(r, BOB_PW)


def test_imap_wrong_password(servers: Servers) -> None:
    r = run(servers, server(servers.good.ip, "imap", 993), ALICE, "not-the-password")
    assert r.code == "auth_failed"
    assert r.message.startswith("The server rejected the user name or password")
    assert r.tried == [ALICE, "alice"]  # both forms, each after Dovecot's failure delay, inside the deadline
    assert not r.refused_for_safety
    assert_no_secret(r, "not-the-password")


@pytest.mark.parametrize(("port", "security"), [(995, "ssl"), (110, "starttls")])
def test_pop3(servers: Servers, port: int, security: str) -> None:
    r = run(servers, server(servers.good.ip, "pop3", port, security), ALICE, ALICE_PW)
    assert r.code == "ok", r.message + " " + str(r.detail)
    assert r.facts["messages"] == 0
    assert r.facts["uidl"] is True
    assert_no_secret(r, ALICE_PW)


def test_pop3_local_part_and_wrong_password(servers: Servers) -> None:
    r = run(servers, server(servers.good.ip, "pop3", 995), BOB, BOB_PW)
    assert r.code == "ok" and r.username == "bob"
    r = run(servers, server(servers.good.ip, "pop3", 995), BOB, "wrong")
    assert r.code == "auth_failed"


@pytest.mark.parametrize(("port", "security"), [(465, "ssl"), (587, "starttls")])
def test_smtp_auth(servers: Servers, port: int, security: str) -> None:
    r = run(servers, server(servers.good.ip, "smtp", port, security), ALICE, ALICE_PW)
    assert r.code == "ok", r.message + " " + str(r.detail) + " " + str(r.server_response)
    assert r.facts["auth_accepted"] is True
    assert r.mechanism == "AUTH PLAIN"
    r = run(servers, server(servers.good.ip, "smtp", port, security), ALICE, "wrong")
    assert r.code == "auth_failed" and r.facts["auth_accepted"] is False


def test_account_incoming_and_outgoing(servers: Servers) -> None:
    ip = servers.good.ip
    result = asyncio.run(sign_in(EmailAddress.parse(ALICE), server(ip, "imap", 993), server(ip, "smtp", 465),
                                 Secret(ALICE_PW), settings(servers)))
    assert result.ok
    assert_no_secret(result, ALICE_PW)


def test_untrusted_certificate_refused_unless_pinned(servers: Servers) -> None:
    srv = server(servers.selfsigned.ip, "imap", 993)
    r = run(servers, srv, ALICE, ALICE_PW)
    assert r.code == "certificate_not_trusted" and r.refused_for_safety
    assert r.tls is not None and r.tls.fingerprint_sha256 == servers.selfsigned_fingerprint
    assert "self_signed" in r.tls.problems
    assert r.tried == []  # no username, no password went out
    other = "ab" * 32
    r = run(servers, srv, ALICE, ALICE_PW, pins=(other,))
    assert r.code == "pin_mismatch" and r.tried == []
    r = run(servers, srv, ALICE, ALICE_PW, pins=(servers.selfsigned_fingerprint,))
    assert r.code == "ok" and r.pinned
    assert r.tls is not None and not r.tls.verified


def test_pin_is_per_certificate_not_per_name(servers: Servers) -> None:
    """A pin for the self-signed server does not make another untrusted server acceptable."""
    srv = server(servers.selfsigned.ip, "imap", 143, "starttls")
    r = run(servers, srv, ALICE, ALICE_PW, pins=(servers.selfsigned_fingerprint,))
    assert r.code == "ok" and r.pinned  # same certificate over STARTTLS: fine
    r = run(servers, server(servers.selfsigned.ip, "imap", 993), ALICE, ALICE_PW,
            pins=("00" * 32,))
    assert r.code == "pin_mismatch"


def test_min_tls_13_from_a_preset(servers: Servers) -> None:
    r = run(servers, server(servers.good.ip, "imap", 993), ALICE, ALICE_PW, min_tls="1.3")
    assert r.code == "ok" and r.tls is not None and r.tls.version == "TLSv1.3"


def test_plain_configuration_refused_without_connecting(servers: Servers) -> None:
    r = run(servers, server(servers.good.ip, "imap", 143, "plain"), ALICE, ALICE_PW)
    assert r.code == "plaintext_refused" and r.refused_for_safety and r.tried == []


def test_deadline_bounds_a_slow_failure(servers: Servers) -> None:
    """With less time than Dovecot's failure delay, the result is a timeout, never a hang."""
    srv = server(servers.good.ip, "imap", 993)
    alice = EmailAddress.parse(ALICE)
    r = asyncio.run(verify_server(srv, alice, Secret("wrong"), settings(servers, timeout=1.0)))
    assert r.code == "timeout"
    assert r.elapsed_ms < 5000
