"""Run-wide settings: the resolver, the CA file, the time limits and size caps every network step obeys."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assistant.core.net.limits import DEFAULT_TIMEOUT, check_timeout
from assistant.core.words.errors import DomainError, InputError

if TYPE_CHECKING:  # types only: dnspython must not load before the wizard's first window
    from assistant.core.net.dns import Resolver
    from assistant.core.net.shared import Batch

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
    # What the runs of a batch (``audit``) share: at most N connections per server address, one probe per
    # endpoint, one fetch per URL (net/shared.py). None for one person's run.
    batch: Batch | None = None

    def for_shared(self) -> Settings:
        """These settings with the batch's resolver: work shared between a batch's runs must not use one
        run's (no batch: the settings as they are)."""
        return self if self.batch is None else replace(self, resolver=self.batch.resolver)

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
                raise InputError("{field} '': expected the name of a PEM file", field="cafile")
            check_cafile(cafile)
        from assistant.core.net.dns import DnsError, Resolver, parse_server  # dnspython: not at import time
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

    from assistant.core.net.tls import client_context
    try:
        client_context(cafile)
    except FileNotFoundError:
        raise InputError(f"{{field}} {cafile}: no such file", field="cafile") from None
    except ssl.SSLError:
        raise InputError(f"{{field}} {cafile}: not a PEM file with CA certificates", field="cafile") from None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or "unreadable"
        raise InputError(f"{{field}} {cafile}: cannot be read ({reason})", field="cafile") from None
