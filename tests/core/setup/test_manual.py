"""The session's rules for settings typed by hand: tested and working, or "did not work, continue anyway"
remembered until the settings change. Plain data, no network: ``manual_tested`` takes probe results."""

from __future__ import annotations

from assistant.core.model.account import ServerConfig
from assistant.core.model.address import EmailAddress
from assistant.core.model.results import Candidate, ProbeResult, TlsFacts
from assistant.core.net.settings import Settings
from assistant.core.setup import flow
from assistant.core.setup.diagnostics import diagnostics
from assistant.core.setup.session import SetupSession

IMAP = ServerConfig(protocol="imap", host="mail.example.test", port=993, security="ssl")
SMTP = ServerConfig(protocol="smtp", host="smtp.example.test", port=465, security="ssl")


def probes(status: str) -> list[ProbeResult]:
    return [ProbeResult(candidate=Candidate(s.protocol, s.host, s.port, s.security, "manual"),
                        status=status if s.protocol == "imap" else "ok",  # type: ignore[arg-type]
                        tls=TlsFacts(verified=True)) for s in (IMAP, SMTP)]


def session() -> SetupSession:
    s = SetupSession(lambda: Settings.create(), address=EmailAddress.parse("ann@example.test"))
    s.state.manual_valid = True
    s.set_manual(IMAP, SMTP)
    return s


def test_continue_anyway_only_after_a_failed_test_and_forgotten_when_the_settings_change() -> None:
    s = session()
    s.manual_failure_accepted = True  # nothing failed yet: nothing to accept
    assert not s.manual_failure_accepted
    assert flow.blockers(flow.Page.MANUAL, s.state) == ["manual_untested"]
    s.manual_test_status("testing")
    assert flow.blockers(flow.Page.MANUAL, s.state) == ["manual_testing"]
    assert s.manual_tested(probes("timeout"))
    assert flow.blockers(flow.Page.MANUAL, s.state) == ["manual_failed"]
    s.manual_failure_accepted = True
    assert s.manual_failure_accepted and flow.blockers(flow.Page.MANUAL, s.state) == []
    assert "continue anyway after a failed test: yes" in diagnostics(s)
    s.set_manual(IMAP, SMTP)  # the same settings keep their answer
    assert s.manual_failure_accepted
    s.set_manual(ServerConfig(protocol="imap", host="imap.example.test", port=993, security="ssl"), SMTP)
    assert not s.manual_failure_accepted and s.state.manual_check == "untested"
    assert "(UNTESTED)" in diagnostics(s)


def test_a_test_that_worked_opens_next_and_one_that_broke_counts_as_failed() -> None:
    s = session()
    assert s.manual_tested(probes("ok"))
    assert s.state.manual_check == "ok" and flow.blockers(flow.Page.MANUAL, s.state) == []
    assert "tested: ok" in diagnostics(s)
    s.manual_test_status("failed")  # a later test that could not complete
    assert s.manual_probes == {} and flow.blockers(flow.Page.MANUAL, s.state) == ["manual_failed"]
