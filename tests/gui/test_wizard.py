"""Walking the whole wizard as a person would (mouse and keyboard): end to end against the real test
servers, and each branch on the fake discovery."""

from __future__ import annotations

import plistlib
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assistant.core.profiles import import_profile
from assistant.core.setup.flow import Page
from assistant.core.signin import keychain
from assistant.gui.pages.discovery import DiscoveryPage
from assistant.gui.pages.export import ExportPage
from assistant.gui.pages.manual import ManualPage
from assistant.gui.pages.password import PasswordPage
from assistant.gui.signin_text import keychain_text
from assistant.gui.wizard import SetupWizard
from tests.gui.conftest import CERT_PROBLEM, FOUND, NOTHING, OUTSIDE, SILENT
from tests.gui.walk import by_hand, click_next, page, to_discovery, to_manual, to_password, wait_discovery
from tests.support.keyrings import LockedKeyring, MemoryKeyring

# Fail on Qt warnings, except the offscreen platform's note that it cannot resize native windows.
pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

MakeWizard = Callable[..., SetupWizard]


@pytest.mark.real_servers  # the end-to-end walk in English, discovery included
def test_found_servers_to_exported_profiles(qtbot: QtBot, make_wizard: MakeWizard, tmp_path: Path,
                                           memory_keyring: MemoryKeyring) -> None:
    wiz = make_wizard()
    next_btn = wiz.button(wiz.WizardButton.NextButton)
    assert not next_btn.isEnabled()  # nothing typed yet
    disc = to_discovery(qtbot, wiz, FOUND)
    s = wiz.session
    assert s.state.discovery == "done" and s.state.discovered_usable and not s.state.unconfirmed
    assert disc.tables["imap"].rowCount() >= 1 and disc.tables["smtp"].rowCount() >= 1
    assert disc.tables["imap"].item(0, 0).text() == "imap.srv.test"
    assert disc.tables["imap"].cellWidget(0, 2).kind == "verified"  # type: ignore[attr-defined]
    assert disc.confirm_boxes == {}
    disc.tables["imap"].selectRow(0)
    details = disc.details.pane.toPlainText()
    assert "imap.srv.test" in details and "Capabilities" in details
    checks = [disc.details.checks.item(i).text() for i in range(disc.details.checks.count())]
    assert any(c.startswith("✔") and "imap.srv.test" in c for c in checks), checks
    click_next(qtbot, wiz)
    assert page(wiz) is Page.DEVICES
    devices = wiz.pages[Page.DEVICES]
    devices.phone.setChecked(True)  # type: ignore[attr-defined]
    devices.programs["iphone"].setChecked(True)  # type: ignore[attr-defined]
    click_next(qtbot, wiz)
    assert page(wiz) is Page.RECOMMENDATION
    assert s.recommendation is not None and s.recommendation.protocol == "imap"
    rec_page = wiz.pages[Page.RECOMMENDATION]
    assert "IMAP" in rec_page.headline.text()  # type: ignore[attr-defined]
    assert rec_page.radios["pop3"].isEnabled()  # type: ignore[attr-defined]
    rec_page.radios["pop3"].setChecked(True)  # type: ignore[attr-defined]
    assert s.protocol == "pop3"
    rec_page.radios["imap"].setChecked(True)  # type: ignore[attr-defined]
    click_next(qtbot, wiz)
    assert page(wiz) is Page.PASSWORD
    pw = wiz.pages[Page.PASSWORD]
    assert isinstance(pw, PasswordPage)
    assert pw.password.echoMode() == pw.password.EchoMode.Password
    qtbot.keyClicks(pw.password, "s3cret")
    pw.remember.setChecked(True)
    click_next(qtbot, wiz)
    assert memory_keyring.store == {(keychain.SERVICE, FOUND): "s3cret"}
    assert page(wiz) is Page.EXPORT
    export = wiz.pages[Page.EXPORT]
    assert isinstance(export, ExportPage)
    assert export.formats["sheet"].isChecked() and export.formats["mobileconfig"].isChecked()  # a phone
    assert not export.admin.isChecked()  # the domain's files are for its administrators, off by default
    export.admin.setChecked(True)
    assert not export.formats["autoconfig"].isChecked()  # unticked until chosen
    export.formats["autoconfig"].setChecked(True)
    export.formats["autodiscover"].setChecked(True)
    export.folder.setText(str(tmp_path))
    saved = export.save()
    names = {p.name for p in saved}
    assert names == {"config-v1.1.xml", "autodiscover.xml", "alice_at_srv.test.mobileconfig",
                     "alice_at_srv.test-mail-settings.html"}
    for path in saved:
        data = path.read_bytes()
        assert b"s3cret" not in data
        if path.suffix != ".html":
            account = import_profile(data, str(path))
            assert account.incoming[0].host == "imap.srv.test" and account.incoming[0].protocol == "imap"
            assert account.outgoing[0].host == "smtp.srv.test"
        else:
            assert b"imap.srv.test" in data and b"smtp.srv.test" in data
    plist = plistlib.loads((tmp_path / "alice_at_srv.test.mobileconfig").read_bytes())
    assert plist["PayloadContent"][0]["IncomingMailServerHostName"] == "imap.srv.test"
    pdf = export.save_pdf(str(tmp_path / "sheet.pdf"))
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert wiz.prefs.value("export/folder") == str(tmp_path)
    click_next(qtbot, wiz)
    assert page(wiz) is Page.DONE
    done = wiz.pages[Page.DONE]
    qtbot.mouseClick(done.copy_btn, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    report = QApplication.clipboard().text()
    assert "imap.srv.test" in report and "srv.test" in report
    assert "s3cret" not in report and "alice@" not in report
    assert "config-v1.1.xml" in done.summary.text()  # type: ignore[attr-defined]


def test_nothing_found_leads_to_manual_settings_that_can_be_tested(
        qtbot: QtBot, make_wizard: MakeWizard, world: object) -> None:
    wiz = make_wizard()
    to_discovery(qtbot, wiz, NOTHING)
    s = wiz.session
    assert s.state.discovery == "done" and not s.state.discovered_usable
    click_next(qtbot, wiz)
    assert page(wiz) is Page.MANUAL
    manual = wiz.pages[Page.MANUAL]
    assert isinstance(manual, ManualPage)
    manual.incoming.host.setText("bad host name")
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()
    assert manual.incoming.host_problem.text()
    manual.incoming.host.setText("imap.srv.test")  # served by the good Dovecot
    manual.outgoing.host.setText("smtp.srv.test")
    assert manual.incoming.port.value() == 993 and manual.outgoing.port.value() == 465
    manual.outgoing.security.setCurrentIndex(manual.outgoing.security.findData("starttls"))
    assert manual.outgoing.port.value() == 587
    qtbot.mouseClick(manual.test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(s.manual_probes) == 2, timeout=30000)
    assert s.manual_probes["imap"].secure and s.manual_probes["smtp"].secure
    assert "verified" in manual.test_status.text()
    click_next(qtbot, wiz)
    assert page(wiz) is Page.DEVICES
    click_next(qtbot, wiz)
    account = s.account()
    assert account.incoming[0].host == "imap.srv.test" and account.outgoing[0].port == 587


@pytest.mark.real_servers  # the settings typed by hand are tested against them
def test_plaintext_by_hand_needs_its_own_confirmation(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    wiz = make_wizard()
    to_discovery(qtbot, wiz, NOTHING)
    to_manual(qtbot, wiz)
    manual = by_hand(qtbot, wiz, "imap.srv.test", "smtp.srv.test", test=False)
    manual.incoming.security.setCurrentIndex(manual.incoming.security.findData("plain"))
    assert manual.plain_confirm.isVisible() and not manual.plain_confirm.isChecked()
    assert "imap.srv.test" in manual.plain_confirm.text()
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()
    manual.plain_confirm.setChecked(True)
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()  # and it must be tested
    qtbot.mouseClick(manual.test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.session.state.manual_check in ("ok", "failed"), timeout=30000)
    assert wiz.session.state.manual_check == "ok", manual.test_status.text()
    click_next(qtbot, wiz)
    assert page(wiz) is Page.DEVICES


@pytest.mark.parametrize(("address", "host", "words"), [
    (CERT_PROBLEM, "expired.tlsbad.test", "certificate"),
    (OUTSIDE, "imap.provider-elsewhere.test", "outside"),
])
def test_risky_server_needs_a_specific_confirmation(qtbot: QtBot, make_wizard: MakeWizard, address: str,
                                                   host: str, words: str) -> None:
    wiz = make_wizard()
    disc = to_discovery(qtbot, wiz, address)
    s = wiz.session
    assert s.state.unconfirmed == {host}
    next_btn = wiz.button(wiz.WizardButton.NextButton)
    assert not next_btn.isEnabled()
    assert disc.blocker.isVisible() and "Confirm" in disc.blocker.text()
    box = disc.confirm_boxes[host]
    assert not box.isChecked() and host in box.text() and "I understand the risks" in box.text()
    problems = " ".join(w.text() for w in disc.decisions.findChildren(type(disc.status)))
    assert host in problems and words in problems
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert next_btn.isEnabled()
    click_next(qtbot, wiz)
    assert page(wiz) is Page.DEVICES
    assert s.account().incoming[0].host == host
    assert host in s.report()


def test_risky_server_can_be_avoided_by_entering_settings_by_hand(qtbot: QtBot,
                                                                 make_wizard: MakeWizard) -> None:
    wiz = make_wizard()
    disc = to_discovery(qtbot, wiz, OUTSIDE)
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()
    disc.manual_box.setChecked(True)
    click_next(qtbot, wiz)
    assert page(wiz) is Page.MANUAL


def test_cancel_during_discovery_really_cancels(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    wiz = make_wizard(timeout=60.0)
    addr = wiz.pages[Page.ADDRESS]
    qtbot.keyClicks(addr.address, SILENT)  # type: ignore[attr-defined]
    click_next(qtbot, wiz)
    disc = wiz.pages[Page.DISCOVERY]
    assert isinstance(disc, DiscoveryPage)
    assert wiz.session.state.discovery == "running" and wiz.worker.busy
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()
    qtbot.waitUntil(lambda: any("hang.silent.test" in disc.details.checks.item(i).text()
                                for i in range(disc.details.checks.count())), timeout=20000)
    qtbot.mouseClick(disc.cancel_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.session.state.discovery == "cancelled", timeout=5000)
    qtbot.waitUntil(lambda: not wiz.worker.busy, timeout=5000)
    assert wiz.session.result is None
    assert disc.again_btn.isEnabled() and not disc.cancel_btn.isEnabled()
    click_next(qtbot, wiz)
    assert page(wiz) is Page.MANUAL


def test_locked_keychain_gives_a_clear_message_and_the_wizard_carries_on(
        qtbot: QtBot, make_wizard: MakeWizard) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    try:
        wiz = make_wizard()
        to_discovery(qtbot, wiz, FOUND)
        pw = to_password(qtbot, wiz)
        qtbot.keyClicks(pw.password, "hunter2")
        pw.remember.setChecked(True)
        click_next(qtbot, wiz)
    finally:
        keyring.set_keyring(before)
    assert page(wiz) is Page.EXPORT
    s = wiz.session
    message = keychain_text(s)
    assert s.keychain == "locked" and "locked" in message and "hunter2" not in message
    export = wiz.pages[Page.EXPORT]
    assert isinstance(export, ExportPage)
    assert export.banner.isVisible() and export.banner.text() == message
    click_next(qtbot, wiz)
    assert message in wiz.pages[Page.DONE].summary.text()  # type: ignore[attr-defined]
    assert "hunter2" not in s.report()


def test_back_to_address_and_a_new_address_runs_the_checks_again(qtbot: QtBot,
                                                                 make_wizard: MakeWizard) -> None:
    wiz = make_wizard()
    to_discovery(qtbot, wiz, FOUND)
    qtbot.mouseClick(wiz.button(wiz.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert page(wiz) is Page.ADDRESS
    addr = wiz.pages[Page.ADDRESS]
    addr.address.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(addr.address, "not an address")  # type: ignore[attr-defined]
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()
    assert addr.problem.isVisible() and addr.problem.text()  # type: ignore[attr-defined]
    addr.address.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(addr.address, NOTHING)  # type: ignore[attr-defined]
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    assert wiz.session.result is not None and wiz.session.result.domain == "dead.fallback.test"


def test_prefilled_address_and_keyboard_only_start(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    wiz = make_wizard(address=FOUND)
    addr = wiz.pages[Page.ADDRESS]
    assert addr.address.text() == FOUND  # type: ignore[attr-defined]
    wiz.activateWindow()
    qtbot.waitUntil(wiz.isActiveWindow, timeout=5000)
    addr.address.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(addr.address, Qt.Key.Key_Tab)  # type: ignore[attr-defined]
    assert QApplication.focusWidget() is addr.name  # type: ignore[attr-defined]
    qtbot.keyClicks(QApplication.focusWidget(), "Alice Example")
    assert wiz.session.display_name == "Alice Example"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the default button is Next
    assert page(wiz) is Page.DISCOVERY
    wait_discovery(qtbot, wiz)
    assert wiz.session.state.discovered_usable


def focus_ring(qtbot: QtBot, wiz: SetupWizard, presses: int = 80) -> list[object]:
    """The widgets Tab visits, in order, starting from the page's initial focus."""
    seen: list[object] = []
    for _ in range(presses):
        w = QApplication.focusWidget()
        assert w is not None, "nothing has the keyboard focus"
        if w in seen:
            break
        seen.append(w)
        qtbot.keyClick(w, Qt.Key.Key_Tab)
    return seen


def test_every_control_is_reachable_by_keyboard(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QWidget
    wiz = make_wizard(address=FOUND)
    wiz.activateWindow()
    qtbot.waitUntil(wiz.isActiveWindow, timeout=5000)
    for step in range(8):
        current = wiz.currentPage()
        qtbot.wait(20)
        ring = focus_ring(qtbot, wiz)
        controls = [w for w in current.findChildren(QWidget)
                    if isinstance(w, QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox)
                    and w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        missing = [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}" for w in controls
                   if w not in ring and w.parent() not in ring]  # a spin box's editor: the box has focus
        assert missing == [], f"not reachable with Tab on {page(wiz).name}: {missing}"
        assert wiz.button(wiz.WizardButton.CancelButton) in ring
        if step == 0:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
            wait_discovery(qtbot, wiz)
        elif page(wiz) is not Page.DONE:
            click_next(qtbot, wiz)
    assert page(wiz) is Page.DONE
