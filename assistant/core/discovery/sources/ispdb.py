"""Thunderbird's ISPDB: a curated directory of providers' settings, fetched over HTTPS.

It leaves the domain's own servers (the directory learns which domain is being set up), so ``--offline``
skips it. The base URL is configurable; ``{domain}`` in it is replaced, otherwise the domain is appended.
"""

from __future__ import annotations

from assistant.core.discovery.sources.autoconfig import fetch_config, use_config
from assistant.core.model.address import EmailAddress
from assistant.core.model.results import Source, SourceOutcome, SourceReport
from assistant.core.net.settings import Settings


def ispdb_url(base: str, domain: str) -> str:
    return base.replace("{domain}", domain) if "{domain}" in base else base + domain


async def lookup(domain: str, addr: EmailAddress, settings: Settings, outcome: SourceOutcome,
                 source: Source) -> bool:
    """Ask the ISPDB about ``domain``; add what it says to ``outcome``; True when a usable file came."""
    url = ispdb_url(settings.ispdb_url, domain)
    if settings.offline:
        outcome.reports.append(SourceReport(source, url, "skipped", "offline: the ISPDB is not asked"))
        return False
    fetched = await fetch_config(url, settings, source)
    outcome.reports.append(fetched.report)
    if fetched.config is None:
        return False
    use_config(outcome, fetched, url, source, addr)
    return True


async def run(addr: EmailAddress, settings: Settings) -> SourceOutcome:
    outcome = SourceOutcome()
    await lookup(addr.domain, addr, settings, outcome, "ispdb")
    return outcome
