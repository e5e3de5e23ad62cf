"""Run-wide settings and the small records stages hand each other (source outcomes, progress events)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.core.model import Candidate, Finding, MxRecord, Protocol, SourceReport, SrvRecord

if TYPE_CHECKING:  # a type only: importing dnspython here would put it before the wizard's first window
    from assistant.core.dns import Resolver

DEFAULT_ISPDB_URL = "https://autoconfig.thunderbird.net/v1.1/"


@dataclass
class Settings:
    """What a discovery run may do and how long it may take.

    ``timeout`` bounds the whole run; the per-step values bound single steps inside it.
    """

    resolver: Resolver
    cafile: str | None = None
    timeout: float = 20.0
    offline: bool = False
    ispdb_url: str = DEFAULT_ISPDB_URL
    connect_timeout: float = 5.0  # one TCP connect (all Happy Eyeballs attempts together)
    endpoint_timeout: float = 10.0  # one whole endpoint conversation (greeting → STARTTLS → capabilities)
    http_timeout: float = 5.0  # one autoconfig/ISPDB fetch, redirects included
    max_line: int = 16 * 1024  # longest protocol line we read
    max_http_body: int = 256 * 1024  # largest config file we accept


@dataclass
class SourceOutcome:
    """What one discovery source contributed. Every source returns one, even when it found nothing."""

    candidates: list[Candidate] = field(default_factory=list)
    reports: list[SourceReport] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    srv: list[SrvRecord] = field(default_factory=list)
    mx: list[MxRecord] = field(default_factory=list)
    not_offered: set[Protocol] = field(default_factory=set)
    domain_missing: bool = False  # the source saw NXDOMAIN for the address's domain itself
    provider_name: str | None = None  # displayName from a config file, for profiles


@dataclass(frozen=True)
class ProgressEvent:
    """A step the GUI and the readable report can show live: a source or an endpoint changed state.

    ``kind`` is "source" or "endpoint"; ``state`` is "started", "done" or "failed"; ``label`` is short
    human text ("SRV records", "imap.example.com:993 (SSL)"); ``detail`` optional.
    """

    kind: str
    label: str
    state: str
    detail: str | None = None
    elapsed_ms: int = 0


ProgressCallback = Callable[[ProgressEvent], None]
