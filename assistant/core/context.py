"""Run-wide settings and the small records stages hand each other (source outcomes, progress events)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.core.errors import DomainError, InputError
from assistant.core.limits import DEFAULT_TIMEOUT, check_timeout

if TYPE_CHECKING:  # types only: dnspython and the data model must not load before the wizard's first window
    from assistant.core.dns import Resolver
    from assistant.core.model import Candidate, Finding, MxRecord, Protocol, SourceReport, SrvRecord

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

    def __post_init__(self) -> None:
        # No single step may be allowed longer than the whole run (``replace`` re-applies this).
        self.connect_timeout = min(self.connect_timeout, self.timeout)
        self.endpoint_timeout = min(self.endpoint_timeout, self.timeout)
        self.http_timeout = min(self.http_timeout, self.timeout)

    @classmethod
    def create(cls, *, timeout: float = DEFAULT_TIMEOUT, dns_server: str | None = None,
               cafile: str | None = None, offline: bool = False, ispdb_url: str | None = None) -> Settings:
        """The one way front ends make run settings: every input checked, InputError naming the option.

        ``dns_server`` None means the system's resolver; a system whose DNS setup cannot be read fails as
        a DomainError (exit code 3's meaning).
        """
        timeout = check_timeout(timeout)
        if cafile is not None:  # "" is a bad file name, not "no CA file"
            if not cafile.strip():
                raise InputError("--cafile '': expected the name of a PEM file")
            check_cafile(cafile)
        from assistant.core.dns import DnsError, Resolver, parse_server  # dnspython: not at import time
        server = parse_server(dns_server) if dns_server is not None else None
        try:
            resolver = Resolver(server, lifetime=min(5.0, timeout))
        except DnsError as exc:
            raise DomainError(str(exc), "dns_config") from None
        return cls(resolver=resolver, cafile=cafile or None, timeout=timeout, offline=offline,
                   ispdb_url=ispdb_url or DEFAULT_ISPDB_URL)


def check_cafile(cafile: str) -> None:
    """``--cafile``: a readable PEM file with CA certificates; InputError naming the problem otherwise."""
    import ssl

    from assistant.core.tls import client_context
    try:
        client_context(cafile)
    except FileNotFoundError:
        raise InputError(f"--cafile {cafile}: no such file") from None
    except ssl.SSLError:
        raise InputError(f"--cafile {cafile}: not a PEM file with CA certificates") from None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or "unreadable"
        raise InputError(f"--cafile {cafile}: cannot be read ({reason})") from None


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
    English text ("SRV records", "imap.example.com:993 (SSL)"); ``detail`` optional. ``key`` is stable and
    never shown: a source's name ("srv") or an endpoint's ``vocabulary.endpoint_key``, so a front end keys
    its rows and translations by it, never by the English label.
    """

    kind: str
    label: str
    state: str
    detail: str | None = None
    elapsed_ms: int = 0
    key: str = ""


ProgressCallback = Callable[[ProgressEvent], None]
