"""Thunderbird's guessing matrix in its preference order."""

from __future__ import annotations

import asyncio

from assistant.core.discovery.sources import SOURCES
from assistant.core.discovery.sources.guess import guess_candidates
from assistant.core.model.address import parse_address
from assistant.core.net.dns import Resolver, ServerAddress
from assistant.core.net.settings import Settings


def keys(domain: str, protocol: str) -> list[str]:
    return [f"{c.host}:{c.port}/{c.security}" for c in guess_candidates(domain, [protocol])]  # type: ignore[list-item]


def test_imap_order_tls_first_then_plain() -> None:
    assert keys("example.test", "imap") == [
        "imap.example.test:993/ssl", "mail.example.test:993/ssl", "example.test:993/ssl",
        "imap.example.test:143/starttls", "mail.example.test:143/starttls", "example.test:143/starttls",
        "imap.example.test:143/plain", "mail.example.test:143/plain", "example.test:143/plain",
    ]


def test_pop3_hosts_and_order() -> None:
    got = keys("example.test", "pop3")
    assert got[:4] == ["pop3.example.test:995/ssl", "pop.example.test:995/ssl", "mail.example.test:995/ssl",
                       "example.test:995/ssl"]
    assert got[4:8] == [h.replace("995/ssl", "110/starttls") for h in got[:4]]
    assert got[8:] == [h.replace("995/ssl", "110/plain") for h in got[:4]]


def test_smtp_order_without_port_25() -> None:
    assert keys("example.test", "smtp") == [
        "smtp.example.test:465/ssl", "mail.example.test:465/ssl", "example.test:465/ssl",
        "smtp.example.test:587/starttls", "mail.example.test:587/starttls", "example.test:587/starttls",
        "smtp.example.test:587/plain", "mail.example.test:587/plain", "example.test:587/plain",
    ]


def test_all_protocols_in_thunderbird_order_with_per_protocol_preference() -> None:
    cands = guess_candidates("example.test")
    assert len(cands) == 9 + 12 + 9
    assert {c.source for c in cands} == {"guess"}
    # Thunderbird: every TLS try before any plain one, IMAP before POP3 within each class.
    incoming = [c for c in cands if c.protocol != "smtp"]
    first_plain = next(i for i, c in enumerate(incoming) if c.security == "plain")
    assert all(c.security == "plain" for c in incoming[first_plain:])
    for proto in ("imap", "pop3", "smtp"):
        assert [c.preference for c in cands if c.protocol == proto] == list(
            range(sum(1 for c in cands if c.protocol == proto)))


def test_only_wanted_protocols() -> None:
    assert {c.protocol for c in guess_candidates("example.test", ["pop3"])} == {"pop3"}
    assert guess_candidates("example.test", []) == []


def test_guess_source_uses_the_ascii_domain() -> None:
    settings = Settings(resolver=Resolver(ServerAddress("127.0.0.1", 53)))
    outcome = asyncio.run(SOURCES["guess"](parse_address("bücher.test"), settings))
    assert outcome.candidates[0].host == "imap.xn--bcher-kva.test"
    assert outcome.reports[0].outcome == "found"
