"""Everything the pages learn and decide, in one plain object the wizard hands to each page.

Keeping it free of widgets makes the diagnostics report and the tests read one place. The password lives
only here, in memory, for the length of the session; ``report()`` never includes it.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant import __version__
from assistant.core import flow
from assistant.core.account import account_from_discovery
from assistant.core.context import Settings
from assistant.core.flow import Choice, FlowState
from assistant.core.model import AccountConfig, DiscoveryResult, ProbeResult, Protocol, ServerConfig
from assistant.core.recommend import Recommendation, ServerFacts, Situation


@dataclass
class Session:
    settings: Settings
    address: str = ""
    display_name: str = ""
    state: FlowState = field(default_factory=FlowState)
    result: DiscoveryResult | None = None
    choices: dict[Protocol, Choice | None] = field(default_factory=dict)
    confirmed: set[str] = field(default_factory=set)
    manual: dict[Protocol, ServerConfig] = field(default_factory=dict)  # set when settings came by hand
    manual_probes: dict[Protocol, ProbeResult] = field(default_factory=dict)
    situation: Situation = field(default_factory=Situation)
    recommendation: Recommendation | None = None
    protocol: str = "imap"
    password: str = field(default="", repr=False)
    keychain: str = ""  # "saved", "not_asked", or a SecretStoreError code
    keychain_message: str = ""
    exported: list[Path] = field(default_factory=list)

    @property
    def uses_manual(self) -> bool:
        return bool(self.manual) and (self.state.edit_manually or not self.state.discovered_usable)

    def facts(self) -> ServerFacts:
        """What the servers in use offer, for the recommendation."""
        if self.uses_manual:
            probes = {p: pr for p, pr in self.manual_probes.items() if p in self.manual}
            base = ServerFacts.from_discovery(self._with(probes))
            return replace(base, imap_offered="imap" in self.manual, pop3_offered="pop3" in self.manual)
        ok = flow.accepted(self.choices, self.confirmed)
        return ServerFacts.from_discovery(self._with({p: c.probe for p, c in ok.items() if c}))

    def _with(self, recommended: dict[Protocol, ProbeResult]) -> DiscoveryResult:
        base = self.result or DiscoveryResult(address=self.address or None, domain=self.domain(),
                                              domain_unicode=self.domain())
        rec: dict[str, ProbeResult | None] = {"imap": None, "pop3": None, "smtp": None}
        for proto, probe in recommended.items():
            rec[proto] = probe
        return replace(base, recommended=rec)

    def domain(self) -> str:
        return self.address.rpartition("@")[2].strip().lower()

    def account(self) -> AccountConfig:
        """The account the exported profiles describe (never with the password)."""
        name = self.display_name or None
        if self.uses_manual:
            incoming = tuple(s for p, s in self.manual.items() if p == self.protocol) + tuple(
                s for p, s in self.manual.items() if p in ("imap", "pop3") and p != self.protocol)
            domain = self.domain()
            return AccountConfig(domain=domain, incoming=incoming, outgoing=(self.manual["smtp"],),
                                 address=self.address or None, display_name=name, provider_id=domain,
                                 provider_name=domain, provider_short_name=domain.split(".")[0])
        ok = flow.accepted(self.choices, self.confirmed)
        return account_from_discovery(self._with({p: c.probe for p, c in ok.items() if c}),
                                      protocol=self.protocol, display_name=name)

    def report(self) -> str:
        """The helpdesk's diagnostics: what was found and chosen. No password, local part masked."""
        local, _, domain = self.address.partition("@")
        shown = f"{local[:1]}…@{domain}" if domain else self.address
        lines = [f"Mail Setup Assistant {__version__}", f"System: {platform.platform()}",
                 f"Python: {platform.python_version()}", f"Address: {shown}",
                 f"Resolver: {self.settings.resolver.server or 'system'}",
                 f"CA file: {'yes' if self.settings.cafile else 'no'}",
                 f"Discovery: {self.state.discovery}"]
        if self.result is not None:
            lines.append(f"Elapsed: {self.result.elapsed_ms} ms")
            for r in self.result.candidates:
                c, tls = r.candidate, r.tls
                lines.append(f"  {c.protocol} {c.host}:{c.port} {c.security} via {c.source}: {r.status}"
                             f"{' verified' if tls and tls.verified else ''}"
                             f"{' problems=' + ','.join(tls.problems) if tls and tls.problems else ''}"
                             f"{' warnings=' + ','.join(r.warnings) if r.warnings else ''}")
            for f in self.result.warnings:
                lines.append(f"  warning {f.code} {f.host or ''}")
        lines.append(f"Confirmed risks for: {', '.join(sorted(self.confirmed)) or 'none'}")
        lines.append(f"Settings by hand: {'yes' if self.uses_manual else 'no'}")
        for proto, s in self.manual.items():
            lines.append(f"  manual {proto} {s.host}:{s.port} {s.security}")
        lines.append(f"Protocol: {self.protocol}")
        if self.recommendation is not None:
            lines.append(f"Recommended: {self.recommendation.protocol} ({self.recommendation.leading})")
        lines.append(f"Password given: {'yes' if self.password else 'no'}; "
                     f"keychain: {self.keychain or 'n/a'}")
        lines.append(f"Exported: {', '.join(p.name for p in self.exported) or 'nothing'}")
        return "\n".join(lines)
