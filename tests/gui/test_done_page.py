"""The honest ending: the last page's first sentence follows the verdict (never "ready" after a failure) in
English and zh_TW, its button goes where the next step is done, each mail program gets copyable steps with
the real address, and Next on the export page saves the files. Settings typed by hand and the sign-in are
tested against the test world's real servers; the rest runs on the fake discovery."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assistant.core.profiles import import_profile
from assistant.core.setup.flow import Page
from assistant.gui.pages.export import ExportPage
from assistant.gui.pages.manual import ManualPage
from assistant.gui.wizard import SetupWizard
from tests.gui import walk
from tests.gui.conftest import CERT_PROBLEM, FOUND, NOTHING
from tests.gui.walk import click_next, page, wait_discovery

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

MakeWizard = Callable[..., SetupWizard]
MISSING = "zed@nosuch.test"  # the test world's DNS (and the fake) answers NXDOMAIN for this domain

# The first words of the last page, per verdict and language.
FIRST = {
    ("ready", "en"): f"✔ Your account {FOUND} is ready to use.",  # after a sign-in that worked
    ("ready", "zh_TW"): f"✔ 您的帳戶 {FOUND} 已經可以使用。",
    ("ready_unproved", "en"): f"✔ The settings for {FOUND} work; your password has not been tested.",
    ("ready_unproved", "zh_TW"): f"✔ {FOUND} 的設定可以使用；您的密碼還沒有測試過。",
    ("ready_with_risk", "en"): f"⚠ Your account {CERT_PROBLEM} can be used, with a risk you accepted.",
    ("ready_with_risk", "zh_TW"): f"⚠ 您的帳戶 {CERT_PROBLEM} 可以使用，但您接受了一項風險。",
    ("not_working", "en"): f"✖ Your account {NOTHING} is not working yet.",
    ("not_working", "zh_TW"): f"✖ 您的帳戶 {NOTHING} 目前還無法使用。",
}


def by_hand_failing(qtbot: QtBot, wiz: SetupWizard) -> ManualPage:
    """Settings by hand for a server that does not answer, tested (and failed)."""
    assert page(wiz) is Page.DISCOVERY
    walk.to_manual(qtbot, wiz)
    manual = walk.by_hand(qtbot, wiz, "dead.fallback.test", "dead.fallback.test")  # resolves, nobody listens
    assert not any(p.status == "ok" for p in wiz.session.manual_probes.values())
    assert manual.accept_box.isVisible()  # "These settings did not work. Continue anyway?" — yes
    manual.accept_box.setChecked(True)
    assert wiz.session.manual_failure_accepted
    return manual


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_found_ends_ready_with_the_steps_for_each_program(qtbot: QtBot, make_wizard: MakeWizard,
                                                        lang: str) -> None:
    wiz = make_wizard(lang=lang)
    walk.to_discovery(qtbot, wiz, FOUND, typed=False)
    done = walk.to_done(qtbot, wiz, ("outlook", "iphone"))
    assert done.verdict.text().startswith(FIRST[("ready_unproved", lang)]), done.verdict.text()
    assert done.title() == {"en": "Settings ready", "zh_TW": "設定已就緒"}[lang]  # nobody signed in
    assert not done.action.isVisible()  # nothing to go back for
    assert [p.steps.program for p in done.panels] == ["outlook", "iphone"]
    assert not done.phone_box.isHidden()
    iphone = done.panels[1]
    assert ".mobileconfig" in iphone.text.text()  # saved on Next, so the iPhone opens it
    qtbot.mouseClick(done.panels[0].copy_btn, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert "imap.srv.test" in copied and "993" in copied and FOUND in copied and "%" not in copied
    saved = {p.suffix for p in wiz.session.exported}
    assert saved == {".html", ".mobileconfig"}  # Next saved the sheet and the Apple profile


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_a_confirmed_certificate_problem_ends_ready_with_that_risk(qtbot: QtBot, make_wizard: MakeWizard,
                                                                  lang: str) -> None:
    wiz = make_wizard(lang=lang)
    walk.to_discovery(qtbot, wiz, CERT_PROBLEM, typed=False)
    disc = wiz.pages[Page.DISCOVERY]
    [box] = disc.confirm_boxes.values()  # type: ignore[attr-defined]
    box.setChecked(True)
    done = walk.to_done(qtbot, wiz)
    assert done.verdict.text().startswith(FIRST[("ready_with_risk", lang)]), done.verdict.text()
    assert "expired.tlsbad.test" in done.why.text()
    assert wiz.session.outcome().reasons[0] == "certificate_problem"


@pytest.mark.real_servers  # the settings typed by hand are tested against them
@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_nothing_found_never_ends_ready(qtbot: QtBot, make_wizard: MakeWizard, lang: str) -> None:
    wiz = make_wizard(lang=lang)
    walk.to_discovery(qtbot, wiz, NOTHING, typed=False)
    by_hand_failing(qtbot, wiz)
    click_next(qtbot, wiz)
    export = wiz.pages[Page.EXPORT]
    done = walk.to_done(qtbot, wiz)
    text = done.verdict.text()
    assert text.startswith(FIRST[("not_working", lang)]), text
    assert "ready" not in text and "可以使用" not in text
    # The codes, with the cause of each failure (both servers refused the connection).
    assert "Outcome: not_working (manual_failed, failure_accepted, refused)" in wiz.session.report()
    shown = done.report.toPlainText()  # the same in words, in the interface language
    outcome = {"en": "Outcome: Not working yet (The server settings did not work when they were tested. "
                     "You chose to continue anyway. dead.fallback.test refused connections on port 993",
               "zh_TW": "結果：目前還無法使用（伺服器設定在測試時無法使用。您選擇繼續進行。"
                        "dead.fallback.test 拒絕了連接埠 993 的連線"}[lang]
    assert outcome in shown, shown
    assert "manual_failed" not in shown
    qtbot.mouseClick(done.copy_btn, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert copied.startswith(shown) and copied.endswith(wiz.session.report())  # words, then the codes
    assert done.title() == {"en": "Not working yet", "zh_TW": "目前還無法使用"}[lang]
    assert isinstance(export, ExportPage) and wiz.session.exported == []  # nothing ticked for a dead end
    assert done.panels == [] and done.phone_box.isHidden()  # no steps, no phone code that could not work
    assert done.action.isVisible()
    qtbot.mouseClick(done.action, Qt.MouseButton.LeftButton)
    assert page(wiz) is Page.MANUAL  # "Change the settings"


@pytest.mark.real_servers  # the settings typed by hand are tested against them
def test_untested_settings_by_hand_cannot_end_as_ready(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    """Typed-in settings are "untested" until the test ran: Next waits for it, the verdict says so."""
    wiz = make_wizard()
    walk.to_discovery(qtbot, wiz, NOTHING, typed=False)
    click_next(qtbot, wiz)
    manual = wiz.pages[Page.MANUAL]
    manual.incoming.host.setText("imap.srv.test")  # type: ignore[attr-defined]
    manual.outgoing.host.setText("smtp.srv.test")  # type: ignore[attr-defined]
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()
    verdict = wiz.session.outcome()
    assert verdict.status == "untested" and not verdict.usable
    assert verdict.headline().startswith("The settings for bob@dead.fallback.test were not tested")
    walk.by_hand(qtbot, wiz, "imap.srv.test", "smtp.srv.test")
    assert wiz.button(wiz.WizardButton.NextButton).isEnabled()
    done = walk.to_done(qtbot, wiz)
    assert done.verdict.text().startswith("✔"), done.verdict.text()
    [sheet] = [p for p in wiz.session.exported if p.suffix == ".html"]
    assert "were not tested" not in sheet.read_text()


@pytest.mark.real_servers  # the settings typed by hand are tested against them
@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_a_domain_that_does_not_exist_says_check_the_spelling_and_changes_address(
        qtbot: QtBot, make_wizard: MakeWizard, lang: str) -> None:
    wiz = make_wizard(lang=lang)
    walk.to_discovery(qtbot, wiz, MISSING, typed=False)
    assert wiz.session.state.discovery == "failed" and wiz.session.discovery_error is not None
    assert wiz.session.discovery_error.code == "nxdomain"
    click_next(qtbot, wiz)
    walk.by_hand(qtbot, wiz, "imap.srv.test", "smtp.srv.test")
    done = walk.to_done(qtbot, wiz)
    words = {"en": "nosuch.test does not exist — check the spelling.", "zh_TW": "nosuch.test 不存在"}[lang]
    assert words in done.verdict.text() and "✖" in done.verdict.text()
    assert done.action.text() == {"en": "Change add&ress", "zh_TW": "變更地址(&R)"}[lang]
    qtbot.mouseClick(done.action, Qt.MouseButton.LeftButton)
    assert page(wiz) is Page.ADDRESS
    address = wiz.pages[Page.ADDRESS].address  # type: ignore[attr-defined]
    assert address.text() == MISSING
    qtbot.waitUntil(lambda: address.selectedText() == MISSING, timeout=2000)  # typing replaces it
    address.setText(FOUND)
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    assert wiz.session.state.discovered_usable
    assert walk.to_done(qtbot, wiz).verdict.text().startswith("✔")


def test_next_on_the_export_page_saves_into_a_new_folder_and_refuses_on_error(
        qtbot: QtBot, make_wizard: MakeWizard, tmp_path: Path) -> None:
    wiz = make_wizard()
    walk.to_discovery(qtbot, wiz, FOUND, typed=False)
    while page(wiz) is not Page.EXPORT:
        click_next(qtbot, wiz)
    export = wiz.pages[Page.EXPORT]
    assert isinstance(export, ExportPage)
    assert export.formats["sheet"].isChecked() and not export.formats["mobileconfig"].isChecked()
    assert not export.admin.isChecked() and not export.w.chosen().count("autoconfig")
    admin_files = (export.formats["autoconfig"], export.formats["autodiscover"])
    assert not any(box.isChecked() for box in admin_files)  # nothing looks chosen inside the section
    export.admin.setChecked(True)
    assert all(box.isEnabled() and not box.isChecked() for box in admin_files)  # chosen one by one
    admin_files[0].setChecked(True)
    export.admin.setChecked(False)
    assert not any(box.isChecked() for box in admin_files)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    export.folder.setText(str(blocker / "inside"))
    click_next(qtbot, wiz)
    assert page(wiz) is Page.EXPORT and export.status.text()  # the error is shown, Next refused
    export.admin.setChecked(True)
    for box in admin_files:
        box.setChecked(True)
    target = tmp_path / "new" / "folder"
    export.folder.setText(str(target))
    click_next(qtbot, wiz)
    assert page(wiz) is Page.DONE
    names = sorted(p.name for p in target.iterdir())
    assert names == ["alice_at_srv.test-mail-settings.html", "autodiscover.xml", "config-v1.1.xml"]
    assert import_profile((target / "config-v1.1.xml").read_bytes(), "x").incoming[0].host == "imap.srv.test"
    assert "config-v1.1.xml" in wiz.pages[Page.DONE].summary.text()  # type: ignore[attr-defined]
    assert export.status.text().startswith(f"Saved in {target}")
    assert "technical detail" not in export.status.text()  # the address is left out of autoconfig by design
    qtbot.mouseClick(wiz.button(wiz.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    click_next(qtbot, wiz)  # the same files again: this setup wrote them, so nothing asks to replace
    assert page(wiz) is Page.DONE


def test_a_rejected_password_ends_not_working_and_goes_back_to_the_password(
        qtbot: QtBot, make_wizard: MakeWizard, accounts: dict[str, str]) -> None:
    wiz = make_wizard(timeout=30.0)
    walk.to_discovery(qtbot, wiz, FOUND, typed=False)
    wiz.pages[Page.DEVICES].programs["thunderbird"].setChecked(True)  # type: ignore[attr-defined]
    pw = walk.to_password(qtbot, wiz)
    walk.sign_in(qtbot, wiz, pw, accounts[FOUND] + "-typo")
    done = walk.to_done(qtbot, wiz)
    text = done.verdict.text()
    assert text.startswith(f"✖ Your account {FOUND} is not working yet.")
    assert "did not accept your user name or password" in text and "Check your password" in text
    assert [p.steps.program for p in done.panels] == ["thunderbird"]  # the servers are right: keep the steps
    assert done.action.text() == "Try the pass&word again"
    qtbot.mouseClick(done.action, Qt.MouseButton.LeftButton)
    assert page(wiz) is Page.PASSWORD
    walk.sign_in(qtbot, wiz, pw, accounts[FOUND])
    assert walk.to_done(qtbot, wiz).verdict.text().startswith(FIRST[("ready", "en")])
