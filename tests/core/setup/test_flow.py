"""The wizard's navigation without Qt: one test per branch, plus the server choice and risk rules."""

from __future__ import annotations

from assistant.core.discovery.presets import Policy
from assistant.core.discovery.risks import RISKS
from assistant.core.model.results import Candidate, DiscoveryResult, Finding, ProbeResult, Protocol, TlsFacts
from assistant.core.setup import flow
from assistant.core.setup.flow import END, FlowState, Page
from assistant.core.setup.selection import CONFIRM, Choice, Selection, select


def probe(proto: str, host: str, port: int, security: str = "ssl", verified: bool = True,
          status: str = "ok", warnings: tuple[str, ...] = ()) -> ProbeResult:
    tls = None if security == "plain" else TlsFacts(version="TLSv1.3", verified=verified)
    return ProbeResult(Candidate(proto, host, port, security, "srv"), status,  # type: ignore[arg-type]
                       tls=tls, warnings=list(warnings))


def result(*probes: ProbeResult, recommend: bool = True,
           warnings: tuple[Finding, ...] = ()) -> DiscoveryResult:
    r = DiscoveryResult(address="ann@example.test", domain="example.test", domain_unicode="example.test",
                        candidates=list(probes), warnings=list(warnings))
    if recommend:
        for p in probes:
            if p.secure and r.recommended.get(p.candidate.protocol) is None:
                r.recommended[p.candidate.protocol] = p
    return r


def usable_state() -> FlowState:
    return FlowState(address_valid=True, discovery="done", found_incoming=True, found_outgoing=True)


# --- next_page ------------------------------------------------------------------------------------------

def test_address_leads_to_discovery() -> None:
    assert flow.next_page(Page.ADDRESS, FlowState()) == Page.DISCOVERY


def test_discovery_found_leads_to_devices() -> None:
    assert flow.next_page(Page.DISCOVERY, usable_state()) == Page.DEVICES


def test_discovery_nothing_found_leads_to_manual() -> None:
    state = FlowState(discovery="done", found_incoming=True, found_outgoing=False)
    assert flow.next_page(Page.DISCOVERY, state) == Page.MANUAL


def test_discovery_cancelled_or_failed_leads_to_manual() -> None:
    for outcome in ("cancelled", "failed"):
        state = FlowState(discovery=outcome, found_incoming=True, found_outgoing=True)
        assert flow.next_page(Page.DISCOVERY, state) == Page.MANUAL


def test_discovery_change_by_hand_leads_to_manual() -> None:
    state = usable_state()
    state.edit_manually = True
    assert flow.next_page(Page.DISCOVERY, state) == Page.MANUAL


def test_linear_pages_and_the_end() -> None:
    s = usable_state()
    assert flow.next_page(Page.MANUAL, s) == Page.DEVICES
    assert flow.next_page(Page.DEVICES, s) == Page.RECOMMENDATION
    assert flow.next_page(Page.RECOMMENDATION, s) == Page.PASSWORD
    assert flow.next_page(Page.PASSWORD, s) == Page.EXPORT
    assert flow.next_page(Page.EXPORT, s) == Page.DONE
    assert flow.next_page(Page.DONE, s) == END


# --- blockers -------------------------------------------------------------------------------------------

def test_invalid_address_blocks() -> None:
    assert flow.blockers(Page.ADDRESS, FlowState()) == ["address_invalid"]
    assert flow.blockers(Page.ADDRESS, FlowState(address_valid=True)) == []


def test_running_or_idle_discovery_blocks() -> None:
    assert flow.blockers(Page.DISCOVERY, FlowState(discovery="running")) == ["discovery_running"]
    assert flow.blockers(Page.DISCOVERY, FlowState(discovery="idle")) == ["discovery_idle"]
    assert flow.blockers(Page.DISCOVERY, FlowState(discovery="cancelled")) == []


def test_unconfirmed_risk_blocks_until_confirmed_or_manual() -> None:
    s = usable_state()
    s.unconfirmed = {"mail.example.test"}
    assert flow.blockers(Page.DISCOVERY, s) == ["risk_unconfirmed"]
    s.edit_manually = True
    assert flow.blockers(Page.DISCOVERY, s) == []
    s.edit_manually, s.unconfirmed = False, set()
    assert flow.blockers(Page.DISCOVERY, s) == []


