"""Smaller behaviours of the wizard: why a server was not used, the proved user name in the profiles, the
keychain after a failed sign-in test, and check boxes that stay visible on a dark palette.

Against the real test world (dnsmasq, Dovecot) where a server is involved; the result-name rule is also
checked on plain result records, since which probes a run cuts short depends on timing.
"""

from __future__ import annotations

import plistlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QStyleFactory
from pytestqt.qtbot import QtBot

from assistant.core.model.results import Candidate, ProbeResult
from assistant.core.setup.flow import Page
from assistant.core.signin import keychain
from assistant.gui import i18n, style
from assistant.gui.pages.discovery import DiscoveryPage
from assistant.gui.pages.discovery_details import result_text
from assistant.gui.pages.export import ExportPage
from assistant.gui.text import result_name
from assistant.gui.wizard import SetupWizard
from tests.gui.conftest import CERT_PROBLEM, FOUND, click_next
from tests.gui.test_password_page import sign_in, to_discovery, to_password
from tests.support.keyrings import MemoryKeyring

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

MakeWizard = Callable[..., SetupWizard]


def _probe(stopped: str | None, status: str = "timeout") -> ProbeResult:
    c = Candidate("imap", "imap.example.test", 993, "ssl", "guess")
    return ProbeResult(candidate=c, status=status, stopped=stopped)  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "better", "deadline"), [
    ("en", "Not needed — a better server was found", "Ran out of time"),
    ("zh_TW", "不需要——已找到更好的伺服器", "時間已用完"),
])
def test_a_probe_cut_short_says_why_not_no_answer(qtbot: QtBot, lang: str, better: str,
                                                  deadline: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, lang)
    try:
        assert result_name(_probe("better_found")) == better
        assert result_name(_probe("deadline")) == deadline
        # A server that really stayed silent still says so.
        assert result_name(_probe(None)) == QCoreApplication.translate("text", "No answer")
    finally:
        i18n.install(app, "en")


