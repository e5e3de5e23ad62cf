"""What the wizard keeps belongs to what it was given for: a confirmation of a risky server to the results
it confirmed (and it names every risk of the host), a sign-in or a test of settings typed by hand to the
address, servers and password it tested. A newer run, address, password or edit voids it."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from assistant.core.model.results import Candidate, DiscoveryResult, ProbeResult, TlsFacts
from assistant.core.setup.flow import Page
from assistant.gui.wizard import SetupWizard
from tests.gui import walk
from tests.gui.conftest import CERT_PROBLEM, FOUND, NOTHING
from tests.gui.walk import click_next, page, wait_discovery

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

MakeWizard = Callable[..., SetupWizard]
HOST = "expired.tlsbad.test"


def test_check_again_asks_for_the_confirmation_again(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    """A new run may see a different certificate: the old "I understand" must not pin it silently."""
    wiz = make_wizard()
    disc = walk.to_discovery(qtbot, wiz, CERT_PROBLEM)
    next_btn = wiz.button(wiz.WizardButton.NextButton)
    qtbot.mouseClick(disc.confirm_boxes[HOST], Qt.MouseButton.LeftButton)
    assert next_btn.isEnabled() and HOST in wiz.session.confirmed
    qtbot.mouseClick(disc.again_btn, Qt.MouseButton.LeftButton)
    wait_discovery(qtbot, wiz)
    assert wiz.session.state.discovery == "done"
    assert wiz.session.confirmed == set()
    assert not disc.confirm_boxes[HOST].isChecked()
    assert not next_btn.isEnabled()
    assert wiz.session.pins() == {}


def test_a_new_address_asks_for_the_confirmation_again(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    wiz = make_wizard()
    disc = walk.to_discovery(qtbot, wiz, CERT_PROBLEM)
    qtbot.mouseClick(disc.confirm_boxes[HOST], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wiz.button(wiz.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert page(wiz) is Page.ADDRESS
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    assert wiz.session.confirmed == set() and not disc.confirm_boxes[HOST].isChecked()
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()


def test_a_late_sign_in_result_never_lands_on_a_changed_password(
        qtbot: QtBot, make_wizard: MakeWizard, accounts: dict[str, str]) -> None:
    """The result is queued when the person types: it belongs to the old password and must be dropped."""
    wiz = make_wizard()
    walk.to_discovery(qtbot, wiz, FOUND)
    pw = walk.to_password(qtbot, wiz)
    pw.password.setText(accounts[FOUND])
    qtbot.mouseClick(pw.test_btn, Qt.MouseButton.LeftButton)
    future = wiz.worker.current.future if wiz.worker.current else None
    assert future is not None
    concurrent.futures.wait([future], timeout=60)  # done on the worker; its signal still in the queue
    assert future.done()
    pw.password.setText(accounts[FOUND] + "x")
    qtbot.wait(200)  # deliver the queued signals
    assert wiz.session.signin is None and pw.result.text() == ""
    assert wiz.session.state.signin != "running"
    assert pw.test_btn.isEnabled() and not pw.stop_btn.isEnabled()


def test_every_risk_of_a_host_is_listed_before_its_one_confirmation(
        qtbot: QtBot, make_wizard: MakeWizard) -> None:
    """One host for IMAP (bad certificate) and SMTP (no encryption): one box, and both risks above it."""
    wiz = make_wizard()
    disc = walk.to_discovery(qtbot, wiz, FOUND)
    host = "mail.srv.test"
    imap = ProbeResult(Candidate("imap", host, 993, "ssl", "srv"), "tls_error",
                       tls=TlsFacts(verified=False, problems=["expired"]))
    smtp = ProbeResult(Candidate("smtp", host, 587, "plain", "srv"), "ok")
    result = DiscoveryResult(address=FOUND, domain="srv.test", domain_unicode="srv.test",
                             candidates=[imap, smtp])
    disc._finished(result)
    assert list(disc.confirm_boxes) == [host]
    problems = " ".join(w.text() for w in disc.decisions.findChildren(QLabel))
    assert "could not be verified" in problems
    assert "port 587" in problems and "without encryption" in problems


@pytest.mark.real_servers  # the test of the settings typed by hand talks to them
def test_a_manual_test_result_does_not_outlive_an_edit(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    """'Both servers answered with verified encryption' must not stay next to a server nobody tested."""
    wiz = make_wizard()
    walk.to_discovery(qtbot, wiz, NOTHING)
    walk.to_manual(qtbot, wiz)
    manual = walk.by_hand(qtbot, wiz, "imap.srv.test", "smtp.srv.test")
    s = wiz.session
    assert "verified" in manual.test_status.text()
    manual.incoming.host.setText("imap.fallback.test")
    assert s.manual_probes == {} and manual.test_status.text() == "Not tested yet."
    assert s.state.manual_check == "untested"
    # and a result still on its way when the settings change is dropped
    qtbot.mouseClick(manual.test_btn, Qt.MouseButton.LeftButton)
    manual.incoming.host.setText("imap.srv.test")
    qtbot.wait(3000)
    assert s.manual_probes == {} and manual.test_status.text() == "Not tested yet."
    assert manual.test_btn.isEnabled()


def test_a_sign_in_result_does_not_carry_over_to_another_address(
        qtbot: QtBot, make_wizard: MakeWizard, accounts: dict[str, str]) -> None:
    """Same domain, same servers, another person: alice's proved user name must not go into bob's profile."""
    wiz = make_wizard()
    walk.to_discovery(qtbot, wiz, FOUND)
    pw = walk.to_password(qtbot, wiz)
    pw.password.setText(accounts[FOUND])
    qtbot.mouseClick(pw.test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.session.state.signin == "done", timeout=60000)
    assert wiz.session.signin is not None and wiz.session.signin.ok
    while page(wiz) is not Page.ADDRESS:
        qtbot.mouseClick(wiz.button(wiz.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    addr = wiz.pages[Page.ADDRESS]
    addr.address.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(addr.address, "bob@srv.test")  # type: ignore[attr-defined]
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    for _ in range(3):
        click_next(qtbot, wiz)
    assert page(wiz) is Page.PASSWORD
    assert wiz.session.signin is None and pw.result.text() == ""
    assert FOUND not in {s.username for s in wiz.session.account().incoming}


def test_back_while_checking_and_next_again_checks_again(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    """The cancelled run's late "cancelled" signal must not make the next visit look already finished."""
    wiz = make_wizard(timeout=60.0)
    qtbot.keyClicks(wiz.pages[Page.ADDRESS].address, FOUND)  # type: ignore[attr-defined]
    click_next(qtbot, wiz)
    assert wiz.session.state.discovery == "running"
    qtbot.mouseClick(wiz.button(wiz.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert page(wiz) is Page.ADDRESS
    qtbot.waitUntil(lambda: not wiz.worker.busy, timeout=5000)
    qtbot.wait(200)  # deliver the cancelled job's signals
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    s = wiz.session
    assert s.state.discovery == "done" and s.result is not None and s.result.domain == "srv.test"


def test_gui_steps_never_outlast_a_short_timeout() -> None:
    """``gui --timeout 2``: like ``probe --timeout 2``, no connect, conversation, fetch or DNS query may be
    allowed longer than the whole run (else it ends as "not finished in time" instead of its own cause)."""
    from assistant.gui.app import Options, settings_from
    s = settings_from(Options(timeout=2.0))
    assert s.timeout == 2.0
    assert max(s.connect_timeout, s.endpoint_timeout, s.http_timeout, s.resolver.lifetime) <= 2.0
    roomy = settings_from(Options(timeout=60.0))
    assert roomy.endpoint_timeout < 60.0  # the per-step limits themselves are kept
