"""The verdict of one setup: ready, ready with a risk the person accepted, not working, or untested.

The last page of the wizard leads with it, so it must never say "ready" after a failure: a domain that does
not exist, no complete pair of servers, settings typed by hand that failed their test, or a sign-in the
server refused. Each verdict carries reason codes (for the report and the tests), the causes it can name
(an expired certificate: ask the provider to renew it), the next step the person can take (check the
address, check the password, call the provider, try again) and the wizard page where that step is done.
"Ready to use" needs a sign-in that worked; working servers without one are "Settings ready". A sign-in
test that refused to send the password (no encryption) tested nothing, so it decides nothing. Qt-free:
the sentences are templates the front ends translate (context "outcome").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from assistant.core.setup.causes import Cause, certificate_cause, probe_cause
from assistant.core.setup.flow import Page
from assistant.core.words.errors import AssistantError
from assistant.core.words.i18n import QT_TRANSLATE_NOOP, Translate, fill, listed

if TYPE_CHECKING:
    from assistant.core.model.account import AccountConfig
    from assistant.core.model.provider import SignIn
    from assistant.core.model.results import ProbeResult, Protocol
    from assistant.core.setup.state import SetupState

Status = Literal["ready", "ready_with_risk", "not_working", "untested"]

TITLES: dict[str, str] = {
    "ready": QT_TRANSLATE_NOOP("outcome", "Ready to use"),
    "ready_unproved": QT_TRANSLATE_NOOP("outcome", "Settings ready"),
    "ready_with_risk": QT_TRANSLATE_NOOP("outcome", "Ready, with a risk you accepted"),
    "not_working": QT_TRANSLATE_NOOP("outcome", "Not working yet"),
    "untested": QT_TRANSLATE_NOOP("outcome", "Not tested yet"),
}

STATUS: dict[str, str] = {
    "ready": QT_TRANSLATE_NOOP("outcome", "Your account {address} is ready to use."),
    "ready_unproved": QT_TRANSLATE_NOOP(
        "outcome", "The settings for {address} work; your password has not been tested."),
    "ready_with_risk": QT_TRANSLATE_NOOP(
        "outcome", "Your account {address} can be used, with a risk you accepted."),
    "not_working": QT_TRANSLATE_NOOP("outcome", "Your account {address} is not working yet."),
    "untested": QT_TRANSLATE_NOOP(
        "outcome", "The settings for {address} were not tested, so nobody knows yet whether they work."),
}

REASONS: dict[str, str] = {
    "domain_missing": QT_TRANSLATE_NOOP("outcome", "{domain} does not exist — check the spelling."),
    "dns_failed": QT_TRANSLATE_NOOP(
        "outcome", "The name server did not answer, so the mail servers of {domain} could not be found."),
    "nothing_found": QT_TRANSLATE_NOOP("outcome", "No working mail servers were found for {domain}."),
    "no_servers": QT_TRANSLATE_NOOP("outcome", "There is no complete pair of incoming and outgoing servers."),
    "manual_failed": QT_TRANSLATE_NOOP(
        "outcome", "The server settings did not work when they were tested."),
    "failure_accepted": QT_TRANSLATE_NOOP("outcome", "You chose to continue anyway."),
    "manual_untested": QT_TRANSLATE_NOOP(
        "outcome", "You entered the settings by hand and did not test them."),
    "signin_rejected": QT_TRANSLATE_NOOP("outcome", "The server did not accept your user name or password."),
    "signin_failed": QT_TRANSLATE_NOOP("outcome", "The sign-in test with your password did not succeed."),
    "signin_ok": QT_TRANSLATE_NOOP("outcome", "Signing in with your password worked."),
    "oauth2_ok": QT_TRANSLATE_NOOP("outcome", "Signing in on your organisation's own page worked."),
    "verified": QT_TRANSLATE_NOOP("outcome", "The servers answered and their encryption was verified."),
    "manual_tested": QT_TRANSLATE_NOOP(
        "outcome", "Both servers answered when the settings were tested; signing in was not tested."),
    "password_not_sent": QT_TRANSLATE_NOOP(
        "outcome", "Your password was not tested: it is never sent to a server that cannot protect it."),
    "plaintext": QT_TRANSLATE_NOOP("outcome", "{hosts}: your password and mail travel without encryption."),
    "certificate_problem": QT_TRANSLATE_NOOP(
        "outcome", "You accepted the certificate of {hosts}; your mail program will ask you to accept it "
                   "too."),
    "outside_domain": QT_TRANSLATE_NOOP("outcome", "{hosts} is outside {domain}; you accepted it."),
    "starttls_injection": QT_TRANSLATE_NOOP(
        "outcome", "{hosts} has a known weakness when encryption starts; you accepted it."),
    "insecure_config_source": QT_TRANSLATE_NOOP(
        "outcome", "The settings for {hosts} came over an unprotected channel; you accepted them."),
    # Providers that refuse the normal password (discovery/providers.py).
    "oauth2_signin": QT_TRANSLATE_NOOP(
        "outcome", "{provider} signs you in on its own page, so there is no password to test here: your "
                   "mail program opens that page when you add the account."),
    "app_password_needed": QT_TRANSLATE_NOOP(
        "outcome", "{provider} needs an app password in mail programs, not your normal password."),
    "authorization_code_needed": QT_TRANSLATE_NOOP(
        "outcome", "{provider} needs an authorization code in mail programs, not your normal password."),
}

NEXT_STEPS: dict[str, str] = {
    "set_up": QT_TRANSLATE_NOOP("outcome", "Now set up your mail program with the steps below."),
    "ask_provider_risk": QT_TRANSLATE_NOOP(
        "outcome", "Set up your mail program with the steps below, and ask your provider to fix the "
                   "problem."),
    "check_address": QT_TRANSLATE_NOOP("outcome", "Check the address and try again."),
    "call_provider": QT_TRANSLATE_NOOP(
        "outcome", "Call your provider and ask for the settings of your mail account, then try again."),
    "check_password": QT_TRANSLATE_NOOP(
        "outcome", "Check your password and try again; if it still fails, ask your provider."),
    "try_again": QT_TRANSLATE_NOOP(
        "outcome", "Try again in a moment; if it keeps failing, call your provider."),
    "ask_provider_fix": QT_TRANSLATE_NOOP(
        "outcome", "When your provider has fixed it, run this assistant again."),
    "test_settings": QT_TRANSLATE_NOOP(
        "outcome", "Go back and test them, or test the sign-in with your password, before you rely on them."),
    "set_up_oauth2": QT_TRANSLATE_NOOP(
        "outcome", "Now add the account in your mail program with the steps below; it opens the sign-in page "
                   "of {provider}."),
    "make_app_password": QT_TRANSLATE_NOOP(
        "outcome", "Make an app password at {url} and test it on the password page."),
    "make_authorization_code": QT_TRANSLATE_NOOP(
        "outcome", "Switch on IMAP/SMTP in the web settings of {provider}, make an authorization code there "
                   "({url}) and test it on the password page."),
}

# Risk codes (discovery/risks.py RISKS) in the order they are named.
_RISKS = ("plaintext", "certificate_problem", "outside_domain", "starttls_injection",
          "insecure_config_source")
_WAIT_CODES = frozenset({"timeout", "refused", "unreachable", "dns_error"})


@dataclass(frozen=True)
class Outcome:
    """A verdict: ``status``, ``reasons`` (keys of REASONS), ``next_step`` (a key of NEXT_STEPS), the page
    where the next step is taken (None: nothing to go back for), the fields the sentences name, and the
    ``causes`` of a risk or a failure (``causes.py``: "the certificate of HOST expired on DATE")."""

    status: Status
    reasons: tuple[str, ...] = ()
    next_step: str = "set_up"
    back_to: Page | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    provider: SignIn | None = None  # named in the sentences, in the interface language
    causes: tuple[Cause, ...] = ()

    @property
    def usable(self) -> bool:
        return self.status in ("ready", "ready_with_risk")

    @property
    def codes(self) -> tuple[str, ...]:
        """The reasons and the causes by code (the helpdesk's copy)."""
        return tuple(dict.fromkeys((*self.reasons, *(c.code for c in self.causes))))

    @property
    def _key(self) -> str:
        """"ready" only after a sign-in proved the password (or when the provider's own page signs in, so
        there is no password to prove); settings that work are "ready_unproved"."""
        proved = {"signin_ok", "oauth2_ok", "oauth2_signin"} & set(self.reasons)
        return "ready_unproved" if self.status == "ready" and not proved else self.status

    def title(self, translate: Translate | None = None) -> str:
        return _text(translate, TITLES[self._key], self.fields)

    def _fields(self, translate: Translate | None) -> dict[str, str]:
        if self.provider is None:
            return dict(self.fields)
        url = self.provider.app_password_url or self.provider.help_url or ""
        return {**self.fields, "provider": self.provider.name(translate), "url": url}

    def headline(self, translate: Translate | None = None) -> str:
        """The one sentence that says whether it works, and why not when it does not."""
        parts = [_text(translate, STATUS[self._key], self._fields(translate))]
        if not self.usable:
            parts += self.reason_texts(translate)
        return join(*parts)

    def details(self, translate: Translate | None = None) -> list[str]:
        """What backs a usable verdict (the causes of a risk, verified, signed in), one sentence each."""
        if not self.usable:
            return []
        return [c.text(translate) for c in self.causes] + self._reasons(translate)

    def reason_texts(self, translate: Translate | None = None) -> list[str]:
        """Every reason and cause as a sentence (the diagnostics name them whatever the verdict)."""
        return self._reasons(translate) + [c.text(translate) for c in self.causes]

    def _reasons(self, translate: Translate | None) -> list[str]:
        fields = self._fields(translate)
        return [_text(translate, REASONS[r], {**fields, "hosts": fields.get(f"hosts:{r}", "")})
                for r in self.reasons]

    def next_text(self, translate: Translate | None = None) -> str:
        return _text(translate, NEXT_STEPS[self.next_step], self._fields(translate))


def join(*sentences: str) -> str:
    """Sentences in a row: a space after English ones, none after a full-width stop (。！？；) or before a
    full-width bracket."""
    out = ""
    for part in filter(None, sentences):
        out += part if not out or out[-1] in "。！？；：）" or part[0] in "（「" else " " + part
    return out


def _text(translate: Translate | None, template: str, fields: Mapping[str, str]) -> str:
    """``template`` translated and filled; English when a translation lost a placeholder."""
    return fill(translate("outcome", template) if translate else template, template, fields, translate)


def decide(session: SetupState) -> Outcome:
    """The verdict for ``session`` as it is now (see the module docstring for the rules)."""
    fields = {"address": session.address_text, "domain": session.domain(), "hosts": ""}
    signin = session.signin
    not_sent = session.signin_not_sent  # refused to send it for safety: "not tested", never "did not work"
    if not_sent:
        signin = None  # nothing was tried with the password: the verdict rests on the servers
    signed_in = signin is not None and signin.ok
    error = session.discovery_error.code if session.discovery_error is not None else ""
    if error == "nxdomain" and not signed_in:
        return Outcome("not_working", ("domain_missing",), "check_address", Page.ADDRESS, fields)
    account = _account(session)
    if account is None:
        if error in ("dns_failed", "dns_config"):
            return Outcome("not_working", ("dns_failed",), "try_again", Page.DISCOVERY, fields)
        reason = "nothing_found" if session.state.discovery == "done" else "no_servers"
        return Outcome("not_working", (reason,), "call_provider", Page.MANUAL, fields)
    provider = session.provider
    if signin is not None and not signin.ok:
        codes = {signin.incoming.code, signin.outgoing.code}
        if "auth_failed" in codes and provider is not None and provider.app_password:
            code = provider.authorization_code
            return Outcome("not_working", ("signin_rejected", _secret_reason(provider)),
                           "make_authorization_code" if code else "make_app_password", Page.PASSWORD, fields,
                           provider=provider)
        if "auth_failed" in codes:
            return Outcome("not_working", ("signin_rejected",), "check_password", Page.PASSWORD, fields)
        step = "try_again" if codes - {"ok"} <= _WAIT_CODES else "call_provider"
        return Outcome("not_working", ("signin_failed",), step, Page.PASSWORD, fields)
    in_use: tuple[Protocol, Protocol] = (account.incoming[0].protocol, "smtp")
    causes: list[Cause] = []
    if session.uses_manual:
        verdict = _manual(session, in_use, signed_in, fields)
        if verdict is not None:
            return verdict
        risks = _manual_risks(session, account, causes)
        proof = "signin_ok" if signed_in else "manual_tested"
    else:
        risks = _discovered_risks(session, in_use, causes)
        proof = "signin_ok" if signed_in else "verified"
    if signed_in and signin is not None and signin.oauth2:
        proof = "oauth2_ok"
    sign_in_note, step = _provider_note(provider, signed_in)
    extra = ("password_not_sent",) if not_sent else ()
    if risks:
        fields["hosts"] = listed(sorted({h for hs in risks.values() for h in hs}))
        fields.update({f"hosts:{risk}": listed(hosts) for risk, hosts in risks.items()})
        named = tuple(r for r in _RISKS if r in risks)
        if proof == "verified":
            proof = ""  # "their encryption was verified" is exactly what a risk says it was not
        reasons = tuple(filter(None, (*named, proof, *extra, sign_in_note)))
        return Outcome("ready_with_risk", reasons, "ask_provider_risk", None, fields, provider=provider,
                       causes=tuple(causes))
    reasons = tuple(filter(None, (proof, *extra, sign_in_note)))
    return Outcome("ready", reasons, step or "set_up", None, fields, provider=provider)


def _secret_reason(provider: SignIn) -> str:
    return "authorization_code_needed" if provider.authorization_code else "app_password_needed"


def _provider_note(provider: SignIn | None, signed_in: bool) -> tuple[str, str]:
    """What a usable verdict adds for a provider that refuses the normal password, and the next step: an
    OAuth2-only provider's test is skipped for that reason (the verdict never calls it untested)."""
    if provider is None or signed_in:
        return "", ""
    if provider.oauth2_only:
        return "oauth2_signin", "set_up_oauth2"
    if provider.app_password:
        return _secret_reason(provider), ""
    return "", ""


def _account(session: SetupState) -> AccountConfig | None:
    """The account as configured (not as proved), or None when no complete pair of servers exists."""
    try:
        account = session.account(proved=False)
    except AssistantError:
        return None
    return account if account.incoming and account.outgoing else None


def _manual(session: SetupState, in_use: tuple[Protocol, Protocol], signed_in: bool,
            fields: dict[str, str]) -> Outcome | None:
    """Settings by hand that failed their test or were never tested; None when the test (or a sign-in)
    proved them. A failure names its causes; one the provider must fix (a certificate) says so."""
    if signed_in:
        return None  # signing in to both servers proves them better than the test could
    probes = session.manual_probes
    failed = [p for proto in in_use if (p := probes.get(proto)) is not None and p.status != "ok"
              and not session.manual_pinned(p)]
    accepted = ("failure_accepted",) if session.manual_failure_accepted else ()
    causes = tuple(c for p in failed if (c := probe_cause(p)) is not None)
    fix = "ask_provider_fix" if causes and all(c.certificate for c in causes) else "call_provider"
    if failed and not all(_certificate_only(p) for p in failed):
        return Outcome("not_working", ("manual_failed", *accepted), fix, Page.MANUAL, fields, causes=causes)
    if failed and not session.manual_failure_accepted:
        return Outcome("not_working", ("manual_failed",), fix, Page.MANUAL, fields, causes=causes)
    if not all(proto in probes for proto in in_use):
        return Outcome("untested", ("manual_untested",), "test_settings", Page.MANUAL, fields)
    return None


def _certificate_only(p: ProbeResult) -> bool:
    """The server answered and only its certificate failed: a risk a person can accept, not a dead end."""
    return p.status == "tls_error" and p.tls is not None and bool(p.tls.problems)


def _manual_risks(session: SetupState, account: AccountConfig, causes: list[Cause]) -> dict[str, list[str]]:
    risks: dict[str, list[str]] = {}
    probes = session.manual_probes
    for server in (account.incoming[0], account.outgoing[0]):
        risk = "plaintext" if server.security == "plain" else "certificate_problem"
        probe = probes.get(server.protocol)
        verified = probe is None or (probe.tls is not None and probe.tls.verified)
        if risk == "certificate_problem" and verified:
            continue
        if server.host not in risks.get(risk, []):  # one server for both directions is named once
            risks.setdefault(risk, []).append(server.host)
        cause = certificate_cause(probe) if risk == "certificate_problem" and probe is not None else None
        if cause is not None and cause not in causes:
            causes.append(cause)
    return risks


def _discovered_risks(session: SetupState, in_use: tuple[Protocol, Protocol],
                      causes: list[Cause]) -> dict[str, list[str]]:
    """The risks of the servers in use, which the person confirmed (or a pin accepted), and the cause of
    each certificate problem."""
    risks: dict[str, list[str]] = {}
    accepted = session.selection.accepted()
    for proto in in_use:
        choice = accepted.get(proto)
        for risk in choice.risks if choice else ():
            if choice is not None and choice.host not in risks.get(risk, []):
                risks.setdefault(risk, []).append(choice.host)
                cause = certificate_cause(choice.probe) if risk == "certificate_problem" else None
                if cause is not None:
                    causes.append(cause)
    return risks
