"""Review: a huge SRV or MX answer (hundreds of records, over TCP) is cut to a few before anything is probed.

Unsigned DNS could otherwise turn one lookup into hundreds of connections to addresses of the answerer's
choosing, and reports of any size. Real dnsmasq serves the records (truncated over UDP, whole over TCP).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from assistant.core.discovery.sources import SOURCES
from assistant.core.discovery.sources.mx import MAX_RECORDS as MAX_MX
from assistant.core.discovery.sources.srv import MAX_RECORDS as MAX_SRV
from assistant.core.model.address import parse_address
from assistant.core.model.results import SourceOutcome
from assistant.core.net.settings import Settings
from tests.support.dnsmasq import Dnsmasq, Zone, start_dnsmasq
from tests.support.loopback import Subnet

MANY = 300


@pytest.fixture(scope="module")
def dns(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dnsmasq]:
    z = Zone()
    for i in range(MANY):
        z.srv("_imaps._tcp.many.test", f"imap{i:03}.many.test", 993, priority=i % 7, weight=i)
        z.mx("many.test", f"mx{i:03}.many.test", 10 + i)
    z.srv("_submission._tcp.many.test", "smtp.many.test", 587)
    d = start_dnsmasq(Subnet().take(), z, tmp_path_factory.mktemp("many-dns"))
    yield d
    d.stop()


def run(dns: Dnsmasq, source: str) -> SourceOutcome:
    settings = Settings(resolver=dns.resolver(lifetime=5.0))
    return asyncio.run(SOURCES[source](parse_address("user@many.test"), settings))


def test_huge_srv_answer_is_cut_to_the_best_records(dns: Dnsmasq) -> None:
    out = run(dns, "srv")
    imap = [c for c in out.candidates if c.protocol == "imap"]
    assert len(imap) == MAX_SRV
    # The kept ones are the best-ranked: priority 0 first, highest weight first within it.
    assert all(r.priority == 0 for r in out.srv if r.protocol == "imap")
    weights = [r.weight for r in out.srv if r.protocol == "imap"]
    assert weights == sorted(weights, reverse=True)
    assert weights[0] == max(i for i in range(MANY) if i % 7 == 0)
    assert [c.protocol for c in out.candidates].count("smtp") == 1
    report = next(r for r in out.reports if r.target == "_imaps._tcp.many.test")
    assert f"{MANY - MAX_SRV} more records, ignored" in (report.detail or "")
    assert len(report.detail or "") < 2000


def test_huge_mx_answer_is_cut(dns: Dnsmasq) -> None:
    out = run(dns, "mx")
    assert len(out.mx) == MAX_MX
    assert out.mx[0].host == "mx000.many.test"
    report = next(r for r in out.reports if r.source == "mx" and r.target == "many.test")
    assert f"{MANY - MAX_MX} more, ignored" in (report.detail or "")