def test_discovery_table_shows_why_each_server_was_not_used(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    wiz = make_wizard(timeout=30.0)
    disc = to_discovery(qtbot, wiz, FOUND)
    assert isinstance(disc, DiscoveryPage)
    shown = 0
    for proto, probes in disc.probes.items():
        table = disc.tables[proto]
        for row, probe in enumerate(probes):
            cell = table.item(row, 3)
            assert cell is not None and cell.text() == result_text(probe, wiz.session.selection)
            if probe.stopped is not None:
                assert cell.text() != "No answer"
                shown += 1
    assert disc.probes and any(disc.probes.values())
    # The run itself decides whether any probe was cut short; when one was, its row said why (above).
    assert shown == sum(1 for ps in disc.probes.values() for p in ps if p.stopped)


def test_profiles_use_the_user_name_the_sign_in_proved(qtbot: QtBot, make_wizard: MakeWizard,
                                                       accounts: dict[str, str], tmp_path: Path) -> None:
    wiz = make_wizard(timeout=30.0)
    disc = to_discovery(qtbot, wiz, CERT_PROBLEM)
    s = wiz.session
    imap = s.choices["imap"]
    assert imap is not None
    disc.confirm_boxes[imap.host].setChecked(True)
    assert s.account().incoming[0].username == "%EMAILADDRESS%"  # nothing proved yet: as found
    pw = to_password(qtbot, wiz)
    text = sign_in(qtbot, wiz, pw, accounts["carol"])
    result = s.signin
    assert result is not None and result.incoming.ok and result.incoming.username == "carol", text
    account = s.account()
    assert account.incoming[0].host == imap.host and account.incoming[0].username == "%EMAILLOCALPART%"
    assert s.account(proved=False).incoming[0].username == "%EMAILADDRESS%"
    outgoing = {CERT_PROBLEM: "%EMAILADDRESS%", "carol": "%EMAILLOCALPART%"}.get(
        result.outgoing.username or "", "%EMAILADDRESS%")
    assert account.outgoing[0].username == (outgoing if result.outgoing.ok else "%EMAILADDRESS%")
    click_next(qtbot, wiz)
    export = wiz.pages[Page.EXPORT]
    assert isinstance(export, ExportPage)
    autoconfig = export.profile_bytes("autoconfig").decode()
    assert "<username>%EMAILLOCALPART%</username>" in autoconfig
    plist = plistlib.loads(export.profile_bytes("mobileconfig"))
    mail = next(p for p in plist["PayloadContent"] if p.get("PayloadType") == "com.apple.mail.managed")
    assert mail["IncomingMailServerUsername"] == "carol"
    sheet = export.profile_bytes("sheet").decode()
    assert "carol" in sheet and CERT_PROBLEM not in sheet.split("User name", 1)[1][:200]


def test_a_failed_sign_in_keeps_the_password_out_of_the_keychain(
        qtbot: QtBot, make_wizard: MakeWizard, memory_keyring: MemoryKeyring) -> None:
    wiz = make_wizard(timeout=30.0)
    to_discovery(qtbot, wiz, FOUND)
    pw = to_password(qtbot, wiz)
    sign_in(qtbot, wiz, pw, "not-the-password")
    assert wiz.session.signin is not None and wiz.session.signin.incoming.code == "auth_failed"
    pw.remember.setChecked(True)
    click_next(qtbot, wiz)
    assert memory_keyring.store == {}
    assert wiz.session.keychain == "signin_rejected"
    message = wiz.session.keychain_message
    assert "not saved in the system keychain" in message and "rejected" in message
    export = wiz.pages[Page.EXPORT]
    assert isinstance(export, ExportPage)
    assert export.banner.text() == message and export.banner.isVisible()
    click_next(qtbot, wiz)
    assert message in wiz.pages[Page.DONE].summary.text()  # type: ignore[attr-defined]
    # A successful test with the right password stores it as before.
    wiz.back()
    wiz.back()
    assert wiz.currentId() == int(Page.PASSWORD)
    sign_in(qtbot, wiz, pw, "Gui-Alice-Pw-7!")
    assert wiz.session.signin is not None and wiz.session.signin.ok
    pw.remember.setChecked(True)
    click_next(qtbot, wiz)
    assert memory_keyring.store == {(keychain.SERVICE, FOUND): "Gui-Alice-Pw-7!"}
    assert wiz.session.keychain == "saved"


def _indicator_contrast(app: QApplication, box: QCheckBox) -> float:
    """The largest lightness difference between the unticked indicator's pixels and the window colour."""
    image = box.grab().toImage()
    window = box.palette().color(QPalette.ColorRole.Window).lightness()
    side = min(box.height(), 20)
    return max(abs(QColor(image.pixel(x, y)).lightness() - window) for x in range(side) for y in range(side))


def test_check_boxes_stay_visible_on_a_dark_palette(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before_style, before_palette = app.style().name(), app.palette()
    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
                         (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#e6e6e6"),
                         (QPalette.ColorRole.Button, "#353535")):
        dark.setColor(role, QColor(colour))
    try:
        app.setStyle("Fusion")
        app.setPalette(dark)
        box = QCheckBox("I understand the risks")
        qtbot.addWidget(box)
        box.resize(box.sizeHint())
        plain = _indicator_contrast(app, box)
        assert style.apply(app) and isinstance(app.style(), style.ReadableIndicators)
        assert not style.apply(app)  # never wrapped twice
        assert app.palette().color(QPalette.ColorRole.Window) == QColor("#2b2b2b")  # the palette stays
        readable = _indicator_contrast(app, box)
        assert plain < 40 <= readable, (plain, readable)
        app.setPalette(QPalette(QColor("#efefef")))  # a light palette: the style changes nothing
        assert not style.needs_readable_indicators(app)
    finally:
        app.setStyle(QStyleFactory.create(before_style))
        app.setPalette(before_palette)
