"""Discovery sources: each asks one kind of authority and returns a SourceOutcome, never raising for
network trouble, so the orchestrator can start them all at once and use each answer as it arrives.

``SOURCES`` maps the name to ``async def run(addr, settings) -> SourceOutcome``. ``guess`` is the
fallback: its candidates are meant only for protocols no other source answered and SRV did not rule out.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from assistant.core.discovery.sources import autoconfig, autodiscover, guess, ispdb, mx, srv
from assistant.core.model.address import EmailAddress
from assistant.core.model.results import SourceOutcome
from assistant.core.net.settings import Settings

SourceRun = Callable[[EmailAddress, Settings], Awaitable[SourceOutcome]]

SOURCES: dict[str, SourceRun] = {
    "srv": srv.run,
    "autoconfig": autoconfig.run,
    "autodiscover": autodiscover.run,
    "ispdb": ispdb.run,
    "mx": mx.run,
    "guess": guess.run,
}

__all__ = ["SOURCES", "SourceRun"]
