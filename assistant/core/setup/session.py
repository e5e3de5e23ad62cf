"""One setup's use cases, shared by the wizard and the CLI: each is one method here, and a page or a command
only calls it and renders the answer.

The state these methods read and change, and the rules that keep it consistent, are ``SetupState``'s
(state.py). Qt-free and cheap to import: the heavy parts load inside the methods that need them.
"""

from __future__ import annotations

from collections.abc import Coroutine, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.core.setup.signin_state import SigninRun
from assistant.core.setup.state import SetupState
from assistant.core.words.errors import AssistantError, DomainError

if TYPE_CHECKING:
    from assistant.core.advice.recommend import Situation
    from assistant.core.model.account import AccountConfig
    from assistant.core.model.address import EmailAddress
    from assistant.core.model.progress import ProgressCallback
    from assistant.core.model.provider import OAuth2App
    from assistant.core.model.results import DiscoveryResult
    from assistant.core.setup.autodiscover_auth import AuthRequest, AutodiscoverRetry
    from assistant.core.setup.exporting import PlannedFile
    from assistant.core.setup.manual import ManualStart
    from assistant.core.setup.outcome import Outcome
    from assistant.core.signin.oauth2 import OpenBrowser
    from assistant.core.signin.secret import Secret
    from assistant.core.signin.verify import VerifyResult
    from assistant.core.words.i18n import Translate


