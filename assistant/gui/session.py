"""Everything the pages learn and decide, in one plain object the wizard hands to each page.

Keeping it free of widgets makes the diagnostics report and the tests read one place. The password lives
only here, in memory, for the length of the session; ``report()`` never includes it.
The run settings may be given as a factory: building the resolver imports dnspython, which the first
window must not wait for, so the app hands a factory and the settings are made on first use.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from assistant import __version__
from assistant.core import flow
from assistant.core.errors import AssistantError, DomainError, InputError
from assistant.core.flow import FlowState

if TYPE_CHECKING:
    # The first window makes a Session and must show before the data model, presets and recommendation
    # load (~20 ms of class creation); they are imported where used. The sign-in code brings TLS and the
    # keychain.
    from assistant.core.context import Settings
    from assistant.core.flow import Choice
    from assistant.core.model import AccountConfig, DiscoveryResult, ProbeResult, Protocol, ServerConfig
    from assistant.core.presets import Preset
    from assistant.core.recommend import Recommendation, ServerFacts, Situation
    from assistant.core.verify import SigninResult, VerifyResult


@dataclass
class Session:
    settings_source: Settings | Callable[[], Settings] = field(repr=False)
    address: str = ""
    display_name: str = ""
    state: FlowState = field(default_factory=FlowState)
    result: DiscoveryResult | None = None
    choices: dict[Protocol, Choice | None] = field(default_factory=dict)
    confirmed: set[str] = field(default_factory=set)
    manual: dict[Protocol, ServerConfig] = field(default_factory=dict)  # set when settings came by hand
    manual_probes: dict[Protocol, ProbeResult] = field(default_factory=dict)
    recommendation: Recommendation | None = None
    protocol: str = "imap"
    password: str = field(default="", repr=False)
    keychain: str = ""  # "saved", "not_asked", a SecretStoreError code, or why it was not tried
    # ("signin_rejected" / "signin_failed": the sign-in test failed with this password)
    keychain_message: str = ""
    exported: list[Path] = field(default_factory=list)
    preset: Preset | None = None  # an organisation's servers and policy (--preset)
    signin: VerifyResult | None = None  # the last sign-in test, for the password it was run with
    _settings_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _situation: Situation | None = field(default=None, init=False)

    @property
    def situation(self) -> Situation:
        """Where and how the account will be used (the devices page sets it); made on first use."""
        if self._situation is None:
            from assistant.core.recommend import Situation
            self._situation = Situation()
        return self._situation

    @situation.setter
    def situation(self, value: Situation) -> None:
        self._situation = value

    @property
    def settings(self) -> Settings:
        """The run settings, made on first use (from any thread; the worker's jobs ask for them).

        A system whose DNS configuration cannot be read fails here as a DomainError (exit code 3's
        meaning), which the worker reports on the page like any other failed check.
        """
        from assistant.core.context import Settings
        with self._settings_lock:
            if not isinstance(self.settings_source, Settings):
                from assistant.core.dns import DnsError
                try:
                    self.settings_source = self.settings_source()
                except DnsError as exc:
                    raise DomainError(str(exc)) from None
            return self.settings_source

    def forbidden(self, protocol: str) -> bool:
        return self.preset is not None and protocol in self.preset.policy.forbidden_protocols

    def pins(self) -> dict[Protocol, tuple[str, ...]]:
        """Certificates the person accepted by name on the discovery page; none for typed-in settings."""
        return {} if self.uses_manual else flow.pins(self.choices, self.confirmed)

    @property
    def uses_manual(self) -> bool:
        return bool(self.manual) and (self.state.edit_manually or not self.state.discovered_usable)

    def facts(self) -> ServerFacts:
        """What the servers in use offer, for the recommendation."""
        from assistant.core.recommend import ServerFacts
        if self.uses_manual:
            probes = {p: pr for p, pr in self.manual_probes.items() if p in self.manual}
            base = ServerFacts.from_discovery(self._with(probes))
            return replace(base, imap_offered="imap" in self.manual and not self.forbidden("imap"),
                           pop3_offered="pop3" in self.manual and not self.forbidden("pop3"))
        ok = flow.accepted(self.choices, self.confirmed)
        return ServerFacts.from_discovery(self._with({p: c.probe for p, c in ok.items() if c}))

    def _with(self, recommended: dict[Protocol, ProbeResult]) -> DiscoveryResult:
        from assistant.core.model import DiscoveryResult
        base = self.result or DiscoveryResult(address=self.address or None, domain=self.domain(),
                                              domain_unicode=self.domain())
        rec: dict[str, ProbeResult | None] = {"imap": None, "pop3": None, "smtp": None}
        for proto, probe in recommended.items():
            rec[proto] = probe
        return replace(base, recommended=rec)

    def domain(self) -> str:
        return self.address.rpartition("@")[2].strip().lower()

    def account(self, *, proved: bool = True) -> AccountConfig:
        """The account the exported profiles describe (never with the password).

        With ``proved`` (the default) a server the sign-in test signed in to carries the user name that
        worked there, so a profile never tells a mail program to use a form the server refused. The
        sign-in test itself asks with ``proved=False``: the servers as configured.
        """
        from assistant.core.account import account_from_discovery
        from assistant.core.model import AccountConfig
        name = self.display_name or None
        if self.uses_manual:
            incoming = tuple(s for p, s in self.manual.items() if p == self.protocol) + tuple(
                s for p, s in self.manual.items() if p in ("imap", "pop3") and p != self.protocol)
            domain = self.domain()
            account = AccountConfig(domain=domain, incoming=incoming, outgoing=(self.manual["smtp"],),
                                    address=self.address or None, display_name=name, provider_id=domain,
                                    provider_name=domain, provider_short_name=domain.split(".")[0])
        else:
            ok = flow.accepted(self.choices, self.confirmed)
            account = account_from_discovery(self._with({p: c.probe for p, c in ok.items() if c}),
                                             protocol=self.protocol, display_name=name)
        return self._proved_usernames(account) if proved else account

    def _proved_usernames(self, account: AccountConfig) -> AccountConfig:
        """``account`` with each server's user name replaced by the one the sign-in test proved on it.

        The address and its local part become the placeholders profiles use for them (one file serves
        the whole domain); any other proved name is written as it is.
        """
        if self.signin is None:
            return account
        proved = {(r.protocol, r.host.rstrip(".").lower(), r.port): r.username
                  for r in (self.signin.incoming, self.signin.outgoing) if r.ok and r.username}
        local = self.address.partition("@")[0]

        def fix(server: ServerConfig) -> ServerConfig:
            name = proved.get((server.protocol, server.host.rstrip(".").lower(), server.port))
            if name is None:
                return server
            form = {self.address: "%EMAILADDRESS%", local: "%EMAILLOCALPART%"}.get(name, name)
            return replace(server, username=form)

        return replace(account, incoming=tuple(fix(s) for s in account.incoming),
                       outgoing=tuple(fix(s) for s in account.outgoing))

    def report(self) -> str:
        """The helpdesk's diagnostics: what was found and chosen. No password, local part masked."""
        import platform

        from assistant.core.report import LeakError, redact
        from assistant.core.signin.secret import Secret
        local, _, domain = self.address.partition("@")
        shown = f"{local[:1]}…@{domain}" if domain else self.address
        try:
            settings: Settings | None = self.settings
        except AssistantError:
            settings = None
        lines = [f"Mail Setup Assistant {__version__}", f"System: {platform.platform()}",
                 f"Python: {platform.python_version()}", f"Address: {shown}",
                 f"Resolver: {(settings.resolver.server or 'system') if settings else 'unavailable'}",
                 f"CA file: {'yes' if settings and settings.cafile else 'no'}",
                 f"Preset: {self.preset.name if self.preset else 'none'}",
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
        lines.extend(self._signin_lines())
        text = "\n".join(lines)
        # Belt and braces: nothing above takes the password, and this proves it for every encoding.
        if not self.password:
            return text
        try:
            return redact(text, (Secret(self.password),))
        except InputError:  # a password no server could take (too long); still never shown
            return text.replace(self.password, "[redacted]")
        except LeakError:  # e.g. a password that is the word "redacted": give nothing rather than risk it
            return lines[0] + "\nThe diagnostics cannot be shown without revealing the password."

    def _signin_lines(self) -> list[str]:
        if self.signin is None:
            return ["Sign-in test: not run"]
        out = [f"Sign-in test: {'ok' if self.signin.ok else 'failed'} ({self.signin.elapsed_ms} ms)"]
        for side, r in (("incoming", self.signin.incoming), ("outgoing", self.signin.outgoing)):
            facts = " ".join(f"{k}={v}" for k, v in r.facts.items() if v is not None)
            out.append(f"  {side} {r.protocol} {r.host}:{r.port} {r.security}: {r.code}"
                       f"{' user=' + self.username_form(r) if r.username else ''}"
                       f"{' mechanism=' + r.mechanism if r.mechanism else ''}"
                       f"{' pinned' if r.pinned else ''}{' ' + facts if facts else ''}")
        return out

    def username_form(self, r: SigninResult) -> str:
        """Which user name worked, named by its form: the report masks the address, so never the name."""
        local = self.address.partition("@")[0]
        return {self.address: "full address", local: "local part"}.get(r.username or "", "as configured")
