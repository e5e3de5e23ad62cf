"""The paths where something goes wrong, walked through the real wizard against the test
world in English and zh_TW, reading what the pages say (labels, buttons, line edits — tests/gui/screen.py):
the real address instead of %EMAILADDRESS%, the cause of an expired certificate carried to the last page,
the plaintext-only path told straight, the discovery page's words, a name typed as an address."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from assistant.core.setup.flow import Page
from assistant.gui.pages.discovery import DiscoveryPage
from assistant.gui.pages.done import DonePage
from assistant.gui.pages.manual import ManualPage
from assistant.gui.wizard import SetupWizard
from tests.gui.conftest import CERT_PROBLEM, NOTHING, PLAINTEXT
from tests.gui.screen import screen
from tests.gui.test_zh_failures import english_words
from tests.gui.walk import click_next, page, wait_discovery

# These walks test settings by hand and sign in: they need the real test servers, not the fake discovery.
pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints"),
              pytest.mark.real_servers]

MakeWizard = Callable[..., SetupWizard]
LANGS = ["en", "zh_TW"]
# What never belongs on a person's screen: a placeholder, a command-line option, a command's own prefix.
TECHNICAL = re.compile(r"%EMAIL|%[A-Z]+%|(?<![\w-])--[a-z]|mobile-qr|allow.plain")

# The words each check looks for, per language.
SAY = {
    "hint": {"en": "Usually your full email address.", "zh_TW": "通常是您完整的電子郵件地址。"},
    "expired": {"en": "The certificate of expired.tlsbad.test expired on ",
                "zh_TW": "expired.tlsbad.test 的憑證已在 "},
    "renew": {"en": "ask your provider to renew it.", "zh_TW": "請您的郵件服務商更新憑證。"},
    "entered": {"en": "The settings you entered", "zh_TW": "您輸入的設定"},
    "plain_line": {"en": "answered, but without encryption", "zh_TW": "有回應，但沒有加密"},
    "not_found": {"en": "no server was found", "zh_TW": "沒有找到伺服器"},
    "not_sent": {"en": "Your password was not tested", "zh_TW": "您的密碼沒有測試"},
    "failed": {"en": "did not succeed", "zh_TW": "沒有成功"},
    "not_signed": {"en": "signing in was not tested", "zh_TW": "登入則沒有測試"},
    "tested_worked": {"en": "tested and worked", "zh_TW": "已經測試過，可以正常使用"},
    "phone_plain": {"en": "Settings without encryption are not handed to a phone",
                    "zh_TW": "沒有加密的設定不會用 QR 碼或連結交給手機"},
    "need_at": {"en": "An email address needs an @, like ann@example.com.",
                "zh_TW": "電子郵件地址需要有 @，例如 ann@example.com。"},
}


def say(key: str, lang: str) -> str:
    return SAY[key][lang]


def start(qtbot: QtBot, make_wizard: MakeWizard, address: str, lang: str) -> SetupWizard:
    wiz = make_wizard(lang=lang, timeout=30.0)
    wiz.pages[Page.DONE].phone.bind = "127.0.0.1"  # type: ignore[attr-defined]  # never the real LAN
    wiz.pages[Page.ADDRESS].address.setText(address)  # type: ignore[attr-defined]
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    return wiz


def walk(qtbot: QtBot, wiz: SetupWizard, seen: dict[Page, str], password: str = "") -> DonePage:
    """Next until the last page, reading every page on the way (a sign-in test with ``password``)."""
    seen[page(wiz)] = screen(wiz)
    while page(wiz) is not Page.DONE:
        click_next(qtbot, wiz)
        if page(wiz) is Page.PASSWORD and password:
            pw = wiz.pages[Page.PASSWORD]
            pw.password.setText(password)  # type: ignore[attr-defined]
            qtbot.mouseClick(pw.test_btn, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
            qtbot.waitUntil(lambda: wiz.session.state.signin == "done", timeout=30000)
        seen[page(wiz)] = screen(wiz)
    done = wiz.pages[Page.DONE]
    assert isinstance(done, DonePage)
    return done


def manual_test(qtbot: QtBot, wiz: SetupWizard) -> ManualPage:
    manual = wiz.pages[Page.MANUAL]
    assert isinstance(manual, ManualPage) and page(wiz) is Page.MANUAL
    qtbot.mouseClick(manual.test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.session.state.manual_check in ("ok", "failed"), timeout=30000)
    return manual


def technical(seen: dict[Page, str]) -> list[str]:
    return [f"{p.name}: {line}" for p, text in seen.items() for line in text.splitlines()
            if TECHNICAL.search(line)]


# --- 1. the real address, never a placeholder or an option ------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_manual_page_shows_the_real_address_as_user_name(qtbot: QtBot, make_wizard: MakeWizard,
                                                            lang: str) -> None:
    wiz = start(qtbot, make_wizard, NOTHING, lang)
    click_next(qtbot, wiz)
    manual = wiz.pages[Page.MANUAL]
    assert isinstance(manual, ManualPage)
    text = screen(wiz)
    assert "%" not in text, text
    for box in (manual.incoming, manual.outgoing):
        assert box.username.text() == NOTHING  # what a person would type, filled in
        assert box.username_hint.isVisible() and box.username_hint.text() == say("hint", lang)
    manual.incoming.host.setText("imap.srv.test")
    manual.outgoing.host.setText("smtp.srv.test")
    manual.outgoing.username.setText("bob")  # the part before the @, typed
    assert wiz.session.manual["smtp"].username == "%EMAILLOCALPART%"
    manual.outgoing.username.setText(NOTHING)
    manual_test(qtbot, wiz)
    servers = wiz.session.manual
    assert servers["imap"].username == "%EMAILADDRESS%"  # kept as the placeholder: both forms are tried
    seen: dict[Page, str] = {}
    walk(qtbot, wiz, seen)
    assert technical(seen) == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_placeholder_option_or_command_on_any_page_of_the_failure_paths(
        qtbot: QtBot, make_wizard: MakeWizard, lang: str) -> None:
    seen: dict[Page, str] = {}
    wiz = start(qtbot, make_wizard, PLAINTEXT, lang)
    seen[Page.DISCOVERY] = screen(wiz)
    click_next(qtbot, wiz)
    manual = wiz.pages[Page.MANUAL]
    assert isinstance(manual, ManualPage)
    manual.plain_confirm.setChecked(True)
    manual_test(qtbot, wiz)
    done = walk(qtbot, wiz, seen, password="any password")
    assert technical(seen) == [], technical(seen)
    if lang == "zh_TW":  # the phone panel's refusal too, never "mobile-qr: no incoming …" in English
        panel = done.phone
        assert english_words(panel.android_note.text()) == [] and english_words(panel.ios_status.text()) == []


# --- 2. an expired certificate: the decision and the cause carried to the end ---------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_declined_expired_certificate_ends_naming_its_cause(qtbot: QtBot, make_wizard: MakeWizard,
                                                             lang: str) -> None:
    wiz = start(qtbot, make_wizard, CERT_PROBLEM, lang)
    disc = wiz.pages[Page.DISCOVERY]
    assert isinstance(disc, DiscoveryPage)
    disc.manual_box.setChecked(True)  # "if you are not sure, do not tick the box: enter other settings"
    click_next(qtbot, wiz)
    manual = wiz.pages[Page.MANUAL]
    assert isinstance(manual, ManualPage)
    assert manual.found.isVisible() and say("expired", lang) in manual.found.text()  # why it is not used
    assert manual.incoming.host.text() == "expired.tlsbad.test"  # what was found, not a guess
    manual_test(qtbot, wiz)
    assert wiz.session.state.manual_check == "failed"
    manual.accept_box.setChecked(True)  # the person accepts it after all
    seen: dict[Page, str] = {}
    done = walk(qtbot, wiz, seen)
    why = done.why.text()
    assert done.verdict.text().startswith("⚠") and say("expired", lang) in why and say("renew", lang) in why
    assert say("entered", lang) not in screen(wiz)  # the person entered nothing


@pytest.mark.parametrize("lang", LANGS)
def test_an_accepted_expired_certificate_ends_naming_its_cause(qtbot: QtBot, make_wizard: MakeWizard,
                                                              lang: str) -> None:
    wiz = start(qtbot, make_wizard, CERT_PROBLEM, lang)
    disc = wiz.pages[Page.DISCOVERY]
    assert isinstance(disc, DiscoveryPage)
    [box] = disc.confirm_boxes.values()
    box.setChecked(True)
    done = walk(qtbot, wiz, {})
    assert say("expired", lang) in done.why.text() and say("renew", lang) in done.why.text()


def test_an_accepted_certificate_carries_into_settings_by_hand_and_signs_in(
        qtbot: QtBot, make_wizard: MakeWizard, accounts: dict[str, str]) -> None:
    wiz = start(qtbot, make_wizard, CERT_PROBLEM, "en")
    disc = wiz.pages[Page.DISCOVERY]
    assert isinstance(disc, DiscoveryPage)
    [box] = disc.confirm_boxes.values()
    box.setChecked(True)
    disc.manual_box.setChecked(True)  # look at the settings before going on
    click_next(qtbot, wiz)
    manual = manual_test(qtbot, wiz)
    assert wiz.session.state.manual_check == "ok"  # the certificate accepted a page ago: no second question
    assert not manual.accept_box.isVisible() and "did not work" not in manual.test_status.text()
    done = walk(qtbot, wiz, {}, password=accounts["carol"])
    signin = wiz.session.signin
    assert signin is not None and signin.ok and signin.incoming.pinned  # the pin went with the decision
    assert done.title() == "Ready, with a risk you accepted"
    assert "The certificate of expired.tlsbad.test expired on" in done.why.text()
    assert "Signing in with your password worked." in done.why.text()


# --- 3. the plaintext-only path -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_plaintext_path_says_what_happened(qtbot: QtBot, make_wizard: MakeWizard, lang: str) -> None:
    wiz = start(qtbot, make_wizard, PLAINTEXT, lang)
    disc = wiz.pages[Page.DISCOVERY]
    assert isinstance(disc, DiscoveryPage)
    lines = " ".join(label.text() for label in disc.lines)
    assert say("plain_line", lang) in lines and say("not_found", lang) not in lines  # it was found
    assert not disc.manual_box.isVisible() and disc.next_hint.isVisible()  # Next goes there anyway
    click_next(qtbot, wiz)
    manual = wiz.pages[Page.MANUAL]
    assert isinstance(manual, ManualPage)
    assert manual.incoming.host.text() == manual.outgoing.host.text() == "mail.plain.test"  # filled in
    assert manual.incoming.sec == manual.outgoing.sec == "plain"
    assert manual.plain_confirm.isVisible() and manual.plain_confirm.text().count("mail.plain.test") == 1
    manual.plain_confirm.setChecked(True)
    manual_test(qtbot, wiz)
    done = walk(qtbot, wiz, {}, password="whatever it is")
    text = screen(wiz)
    assert done.verdict.text().startswith("⚠") and say("not_sent", lang) in done.why.text()
    assert say("failed", lang) not in done.verdict.text() + done.why.text()
    assert not done.action.isVisible()  # no "Try the password again": nothing was tried
    panel = done.phone
    assert say("phone_plain", lang) in panel.ios_status.text() and not panel.renew.isVisible()
    assert panel.android_code.isHidden() and panel.ios_code.isHidden()
    assert "mobile-qr" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_plaintext_path_without_a_password_never_says_it_worked(qtbot: QtBot, make_wizard: MakeWizard,
                                                                   lang: str) -> None:
    wiz = start(qtbot, make_wizard, PLAINTEXT, lang)
    click_next(qtbot, wiz)
    wiz.pages[Page.MANUAL].plain_confirm.setChecked(True)  # type: ignore[attr-defined]
    manual_test(qtbot, wiz)
    done = walk(qtbot, wiz, {})
    assert say("not_signed", lang) in done.why.text()
    assert say("tested_worked", lang) not in screen(wiz)


# --- 7. the discovery page ----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_details_never_say_not_usable_and_will_be_used_on_one_row(qtbot: QtBot, make_wizard: MakeWizard,
                                                                      lang: str) -> None:
    wiz = start(qtbot, make_wizard, CERT_PROBLEM, lang)
    disc = wiz.pages[Page.DISCOVERY]
    assert isinstance(disc, DiscoveryPage)
    qtbot.mouseClick(disc.details_btn, Qt.MouseButton.LeftButton)
    table = disc.tables["imap"]

    def row(host: str) -> tuple[str, str]:
        for r in range(table.rowCount()):
            if table.item(r, 0).text() == host:
                return table.cellWidget(r, 2).text(), table.item(r, 3).text()  # type: ignore[attr-defined]
        raise AssertionError(host)

    badge, result = row("expired.tlsbad.test")
    will = {"en": "Will be used", "zh_TW": "將會使用"}[lang]
    assert badge.startswith("⚠") and not result.startswith(will)  # a decision first, not "will be used"
    [box] = disc.confirm_boxes.values()
    box.setChecked(True)
    badge, result = row("expired.tlsbad.test")
    assert badge.startswith("⚠") and result.startswith(will)  # never next to "– Not usable"


@pytest.mark.parametrize("lang", LANGS)
def test_a_harmless_expiry_note_is_not_a_problem(qtbot: QtBot, make_wizard: MakeWizard, lang: str) -> None:
    """A certificate that expires soon is "good to know", apart from "Problems found"."""
    from assistant.core.model.results import Candidate, DiscoveryResult, Finding, ProbeResult, TlsFacts
    wiz = start(qtbot, make_wizard, "ann@expiring.test", lang)
    soon = TlsFacts(version="TLSv1.3", verified=True, days_left=5, not_after="2026-12-07T00:00:00")
    probes = [ProbeResult(Candidate(p, f"{p}.expiring.test", port, "ssl", "srv"), "ok", tls=soon)  # type: ignore[arg-type]
              for p, port in (("imap", 993), ("smtp", 465))]
    note = Finding("expires_soon", "", host="imap.expiring.test",
                   params={"host": "imap.expiring.test", "problem": "expires_soon"})
    result = DiscoveryResult(address="ann@expiring.test", domain="expiring.test",
                             domain_unicode="expiring.test",
                             candidates=probes, warnings=[note])
    result.recommended.update({"imap": probes[0], "smtp": probes[1]})
    disc = wiz.pages[Page.DISCOVERY]
    assert isinstance(disc, DiscoveryPage)
    disc._finished(result)  # what the worker hands over when discovery ends
    assert disc.notes.isVisible() and not disc.problems.isVisible()
    assert "imap.expiring.test" in screen(wiz)


# --- 9. a name typed as an address --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_name_typed_as_address_says_it_needs_an_at(make_wizard: MakeWizard, lang: str) -> None:
    wiz = make_wizard(lang=lang)
    for typed in ("Alice Liddell", "alice", "example.com"):
        wiz.pages[Page.ADDRESS].address.setText(typed)  # type: ignore[attr-defined]
        assert say("need_at", lang) in screen(wiz)
        assert "invalid domain label" not in screen(wiz) and "Alice Liddell'" not in screen(wiz)
