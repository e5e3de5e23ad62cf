"""TLS contexts and certificate classification, independent of any server."""

from __future__ import annotations

import datetime as dt
import ssl
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from hypothesis import given
from hypothesis import strategies as st

from assistant.core.model.results import TlsFacts
from assistant.core.net import tls
from tests.support.certs import CertFactory


def der(path: Path) -> bytes:
    """The leaf (first certificate) of a PEM chain file, as DER."""
    return x509.load_pem_x509_certificates(path.read_bytes())[0].public_bytes(Encoding.DER)


@pytest.mark.parametrize(("pattern", "ref", "ok"), [
    ("mail.example.test", "mail.example.test", True),
    ("MAIL.Example.TEST", "mail.example.test.", True),
    ("*.example.test", "mail.example.test", True),
    ("*.example.test", "a.b.example.test", False),  # one label only
    ("*.example.test", "example.test", False),
    ("*.test", "example.test", False),  # too broad
    ("m*.example.test", "mail.example.test", False),  # partial wildcards refused
    ("mail.*.test", "mail.example.test", False),
    ("*.example.test", "xn--mnchen-3ya.example.test", True),
    ("*.example.test", "xn--bcher-kva.xn--example.test", False),
    ("", "mail.example.test", False),
])
def test_dns_name_matching(pattern: str, ref: str, ok: bool) -> None:
    assert tls.dns_name_matches(pattern, ref) is ok



def test_hostname_and_ip_matching(certs: CertFactory) -> None:
    leaf = certs.good("mail.example.test", "*.example.org", "127.0.0.2")
    cert = x509.load_der_x509_certificate(der(leaf.cert_pem))
    assert tls.matches_hostname(cert, "mail.example.test")
    assert tls.matches_hostname(cert, "imap.example.org")
    assert tls.matches_hostname(cert, "127.0.0.2")
    assert not tls.matches_hostname(cert, "127.0.0.3")
    assert not tls.matches_hostname(cert, "smtp.example.test")


def test_unicode_reference_name_is_compared_as_a_label(certs: CertFactory) -> None:
    leaf = certs.good("xn--mnchen-3ya.example.test")
    cert = x509.load_der_x509_certificate(der(leaf.cert_pem))
    assert tls.matches_hostname(cert, "münchen.example.test")


def test_classify_each_fault(certs: CertFactory) -> None:
    host = "mail.example.test"
    assert tls.classify(der(certs.expired(host).cert_pem), host) == ["expired"]
    assert tls.classify(der(certs.not_yet_valid(host).cert_pem), host) == ["not_yet_valid"]
    assert tls.classify(der(certs.wrong_host(host).cert_pem), host) == ["hostname_mismatch"]
    assert tls.classify(der(certs.self_signed(host).cert_pem), host) == ["self_signed"]
    assert tls.classify(der(certs.untrusted(host).cert_pem), host) == ["untrusted_issuer"]
    assert tls.classify(der(certs.untrusted(host).cert_pem), host, fallback=False) == []
    both = der(certs.expired("other.example.test").cert_pem)
    assert tls.classify(both, host) == ["expired", "hostname_mismatch"]


def test_classify_uses_the_given_clock(certs: CertFactory) -> None:
    host = "mail.example.test"
    data = der(certs.good(host).cert_pem)  # trustme: valid 2000..3000
    assert tls.classify(data, host, now=dt.datetime(1999, 1, 1, tzinfo=dt.UTC)) == ["not_yet_valid"]
    assert tls.classify(data, host, now=dt.datetime(3001, 1, 1, tzinfo=dt.UTC)) == ["expired"]


def test_fill_certificate(certs: CertFactory) -> None:
    facts = TlsFacts()
    data = der(certs.expiring("mail.example.test", days=12).cert_pem)
    tls.fill_certificate(facts, data)
    assert facts.sans == ["mail.example.test"]
    assert facts.days_left == 12
    assert facts.fingerprint_sha256 is not None and len(facts.fingerprint_sha256) == 64
    assert facts.not_after is not None and facts.not_after.endswith("+00:00")


def test_client_context_is_strict(certs: CertFactory) -> None:
    ctx = tls.client_context(str(certs.ca_pem))
    assert ctx.verify_mode == ssl.CERT_REQUIRED and ctx.check_hostname
    assert ctx.minimum_version == ssl.TLSVersion.TLSv1_2
    # That the file is really trusted is shown end to end in tests/integration/test_endpoint_dovecot.py.


def test_bad_cafile_raises_oserror_or_sslerror(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pem"
    bad.write_text("not a certificate")
    with pytest.raises((ssl.SSLError, OSError)):
        tls.client_context(str(bad))


def test_every_problem_has_a_sentence() -> None:
    facts = TlsFacts(version="TLSv1", not_after="2026-01-02T00:00:00+00:00",
                     not_before="2025-01-01T00:00:00+00:00", days_left=3)
    for code in tls.PROBLEM_MESSAGES:
        text = tls.describe(code, facts, "mail.example.test")
        assert "{" not in text
    assert "2026-01-02" in tls.describe("expired", facts, "x")
    assert "TLSv1" in tls.describe("weak_protocol", facts, "x")
    assert "expires_soon" not in tls.FAILURES and "expired" in tls.FAILURES


@given(st.text(max_size=60), st.text(max_size=60))
def test_name_matching_never_raises(pattern: str, ref: str) -> None:
    assert tls.dns_name_matches(pattern, ref) in (True, False)


@given(st.from_regex(r"[a-z0-9-]{1,20}(\.[a-z0-9-]{1,20}){1,4}", fullmatch=True))
def test_a_name_matches_itself_and_its_one_label_wildcard(name: str) -> None:
    assert tls.dns_name_matches(name, name)
    labels = name.split(".")
    if len(labels) >= 3:
        assert tls.dns_name_matches("*." + ".".join(labels[1:]), name)
