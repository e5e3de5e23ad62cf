"""Where the mail password may go when the domain's Autodiscover service asked for it, without a network:
the rules (only HTTPS, only Basic, only this address, only inside the domain or confirmed), the wizard's
order (the password page first when nothing usable was found), and the servers an answer names joining
the discovery result, ranked again. The requests themselves: tests/cli/test_verify_autodiscover.py."""

from __future__ import annotations

from assistant.core.discovery.join import join
from assistant.core.discovery.rank import finding
from assistant.core.model.results import (
    AuthChallenge,
    Candidate,
    DiscoveryResult,
    ProbeResult,
    SourceOutcome,
    SourceReport,
    TlsFacts,
)
from assistant.core.setup.autodiscover_auth import TEXTS, auth_request, not_sent
from assistant.core.setup.flow import FlowState, Page, blockers, next_page
from assistant.core.signin.secret import Secret
from assistant.core.signin.verify import SigninResult, VerifyResult
from tests.core.setup.test_outcome import ADDRESS, discovered

URL = "https://autodiscover.example.test/autodiscover/autodiscover.xml"


def asked(url: str = URL, schemes: tuple[str, ...] = ("Negotiate", "NTLM", "Basic"), address: str = ADDRESS,
          status: int = 401) -> SourceReport:
    return SourceReport("autodiscover", url, "auth_required", f"HTTP {status}", 5,
                        AuthChallenge(url, status, schemes, address))


def guessed_badly() -> ProbeResult:
    """The guess reaches the hosting machine under a name its certificate does not hold."""
    return ProbeResult(Candidate("imap", "mail.example.test", 993, "ssl", "guess"), "tls_error",
                       tls=TlsFacts(verified=False, problems=["hostname_mismatch"]))


def nothing_usable(*reports: SourceReport) -> DiscoveryResult:
    bad = guessed_badly()
    return DiscoveryResult(address=ADDRESS, domain="example.test", domain_unicode="example.test",
                           candidates=[bad], sources=list(reports),
                           warnings=[finding("no_incoming", domain="example.test"),
                                     finding("no_outgoing", domain="example.test"),
                                     finding("certificate_problem", host="mail.example.test",
                                             problem="hostname_mismatch")])


def test_only_a_basic_https_challenge_about_this_address_may_get_the_password() -> None:
    def blocked(report: SourceReport) -> str | None:
        request = auth_request(nothing_usable(report))
        assert request is not None
        return request.blocked

    assert blocked(asked()) is None
    assert blocked(asked(url="http://autodiscover.example.test/autodiscover/autodiscover.xml")) == "not_https"
    assert blocked(asked(schemes=("Negotiate", "NTLM"))) == "no_basic"
    assert blocked(asked(schemes=())) == "no_basic"  # a bare 403 offers nothing to answer
    assert blocked(asked(address="boss@example.test")) == "other_address"  # a RedirectAddr's address
    assert blocked(asked(address=ADDRESS.upper())) is None  # the same address, however it is written
    assert auth_request(nothing_usable()) is None  # nobody asked


def test_a_host_outside_the_domain_needs_the_person_and_inside_one_is_preferred() -> None:
    outside = asked(url="https://autodiscover.hoster.test/autodiscover/autodiscover.xml")
    request = auth_request(nothing_usable(outside))
    assert request is not None and not request.inside and request.host == "autodiscover.hoster.test"
    both = auth_request(nothing_usable(outside, asked()))
    assert both is not None and both.inside and both.url == URL
    blocked_inside = asked(schemes=("NTLM",))
    first = auth_request(nothing_usable(blocked_inside, outside))
    assert first is not None and first.host == "autodiscover.hoster.test"  # one that may get it first


def finish(s: object, password: str = "pw") -> None:
    """Run the session's sign-in bookkeeping without the network (the job is never run)."""
    from assistant.core.setup.session import SetupSession
    assert isinstance(s, SetupSession)
    s.signin_job(Secret(password)).close()
    none = SigninResult("imap", "", 0, "ssl", "no_server")
    s.signin_finished(VerifyResult(ADDRESS, none, SigninResult("smtp", "", 0, "ssl", "no_server")))


def test_the_session_sends_nothing_outside_the_domain_unless_the_person_confirmed() -> None:
    host = "autodiscover.hoster.test"
    s = discovered(nothing_usable(asked(url=f"https://{host}/autodiscover/autodiscover.xml")))
    request = s.autodiscover_request()
    assert request is not None and not request.inside  # the password page asks for the confirmation
    finish(s)
    record = s.autodiscover
    assert record is not None and not record.password_sent and record.reason == "outside_domain"
    assert record.to_dict()["message"] == (f"The password was not sent to your provider's Outlook settings "
                                           f"service ({host}): it is not part of example.test and you did "
                                           "not confirm it.")
    s.allow_autodiscover(host.upper())
    finish(s, "other pw")  # a new password voids what the service said; confirmed now, nothing refused
    assert s.autodiscover is None


