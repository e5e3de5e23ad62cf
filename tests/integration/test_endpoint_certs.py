"""Each certificate problem, served by a real Dovecot, is classified from the certificate itself."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from assistant.core.model.results import Candidate, ProbeResult
from assistant.core.net import tls
from assistant.core.net.settings import Settings
from assistant.core.protocols import probe_endpoint
from tests.conftest import MAIL_HOST
from tests.support.certs import CertFactory, LeafFiles
from tests.support.dovecot import DovecotHandle
from tests.support.hosts import HostsResolver

VARIANTS: dict[str, tuple[Callable[[CertFactory], LeafFiles], list[str]]] = {
    "expired": (lambda c: c.expired(MAIL_HOST), ["expired"]),
    "not_yet_valid": (lambda c: c.not_yet_valid(MAIL_HOST), ["not_yet_valid"]),
    "wrong_host": (lambda c: c.wrong_host(MAIL_HOST), ["hostname_mismatch"]),
    "self_signed": (lambda c: c.self_signed(MAIL_HOST), ["self_signed"]),
    "untrusted_issuer": (lambda c: c.untrusted(MAIL_HOST), ["untrusted_issuer"]),
}


@pytest.fixture(scope="module")
def servers(certs: CertFactory, dovecot_factory: Callable[..., DovecotHandle]) -> dict[str, DovecotHandle]:
    made = {name: dovecot_factory(make(certs), protocols=("imap", "submission"))
            for name, (make, _) in VARIANTS.items()}
    made["expiring"] = dovecot_factory(certs.expiring(MAIL_HOST, days=10), protocols=("imap",))
    return made


def probe(server: DovecotHandle, certs: CertFactory, protocol: str, port: int, security: str) -> ProbeResult:
    s = Settings(resolver=HostsResolver({MAIL_HOST: server.ip}), cafile=str(certs.ca_pem),
                 endpoint_timeout=10)
    cand = Candidate(protocol, MAIL_HOST, port, security, "manual")  # type: ignore[arg-type]
    return asyncio.run(probe_endpoint(cand, s))


@pytest.mark.parametrize(("protocol", "port", "security"), [
    ("imap", 993, "ssl"), ("imap", 143, "starttls"), ("smtp", 587, "starttls")])
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_certificate_problem_is_classified(servers: dict[str, DovecotHandle], certs: CertFactory,
                                           variant: str, protocol: str, port: int, security: str) -> None:
    result = probe(servers[variant], certs, protocol, port, security)
    assert result.status == "tls_error", result.error
    assert not result.secure
    facts = result.tls
    assert facts is not None and not facts.verified
    assert facts.problems == VARIANTS[variant][1]
    assert facts.detail  # the verifier's own words kept for the technical appendix
    assert facts.fingerprint_sha256 and facts.not_after and facts.subject is not None
    assert result.greeting is None
    for code in facts.problems:
        sentence = tls.describe(code, facts, MAIL_HOST)
        assert "{" not in sentence and len(sentence) > 20


def test_expired_message_names_the_date(servers: dict[str, DovecotHandle], certs: CertFactory) -> None:
    result = probe(servers["expired"], certs, "imap", 993, "ssl")
    assert result.tls is not None and result.tls.not_after is not None
    assert result.tls.days_left is not None and result.tls.days_left < 0
    sentence = tls.describe("expired", result.tls, MAIL_HOST)
    assert result.tls.not_after[:10] in sentence and "renew" in sentence


def test_expiring_soon_is_verified_with_a_heads_up(servers: dict[str, DovecotHandle],
                                                    certs: CertFactory) -> None:
    result = probe(servers["expiring"], certs, "imap", 993, "ssl")
    assert result.status == "ok" and result.secure
    assert result.tls is not None and result.tls.problems == ["expires_soon"]
    assert result.tls.days_left == 10
