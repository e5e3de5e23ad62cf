"""RFC 6186/8314 SRV discovery against a real dnsmasq: ordering, ".", NXDOMAIN, IDN, DNS failure."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from assistant.core.discovery.sources import SOURCES
from assistant.core.model.address import parse_address
from assistant.core.model.results import SourceOutcome
from assistant.core.net.dns import Resolver, ServerAddress
from assistant.core.net.settings import Settings
from tests.support.dnsmasq import Dnsmasq, Zone, start_dnsmasq
from tests.support.loopback import Subnet


@pytest.fixture(scope="module")
def dns(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dnsmasq]:
    z = Zone()
    # ranked.test: priorities across services, weights, and implicit TLS first at equal priority.
    z.srv("_imap._tcp.ranked.test", "imap.ranked.test", 143, priority=0, weight=50)
    z.srv("_imaps._tcp.ranked.test", "imap.ranked.test", 993, priority=0, weight=1)
    z.srv("_imaps._tcp.ranked.test", "imap2.ranked.test", 993, priority=0, weight=10)
    z.srv("_imaps._tcp.ranked.test", "backup.ranked.test", 993, priority=20, weight=100)
    z.srv("_pop3s._tcp.ranked.test", "pop.ranked.test", 995, priority=10, weight=0)
    z.srv("_submission._tcp.ranked.test", "smtp.ranked.test", 587, priority=0, weight=0)
    z.srv("_submissions._tcp.ranked.test", "smtp.ranked.test", 465, priority=5, weight=0)
    z.mx("ranked.test", "mx.ranked.test")
    # partial.test: POP3 explicitly not offered, IMAP STARTTLS "." but IMAPS real.
    z.srv("_pop3._tcp.partial.test", ".").srv("_pop3s._tcp.partial.test", ".")
    z.srv("_imap._tcp.partial.test", ".")
    z.srv("_imaps._tcp.partial.test", "mail.partial.test", 993)
    z.host("partial.test", "127.0.0.1")
    z.host("plain.test", "127.0.0.1")  # exists, publishes no SRV at all
    z.srv("_imaps._tcp.xn--bcher-kva.test", "mail.xn--bcher-kva.test", 993)
    z.host("xn--bcher-kva.test", "127.0.0.1")
    d = start_dnsmasq(Subnet().take(), z, tmp_path_factory.mktemp("srv-dns"))
    yield d
    d.stop()


def run(dns: Dnsmasq, text: str) -> SourceOutcome:
    return asyncio.run(SOURCES["srv"](parse_address(text), Settings(resolver=dns.resolver())))


def test_order_priority_then_implicit_tls_then_weight(dns: Dnsmasq) -> None:
    out = run(dns, "user@ranked.test")
    got = [(c.protocol, c.host, c.port, c.security, c.preference) for c in out.candidates]
    assert got == [
        ("imap", "imap2.ranked.test", 993, "ssl", 0),
        ("imap", "imap.ranked.test", 993, "ssl", 1),
        ("imap", "imap.ranked.test", 143, "starttls", 2),
        ("smtp", "smtp.ranked.test", 587, "starttls", 3),
        ("smtp", "smtp.ranked.test", 465, "ssl", 4),
        ("pop3", "pop.ranked.test", 995, "ssl", 5),
        ("imap", "backup.ranked.test", 993, "ssl", 6),
    ]
    assert {c.source for c in out.candidates} == {"srv"}
    assert len(out.srv) == 7 and out.srv[0].target == "imap2.ranked.test"
    assert out.not_offered == set() and not out.domain_missing
    assert [r.outcome for r in out.reports].count("found") == 5
    assert any(r.target == "_pop3._tcp.ranked.test" and r.outcome == "not_found" for r in out.reports)


def test_all_six_services_are_asked(dns: Dnsmasq) -> None:
    run(dns, "ranked.test")
    asked = {q for q in dns.queries() if q.startswith("SRV ") and q.endswith(".ranked.test")}
    assert asked == {f"SRV {s}._tcp.ranked.test" for s in
                     ("_imaps", "_imap", "_pop3s", "_pop3", "_submissions", "_submission")}


def test_dot_target_means_not_offered(dns: Dnsmasq) -> None:
    out = run(dns, "partial.test")
    assert out.not_offered == {"pop3"}  # IMAP still has a real _imaps record
    assert [(c.protocol, c.host) for c in out.candidates] == [("imap", "mail.partial.test")]
    assert {r.target for r in out.srv if r.protocol == "pop3"} == {"."}
    assert len(out.srv) == 4


def test_domain_without_srv_records(dns: Dnsmasq) -> None:
    out = run(dns, "plain.test")
    assert out.candidates == [] and out.srv == [] and not out.domain_missing
    assert {r.outcome for r in out.reports} == {"not_found"}


def test_nxdomain_domain_is_missing(dns: Dnsmasq) -> None:
    out = run(dns, "someone@no-such-domain.test")
    assert out.domain_missing and out.candidates == []


def test_idn_domain(dns: Dnsmasq) -> None:
    out = run(dns, "bücher.test")
    assert [(c.host, c.port) for c in out.candidates] == [("mail.xn--bcher-kva.test", 993)]


def test_unreachable_dns_server_is_reported_not_raised() -> None:
    dead = Resolver(ServerAddress(Subnet().take(), 53), lifetime=0.3)
    out = asyncio.run(SOURCES["srv"](parse_address("example.test"), Settings(resolver=dead)))
    assert out.candidates == [] and not out.domain_missing
    assert {r.outcome for r in out.reports} == {"error"}
    assert all(r.detail for r in out.reports)
