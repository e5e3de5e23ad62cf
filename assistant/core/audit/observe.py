"""One domain's discovery with every source's answer kept whole, plus the two checks only an audit needs.

The probe keeps one label per server (the most trusted source that named it) and cancels the plain-HTTP
autoconfig fetch once HTTPS gave a file: right for setting up one mailbox, too little for an audit, which
must say what *each* source publishes (Thunderbird reads other sources than Outlook) and whether the HTTP
file says the same as the HTTPS one (a stale copy, or someone on the path). So the audit runs the same
sources wrapped: each outcome is recorded as it is returned, the HTTP file is fetched beside the run when
HTTPS had one, and afterwards it looks up whether ``autoconfig.D`` and ``autodiscover.D`` exist (for the
DNS fixes). The probe engine itself is unchanged.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from assistant.core.discovery.run import discover
from assistant.core.discovery.sources import SOURCES, SourceRun
from assistant.core.discovery.sources import autoconfig as autoconfig_source
from assistant.core.model.address import EmailAddress
from assistant.core.model.results import Candidate, DiscoveryResult, SourceOutcome
from assistant.core.net.dns import DnsError, NoSuchDomain
from assistant.core.net.settings import Settings
from assistant.core.profiles.autoconfig_read import config_candidates

HTTP_CHECK_GRACE = 2.0  # seconds the HTTP comparison may run on after the discovery finished


@dataclass
class Observed:
    """What the sources said for one domain, beside the discovery result."""

    outcomes: dict[str, SourceOutcome] = field(default_factory=dict)
    # The plain-HTTP autoconfig file's URL and servers, fetched for comparison when HTTPS had a file.
    http_file: tuple[str, list[Candidate]] | None = None
    names: dict[str, bool | None] = field(default_factory=dict)  # autoconfig.D / autodiscover.D / D exist?
    _http_tasks: list[asyncio.Task[autoconfig_source.Fetched]] = field(default_factory=list)
    _http_urls: list[str] = field(default_factory=list)

    def checked(self, source: str) -> bool:
        return source in self.outcomes

    def _compare_http(self, addr: EmailAddress, settings: Settings, outcome: SourceOutcome) -> None:
        """HTTPS gave a file: fetch the HTTP locations too (beside the run, never delaying it)."""
        if not any(c.source == "autoconfig" for c in outcome.candidates):
            return
        self._http_urls = autoconfig_source.urls(addr, "http")
        fetch = autoconfig_source.fetch_config
        self._http_tasks = [asyncio.ensure_future(fetch(u, settings, "autoconfig_http"))
                            for u in self._http_urls]

    async def settle(self, settings: Settings, addr: EmailAddress) -> None:
        """Finish the side checks within a short grace (cancelled after it)."""
        try:
            async with asyncio.timeout(min(HTTP_CHECK_GRACE + settings.http_timeout, settings.timeout)):
                names = await asyncio.gather(*(_exists(n, settings) for n in _names(addr.domain)))
                self.names = dict(zip(_names(addr.domain), names, strict=True))
                for url, task in zip(self._http_urls, self._http_tasks, strict=True):
                    fetched = await task
                    if fetched.config is not None:
                        self.http_file = (url, config_candidates(fetched.config, "autoconfig_http", addr))
                        break
        except TimeoutError:
            pass
        finally:
            for task in self._http_tasks:
                task.cancel()
            for task in self._http_tasks:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task


def _names(domain: str) -> tuple[str, str, str]:
    return (f"autoconfig.{domain}", f"autodiscover.{domain}", domain)


async def _exists(name: str, settings: Settings) -> bool | None:
    """True when the name has an address, False when DNS says it has none, None when DNS could not tell."""
    try:
        return bool(await settings.resolver.addresses(name, lifetime=settings.connect_timeout))
    except NoSuchDomain:
        return False
    except DnsError:
        return None


def recording(observed: Observed, base: Mapping[str, SourceRun]) -> dict[str, SourceRun]:
    """``base``'s sources, each recording its outcome in ``observed`` before returning it unchanged."""

    def wrap(name: str, run: SourceRun) -> SourceRun:
        async def recorded(addr: EmailAddress, settings: Settings) -> SourceOutcome:
            outcome = await run(addr, settings)
            observed.outcomes[name] = outcome
            if name == "autoconfig":
                observed._compare_http(addr, settings, outcome)
            return outcome
        return recorded

    return {name: wrap(name, run) for name, run in base.items()}


async def observe(addr: EmailAddress, settings: Settings,
                  base: Mapping[str, SourceRun] | None = None) -> tuple[DiscoveryResult, Observed]:
    """The discovery of ``addr`` and every source's own answer. Raises DomainError like ``discover``."""
    observed = Observed()
    try:
        sources = recording(observed, SOURCES if base is None else base)
        result = await discover(addr, settings, sources=sources)
    except BaseException:
        for task in observed._http_tasks:
            task.cancel()
        raise
    await observed.settle(settings, addr)
    return result, observed
