"""The words people read, walked through the real wizard in English and zh_TW and read from the screen:
steps for the programs people have today, the iPhone's panel, a recommendation that listens, Alt+letters
that never clash (the "I understand the risks" boxes, the backup choices, IMAP/POP3), and zh_TW that
uses one term for one thing, Chinese punctuation, and no "(s)"."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from assistant.core.model.results import Candidate, DiscoveryResult, ProbeResult, TlsFacts
from assistant.core.phone.handoff import Link
from assistant.core.setup.flow import Page
from assistant.gui.pages.discovery import DiscoveryPage
from assistant.gui.pages.done import DonePage
from assistant.gui.pages.manual import ManualPage
from assistant.gui.pages.recommendation import RecommendationPage
from assistant.gui.wizard import SetupWizard
from tests.gui.conftest import CERT_PROBLEM, FOUND, NOTHING, PLAINTEXT
from tests.gui.screen import screen
from tests.gui.test_keys import accelerator, clashes
from tests.gui.walk import click_next, page, wait_discovery

# These walks test settings by hand and sign in: they need the real test servers, not the fake discovery.
pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints"),
              pytest.mark.real_servers]

MakeWizard = Callable[..., SetupWizard]
LANGS = ["en", "zh_TW"]


def start(qtbot: QtBot, make_wizard: MakeWizard, address: str, lang: str) -> SetupWizard:
    wiz = make_wizard(lang=lang, timeout=30.0)
    wiz.pages[Page.DONE].phone.bind = "127.0.0.1"  # type: ignore[attr-defined]  # never the real LAN
    wiz.pages[Page.ADDRESS].address.setText(address)  # type: ignore[attr-defined]
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    return wiz


def tick(wiz: SetupWizard, *programs: str, phone: bool = False) -> None:
    devices = wiz.pages[Page.DEVICES]
    for code in programs:
        devices.programs[code].setChecked(True)  # type: ignore[attr-defined]
    devices.phone.setChecked(phone)  # type: ignore[attr-defined]


def to(qtbot: QtBot, wiz: SetupWizard, target: Page, seen: dict[Page, str] | None = None) -> None:
    while page(wiz) is not target:
        click_next(qtbot, wiz)
        if seen is not None:
            seen[page(wiz)] = screen(wiz)


def panel_text(done: DonePage, program: str) -> str:
    [panel] = [p for p in done.panels if p.steps.program == program]
    return screen_of(panel.text.text())


def screen_of(html: str) -> str:
    from tests.gui.screen import plain
    return plain(html)


# --- 4. programs people have today ----------------------------------------------------------------------

STEPS = {
    "en": {"choice_new": "New Outlook for Windows (replaces Windows Mail)",
           "new_outlook": "Settings › Accounts › Email accounts › Add account",
           "new_field": "Secure connection type", "classic": "File › Add Account",
           "mac15": "System Settings › General › Device Management (macOS 15 and later)",
           "mac14": "System Settings › Privacy & Security › Profiles (macOS 14 and earlier)",
           "gmail": "Add another account › Other", "samsung": "Samsung Email: choose Add account › Other"},
    "zh_TW": {"choice_new": "新版 Windows 版 Outlook（取代 Windows 郵件）",
              "new_outlook": "「設定」›「帳戶」›「電子郵件帳戶」›「新增帳戶」", "new_field": "安全連線類型",
              "classic": "「檔案」›「新增帳戶」",
              "mac15": "「系統設定」›「一般」›「裝置管理」（macOS 15 以後）",
              "mac14": "「系統設定」›「隱私權與安全性」›「描述檔」（macOS 14 以前）",
              "gmail": "「新增其他帳戶」›「其他」", "samsung": "Samsung Email：選擇「新增帳戶」›「其他」"},
}


@pytest.mark.parametrize("lang", LANGS)
def test_steps_for_the_programs_people_have_today(qtbot: QtBot, make_wizard: MakeWizard, lang: str) -> None:
    say = STEPS[lang]
    wiz = start(qtbot, make_wizard, FOUND, lang)
    click_next(qtbot, wiz)
    devices = screen(wiz)
    assert say["choice_new"] in devices
    assert "Windows Mail" not in devices.replace("replaces Windows Mail", "")  # stopped at the end of 2024
    tick(wiz, "outlook", "outlook_new", "apple_mail", "android")
    to(qtbot, wiz, Page.DONE)
    done = wiz.pages[Page.DONE]
    assert isinstance(done, DonePage)
    assert say["classic"] in panel_text(done, "outlook")
    new = panel_text(done, "outlook_new")
    assert say["new_outlook"] in new and say["new_field"] in new
    mac = panel_text(done, "apple_mail")
    assert say["mac15"] in mac and say["mac14"] in mac and ".mobileconfig" in mac
    android = panel_text(done, "android")
    assert say["gmail"] in android and say["samsung"] in android
    [sheet] = [p for p in wiz.session.exported if p.suffix == ".html"]
    html = sheet.read_text(encoding="utf-8")
    assert say["new_outlook"].replace("«", "") in html.replace("&amp;", "&")
    assert f'<html lang="{"en" if lang == "en" else "zh-Hant-TW"}">' in html  # the sheet's own language


# --- 5. the iPhone ------------------------------------------------------------------------------------------

IPHONE = {
    "en": {"manual": "Settings › Apps › Mail › Mail Accounts › Add Account", "wifi": "same Wi-Fi",
           "unsigned": "Not Verified", "circular": "mail it to yourself", "one_step": "one step"},
    "zh_TW": {"manual": "「設定」›「App」›「郵件」›「郵件帳號」›「加入帳號」", "wifi": "同一個 Wi-Fi",
              "unsigned": "「未驗證」", "circular": "寄給自己", "one_step": "一個步驟"},
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_iphone_panel_gives_both_routes_and_the_whole_link(qtbot: QtBot, make_wizard: MakeWizard,
                                                              lang: str) -> None:
    say = IPHONE[lang]
    wiz = start(qtbot, make_wizard, FOUND, lang)
    click_next(qtbot, wiz)
    tick(wiz, "iphone", phone=True)
    seen: dict[Page, str] = {}
    to(qtbot, wiz, Page.DONE, seen)
    assert say["one_step"] not in seen[Page.EXPORT]  # it takes several screens
    done = wiz.pages[Page.DONE]
    assert isinstance(done, DonePage)
    steps = panel_text(done, "iphone")
    assert ".mobileconfig" in steps and say["manual"] in steps  # the profile, and the route by hand
    assert say["wifi"] in steps and say["unsigned"] in steps and say["circular"] not in steps
    panel = done.phone
    assert say["wifi"] in panel.ios_howto.text() and say["unsigned"] in panel.ios_howto.text()
    qtbot.waitUntil(lambda: panel.state is Link.WAITING, timeout=15000)
    box = panel.url_field
    qtbot.waitUntil(lambda: box.verticalScrollBar().maximum() == 0, timeout=2000)
    assert box.text() == panel.url and box.isVisible()
    assert box.horizontalScrollBar().maximum() == 0  # nothing off to the side: the whole URL is seen
    assert int(box.document().size().height()) >= 2  # wrapped, not cut


# --- 6. the recommendation listens -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_an_iphone_ticked_counts_as_a_phone(qtbot: QtBot, make_wizard: MakeWizard, lang: str) -> None:
    wiz = start(qtbot, make_wizard, FOUND, lang)
    click_next(qtbot, wiz)
    tick(wiz, "iphone")  # "On a phone" left empty
    click_next(qtbot, wiz)
    text = screen(wiz)
    later = {"en": "adding a phone later", "zh_TW": "日後加入手機"}[lang]
    devices = {"en": "You read this mailbox on 2 devices", "zh_TW": "您在 2 台裝置上讀這個信箱"}[lang]
    assert later not in text and devices in text


@pytest.mark.parametrize("lang", LANGS)
def test_pop3_chosen_by_hand_is_the_persons_choice_not_a_recommendation(
        qtbot: QtBot, make_wizard: MakeWizard, lang: str) -> None:
    wiz = start(qtbot, make_wizard, FOUND, lang)
    wiz.pages[Page.DISCOVERY].manual_box.setChecked(True)  # type: ignore[attr-defined]
    click_next(qtbot, wiz)
    manual = wiz.pages[Page.MANUAL]
    assert isinstance(manual, ManualPage)
    manual.incoming.protocol.setCurrentIndex(manual.incoming.protocol.findData("pop3"))
    manual.incoming.host.setText("pop.srv.test")
    qtbot.mouseClick(manual.test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.session.state.manual_check == "ok", timeout=30000)
    click_next(qtbot, wiz)
    tick(wiz, phone=True)
    click_next(qtbot, wiz)
    rec = wiz.pages[Page.RECOMMENDATION]
    assert isinstance(rec, RecommendationPage)
    text = screen(wiz)
    chose = {"en": "You chose POP3.", "zh_TW": "您選擇了 POP3。"}[lang]
    suits = {"en": "IMAP would suit you better", "zh_TW": "IMAP 會更適合您"}[lang]
    only = {"en": "the only choice", "zh_TW": "只能使用"}[lang]
    recommended = {"en": "(recommended)", "zh_TW": "（建議）"}[lang]
    assert rec.headline.text() == chose and suits in text and only not in text
    assert recommended not in rec.radios["pop3"].text()
    leave = {"en": "Leave messages on the server for 14 days", "zh_TW": "在伺服器上保留郵件 14 天"}[lang]
    removed = {"en": "then removed from the server", "zh_TW": "然後從伺服器上移除"}[lang]  # the old line
    assert leave in text and removed not in text  # never both


# --- 8. the keyboard ---------------------------------------------------------------------------------------

def two_risky_servers() -> DiscoveryResult:
    def bad(proto: str, host: str, port: int) -> ProbeResult:
        tls = TlsFacts(version="TLSv1.3", verified=False, problems=["self_signed"],
                       fingerprint_sha256="AB" * 32)
        return ProbeResult(Candidate(proto, host, port, "ssl", "srv"), "tls_error", tls=tls)  # type: ignore[arg-type]
    return DiscoveryResult(address="ann@two.test", domain="two.test", domain_unicode="two.test",
                           candidates=[bad("imap", "imap.two.test", 993), bad("smtp", "smtp.two.test", 465)])


@pytest.mark.parametrize("lang", LANGS)
def test_every_confirmation_and_choice_has_its_own_alt_letter(qtbot: QtBot, make_wizard: MakeWizard,
                                                             lang: str) -> None:
    found: list[str] = []
    # Two risky servers: two "I understand the risks" boxes, each with a letter of its own.
    wiz = start(qtbot, make_wizard, "ann@two.test", lang)
    disc = wiz.pages[Page.DISCOVERY]
    assert isinstance(disc, DiscoveryPage)
    disc._finished(two_risky_servers())  # what the worker hands over when discovery ends
    boxes = list(disc.confirm_boxes.values())
    assert len(boxes) == 2 and all(accelerator(b.text()) for b in boxes)
    found += clashes(wiz)
    # The manual page with a failed test and a plaintext confirmation: Alt+A stays About.
    wiz = start(qtbot, make_wizard, NOTHING, lang)
    click_next(qtbot, wiz)
    manual = wiz.pages[Page.MANUAL]
    assert isinstance(manual, ManualPage)
    manual.incoming.security.setCurrentIndex(manual.incoming.security.findData("plain"))
    qtbot.mouseClick(manual.test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.session.state.manual_check == "failed", timeout=30000)
    assert manual.accept_box.isVisible() and manual.plain_confirm.isVisible()
    assert accelerator(manual.accept_box.text()) == "w" and accelerator(manual.plain_confirm.text())
    found += clashes(wiz)
    # The devices page's backup choices and the recommendation's IMAP/POP3.
    wiz = start(qtbot, make_wizard, FOUND, lang)
    click_next(qtbot, wiz)
    radios = [b for b in wiz.pages[Page.DEVICES].findChildren(QAbstractButton)
              if b.property("code") in ("me", "provider", "nobody", "unknown")]
    assert len(radios) == 4 and all(accelerator(r.text()) for r in radios)
    found += clashes(wiz)
    click_next(qtbot, wiz)
    rec = wiz.pages[Page.RECOMMENDATION]
    assert isinstance(rec, RecommendationPage)
    assert [accelerator(r.text()) for r in rec.radios.values()] == ["i", "p"]
    found += clashes(wiz)
    for address in (CERT_PROBLEM, PLAINTEXT):  # the real risk boxes of the test world
        wiz = start(qtbot, make_wizard, address, lang)
        if address == PLAINTEXT:
            click_next(qtbot, wiz)
            assert accelerator(wiz.pages[Page.MANUAL].plain_confirm.text())  # type: ignore[attr-defined]
        else:
            assert all(accelerator(b.text()) for b in wiz.pages[Page.DISCOVERY].confirm_boxes.values())  # type: ignore[attr-defined]
        found += clashes(wiz)
    assert found == []


# --- 10. zh_TW --------------------------------------------------------------------------------------------

# One term each: 收件/寄件 (not 收信/寄信), 郵件服務商 (not 郵件服務業者), 驗證方式 (not 驗證方法), 帳戶 in
# our own words (帳號 only where a program's own label is quoted, in 「」, as are its own brackets).
MIXED = re.compile(r"收信|寄信|服務業者|驗證方法|您選擇了仍然|帶有您已接受")
ACCOUNT = re.compile(r"帳號")
QUOTED = re.compile(r"「[^」]*」")


def zh_problems(seen: dict[Page, str]) -> list[str]:
    out: list[str] = []
    for p, text in seen.items():
        for line in text.splitlines():
            line = line.strip()
            where = f"{p.name}: {line}"
            if MIXED.search(line) or ACCOUNT.search(QUOTED.sub("", line)):
                out.append("term " + where)
            if re.search(r"[。！？；：] ", line):
                out.append("space after a full stop " + where)
            if re.search(r"\((?:IMAP|POP3|SMTP)|(?:IMAP|POP3|SMTP), ", QUOTED.sub("", line)):
                out.append("half-width punctuation " + where)
            if "(s)" in line:
                out.append("(s) " + where)
    return out


def test_zh_tw_uses_one_term_for_one_thing_and_chinese_punctuation(qtbot: QtBot,
                                                                  make_wizard: MakeWizard) -> None:
    seen: dict[Page, str] = {}
    wiz = start(qtbot, make_wizard, FOUND, "zh_TW")
    seen[Page.DISCOVERY] = screen(wiz)
    click_next(qtbot, wiz)
    assert "1 台電腦" in screen(wiz)
    tick(wiz, "outlook", "outlook_new", "apple_mail", "thunderbird", "iphone", "android")
    to(qtbot, wiz, Page.DONE, seen)
    for address in (PLAINTEXT, CERT_PROBLEM):
        wiz = start(qtbot, make_wizard, address, "zh_TW")
        seen[Page.DISCOVERY] = screen(wiz)
        disc = wiz.pages[Page.DISCOVERY]
        for box in disc.confirm_boxes.values():  # type: ignore[attr-defined]
            box.setChecked(True)
        click_next(qtbot, wiz)
        if page(wiz) is Page.MANUAL:
            seen[Page.MANUAL] = screen(wiz)
    assert zh_problems(seen) == []


def test_one_computer_and_two_computers(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    wiz = start(qtbot, make_wizard, FOUND, "en")
    click_next(qtbot, wiz)
    computers = wiz.pages[Page.DEVICES].computers  # type: ignore[attr-defined]
    assert computers.text() == "1 computer"
    computers.setValue(2)
    assert computers.text() == "2 computers" and "(s)" not in screen(wiz)


@pytest.mark.parametrize("lang", LANGS)
def test_the_password_page_and_the_export_page_agree_about_files(qtbot: QtBot, make_wizard: MakeWizard,
                                                                 lang: str) -> None:
    wiz = start(qtbot, make_wizard, FOUND, lang)
    to(qtbot, wiz, Page.PASSWORD)
    text = screen(wiz)
    never = {"en": "never written", "zh_TW": "絕不會寫進"}[lang]
    option = {"en": "Include my mail password", "zh_TW": "在 Apple 描述檔中包含我的郵件密碼"}[lang]
    assert never not in text and option in text
    wiz.pages[Page.PASSWORD].password.setText("pw")  # type: ignore[attr-defined]
    click_next(qtbot, wiz)
    assert option in screen(wiz)  # the export page offers exactly that
