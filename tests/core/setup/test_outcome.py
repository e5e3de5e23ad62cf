"""The setup's verdict without Qt or a network: sessions built from DiscoveryResults, manual settings, tests
and sign-in results, exactly as the wizard's pages feed them. Never "ready" after a failure."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.core.model.account import ServerConfig
from assistant.core.model.address import EmailAddress
from assistant.core.model.results import Candidate, DiscoveryResult, Finding, ProbeResult, TlsFacts
from assistant.core.setup.flow import Page
from assistant.core.setup.outcome import NEXT_STEPS, REASONS, STATUS, TITLES, Outcome
from assistant.core.setup.session import SetupSession
from assistant.core.signin.secret import Secret
from assistant.core.signin.verify import SigninResult, VerifyResult
from assistant.core.words.errors import DomainError

ADDRESS = "ann@example.test"


def probe(proto: str, host: str, port: int, security: str = "ssl", verified: bool = True,
          status: str = "ok", problems: tuple[str, ...] = ()) -> ProbeResult:
    tls = None if security == "plain" else TlsFacts(version="TLSv1.3", verified=verified,
                                                    problems=list(problems), fingerprint_sha256="AB" * 32)
    return ProbeResult(Candidate(proto, host, port, security, "srv"), status,  # type: ignore[arg-type]
                       tls=tls)


def result(*probes: ProbeResult, warnings: tuple[Finding, ...] = ()) -> DiscoveryResult:
    r = DiscoveryResult(address=ADDRESS, domain="example.test", domain_unicode="example.test",
                        candidates=list(probes), warnings=list(warnings))
    for p in probes:
        if p.secure and r.recommended.get(p.candidate.protocol) is None:
            r.recommended[p.candidate.protocol] = p
    return r


def no_settings() -> Any:
    raise AssertionError("no test here may touch the network")


def discovered(r: DiscoveryResult) -> SetupSession:
    s = SetupSession(no_settings, address=EmailAddress.parse(ADDRESS))
    s.discovery_started()
    s.discovery_finished(r)
    return s


GOOD = result(probe("imap", "imap.example.test", 993), probe("smtp", "smtp.example.test", 465))


def signed_in(s: SetupSession, incoming: str = "ok", outgoing: str = "ok") -> None:
    s.signin_job(Secret("pw")).close()  # only to register what the result is for; never run
    inc, out = s.signin_servers()
    assert inc is not None and out is not None
    res = VerifyResult(ADDRESS, SigninResult(inc.protocol, inc.host, inc.port, inc.security, incoming),
                       SigninResult(out.protocol, out.host, out.port, out.security, outgoing))
    assert s.signin_finished(res)


def test_found_and_verified_is_ready() -> None:
    o = discovered(GOOD).outcome()
    assert (o.status, o.reasons, o.next_step, o.back_to) == ("ready", ("verified",), "set_up", None)
    # Servers that work are not yet "ready to use": nobody signed in.
    assert o.headline() == f"The settings for {ADDRESS} work; your password has not been tested."
    assert o.title() == "Settings ready" and o.usable


def test_a_successful_sign_in_is_said() -> None:
    s = discovered(GOOD)
    signed_in(s)
    o = s.outcome()
    assert o.reasons == ("signin_ok",)
    assert o.headline() == f"Your account {ADDRESS} is ready to use." and o.title() == "Ready to use"


def test_a_confirmed_certificate_problem_is_ready_with_that_risk() -> None:
    s = discovered(result(probe("imap", "bad.example.test", 993, verified=False, status="tls_error",
                                problems=("expired",)), probe("smtp", "smtp.example.test", 465)))
    assert s.outcome().status == "not_working"  # not confirmed: no incoming server may be used
    s.confirm("bad.example.test")
    assert s.pins()  # the confirmation pinned the certificate
    o = s.outcome()
    assert o.status == "ready_with_risk" and o.reasons == ("certificate_problem",)  # not "verified"
    assert o.next_step == "ask_provider_risk" and o.fields["hosts"] == "bad.example.test"
    assert "bad.example.test" in " ".join(o.details())


def test_outside_domain_confirmed_is_a_risk_too() -> None:
    outside = Finding("outside_domain", "m", host="imap.elsewhere.test", protocol="imap")
    s = discovered(result(probe("imap", "imap.elsewhere.test", 993), probe("smtp", "smtp.example.test", 465),
                          warnings=(outside,)))
    s.confirm("imap.elsewhere.test")
    o = s.outcome()
    assert o.status == "ready_with_risk" and "outside_domain" in o.reasons
    assert "imap.elsewhere.test is outside example.test; you accepted it." in o.details()


def test_nothing_found_is_not_working_and_never_ready() -> None:
    s = discovered(result(probe("imap", "imap.example.test", 993, status="timeout")))
    o = s.outcome()
    assert o.status == "not_working" and o.reasons == ("nothing_found",)
    assert (o.next_step, o.back_to) == ("call_provider", Page.MANUAL)
    assert "ready" not in o.headline()
    assert "No working mail servers were found for example.test" in o.headline()


def test_a_domain_that_does_not_exist_says_check_the_address() -> None:
    s = SetupSession(no_settings, address=EmailAddress.parse("ann@exmaple.tset"))
    s.discovery_started()
    s.discovery_error = DomainError("exmaple.tset: no such domain", "nxdomain")  # what discovery_job keeps
    s.discovery_ended("failed")
    o = s.outcome()
    assert (o.status, o.next_step, o.back_to) == ("not_working", "check_address", Page.ADDRESS)
    assert "exmaple.tset does not exist — check the spelling." in o.headline()
    s.set_manual(ServerConfig("imap", "imap.example.test", 993, "ssl"),
                 ServerConfig("smtp", "smtp.example.test", 465, "ssl"))
    assert s.outcome().status == "not_working"  # servers typed by hand do not make the domain exist
    s.address = EmailAddress.parse("ann@example.test")
    assert s.discovery_error is None  # a new address forgets it


def test_dns_failure_says_try_again() -> None:
    s = SetupSession(no_settings, address=EmailAddress.parse(ADDRESS))
    s.discovery_started()
    s.discovery_error = DomainError("DNS failed", "dns_failed")
    s.discovery_ended("failed")
    o = s.outcome()
    assert (o.status, o.reasons, o.next_step) == ("not_working", ("dns_failed",), "try_again")


def by_hand(*tested: ProbeResult) -> SetupSession:
    s = discovered(result())
    s.set_manual(ServerConfig("imap", "imap.example.test", 993, "ssl"),
                 ServerConfig("smtp", "smtp.example.test", 465, "ssl"))
    if tested:
        assert s.manual_tested(list(tested))
    return s


def test_settings_by_hand_untested_are_untested() -> None:
    o = by_hand().outcome()
    assert (o.status, o.next_step, o.back_to) == ("untested", "test_settings", Page.MANUAL)
    assert not o.usable and "not tested" in o.headline()


def test_settings_by_hand_tested_and_working_are_ready() -> None:
    o = by_hand(probe("imap", "imap.example.test", 993), probe("smtp", "smtp.example.test", 465)).outcome()
    assert (o.status, o.reasons) == ("ready", ("manual_tested",))


def test_settings_by_hand_that_failed_are_not_working_even_when_continued() -> None:
    s = by_hand(probe("imap", "imap.example.test", 993, status="refused"),
                probe("smtp", "smtp.example.test", 465))
    assert s.outcome().status == "not_working"
    s.manual_failure_accepted = True
    o = s.outcome()
    assert o.status == "not_working" and o.reasons == ("manual_failed", "failure_accepted")
    assert "continue anyway" in o.headline() and (o.next_step, o.back_to) == ("call_provider", Page.MANUAL)
    s.set_manual(ServerConfig("imap", "imap2.example.test", 993, "ssl"),
                 ServerConfig("smtp", "smtp.example.test", 465, "ssl"))
    assert not s.manual_failure_accepted  # said about other settings


def test_a_certificate_failure_by_hand_continued_anyway_is_ready_with_risk() -> None:
    s = by_hand(probe("imap", "imap.example.test", 993, verified=False, status="tls_error",
                      problems=("self_signed",)), probe("smtp", "smtp.example.test", 465))
    assert s.outcome().status == "not_working"
    s.manual_failure_accepted = True
    o = s.outcome()
    assert o.status == "ready_with_risk" and o.reasons[0] == "certificate_problem"


def test_plaintext_by_hand_is_a_risk() -> None:
    s = discovered(result())
    s.set_manual(ServerConfig("imap", "imap.example.test", 143, "plain"),
                 ServerConfig("smtp", "smtp.example.test", 465, "ssl"))
    s.manual_tested([probe("imap", "imap.example.test", 143, security="plain"),
                     probe("smtp", "smtp.example.test", 465)])
    o = s.outcome()
    assert o.status == "ready_with_risk" and o.reasons[0] == "plaintext"


@pytest.mark.parametrize(("incoming", "reason", "step", "page"), [
    ("auth_failed", "signin_rejected", "check_password", Page.PASSWORD),
    ("timeout", "signin_failed", "try_again", Page.PASSWORD),
    ("certificate_not_trusted", "signin_failed", "call_provider", Page.PASSWORD),
])
def test_a_failed_sign_in_is_not_working(incoming: str, reason: str, step: str, page: Page) -> None:
    s = discovered(GOOD)
    signed_in(s, incoming=incoming)
    o = s.outcome()
    assert (o.status, o.reasons, o.next_step, o.back_to) == ("not_working", (reason,), step, page)
    s.password = "another"  # the result belonged to the old password
    assert s.outcome().status == "ready"


def test_a_sign_in_proves_untested_settings_by_hand() -> None:
    s = by_hand()
    signed_in(s)
    assert s.outcome().status == "ready"


def test_every_code_has_a_sentence_and_a_translation_hook() -> None:
    seen: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return "»" + text

    o = Outcome("not_working", ("domain_missing",), "check_address", Page.ADDRESS,
                {"address": ADDRESS, "domain": "x.test", "hosts": ""})
    assert o.headline(translate).startswith("»Your account") and o.next_text(translate).startswith("»")
    assert {c for c, _ in seen} == {"outcome"}
    broken = Outcome("ready", ("signin_ok",), fields={"address": ADDRESS, "domain": "x", "hosts": ""})
    assert broken.headline(lambda c, t: t.replace("{address}", "{adres}")) == STATUS["ready"].format(
        address=EmailAddress.parse(ADDRESS))  # a broken translation falls back to English
    assert set(TITLES) == set(STATUS) == {"ready", "ready_unproved", "ready_with_risk", "not_working",
                                          "untested"}
    assert all(REASONS.values()) and all(NEXT_STEPS.values())


def test_sentences_are_joined_as_each_language_writes_them() -> None:
    from assistant.core.setup.outcome import join
    assert join("It works.", "", "Set it up.") == "It works. Set it up."
    assert join("可以使用。", "請設定。") == "可以使用。請設定。"
