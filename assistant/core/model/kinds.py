"""The small closed vocabularies every stage shares: protocols, security, sources, probe statuses."""

from __future__ import annotations

from typing import Literal

Protocol = Literal["imap", "pop3", "smtp"]
Security = Literal["ssl", "starttls", "plain"]
Source = Literal["srv", "autoconfig", "autoconfig_http", "autodiscover", "ispdb", "mx", "guess", "manual"]
Status = Literal["ok", "refused", "timeout", "tls_error", "protocol_error", "dns_error", "unreachable"]

PROTOCOLS: tuple[Protocol, ...] = ("imap", "pop3", "smtp")
SECURITIES: tuple[Security, ...] = ("ssl", "starttls", "plain")
SOURCES: tuple[Source, ...] = ("srv", "autoconfig", "autoconfig_http", "autodiscover", "ispdb", "mx", "guess",
                               "manual")
STATUSES: tuple[Status, ...] = (
    "ok", "refused", "timeout", "tls_error", "protocol_error", "dns_error", "unreachable",
)