class SetupSession(SetupState):
    """One setup from an address to written files: every use case of the wizard and the commands."""

    # --- discovery ------------------------------------------------------------------------------------

    def discovery_job(self, progress: ProgressCallback | None = None
                      ) -> Coroutine[Any, Any, DiscoveryResult]:
        """The discovery for the current address (the settings are made inside, off the GUI thread)."""
        from assistant.core.setup.usecases import discover
        address, preset, run_no = self._address, self.preset, self._runs
        if address is None:
            raise ValueError("discovery_job: the session has no address yet")
        discoverer = self.discoverer or discover

        async def run() -> DiscoveryResult:
            try:
                return await discoverer(address, self.settings, preset, progress)
            except DomainError as exc:  # kept, so a front end can say it in its language (exc.code)
                if run_no == self._runs and self._address == address:  # not a later run's to set
                    self.discovery_error = exc
                raise
        return run()

    def discover_from_file(self, path: str) -> DiscoveryResult:
        """A saved ``probe --json`` file as this setup's discovery: it must be of this address's domain, and
        an organisation's policy holds for it as for a live run. InputError names the file and the problem."""
        from assistant.core.discovery.presets import apply_policy
        from assistant.core.setup.inputs import check_probe_domain, load_probe
        result = load_probe(path)
        if self._address is not None:
            check_probe_domain(result, self._address, path)
        if self.preset is not None:
            result = apply_policy(result, self.preset)
        self.discovery_finished(result)
        return result

    def suggestion(self) -> EmailAddress | None:
        """"Did you mean …?": after a discovery found that the domain does not exist, the address at the
        domain one typing slip away that people use (an organisation's own domains first)."""
        if self._address is None or self.discovery_error is None or \
                self.discovery_error.code != "nxdomain":
            return None
        from assistant.core.discovery.suggest import did_you_mean
        from assistant.core.words.errors import InputError
        known = self.preset.domains if self.preset is not None else ()
        domain = did_you_mean(self._address.domain, known)
        if domain is None:
            return None
        try:
            return self._address.with_domain(domain)
        except InputError:
            return None

    # --- the navigation the pages drive -----------------------------------------------------------------

    def edit_manually(self, on: bool) -> None:
        """The person chose to type the settings in (or went back to what discovery found)."""
        self.state.edit_manually = bool(on)

    def manual_start(self) -> ManualStart:
        """Where the manual page starts: the servers discovery found (accepted, declined, or answering
        without encryption) and why one found is not simply used; the page fills in guesses for the rest."""
        from assistant.core.setup.manual import manual_start
        return manual_start(self._result, self.selection)

    def devices_answered(self, situation: Situation, programs: Iterable[str]) -> None:
        """The devices page's answers: the programs to set up, and where mail is read — with the devices
        those programs run on (an iPhone ticked is a phone, even with "On a phone" left empty)."""
        from dataclasses import replace

        from assistant.core.advice.programs import PROGRAMS, devices_with_programs
        ticked = set(programs)
        chosen = tuple(p for p in PROGRAMS if p in ticked)
        self.programs = chosen
        self.situation = replace(situation, devices=devices_with_programs(situation.devices, chosen))

    def manual_form(self, valid: bool, unconfirmed_plain: bool) -> None:
        """What the manual page's fields say now: complete, and a plaintext server not yet accepted."""
        self.state.manual_valid = bool(valid)
        self.state.manual_unconfirmed = bool(unconfirmed_plain)

    # --- sign-in and the keychain ---------------------------------------------------------------------

    def autodiscover_request(self) -> AuthRequest | None:
        """The domain's Autodiscover service that wants the mail password before it names the servers,
        while a sign-in test may still ask it (not once its servers joined, nor with settings typed by
        hand, nor when it may never get the password): the password page says so, and asks the person
        to confirm a host outside the domain (``allow_autodiscover``)."""
        from assistant.core.setup.autodiscover_auth import auth_request
        if self.uses_manual or (self.autodiscover is not None and self.autodiscover.settled):
            return None
        request = auth_request(self._result)
        return request if request is not None and request.blocked is None else None

    def allow_autodiscover(self, host: str, on: bool = True) -> None:
        """The person says the Outlook settings service ``host`` (outside the domain) may get the password."""
        name = host.lower().rstrip(".")
        allowed = self._autodiscover_allowed
        self._autodiscover_allowed = allowed | {name} if on else allowed - {name}

    def autodiscover_allowed(self, host: str) -> bool:
        return host.lower().rstrip(".") in self._autodiscover_allowed

    def _autodiscover_plan(self) -> tuple[AuthRequest | None, AutodiscoverRetry | None]:
        """For a sign-in now: the service to ask with the password, or the record of why it is not."""
        from assistant.core.setup.autodiscover_auth import auth_request, not_sent
        request = auth_request(self._result)
        if request is None or (self.autodiscover is not None and self.autodiscover.settled):
            return None, None
        if request.blocked is not None:
            return None, not_sent(request, request.blocked)
        if self.uses_manual:
            return None, not_sent(request, "manual")
        if not request.inside and request.host not in self._autodiscover_allowed:
            return None, not_sent(request, "outside_domain")
        return request, None

    def signin_job(self, secret: Secret, progress: ProgressCallback | None = None
                   ) -> Coroutine[Any, Any, VerifyResult]:
        """Sign in with ``secret`` to the servers in use; ``signin_finished`` keeps the result.

        When the domain's Autodiscover service wanted the password (and may get it:
        setup/autodiscover_auth.py), it is asked first; servers it names join the discovery result and the
        sign-in uses them. The job only computes; ``signin_finished`` applies what it learnt."""
        from assistant.core.setup.autodiscover_auth import ask_again
        from assistant.core.setup.usecases import sign_in
        self.password = secret.reveal()
        address, base, preset = self._address, self._result, self.preset
        if address is None:
            raise ValueError("signin_job: the session has no address yet")
        provider = self.provider  # Microsoft & co.: no password where only their own page signs in
        oauth2_only = provider is not None and provider.oauth2_only
        request, record = (None, None) if oauth2_only else self._autodiscover_plan()
        job = SigninRun(self._signin_key(), base, record)
        self._pending = job
        incoming, outgoing = self.signin_servers()
        pins = self.pins()
        min_tls = preset.policy.min_tls if preset else None

        async def run() -> VerifyResult:
            nonlocal incoming, outgoing, pins
            settings = self.settings
            if request is not None and base is not None:
                job.retry = await ask_again(address, base, request, secret, settings, preset, progress)
                if job.retry.outcome == "found" and job.retry.joined is not None:
                    chosen = self._select(job.retry.joined)
                    incoming, outgoing = self.signin_servers(chosen)
                    pins = chosen.pins()
                    job.key = (address, incoming, outgoing, secret.reveal())
                settings = self.settings  # what is left of the deadline
            return await sign_in(address, incoming, outgoing, secret, settings, pins=pins,
                                 min_tls=min_tls, progress=progress, provider=provider)
        return run()

    @property
    def oauth2_app(self) -> OAuth2App | None:
        """The organisation's own OAuth2 app (its preset's ``[oauth2]``), for a real sign-in on its page."""
        return self.preset.oauth2 if self.preset is not None else None

    def oauth2_job(self, open_browser: OpenBrowser, progress: ProgressCallback | None = None,
                   done_text: str | None = None) -> Coroutine[Any, Any, VerifyResult]:
        """Sign in on the organisation's own page (the browser opens it), then to the servers in use with the
        token; ``signin_finished`` keeps the result. InputError when the preset has no ``[oauth2]``."""
        from assistant.core.setup.usecases import oauth2_token, sign_in
        from assistant.core.signin.oauth2 import BROWSER_TIMEOUT
        from assistant.core.words.errors import InputError
        app, address = self.oauth2_app, self._address
        if app is None:
            raise InputError(code="oauth2_no_app")
        if address is None:
            raise ValueError("oauth2_job: the session has no address yet")
        self._pending = SigninRun(self._signin_key(), self._result)
        incoming, outgoing = self.signin_servers()
        pins, min_tls = self.pins(), self.preset.policy.min_tls if self.preset else None

        async def run() -> VerifyResult:
            # A person signing in needs minutes; a run with one deadline (the CLI's --timeout) keeps it.
            wait = BROWSER_TIMEOUT if self.deadline is None else min(BROWSER_TIMEOUT, self.settings.timeout)
            token = await oauth2_token(app, address, self.settings, open_browser, timeout=wait,
                                       progress=progress, done_text=done_text)
            return await sign_in(address, incoming, outgoing, None, self.settings, pins=pins,
                                 min_tls=min_tls, progress=progress, token=token)
        return run()

    def signin_started(self) -> None:
        """A sign-in test is under way: the page may not be left until it ends (``signin_stopped``)."""
        self.state.signin = "running"

    def signin_stopped(self, done: bool) -> None:
        """The sign-in test ended (``done``: it gave an answer) or was left behind (idle again)."""
        self.state.signin = "done" if done else "idle"

    def save_password(self, remember: bool) -> str:
        """Keep the password in the system keychain when the person asked to, and say what happened (also
        kept as ``keychain``): "saved", "not_asked", "signin_rejected"/"signin_failed" (the sign-in test
        showed this password does not work, so it is not kept) or the keychain's refusal code
        (``keychain_reason`` holds its own words)."""
        self.keychain, self.keychain_reason = "not_asked", ""
        if not (self.password and remember and self._address is not None):
            return self.keychain
        skipped = self.keychain_skipped()
        if skipped:
            self.keychain = skipped
            return skipped
        from assistant.core.signin import keychain
        try:
            keychain.store(self._address.text, self.password)
        except keychain.SecretStoreError as exc:
            self.keychain, self.keychain_reason = exc.code, exc.reason
        else:
            self.keychain = "saved"
        return self.keychain

    def qr_password(self) -> str | None:
        """The password the person may put into the Android code: this setup's, unless the server rejected
        it in the sign-in test (a mistyped password on a phone is a failed import nobody explains)."""
        if not self.password or self.keychain_skipped() == "signin_rejected":
            return None
        return self.password

    # --- export ---------------------------------------------------------------------------------------

    def plain_allowed(self, account: AccountConfig) -> bool:
        """Whether files may carry the account's unencrypted servers: only when the person accepted that
        very server (on the discovery page, or by hand on the manual page)."""
        plain = {x.host for x in (*account.incoming, *account.outgoing) if x.security == "plain"}
        if not plain:
            return False
        return plain <= self.confirmed or (self.uses_manual and not self.state.manual_unconfirmed)

    def export_plan(self, formats: Iterable[str], folder: Path, *, embed_password: bool = False,
                    sign_identity: bytes | None = None, sign_password: bytes | None = None,
                    translate: Translate | None = None) -> list[PlannedFile]:
        """The files for ``formats`` in ``folder``: the sheet names the chosen programs and starts with the
        verdict when the settings are untested or do not work; the password goes into the Apple profile
        only with ``embed_password``. Raises AssistantError (a bad identity, an account a format refuses)."""
        from assistant.core.setup.exporting import plan
        account = self.account()
        verdict = self.outcome()
        notice = "" if verdict.usable else verdict.headline(translate)
        return plan(account, formats, folder, allow_plain=self.plain_allowed(account),
                    password=self.password if embed_password and self.password else None,
                    sign_identity=sign_identity, sign_password=sign_password, translate=translate,
                    programs=self.programs, notice=notice)

    def refused_formats(self) -> dict[str, AssistantError]:
        """The formats this account cannot be written in and why (an Apple profile or Autodiscover file for
        a provider that accepts only its own sign-in page): the export page says so instead of offering it."""
        from assistant.core.profiles import refuse_oauth2_only
        try:
            account = self.account()
        except AssistantError:
            return {}
        out: dict[str, AssistantError] = {}
        for fmt in ("mobileconfig", "autodiscover"):
            try:
                refuse_oauth2_only(account, fmt)
            except AssistantError as exc:
                out[fmt] = exc
        return out

    def export_written(self, paths: Iterable[Path]) -> None:
        """Files this setup wrote (the last page lists them)."""
        self.exported = sorted(set(self.exported) | set(paths))

    # --- the verdict ----------------------------------------------------------------------------------

    def outcome(self) -> Outcome:
        """The verdict: ready, ready with an accepted risk, not working or untested, and what to do next."""
        from assistant.core.setup.outcome import decide
        return decide(self)

    def report(self, translate: Translate | None = None) -> str:
        """The helpdesk's diagnostics text (no password, local part masked): codes, or with ``translate``
        every label and value in words in that language."""
        from assistant.core.setup.diagnostics import diagnostics
        return diagnostics(self, translate)
