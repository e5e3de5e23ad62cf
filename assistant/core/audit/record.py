"""One domain's audit as one JSON object (``resources/schemas/audit.schema.json``; fields only added).

``audit_domain`` never raises for the domain's own trouble: a domain that does not exist is verdict
``no_domain``, a resolver that does not answer or a bug of ours is ``error`` with one line in ``error``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from assistant.core.audit.clients import clients
from assistant.core.audit.findings import DEFAULT_EXPIRY_DAYS, assess, verdict
from assistant.core.audit.fixes import fixes
from assistant.core.audit.observe import Observed, observe
from assistant.core.audit.summary import summarize
from assistant.core.model.address import EmailAddress
from assistant.core.model.results import DiscoveryResult, ProbeResult
from assistant.core.net.settings import Settings
from assistant.core.words.errors import DomainError

SCHEMA_VERSION = 1
DEFAULT_MAILBOX = "postmaster"  # RFC 5321 §4.5.1: every mail domain has one


@dataclass(frozen=True)
class AuditOptions:
    """How every domain of a run is checked (the settings carry the shared resolver and connection gate)."""

    settings: Settings
    expiry_days: int = DEFAULT_EXPIRY_DAYS
    mailbox: str = DEFAULT_MAILBOX  # the local part sources that want an address are asked with
    web_host: str | None = None  # where autoconfig./autodiscover. should point (default: the domain)


def server(r: ProbeResult) -> dict[str, Any]:
    """One probed server: where, what answered, its certificate in short."""
    c, tls = r.candidate, r.tls
    return {
        "protocol": c.protocol, "host": c.host.rstrip("."), "port": c.port, "security": c.security,
        "source": c.source, "status": r.status, "address": r.address, "verified": r.secure,
        "plaintext": r.status == "ok" and c.security == "plain", "stopped": r.stopped, "error": r.error,
        "certificate": None if tls is None or tls.not_after is None else {
            "days_left": tls.days_left, "not_after": tls.not_after, "issuer": tls.issuer,
            "subject": tls.subject, "problems": [p for p in tls.problems if p != "expires_soon"],
            "fingerprint_sha256": tls.fingerprint_sha256},
    }


def _empty(domain: EmailAddress, verdict_word: str, elapsed_ms: int, error: str | None = None
           ) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "domain": domain.domain,
            "domain_unicode": domain.domain_unicode, "verdict": verdict_word, "problems": [], "clients": {},
            "sources": {}, "servers": [],
            "fixes": {"dns": [], "files": []}, "elapsed_ms": elapsed_ms, "error": error}


def build(domain: EmailAddress, result: DiscoveryResult, observed: Observed, options: AuditOptions,
          elapsed_ms: int) -> dict[str, Any]:
    sources = summarize(result, observed)
    views = clients(sources, result)
    problems = assess(result, observed, sources, views, options.expiry_days)
    dns, files = fixes(result, observed, sources, views, {p.code for p in problems}, options.web_host)
    record = _empty(domain, verdict(result, problems), elapsed_ms)
    record.update({
        "problems": [p.to_dict() for p in problems],
        "clients": {name: v.to_dict() for name, v in views.items()},
        "sources": {name: s.to_dict() for name, s in sources.items()},
        "servers": [server(r) for r in result.candidates],
        "fixes": {"dns": dns, "files": [f.to_dict() for f in files]},
    })
    return record


async def audit_domain(domain: EmailAddress, options: AuditOptions) -> dict[str, Any]:
    """The audit record of one domain (``domain`` a bare domain)."""
    start = time.monotonic()
    address = EmailAddress.parse(f"{options.mailbox}@{domain.domain}")
    try:
        try:
            result, observed = await observe(address, options.settings)
            retry = cut_short(observed)
        except DomainError as exc:
            if exc.code == "nxdomain":
                raise
            retry = True
        if retry:  # a resolver answering thousands of lookups can drop some: once more before judging
            result, observed = await observe(address, options.settings)
        return build(domain, result, observed, options, _ms(start))
    except DomainError as exc:
        if exc.code == "nxdomain":
            return _empty(domain, "no_domain", _ms(start))
        return _empty(domain, "error", _ms(start), str(exc))
    except Exception as exc:  # a bug of ours must not end a batch of thousands; its text may hold data
        return _empty(domain, "error", _ms(start), f"internal error ({type(exc).__name__})")


def cut_short(observed: Observed) -> bool:
    """Did a lookup of the domain's own records (SRV, MX) fail? Then "not found" would be a guess."""
    return any(r.outcome == "error" and "://" not in r.target
               for name in ("srv", "mx") if name in observed.outcomes
               for r in observed.outcomes[name].reports)


def _ms(start: float) -> int:
    return int((time.monotonic() - start) * 1000)
