"""What each source gives for one domain, in a form every later step reads: an outcome word and servers.

Outcomes: ``found`` (usable settings), ``auth_required`` (Autodiscover answered 401/403: Outlook would ask
for the password and then get settings), ``not_found``, ``error`` (something answered wrongly: a broken file,
a certificate problem), ``skipped`` (deliberately not asked: ``--offline``, or not needed) and
``not_checked`` (this build has no such source). Guessing is judged from the probes: Thunderbird's matrix
finds the servers when an endpoint of the matrix was verified, whatever source named it first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.core.audit.observe import Observed
from assistant.core.discovery.sources.guess import guess_candidates
from assistant.core.model.results import Candidate, DiscoveryResult, SourceReport

# The sources an audit reports, in the order people read them.
SOURCE_ORDER: tuple[str, ...] = ("srv", "autoconfig", "autoconfig_http", "autodiscover", "ispdb", "mx",
                                 "guess")
OUTCOMES: tuple[str, ...] = ("found", "auth_required", "not_found", "error", "skipped", "not_checked")


@dataclass
class SourceSummary:
    """One source's answer: the outcome word, the servers it named, the first problem it reported."""

    outcome: str
    servers: list[Candidate] = field(default_factory=list)
    detail: str | None = None

    @property
    def gives(self) -> bool:
        """Settings a mail program can use (Autodiscover's 401 counts: the program asks for the password)."""
        return self.outcome in ("found", "auth_required")

    def to_dict(self) -> dict[str, Any]:
        return {"outcome": self.outcome, "detail": self.detail,
                "servers": [{"protocol": c.protocol, "host": c.host.rstrip("."), "port": c.port,
                             "security": c.security} for c in self.servers]}


def _from_reports(reports: list[SourceReport], servers: list[Candidate]) -> SourceSummary:
    if servers:
        return SourceSummary("found", servers)
    outcomes = [r.outcome for r in reports]
    for word in ("auth_required", "error", "not_found", "skipped"):
        if word in outcomes:
            detail = next((r.detail for r in reports if r.outcome == word and r.detail), None)
            return SourceSummary(word, [], detail)
    return SourceSummary("not_found" if reports else "not_checked")


def _reports(observed: Observed, name: str, label: str | None = None) -> list[SourceReport]:
    outcome = observed.outcomes.get(name)
    return [r for r in (outcome.reports if outcome else []) if r.source == (label or name)]


def summarize(result: DiscoveryResult, observed: Observed) -> dict[str, SourceSummary]:
    """Every source of ``SOURCE_ORDER`` summarised from the recorded outcomes and the probes."""
    out: dict[str, SourceSummary] = {}
    for name in ("srv", "autodiscover", "ispdb", "mx"):
        outcome = observed.outcomes.get(name)
        if outcome is None:
            out[name] = SourceSummary("not_checked")
            continue
        servers = [c for c in outcome.candidates if c.source == name]
        reports = [r for r in outcome.reports if r.source == name]
        if name == "mx":  # "the MX host is in the domain's own domain" is an answer, not a skipped question
            reports = [r if r.outcome != "skipped" or (r.detail or "").startswith("offline")
                       else SourceReport(r.source, r.target, "not_found", r.detail) for r in reports]
        out[name] = _from_reports(reports, servers)
        if name == "srv" and not servers and any(r.target == "." for r in outcome.srv):
            out[name] = SourceSummary("found", [], "every service is marked as not offered")
        exchange = any(w.code == "exchange_only" for w in outcome.warnings)
        if name == "autodiscover" and not servers and exchange:
            out[name] = SourceSummary("found", [], "an Exchange or Microsoft 365 mailbox (no IMAP/POP3)")
    config = observed.outcomes.get("autoconfig")
    if config is None:
        out["autoconfig"] = out["autoconfig_http"] = SourceSummary("not_checked")
    else:
        https = [c for c in config.candidates if c.source == "autoconfig"]
        plain = [c for c in config.candidates if c.source == "autoconfig_http"]
        out["autoconfig"] = _from_reports(_reports(observed, "autoconfig"), https)
        if observed.http_file is not None:
            plain = observed.http_file[1]
        out["autoconfig_http"] = _from_reports(_reports(observed, "autoconfig", "autoconfig_http"), plain)
    out["guess"] = guess_summary(result, observed)
    return {name: out[name] for name in SOURCE_ORDER}


def _group_found(result: DiscoveryResult, keys: set[tuple[str, str, int, str]], group: tuple[str, ...],
                 named: set[str]) -> bool | None:
    """A verified endpoint of the matrix for this group; None when the probe stopped guessing it."""
    if any(r.secure and r.candidate.key in keys and r.candidate.protocol in group for r in result.candidates):
        return True
    return None if named & set(group) else False


def guess_summary(result: DiscoveryResult, observed: Observed) -> SourceSummary:
    """Would Thunderbird's guessing find working servers? Judged from every verified probe of the matrix.

    The probe stops guessing a protocol once a trusted source named servers for it, so for such a protocol
    a matrix endpoint nobody verified is unknown, not missing: ``skipped`` unless a verified endpoint
    already shows what guessing would reach.
    """
    if "guess" not in observed.outcomes:
        return SourceSummary("not_checked")
    keys = {c.key for c in guess_candidates(result.domain)}
    named: set[str] = {c.protocol for name, o in observed.outcomes.items() if name != "guess"
             for c in o.candidates if c.source not in ("guess", "autoconfig_http")}
    found = [_group_found(result, keys, g, named) for g in (("imap", "pop3"), ("smtp",))]
    servers = [r.candidate for r in result.candidates if r.secure and r.candidate.key in keys]
    if all(found):
        return SourceSummary("found", servers)
    if False in found:
        return SourceSummary("not_found", servers)
    return SourceSummary("skipped", servers, "not probed: other sources named the servers first")
