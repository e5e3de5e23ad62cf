"""RFC 6186 / RFC 8314 SRV records: the provider's own word on which mail services exist, and where.

All six services are asked at once. Priorities are compared across services (RFC 6186 §3.4), so a provider
can prefer IMAP over POP3; at equal priority implicit TLS goes before STARTTLS (RFC 8314), then higher
weight. A lone target "." means "not offered": that protocol is listed in ``not_offered`` and not guessed.
"""

from __future__ import annotations

import asyncio
import time

from assistant.core.model.address import EmailAddress
from assistant.core.model.results import Candidate, Protocol, Security, SourceOutcome, SourceReport, SrvRecord
from assistant.core.net.dns import DnsError, NoSuchDomain
from assistant.core.net.settings import Settings

SERVICES: tuple[tuple[str, Protocol, Security], ...] = (
    ("_imaps._tcp", "imap", "ssl"), ("_imap._tcp", "imap", "starttls"),
    ("_pop3s._tcp", "pop3", "ssl"), ("_pop3._tcp", "pop3", "starttls"),
    ("_submissions._tcp", "smtp", "ssl"), ("_submission._tcp", "smtp", "starttls"),
)
# Records kept per service. A DNS answer can hold thousands (64 KiB over TCP); each would become a probe,
# i.e. thousands of connections to wherever the (unsigned) answer points. Real providers publish a few.
MAX_RECORDS = 10


def _ms(start: float) -> int:
    return int((time.monotonic() - start) * 1000)


async def _lookup(service: str, protocol: Protocol, security: Security, domain: str,
                  settings: Settings) -> tuple[list[SrvRecord], SourceReport, bool]:
    """Records of one service, its report, and whether the name was NXDOMAIN."""
    name = f"{service}.{domain}"
    start = time.monotonic()
    try:
        answer = await settings.resolver.query(name, "SRV")
    except NoSuchDomain:
        return [], SourceReport("srv", name, "not_found", "no such name", _ms(start)), True
    except DnsError as exc:
        return [], SourceReport("srv", name, "error", str(exc), _ms(start)), False
    records = []
    for rr in answer:
        target = str(getattr(rr, "target", ".")).rstrip(".").lower() or "."
        records.append(SrvRecord(service=service, protocol=protocol, security=security,
                                 priority=int(getattr(rr, "priority", 0)),
                                 weight=int(getattr(rr, "weight", 0)),
                                 port=int(getattr(rr, "port", 0)), target=target))
    dropped = max(0, len(records) - MAX_RECORDS)
    records = rank_records(records)[:MAX_RECORDS]
    outcome = "found" if records else "not_found"
    detail = "; ".join(f"{r.priority} {r.weight} {r.port} {r.target}" for r in records) or "no SRV record"
    if dropped:
        detail += f" (and {dropped} more records, ignored: at most {MAX_RECORDS} are used)"
    return records, SourceReport("srv", name, outcome, detail, _ms(start)), False


def rank_records(records: list[SrvRecord]) -> list[SrvRecord]:
    """Priority ascending, implicit TLS first at equal priority, then weight descending (deterministic)."""
    return sorted(records, key=lambda r: (r.priority, 0 if r.security == "ssl" else 1, -r.weight,
                                          r.target, r.port))


def not_offered(records: list[SrvRecord]) -> set[Protocol]:
    """Protocols for which some service says "." and none names a real server."""
    said_no = {r.protocol for r in records if r.target == "."}
    offered = {r.protocol for r in records if r.target != "."}
    return said_no - offered


async def domain_exists(domain: str, settings: Settings) -> bool | None:
    """True/False when DNS says so about the domain itself; None when DNS could not tell."""
    try:
        await settings.resolver.query(domain, "SOA")
    except NoSuchDomain:
        return False
    except DnsError:
        return None
    return True


async def run(addr: EmailAddress, settings: Settings) -> SourceOutcome:
    """Look up all six services concurrently and turn usable records into ranked candidates."""
    results = await asyncio.gather(*(_lookup(s, p, sec, addr.domain, settings) for s, p, sec in SERVICES))
    outcome = SourceOutcome()
    records: list[SrvRecord] = []
    for found, report, _nx in results:
        records.extend(found)
        outcome.reports.append(report)
    if all(nx for _f, _r, nx in results) and await domain_exists(addr.domain, settings) is False:
        outcome.domain_missing = True
    ranked = rank_records(records)
    outcome.srv = ranked
    outcome.not_offered = not_offered(ranked)
    for index, rec in enumerate(r for r in ranked if r.target != "." and 0 < r.port):
        outcome.candidates.append(Candidate(protocol=rec.protocol, host=rec.target, port=rec.port,
                                            security=rec.security, source="srv", preference=index,
                                            weight=rec.weight))
    return outcome