def test_manual_page_blocks_on_invalid_fields_and_unconfirmed_plaintext() -> None:
    assert flow.blockers(Page.MANUAL, FlowState()) == ["manual_invalid"]
    assert flow.blockers(Page.MANUAL, FlowState(manual_valid=True, manual_unconfirmed=True)) == [
        "manual_unconfirmed"]
    assert flow.blockers(Page.MANUAL, FlowState(manual_valid=True, manual_check="ok")) == []


def test_manual_page_needs_a_test_that_worked_or_an_explicit_continue_anyway() -> None:
    """Next only after the settings were tested and worked, or after "did not work, continue anyway"."""
    state = FlowState(manual_valid=True)
    assert flow.blockers(Page.MANUAL, state) == ["manual_untested"]
    state.manual_check = "testing"
    assert flow.blockers(Page.MANUAL, state) == ["manual_testing"]
    state.manual_check = "failed"
    assert flow.blockers(Page.MANUAL, state) == ["manual_failed"]
    state.manual_failure_accepted = True
    assert flow.blockers(Page.MANUAL, state) == []
    state.manual_check = "ok"
    assert flow.blockers(Page.MANUAL, state) == []
    # an untested page is not rescued by an old "continue anyway"
    state.manual_check = "untested"
    assert flow.blockers(Page.MANUAL, state) == ["manual_untested"]
    # the plaintext confirmation still comes first
    state.manual_unconfirmed = True
    assert flow.blockers(Page.MANUAL, state) == ["manual_unconfirmed"]


def test_every_blocker_and_risk_has_a_sentence() -> None:
    assert set(flow.BLOCKERS) >= {"address_invalid", "discovery_running", "discovery_idle",
                                  "risk_unconfirmed", "manual_invalid", "manual_unconfirmed",
                                  "manual_testing", "manual_untested", "manual_failed"}
    for text in RISKS.values():
        assert "{host}" in text
    assert "{host}" in CONFIRM


# --- server choice and risks (core/setup/selection.py; the flow only reads the Selection) --------------

def pick(r: DiscoveryResult, policy: Policy | None = None) -> dict[Protocol, Choice | None]:
    return dict(select(r, policy).choices)


def _sel(choices: dict[Protocol, Choice | None], confirmed: set[str]) -> Selection:
    return Selection(choices, frozenset(confirmed))


def update_from_choices(state: FlowState, choices: dict[Protocol, Choice | None],
                        confirmed: set[str]) -> None:
    flow.update_from_selection(state, _sel(choices, confirmed))


def accepted(choices: dict[Protocol, Choice | None], confirmed: set[str]) -> dict[Protocol, Choice | None]:
    return _sel(choices, confirmed).accepted()


def pins(choices: dict[Protocol, Choice | None], confirmed: set[str]) -> dict[str, tuple[str, ...]]:
    return _sel(choices, confirmed).pins()

def test_pick_prefers_the_recommendation_and_has_no_risks() -> None:
    imap = probe("imap", "imap.example.test", 993)
    smtp = probe("smtp", "smtp.example.test", 465)
    choices = pick(result(imap, smtp))
    assert choices["imap"] is not None and choices["imap"].probe is imap and choices["imap"].risks == ()
    assert choices["pop3"] is None
    state = FlowState(discovery="done")
    update_from_choices(state, choices, set())
    assert state.discovered_usable and state.unconfirmed == set()


def test_plaintext_and_bad_certificate_need_confirmation() -> None:
    plain = probe("imap", "old.example.test", 143, security="plain")
    badcert = probe("smtp", "smtp.example.test", 465, verified=False)
    choices = pick(result(plain, badcert))
    assert choices["imap"] is not None and choices["imap"].risks == ("plaintext",)
    assert choices["smtp"] is not None and choices["smtp"].risks == ("certificate_problem",)
    state = FlowState(discovery="done")
    update_from_choices(state, choices, set())
    assert state.unconfirmed == {"old.example.test", "smtp.example.test"}
    assert flow.blockers(Page.DISCOVERY, state) == ["risk_unconfirmed"]
    update_from_choices(state, choices, {"old.example.test"})
    assert state.unconfirmed == {"smtp.example.test"}
    update_from_choices(state, choices, {"old.example.test", "smtp.example.test"})
    assert flow.blockers(Page.DISCOVERY, state) == []
    assert accepted(choices, {"old.example.test"})["smtp"] is None


