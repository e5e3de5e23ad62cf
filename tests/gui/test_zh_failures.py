"""Traditional Chinese on the failure paths: every page a zh_TW user reaches shows no English word.

The walk goes, in zh_TW against the real test world, through a domain that does not exist, a typo in the
top-level domain (the DNS server refuses it), a plaintext-only server, an expired certificate, a server
outside the domain, and a domain where nothing answers. On each page it reaches (confirming risks and
selecting each server row so the details pane shows the probe's error) it reads every visible text: labels,
buttons, group titles, tabs, table cells, list rows, the details pane, the page title and the window title.
Any Latin word outside the allow-list (protocol names, host names, brands, numbers, file names, values read
from a certificate) is English that escaped translation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from assistant.core.setup.diagnostics_text import LABELS
from assistant.core.setup.flow import Page
from assistant.gui.text import DETAIL_LABELS
from assistant.gui.wizard import SetupWizard
from tests.gui.conftest import CERT_PROBLEM, FOUND, NO_DOMAIN, NOTHING, OUTSIDE, PLAINTEXT, TYPO
from tests.gui.walk import click_next, page, wait_discovery

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

MakeWizard = Callable[..., SetupWizard]

ALLOWED = {w.lower() for w in (
    "IMAP POP3 SMTP SSL TLS STARTTLS IDLE UIDL OAuth2 OAuth PKCS PDF HTML DNS NXDOMAIN SERVFAIL IPv4 IPv6 "
    "PREAUTH SHA CN MX SRV SOA AAAA ISP cafile HTTPS HTTP XML ISPDB autoconfig Autodiscover mobileconfig "
    "Apple iPhone iPad Outlook Thunderbird Android Windows macOS Linux Gmail K-9 Mail Mac Safari AirDrop "
    "iOS Wi-Fi Samsung Email "
    "App QR IT "  # product names as Taiwan writes them (QR 碼, IT 管理員, 在 Mac 上)
    "Python KiB AUTHENTICATE PLAIN LOGIN AUTH USER APOP CRAM-MD5 XOAUTH2"  # sign-in methods (diagnostics)
).split()} | {"thunderbird for android"}
HOST = re.compile(r"[\w.+…-]*@[\w.-]+|[\w.-]*[A-Za-z0-9-]\.[A-Za-z][\w.-]*")  # addresses, hosts, files
HEX = re.compile(r"\b[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2})+\b")
ACCEL = re.compile(r"\(&[^)]\)")  # 下一步(&N): the accelerator of a translated label
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_'-]*")
# Details-pane lines whose value is read from the server or its certificate, not written by us.
DATA_LINES = ("subject", "issuer", "fingerprint", "sans", "capabilities", "auth", "tls", "not_after",
              "address")


TAG = re.compile(r"<[^>]*>")  # rich-text markup of a label (the steps per program)
PATH = re.compile(r"(?:[A-Za-z]:)?[/\\][^\s，。、]*")  # a file or folder the person chose


def english_words(text: str) -> list[str]:
    text = text.replace("Thunderbird for Android", "Thunderbird")  # the app's name
    text = PATH.sub(" ", TAG.sub(" ", text))
    text = HEX.sub(" ", HOST.sub(" ", ACCEL.sub("", text).replace("&", "")))
    return [w for w in WORD.findall(text) if w.lower() not in ALLOWED and not w.isdigit()]


def data_prefixes() -> tuple[str, ...]:
    details = (QCoreApplication.translate("text", DETAIL_LABELS[k]).split("{0}")[0] for k in DATA_LINES)
    # The diagnostics' lines that quote this computer (its platform string) or the organisation's preset.
    diagnostics = (QCoreApplication.translate("diagnostics", LABELS[k]).split("{")[0]
                   for k in ("system", "preset"))
    return (*details, *diagnostics)


def texts(wiz: SetupWizard) -> Iterator[tuple[str, str]]:
    current = wiz.currentPage()
    yield "window title", wiz.windowTitle()
    yield "page title", current.title()
    yield "page subtitle", current.subTitle()
    for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                  QWizard.WizardButton.CancelButton, QWizard.WizardButton.FinishButton,
                  QWizard.WizardButton.CustomButton1):
        if wiz.button(which).isVisible():
            yield "wizard button", wiz.button(which).text()
    skip = data_prefixes()
    for w in current.findChildren(QWidget):
        if not w.isVisibleTo(wiz):
            continue
        name = type(w).__name__
        if isinstance(w, QLabel | QAbstractButton):
            yield name, w.text()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, QTabWidget):
            yield from ((name, w.tabText(i)) for i in range(w.count()))
        elif isinstance(w, QListWidget):
            yield from ((name, w.item(i).text()) for i in range(w.count()))
        elif isinstance(w, QTableWidget):
            for r in range(w.rowCount()):
                for c in range(w.columnCount()):
                    item = w.item(r, c)
                    if item is not None:
                        yield name, item.text()
            yield from ((name, w.horizontalHeaderItem(c).text()) for c in range(w.columnCount())
                        if w.horizontalHeaderItem(c) is not None)
        elif isinstance(w, QPlainTextEdit):
            lines = w.toPlainText().splitlines()
            # [0]: the details pane's host and port, the diagnostics' title
            yield from ((name, line) for line in lines[1:] if not line.startswith(skip))


def leftovers(wiz: SetupWizard) -> list[str]:
    out = []
    for where, text in texts(wiz):
        words = english_words(text)
        if words:
            out.append(f"{page(wiz).name} {where}: {text!r} ({' '.join(words)})")
    return out


def visit_discovery(qtbot: QtBot, wiz: SetupWizard, found: list[str]) -> None:
    """Read the page, then with Show details on and every server row selected in turn (the details pane
    shows each probe's facts and error)."""
    found.extend(leftovers(wiz))
    disc = wiz.pages[Page.DISCOVERY]
    if disc.details_btn.isVisible() and not disc.details_btn.isChecked():  # type: ignore[attr-defined]
        disc.details_btn.click()  # type: ignore[attr-defined]
        assert disc.details.isVisibleTo(wiz)  # type: ignore[attr-defined]
    for table in disc.tables.values():  # type: ignore[attr-defined]
        for row in range(table.rowCount()):
            table.selectRow(row)
            found.extend(leftovers(wiz))
    for box in getattr(disc, "confirm_boxes", {}).values():
        box.setChecked(True)


def walk(qtbot: QtBot, wiz: SetupWizard) -> tuple[list[str], set[Page]]:
    found: list[str] = []
    seen: set[Page] = set()
    next_button = wiz.button(QWizard.WizardButton.NextButton)
    next_button.click()
    wait_discovery(qtbot, wiz)
    while True:
        seen.add(page(wiz))
        if page(wiz) is Page.DISCOVERY:
            visit_discovery(qtbot, wiz, found)
        else:
            found.extend(leftovers(wiz))
        if page(wiz) is Page.DONE or not next_button.isEnabled():
            break
        next_button.click()
        qtbot.wait(50)
    return found, seen


@pytest.mark.real_servers  # the failure paths as the real servers fail, end to end
@pytest.mark.parametrize("address", [NO_DOMAIN, TYPO, PLAINTEXT, CERT_PROBLEM, OUTSIDE, NOTHING])
def test_no_english_on_the_failure_paths_in_zh_tw(qtbot: QtBot, make_wizard: MakeWizard,
                                                 address: str) -> None:
    wiz = make_wizard(address, lang="zh_TW")
    found, seen = walk(qtbot, wiz)
    assert Page.DISCOVERY in seen
    unique = list(dict.fromkeys(found))
    pages = sorted(p.name for p in seen)
    assert unique == [], f"English on screen in zh_TW for {address} (pages {pages}):\n" + "\n".join(unique)


def test_the_word_check_catches_english() -> None:
    assert english_words("連線遭拒絕：imap.srv.test:993") == []
    assert english_words("IMAP imap.srv.test:993（SSL/TLS）— 已取消") == []
    assert english_words("AB:CD:EF:01 憑證") == []
    assert english_words("下一步(&N) >") == []
    assert english_words("您的帳號 bob@nosuch.test、b…@nosuch.test") == []
    assert english_words("imap.srv.test:993: connection refused") == ["connection", "refused"]
    assert english_words("⚠ starttls_missing") == ["starttls_missing"]


def test_a_domain_that_does_not_exist_is_said_in_chinese_and_keeps_its_code(qtbot: QtBot,
                                                                           make_wizard: MakeWizard) -> None:
    wiz = make_wizard(NO_DOMAIN, lang="zh_TW")
    disc = wiz.pages[Page.DISCOVERY]
    wiz.button(QWizard.WizardButton.NextButton).click()
    job = disc.job  # type: ignore[attr-defined]
    wait_discovery(qtbot, wiz)
    assert "nosuch.test 不存在" in disc.status.text()  # type: ignore[attr-defined]
    assert job is not None and job.error is not None
    assert job.error.code == "nxdomain" and job.error.params["domain"] == "nosuch.test"


def test_the_sheet_and_the_apple_profile_speak_the_interface_language(qtbot: QtBot,
                                                                       make_wizard: MakeWizard) -> None:
    import plistlib

    wiz = make_wizard(FOUND, lang="zh_TW")
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    while page(wiz) is not Page.EXPORT:
        click_next(qtbot, wiz)
    export = wiz.pages[Page.EXPORT]
    profile = plistlib.loads(export.profile_bytes("mobileconfig"))  # type: ignore[attr-defined]
    assert profile["PayloadDescription"] == f"在 Apple「郵件」中設定郵件帳戶 {FOUND}。"
    assert profile["PayloadContent"][0]["PayloadDisplayName"] == "郵件"
    sheet = export.profile_bytes("sheet").decode("utf-8")  # type: ignore[attr-defined]
    assert f"{FOUND} 的郵件設定" in sheet and "Mail settings for" not in sheet
    doc = export.sheet_document()  # what is printed and saved as PDF
    assert doc is not None and "的郵件設定" in doc.toPlainText()


def test_the_diagnostics_after_a_sign_in_are_in_chinese_and_the_copy_adds_the_codes(
        qtbot: QtBot, make_wizard: MakeWizard, accounts: dict[str, str]) -> None:
    """The last page's diagnostics (sign-in facts, user-name form, verdict) in words; Copy gives the
    helpdesk the same in words and then with the English codes."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    wiz = make_wizard(FOUND, lang="zh_TW", timeout=30.0)
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    while page(wiz) is not Page.PASSWORD:
        click_next(qtbot, wiz)
    pw = wiz.pages[Page.PASSWORD]
    pw.password.setText(accounts[FOUND])  # type: ignore[attr-defined]
    qtbot.mouseClick(pw.test_btn, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: wiz.session.state.signin == "done", timeout=60000)
    assert wiz.session.signin is not None and wiz.session.signin.ok
    while page(wiz) is not Page.DONE:
        click_next(qtbot, wiz)
    shown = wiz.pages[Page.DONE].report.toPlainText()  # type: ignore[attr-defined]
    assert "登入測試：成功" in shown and "完整電子郵件地址" in shown and "資料夾數：" in shown, shown
    assert "結果：可以使用了" in shown, shown
    skip = data_prefixes()
    english = [(line, english_words(line)) for line in shown.splitlines()[1:] if not line.startswith(skip)]
    assert [e for e in english if e[1]] == []
    qtbot.mouseClick(wiz.pages[Page.DONE].copy_btn, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    copied = QApplication.clipboard().text()
    assert copied.startswith(shown) and "Sign-in test: ok" in copied and "user=full address" in copied
    assert accounts[FOUND] not in copied


@pytest.mark.real_servers  # the settings typed by hand are tested against them
def test_settings_by_hand_that_fail_are_said_in_chinese_to_the_last_page(qtbot: QtBot,
                                                                         make_wizard: MakeWizard) -> None:
    """Nothing answers, the person types a server that does not answer either, tests it (the failure is
    shown), continues anyway and reads every page to the end: no English on the way."""
    from PySide6.QtCore import Qt

    wiz = make_wizard(NOTHING, lang="zh_TW")
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    found = leftovers(wiz)
    click_next(qtbot, wiz)
    assert page(wiz) is Page.MANUAL
    manual = wiz.pages[Page.MANUAL]
    manual.incoming.host.setText("dead.fallback.test")  # type: ignore[attr-defined]
    manual.outgoing.host.setText("dead.fallback.test")  # type: ignore[attr-defined]
    qtbot.mouseClick(manual.test_btn, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(wiz.session.manual_probes) == 2, timeout=30000)
    qtbot.waitUntil(lambda: manual.accept_box.isVisible(), timeout=5000)  # type: ignore[attr-defined]
    found += leftovers(wiz)
    manual.accept_box.setChecked(True)  # type: ignore[attr-defined]
    seen = {Page.DISCOVERY, Page.MANUAL}
    while page(wiz) is not Page.DONE:
        click_next(qtbot, wiz)
        seen.add(page(wiz))
        found += leftovers(wiz)
    assert Page.DONE in seen and Page.EXPORT in seen
    assert "目前還無法使用" in wiz.pages[Page.DONE].verdict.text()  # type: ignore[attr-defined]
    unique = list(dict.fromkeys(found))
    assert unique == [], "English on screen in zh_TW:\n" + "\n".join(unique)