def test_settings_typed_by_hand_are_not_replaced_by_the_service() -> None:
    from assistant.core.model.account import ServerConfig
    s = discovered(nothing_usable(asked()))
    assert s.autodiscover_request() is not None
    s.set_manual(ServerConfig("imap", "imap.example.test", 993, "ssl"),
                 ServerConfig("smtp", "smtp.example.test", 465, "ssl"))
    s.edit_manually(True)
    assert s.autodiscover_request() is None
    finish(s)
    assert s.autodiscover is not None and s.autodiscover.reason == "manual"
    assert s.autodiscover.message is None  # nothing to tell the person: their own settings were used


def test_a_blocked_request_is_recorded_with_its_reason() -> None:
    s = discovered(nothing_usable(asked(schemes=("NTLM",))))
    assert s.autodiscover_request() is None and not s.state.password_first
    finish(s)
    assert s.autodiscover is not None and s.autodiscover.reason == "no_basic"
    assert "Basic" in (s.autodiscover.message or "")


def test_the_password_page_comes_first_when_only_the_service_can_name_servers() -> None:
    s = discovered(nothing_usable(asked()))
    assert s.state.password_first and not s.state.discovered_usable
    state = s.state
    assert next_page(Page.DISCOVERY, state) == Page.PASSWORD
    assert next_page(Page.PASSWORD, state) == Page.MANUAL  # the service named nothing (yet)
    assert state.found_incoming and state.unconfirmed == {"mail.example.test"}  # only the risky guess
    assert blockers(Page.DISCOVERY, state) == []  # which need not be confirmed before the password
    state.found_outgoing, state.unconfirmed = True, set()  # the service named safe servers
    assert next_page(Page.PASSWORD, state) == Page.DEVICES
    assert next_page(Page.DEVICES, state) == Page.RECOMMENDATION
    assert next_page(Page.RECOMMENDATION, state) == Page.EXPORT  # the password was asked already
    assert next_page(Page.MANUAL, state) == Page.DEVICES
    state.unconfirmed = {"mail.example.test"}
    state.edit_manually = True  # the person types the settings: the usual order again
    assert next_page(Page.DISCOVERY, state) == Page.MANUAL
    assert next_page(Page.RECOMMENDATION, state) == Page.PASSWORD
    assert next_page(Page.PASSWORD, state) == Page.EXPORT
    plain = FlowState(discovery="done")
    assert next_page(Page.DISCOVERY, plain) == Page.MANUAL
    assert next_page(Page.RECOMMENDATION, plain) == Page.PASSWORD


def found(host: str, proto: str, port: int) -> ProbeResult:
    return ProbeResult(Candidate(proto, host, port, "ssl", "autodiscover"), "ok",  # type: ignore[arg-type]
                       tls=TlsFacts(version="TLSv1.3", verified=True))


def test_servers_the_answer_names_join_the_result_ranked_again() -> None:
    old = nothing_usable(asked())
    box = "box17.hoster.test"
    news = [found(box, "imap", 993), found(box, "smtp", 465)]
    outcome = SourceOutcome(candidates=[p.candidate for p in news],
                            reports=[SourceReport("autodiscover", URL, "found", "1 IMAP, 1 SMTP")])
    joined = join(old, outcome, news)
    assert joined.recommended["imap"] is news[0] and joined.recommended["smtp"] is news[1]
    codes = [w.code for w in joined.warnings]
    assert "no_incoming" not in codes and "no_outgoing" not in codes
    assert codes == ["certificate_problem"]  # still true of the guess, said again
    assert joined.sources == [*old.sources, *outcome.reports]
    assert [r.candidate.host for r in joined.candidates] == [box, "mail.example.test", box]
    assert old.recommended["imap"] is None  # the old result is left as it was
    exchange = SourceOutcome(warnings=[finding("exchange_only", domain="example.test")])
    only = join(old, exchange, [])
    assert "exchange_only" in [w.code for w in only.warnings] and only.recommended["imap"] is None


def test_an_answer_names_an_endpoint_already_tried_it_takes_its_place_when_better() -> None:
    old = nothing_usable(asked())
    same = ProbeResult(Candidate("imap", "mail.example.test", 993, "ssl", "autodiscover"), "tls_error",
                       tls=TlsFacts(verified=False, problems=["hostname_mismatch"]))
    joined = join(old, SourceOutcome(candidates=[same.candidate]), [same])
    assert [r.candidate.source for r in joined.candidates] == ["autodiscover"]  # ranks above a guess


def test_every_sentence_has_its_placeholders() -> None:
    request = auth_request(nothing_usable(asked()))
    assert request is not None
    record = not_sent(request, "outside_domain")
    for code, template in TEXTS.items():
        assert template.format(**record.params), code