def test_outside_domain_finding_needs_confirmation_even_when_verified() -> None:
    imap = probe("imap", "imap.hoster.test", 993)
    smtp = probe("smtp", "smtp.example.test", 465)
    finding = Finding("outside_domain", "outside", host="imap.hoster.test.", protocol="imap")
    choices = pick(result(imap, smtp, warnings=(finding,)))
    assert choices["imap"] is not None and choices["imap"].risks == ("outside_domain",)
    assert choices["smtp"] is not None and choices["smtp"].risks == ()


def test_risky_pop3_is_irrelevant_when_imap_is_safe() -> None:
    imap = probe("imap", "imap.example.test", 993)
    pop = probe("pop3", "pop.example.test", 110, security="plain")
    smtp = probe("smtp", "smtp.example.test", 587, security="starttls")
    choices = pick(result(imap, pop, smtp))
    state = FlowState(discovery="done")
    update_from_choices(state, choices, set())
    assert state.unconfirmed == set()
    assert accepted(choices, set())["pop3"] is None


def test_failed_probes_are_never_offered_and_injection_is_a_risk() -> None:
    dead = probe("imap", "imap.example.test", 993, status="timeout")
    inj = probe("smtp", "smtp.example.test", 587, security="starttls", warnings=("starttls_injection",))
    choices = pick(result(dead, inj, recommend=False))
    assert choices["imap"] is None
    assert choices["smtp"] is not None and choices["smtp"].risks == ("starttls_injection",)
    state = FlowState(discovery="done")
    update_from_choices(state, choices, set())
    assert not state.discovered_usable and flow.next_page(Page.DISCOVERY, state) == Page.MANUAL


def test_a_certificate_failure_is_offered_with_its_risk_but_other_failures_are_not() -> None:
    bad = probe("imap", "expired.example.test", 993, verified=False, status="tls_error")
    assert bad.tls is not None
    bad.tls.problems.append("expired")
    refused = probe("imap", "other.example.test", 993, verified=False, status="tls_error")  # no problems
    smtp = probe("smtp", "smtp.example.test", 465)
    choices = pick(result(refused, bad, smtp))
    assert choices["imap"] is not None and choices["imap"].probe is bad
    assert choices["imap"].risks == ("certificate_problem",)
    assert pick(result(refused, smtp))["imap"] is None


# --- the sign-in test and an organisation's policy ------------------------------------------------------

def test_password_page_waits_for_a_running_sign_in() -> None:
    state = usable_state()
    assert flow.blockers(Page.PASSWORD, state) == []
    state.signin = "running"
    assert flow.blockers(Page.PASSWORD, state) == ["signin_running"]
    state.signin = "done"
    assert flow.blockers(Page.PASSWORD, state) == []


def test_pick_never_offers_what_the_policy_forbids() -> None:
    pop = probe("pop3", "pop.example.test", 995)
    r = result(probe("imap", "imap.example.test", 993), pop, probe("smtp", "smtp.example.test", 465))
    r.recommended["pop3"] = None  # what apply_policy leaves; the fallback must not bring it back
    assert pick(r)["pop3"] is not None
    assert pick(r, Policy(forbidden_protocols=("pop3",)))["pop3"] is None
    risky = result(probe("imap", "imap.other.test", 993, verified=False, status="tls_error"),
                   probe("smtp", "smtp.example.test", 465), recommend=False)
    risky.candidates[0].tls.problems = ["self_signed"]  # type: ignore[union-attr]
    assert pick(risky)["imap"] is not None
    assert pick(risky, Policy(allowed_server_domains=("example.test",)))["imap"] is None


def test_pins_only_for_a_confirmed_certificate_problem() -> None:
    bad = probe("imap", "imap.example.test", 993, verified=False)
    assert bad.tls is not None
    bad.tls.fingerprint_sha256 = "AB" * 32
    good = probe("smtp", "smtp.example.test", 465)
    assert good.tls is not None
    good.tls.fingerprint_sha256 = "cd" * 32
    choices = pick(result(bad, good, recommend=False))
    assert pins(choices, set()) == {}  # not confirmed: nothing pinned
    assert pins(choices, {"imap.example.test"}) == {"imap": ("ab" * 32,)}  # that server only
    assert pins(choices, {"smtp.example.test"}) == {}  # a verified server never needs a pin
