"""The helpdesk report: discovery + optional sign-in + recommendation in one redacted document.

One structure, two renderings (``render.py``): JSON for ticket systems
(``resources/schemas/report.schema.json``, only ever extended) and HTML a non-technical person can read
(``html.py``).
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from assistant import APP_NAME, __version__
from assistant.core.discovery.presets import Preset
from assistant.core.model.results import DiscoveryResult
from assistant.core.signin.verify import VerifyResult
from assistant.core.words.i18n import QT_TRANSLATE_NOOP

REPORT_SCHEMA_VERSION = 1

# The headline a person reads first, keyed by ``Report.status``.
HEADLINES: dict[str, str] = {
    "working": QT_TRANSLATE_NOOP(
        "report", "Everything works: the mail servers for {who} were found, are safe, and the password was "
                  "accepted for receiving and sending."),
    "found": QT_TRANSLATE_NOOP(
        "report", "Safe mail servers for {who} were found. The password was not tested."),
    "signin_failed": QT_TRANSLATE_NOOP(
        "report", "Safe mail servers for {who} were found, but signing in did not work (details below)."),
    "signin_refused": QT_TRANSLATE_NOOP(
        "report", "The password was not sent, to protect it: a server could not prove it is genuine or "
                  "would not encrypt the connection (details below)."),
    "not_found": QT_TRANSLATE_NOOP(
        "report", "No safe incoming and outgoing mail server was found for {who}."),
}


@dataclass
class Report:
    status: str  # a HEADLINES key
    headline: str
    discovery: DiscoveryResult
    signin: VerifyResult | None = None
    recommendation: dict[str, Any] | None = None  # recommend.Recommendation.to_dict()
    # What the sign-in did about an Autodiscover service that wanted the password
    # (setup/autodiscover_auth.AutodiscoverRetry.to_dict()), None when none did.
    autodiscover: dict[str, Any] | None = None
    preset: Preset | None = None
    generated_at: str = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0).isoformat())
    timings: dict[str, int] = field(default_factory=dict)
    system: dict[str, str] = field(default_factory=dict)

    @property
    def who(self) -> str:
        return self.discovery.address or self.discovery.domain_unicode

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": REPORT_SCHEMA_VERSION, "generated_at": self.generated_at,
            "app": {"name": APP_NAME, "version": __version__}, "system": dict(self.system),
            "address": self.discovery.address, "domain": self.discovery.domain,
            "resolver": self.discovery.resolver,
            "summary": {"status": self.status, "headline": self.headline, "template": HEADLINES[self.status],
                        "params": {"who": self.who}},
            "preset": self.preset.to_dict() if self.preset else None,
            "discovery": self.discovery.to_dict(),
            "signin": self.signin.to_dict() if self.signin else None,
            "recommendation": self.recommendation, "timings": dict(self.timings),
            "autodiscover": self.autodiscover,
        }


def system_facts() -> dict[str, str]:
    """What a helpdesk asks first: which OS and Python, and which keychain the program would use."""
    facts = {"os": f"{platform.system()} {platform.release()}".strip(), "machine": platform.machine(),
             "python": platform.python_version(), "frozen": str(bool(getattr(sys, "frozen", False))).lower()}
    try:
        from assistant.core.signin.keychain import backend_name
        facts["keychain"] = backend_name()
    except Exception:  # a broken keychain must not stop the report; it is only a fact in it
        facts["keychain"] = "unavailable"
    return facts


def status_of(discovery: DiscoveryResult, signin: VerifyResult | None) -> str:
    if signin is not None:
        if signin.ok:
            return "working"
        if signin.incoming.refused_for_safety or signin.outgoing.refused_for_safety:
            return "signin_refused"
        if discovery.usable():
            return "signin_failed"
    return "found" if discovery.usable() else "not_found"


def build_report(discovery: DiscoveryResult, signin: VerifyResult | None = None, *,
                 recommendation: dict[str, Any] | None = None, preset: Preset | None = None,
                 timings: dict[str, int] | None = None, autodiscover: dict[str, Any] | None = None) -> Report:
    status = status_of(discovery, signin)
    times = {"discovery_ms": discovery.elapsed_ms}
    if signin is not None:
        times["signin_ms"] = signin.elapsed_ms
    times.update(timings or {})
    who = discovery.address or discovery.domain_unicode
    return Report(status=status, headline=HEADLINES[status].format(who=who), discovery=discovery,
                  signin=signin, recommendation=recommendation, preset=preset, timings=times,
                  system=system_facts(), autodiscover=autodiscover)
