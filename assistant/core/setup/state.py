"""What one setup knows, and the rules that keep it consistent (the state under ``SetupSession``).

The data flows one way: address → DiscoveryResult → Selection → recommendation → account → profiles,
sign-in, report. Every transition clears what depended on the thing it changed, so no page or command has to
remember what is stale: a new address or discovery result clears choices, confirmations and pins; new manual
settings clear their test and a "continue anyway"; a new password (or other servers) voids the sign-in.
The use cases built on this state are ``SetupSession``'s (session.py); the password and the sign-in
test's result are ``SigninState``'s (signin_state.py).

Qt-free and cheap to import (the wizard's first window makes one before the data model loads); the run
settings may be given as a factory and are made on first use, from any thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.core.setup import flow
from assistant.core.setup.flow import FlowState
from assistant.core.setup.manual import ManualSettings
from assistant.core.setup.signin_state import SigninKey, SigninRun, SigninState
from assistant.core.words.errors import AssistantError, DomainError

if TYPE_CHECKING:
    from assistant.core.advice.recommend import Recommendation, ServerFacts, Situation
    from assistant.core.discovery.presets import Preset
    from assistant.core.model.account import AccountConfig, ServerConfig
    from assistant.core.model.address import EmailAddress
    from assistant.core.model.progress import ProgressCallback
    from assistant.core.model.provider import SignIn
    from assistant.core.model.results import DiscoveryResult, ProbeResult, Protocol
    from assistant.core.net.settings import Settings
    from assistant.core.setup.autodiscover_auth import AutodiscoverRetry
    from assistant.core.setup.selection import Choice, Selection
    from assistant.core.signin.verify import VerifyResult

# A discovery: (address, settings, preset, progress) -> the result; usecases.discover is the real one.
Discoverer = Callable[["EmailAddress", "Settings", "Preset | None", "ProgressCallback | None"],
                      Awaitable["DiscoveryResult"]]

class SetupState(ManualSettings, SigninState):
    """Everything one setup learns and decides. The password lives here, in memory, for this setup only."""

    def __init__(self, settings: Settings | Callable[[], Settings], *, address: EmailAddress | None = None,
                 preset: Preset | None = None, display_name: str = "", pins: tuple[str, ...] = (),
                 accept_recommended: bool = False, deadline: float | None = None,
                 discoverer: Discoverer | None = None) -> None:
        self._settings_source = settings
        self._settings_lock = threading.Lock()
        self.preset = preset
        self.display_name = display_name
        # The CLI prints every risk instead of asking: it accepts what discovery recommended, and a server
        # whose certificate matches a --pin. Its whole run has one deadline (time.monotonic()).
        self.given_pins = pins
        self.accept_recommended = accept_recommended
        self.deadline = deadline
        # Where discovery comes from: the real one (setup/usecases.discover) unless a test gives another.
        self.discoverer = discoverer
        self.state = FlowState()
        self._address = address
        self._result: DiscoveryResult | None = None
        self._confirmed: frozenset[str] = frozenset()
        self._selection: Selection | None = None
        self._manual: dict[Protocol, ServerConfig] = {}
        self._manual_probes: dict[Protocol, ProbeResult] = {}
        self.discovery_error: DomainError | None = None  # why the last discovery found no domain / no DNS
        self._situation: Situation | None = None
        self.recommendation: Recommendation | None = None
        self.protocol: str | None = None  # None: IMAP when usable, else POP3
        self._password = ""
        self._signin: tuple[SigninKey, VerifyResult] | None = None
        self._pending: SigninRun | None = None
        # The Autodiscover service that wanted the password: hosts outside the domain the person allowed
        # to get it, and what the last sign-in test did about it (setup/autodiscover_auth.py).
        self._autodiscover_allowed: frozenset[str] = frozenset()
        self.autodiscover: AutodiscoverRetry | None = None
        self.keychain = ""  # "saved", "not_asked", a SecretStoreError code, or why it was not tried
        self.keychain_reason = ""  # the keychain's own words when it refused (a SecretStoreError's reason)
        self.exported: list[Path] = []
        self._runs = 0
        # The mail programs and devices being set up (core/advice/programs.py PROGRAMS), in that order.
        self.programs: tuple[str, ...] = ()

    # --- settings -------------------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        """The run settings, made on first use; with a deadline, only the time that is left of it."""
        from assistant.core.net.settings import Settings
        with self._settings_lock:
            if not isinstance(self._settings_source, Settings):
                from assistant.core.net.dns import DnsError
                try:
                    self._settings_source = self._settings_source()
                except DnsError as exc:
                    raise DomainError(str(exc), "dns_config", params=exc.params) from None
            settings = self._settings_source
        if self.deadline is None:
            return settings
        left = max(0.01, min(settings.timeout, self.deadline - time.monotonic()))
        return replace(settings, timeout=left)

    # --- the address and the discovery --------------------------------------------------------------------

    @property
    def address(self) -> EmailAddress | None:
        """The address value this setup is for (parsed where it was typed or given, never again)."""
        return self._address

    @address.setter
    def address(self, value: EmailAddress | None) -> None:
        if value == self._address:
            return
        old_domain = self.domain()
        self._address = value
        self._forget_result()
        self.state.discovery, self.discovery_error = "idle", None  # a new address needs new checks
        if self.domain() != old_domain:
            self._manual, self._manual_probes = {}, {}
            self._manual_check("untested")

    def address_typed(self, value: EmailAddress | None) -> None:
        """What the first page's field holds now: a full address (the session takes it, forgetting what
        belonged to the old one), or None while it is not one."""
        self.state.address_valid = value is not None
        if value is not None:
            self.address = value

    @property
    def address_text(self) -> str:
        """The address (or bare domain) in ASCII, "" before one is given: what keychains and reports use."""
        return self._address.text if self._address is not None else ""

    def domain(self) -> str:
        return self._address.domain if self._address is not None else ""

    @property
    def result(self) -> DiscoveryResult | None:
        return self._result

    def _forget_result(self) -> None:
        self._result, self._selection, self._confirmed = None, None, frozenset()
        self.discovery_error = None
        self.recommendation = None
        self.state.found_incoming = self.state.found_outgoing = False
        self.state.unconfirmed = set()
        self.state.password_first = False
        self._autodiscover_allowed, self.autodiscover = frozenset(), None

    def discovery_started(self) -> None:
        """A new run: the old result, its choices and every confirmation given for them are void."""
        self._forget_result()
        self._runs += 1
        self.state.discovery, self.discovery_error = "running", None

    def discovery_finished(self, result: DiscoveryResult) -> None:
        from assistant.core.setup.autodiscover_auth import auth_request
        self._forget_result()
        self._result = result  # the selection is made from it on first use
        self.state.discovery = "done"
        flow.update_from_selection(self.state, self.selection)
        # No secure servers, but the domain's Autodiscover service would name some for the password: the
        # wizard asks for the password first (flow.next_page), and keeps that order for this result.
        request = auth_request(result)
        self.state.password_first = not result.usable() and request is not None and request.blocked is None

    def _join(self, result: DiscoveryResult) -> None:
        """The same discovery with servers learnt since (an Autodiscover answer for the password): a new
        Selection with the confirmations given so far; the flow's order stays as it was."""
        self._result, self._selection = result, None
        flow.update_from_selection(self.state, self.selection)

    def discovery_ended(self, outcome: str) -> None:
        """The run failed, was cancelled or left behind ("failed", "cancelled", "idle")."""
        error = self.discovery_error if outcome == "failed" else None
        self._forget_result()
        self.discovery_error = error
        self.state.discovery = outcome

    # --- the selection --------------------------------------------------------------------------------

    @property
    def selection(self) -> Selection:
        from assistant.core.setup.selection import Selection
        if self._selection is None:
            if self._result is None:
                self._selection = Selection(confirmed=self._confirmed)
            else:
                self._selection = self._select(self._result)
        return self._selection

    def _select(self, result: DiscoveryResult) -> Selection:
        """The Selection for ``result`` under this setup's policy, confirmations and pins."""
        from assistant.core.setup.selection import select
        policy = self.preset.policy if self.preset else None
        return select(result, policy, self._confirmed, self.given_pins,
                      accept_recommended=self.accept_recommended)

    @property
    def choices(self) -> dict[Protocol, Choice | None]:
        return dict(self.selection.choices)

    @property
    def confirmed(self) -> frozenset[str]:
        return self.selection.confirmed

    def confirm(self, host: str, on: bool = True) -> None:
        """Accept (or take back) the risks of ``host``'s server."""
        self._selection = self.selection.confirm(host, on)
        self._confirmed = self._selection.confirmed
        flow.update_from_selection(self.state, self._selection)

    def pins(self) -> dict[str, tuple[str, ...]]:
        """Certificates accepted by name for the servers in use. Settings by hand get a pin only for the
        very server (and certificate) the person accepted on the discovery page: the decision carries."""
        if not self.uses_manual:
            return self.selection.pins()
        out: dict[str, tuple[str, ...]] = {}
        for proto, probe in self._manual_probes.items():
            if self.manual_pinned(probe) and probe.tls is not None and probe.tls.fingerprint_sha256:
                out[proto] = (probe.tls.fingerprint_sha256.lower(),)
        return out

    def manual_pinned(self, probe: ProbeResult) -> bool:
        """Whether a server tested by hand is the one whose certificate problem the person accepted on the
        discovery page: same protocol, host and port, and exactly the certificate accepted there."""
        choice = self.selection.accepted().get(probe.candidate.protocol)
        tls = probe.tls
        if choice is None or "certificate_problem" not in choice.risks or tls is None or \
                not tls.fingerprint_sha256 or (probe.status != "ok" and not tls.problems):
            return False
        same = (choice.host, choice.probe.candidate.port) == (probe.candidate.host.lower().rstrip("."),
                                                              probe.candidate.port)
        return same and choice.fingerprint == tls.fingerprint_sha256.lower()

    @property
    def uses_manual(self) -> bool:
        return bool(self._manual) and (self.state.edit_manually or not self.state.discovered_usable)

    # --- recommendation and account -------------------------------------------------------------------

    @property
    def situation(self) -> Situation:
        """Where and how the account will be used (the devices page sets it); made on first use."""
        if self._situation is None:
            from assistant.core.advice.recommend import Situation
            self._situation = Situation()
        return self._situation

    @situation.setter
    def situation(self, value: Situation) -> None:
        self._situation = value

    def forbidden(self, protocol: str) -> bool:
        return self.preset is not None and protocol in self.preset.policy.forbidden_protocols

    def probes_in_use(self) -> dict[str, ProbeResult | None]:
        if self.uses_manual:
            return {p: self._manual_probes.get(p) for p in self._manual}
        return self.selection.probes()

    def facts(self) -> ServerFacts:
        """What the servers in use offer, for the recommendation."""
        from assistant.core.advice.recommend import ServerFacts
        probes = self.probes_in_use()
        if self.uses_manual:
            facts = ServerFacts.from_probes(probes.get("imap"), probes.get("pop3"))
            return replace(facts, imap_offered="imap" in self._manual and not self.forbidden("imap"),
                           pop3_offered="pop3" in self._manual and not self.forbidden("pop3"), entered=True)
        return ServerFacts.from_probes(probes.get("imap"), probes.get("pop3"))

    def recommend(self) -> Recommendation:
        """IMAP or POP3 for this situation and these servers; the choice follows it (the person may
        switch). Raises AssistantError when neither protocol is usable."""
        from assistant.core.advice.recommend import recommend
        self.recommendation = None
        self.recommendation = recommend(self.situation, self.facts())
        self.protocol = self.recommendation.protocol
        return self.recommendation

    @property
    def provider(self) -> SignIn | None:
        """The provider of the servers in use when it refuses the normal password (Google, Microsoft …) and
        how its users sign in; None for an ordinary server (discovery/providers.py)."""
        from assistant.core.discovery.providers import in_use, recognise
        result = self._result
        if self.uses_manual:
            mx = [m.host for m in result.mx] if result else []
            return recognise(self.domain(), mx_hosts=mx, hosts=[s.host for s in self._manual.values()])
        if result is None:
            return None
        chosen = [p.candidate for p in in_use(self.selection.probes(), self.protocol)]
        found = result.sign_in
        if found is not None and (not chosen or found.provider == "other"
                                  or any(found.owns(c.host) for c in chosen)):
            return found
        return recognise(self.domain(), mx_hosts=[m.host for m in result.mx], hosts=[c.host for c in chosen],
                         file_methods=[c.auth for c in chosen if c.auth])

    def account(self, *, proved: bool = True, selection: Selection | None = None) -> AccountConfig:
        """The account the profiles describe (never with the password).

        With ``proved`` a server the sign-in test signed in to carries the user name that worked there,
        so a profile never tells a mail program to use a form the server refused. ``selection``: another
        Selection than the current one (a sign-in test's, with servers it learnt on the way).
        """
        from assistant.core.model.account import AccountConfig
        from assistant.core.setup.account import account_from_probes
        name = self.display_name or None
        address = self._address
        if address is None:
            raise AssistantError(code="no_incoming", params={"domain": ""})
        if self.uses_manual:
            incoming = tuple(s for p, s in self._manual.items() if p == self.protocol) + tuple(
                s for p, s in self._manual.items() if p in ("imap", "pop3") and p != self.protocol)
            domain = address.domain
            account = AccountConfig(domain=domain, incoming=incoming, outgoing=(self._manual["smtp"],),
                                    address=address.address, display_name=name, provider_id=domain,
                                    provider_name=domain, provider_short_name=domain.split(".")[0])
        else:
            chosen = selection if selection is not None else self.selection
            account = account_from_probes(address, chosen.probes(), protocol=self.protocol,
                                          display_name=name)
        from assistant.core.discovery.providers import with_provider
        account = with_provider(account, self.provider)
        return self._proved_usernames(account) if proved else account

    def _proved_usernames(self, account: AccountConfig) -> AccountConfig:
        """Each server's user name replaced by the one the sign-in test proved on it (the address and
        its local part as the placeholders profiles use, so one file serves the whole domain)."""
        signin = self.signin
        if signin is None:
            return account
        proved = {(r.protocol, r.host.rstrip(".").lower(), r.port): r.username
                  for r in (signin.incoming, signin.outgoing) if r.ok and r.username}
        address = self._address

        def fix(server: ServerConfig) -> ServerConfig:
            name = proved.get((server.protocol, server.host.rstrip(".").lower(), server.port))
            if name is None or address is None:
                return server
            return replace(server, username=address.collapse(name))

        return replace(account, incoming=tuple(fix(s) for s in account.incoming),
                       outgoing=tuple(fix(s) for s in account.outgoing))
