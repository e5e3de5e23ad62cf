"""MX records, and Thunderbird's MX-based lookup: a hosted domain's settings are usually the hoster's.

The lowest-preference MX host's domain (``mx1.mail.hoster.net`` → ``mail.hoster.net``, then the registered
domain ``hoster.net``) is asked for its own autoconfig file over HTTPS and looked up in the ISPDB — all at
once, the first usable answer in Thunderbird's order wins. Nothing is asked when the MX host sits in the
address's own registered domain: the domain's own lookups already covered it. MX answers are unsigned DNS,
so these candidates are labelled ``mx`` and never count as confirmed by the domain.
"""

from __future__ import annotations

import asyncio
import time

from assistant.core.discovery.sources.autoconfig import Fetched, fetch_config, use_config
from assistant.core.discovery.sources.ispdb import ispdb_url
from assistant.core.model.address import EmailAddress, registered_domain
from assistant.core.model.results import MxRecord, SourceOutcome, SourceReport
from assistant.core.net.dns import DnsError, NoSuchDomain
from assistant.core.net.settings import Settings

MAX_RECORDS = 10  # only the best is used; the rest are reported, and a huge answer must not bloat reports


def _ms(start: float) -> int:
    return int((time.monotonic() - start) * 1000)


async def mx_records(domain: str, settings: Settings, outcome: SourceOutcome) -> list[MxRecord]:
    """The domain's MX records by preference (then name); notes NXDOMAIN and errors in ``outcome``."""
    start = time.monotonic()
    try:
        answer = await settings.resolver.query(domain, "MX")
    except NoSuchDomain:
        outcome.domain_missing = True
        outcome.reports.append(SourceReport("mx", domain, "not_found", "no such domain", _ms(start)))
        return []
    except DnsError as exc:
        outcome.reports.append(SourceReport("mx", domain, "error", str(exc), _ms(start)))
        return []
    records = sorted((MxRecord(int(getattr(rr, "preference", 0)),
                               str(getattr(rr, "exchange", ".")).rstrip(".").lower() or ".")
                      for rr in answer), key=lambda m: (m.preference, m.host))
    dropped = max(0, len(records) - MAX_RECORDS)
    records = records[:MAX_RECORDS]
    detail = ", ".join(f"{m.preference} {m.host}" for m in records) or "no MX record"
    if dropped:
        detail += f" (and {dropped} more, ignored)"
    outcome.reports.append(SourceReport("mx", domain, "found" if records else "not_found", detail,
                                        _ms(start)))
    return records


def lookup_domains(mx_host: str, address_domain: str) -> list[str]:
    """Domains to ask for ``mx_host``, best first; empty when it is the address's own registered domain."""
    base = registered_domain(mx_host)
    if base == registered_domain(address_domain):
        return []
    parent = mx_host.split(".", 1)[1] if "." in mx_host else mx_host
    return [parent, base] if parent != base and parent.endswith("." + base) else [base]


async def run(addr: EmailAddress, settings: Settings) -> SourceOutcome:
    outcome = SourceOutcome()
    records = await mx_records(addr.domain, settings, outcome)
    outcome.mx = records
    usable = [m for m in records if m.host != "."]
    if not usable:
        return outcome
    mx_host = usable[0].host
    domains = lookup_domains(mx_host, addr.domain)
    if not domains:
        outcome.reports.append(SourceReport("mx", mx_host, "skipped",
                                            "the mail exchanger is in the address's own domain"))
        return outcome
    urls: list[str] = []
    for d in domains:
        urls.append(f"https://autoconfig.{d}/mail/config-v1.1.xml")
        urls.append(ispdb_url(settings.ispdb_url, d))
    tasks: list[asyncio.Future[Fetched] | None] = []
    for i, url in enumerate(urls):
        if i % 2 == 1 and settings.offline:
            outcome.reports.append(SourceReport("mx", url, "skipped", "offline: the ISPDB is not asked"))
            tasks.append(None)
        else:
            tasks.append(asyncio.ensure_future(fetch_config(url, settings, "mx")))
    try:
        for url, task in zip(urls, tasks, strict=True):
            if task is None:
                continue
            fetched = await task
            outcome.reports.append(fetched.report)
            if fetched.config is not None:
                use_config(outcome, fetched, url, "mx", addr)
                for rest in tasks:
                    if rest is not None and not rest.done():
                        rest.cancel()
                break
    finally:
        for t in tasks:
            if t is not None:
                t.cancel()
    return outcome
