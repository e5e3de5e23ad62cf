"""The password and the sign-in test's result: a part of the setup session kept in its own module.

A result belongs to the address, the servers and the password it was tested with; a late one for anything
that changed meanwhile is refused. Servers an Autodiscover service named for the password join the
discovery result first (setup/autodiscover_auth.py). ``SetupState`` inherits this; the state it touches (the
address, the discovery result, the account) is the session's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.core.words.errors import AssistantError

if TYPE_CHECKING:
    from assistant.core.model.account import AccountConfig, ServerConfig
    from assistant.core.model.address import EmailAddress
    from assistant.core.model.results import DiscoveryResult, ProbeResult, Protocol
    from assistant.core.setup.autodiscover_auth import AutodiscoverRetry
    from assistant.core.setup.flow import FlowState
    from assistant.core.setup.selection import Selection
    from assistant.core.signin.verify import VerifyResult

# What a sign-in result belongs to: the address, the incoming and outgoing server, the password.
SigninKey = tuple["EmailAddress | None", "ServerConfig | None", "ServerConfig | None", str]


@dataclass
class SigninRun:
    """One sign-in test under way: what it started from (``base``: the discovery result) and, once its
    job has run, the servers it signed in to (``key``) and what the Autodiscover service said (``retry``)
    — applied by ``signin_finished`` on the caller's thread, never by the job itself."""

    key: SigninKey
    base: DiscoveryResult | None
    retry: AutodiscoverRetry | None = None


class SigninState:
    """The sign-in transitions of ``SetupSession`` (see core/setup/session.py)."""

    _address: EmailAddress | None
    _result: DiscoveryResult | None
    _password: str
    _signin: tuple[SigninKey, VerifyResult] | None
    _pending: SigninRun | None
    _manual_probes: dict[Protocol, ProbeResult]
    autodiscover: AutodiscoverRetry | None
    state: FlowState

    @property
    def uses_manual(self) -> bool:
        raise NotImplementedError  # the session's

    def account(self, *, proved: bool = True, selection: Selection | None = None) -> AccountConfig:
        raise NotImplementedError  # the session's

    def _join(self, result: DiscoveryResult) -> None:
        raise NotImplementedError  # the session's

    @property
    def password(self) -> str:
        return self._password

    @password.setter
    def password(self, value: str) -> None:
        if value != self._password:
            self._password = value
            self._signin = None  # a result belongs to the password it was tested with
            if self.autodiscover is not None and not self.autodiscover.settled:
                self.autodiscover = None  # what the service said to the old password; what it named stays

    def signin_servers(self, selection: Selection | None = None
                       ) -> tuple[ServerConfig | None, ServerConfig | None]:
        """The incoming and outgoing server a sign-in test uses now (as configured, not as proved), or
        those of ``selection``."""
        try:
            account = self.account(proved=False, selection=selection)
        except AssistantError:  # nothing usable on one side: that side signs in to nothing
            return None, None
        return (account.incoming[0] if account.incoming else None,
                account.outgoing[0] if account.outgoing else None)

    def _signin_key(self) -> SigninKey:
        return (self._address, *self.signin_servers(), self._password)

    @property
    def signin(self) -> VerifyResult | None:
        """The last sign-in test, only while it is for this address, these servers and this password."""
        if self._signin is None or self._signin[0] != self._signin_key():
            return None
        return self._signin[1]

    def signin_finished(self, result: VerifyResult) -> bool:
        """Keep the result of the last ``signin_job`` if nothing it depends on changed since it started.

        Servers an Autodiscover service named for the password join the discovery result first (only
        while it is still the result the test started from), then the result is kept for them."""
        run, self._pending = self._pending, None
        if run is None:
            return False
        address, password = run.key[0], run.key[3]
        if (run.retry is not None and run.base is self._result and address == self._address
                and password == self._password):
            self.autodiscover = run.retry
            if run.retry.joined is not None:
                self._join(run.retry.joined)
        if run.key != self._signin_key():
            return False
        self._signin = (run.key, result)
        return True

    def forget_signin(self) -> None:
        self._signin, self._pending = None, None

    @property
    def signin_not_sent(self) -> bool:
        """The last sign-in test refused to send the password wherever it did not sign in, and only because
        of a risk the person accepted: a server without encryption, or a certificate problem of settings by
        hand they chose to continue with. It tested nothing, so it says nothing about the password. (A
        certificate that fails only now, on a server discovery verified, is an alarm, not this.)"""
        result = self.signin
        if result is None or result.ok:
            return False

        def accepted(code: str, protocol: str) -> bool:
            if code in ("ok", "plaintext_refused"):
                return True
            probe = self._manual_probes.get(protocol) if self.uses_manual else None  # type: ignore[call-overload]
            return (code == "certificate_not_trusted" and probe is not None and probe.tls is not None
                    and bool(probe.tls.problems) and self.state.manual_failure_accepted)

        return all(accepted(r.code, r.protocol) for r in (result.incoming, result.outgoing))

    def keychain_skipped(self) -> str | None:
        """"signin_rejected" / "signin_failed" when the sign-in test ran with this password and failed:
        a password the test could not use is most likely mistyped and must not go into the keychain."""
        result = self.signin
        if result is None or result.ok or self.signin_not_sent:
            return None
        if "auth_failed" in (result.incoming.code, result.outgoing.code):
            return "signin_rejected"
        return "signin_failed"

