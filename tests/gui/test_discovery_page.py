"""The wizard for people who do not know what IMAP is: a plain result first, a way out of a typo, and no
manual settings or IMAP/POP3 advice that pretend to know what was never tested (issue 10).

On the fake discovery (tests/support/fake_discovery.py), in English and Traditional Chinese where text is
checked; settings typed by hand are tested against the test world's real servers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from assistant.core.net.settings import Settings
from assistant.core.setup.flow import Page
from assistant.core.setup.session import SetupSession
from assistant.gui import i18n
from assistant.gui.app import app_icon
from assistant.gui.pages.discovery import DiscoveryPage
from assistant.gui.pages.manual import ManualPage
from assistant.gui.pages.recommendation import RecommendationPage
from assistant.gui.wizard import SetupWizard
from tests.gui import walk
from tests.gui.conftest import CERT_PROBLEM, FOUND, NOTHING, OUTSIDE, PLAINTEXT
from tests.gui.walk import click_next, page, to_discovery, wait_discovery

MakeWizard = Callable[..., SetupWizard]


def words(widget: QWidget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel) if not label.isHidden())


def lines(disc: DiscoveryPage) -> list[str]:
    return [label.text() for label in disc.lines]


@pytest.mark.parametrize(("lang", "title", "used"), [
    ("en", "Secure settings found", "This server will be used; pop.srv.test (POP3) is also available."),
    ("zh_TW", "已找到安全的設定", "將會使用這台伺服器；也可以改用 pop.srv.test（POP3）。"),
])
def test_secure_settings_lead_with_one_sentence_per_direction_details_closed(
        qtbot: QtBot, make_wizard: MakeWizard, lang: str, title: str, used: str) -> None:
    wiz = make_wizard(lang=lang)
    disc = to_discovery(qtbot, wiz, FOUND)
    assert disc.title() == title
    incoming, outgoing = lines(disc)
    named = "{} ({})" if lang == "en" else "{}（{}）"  # brackets as each language writes them
    assert incoming.startswith("✔") and named.format("imap.srv.test", "IMAP") in incoming
    assert incoming.endswith(used)
    assert outgoing.startswith("✔") and named.format("smtp.srv.test", "SMTP") in outgoing
    assert not disc.details.isVisible() and disc.details_btn.isVisible()  # closed by default
    assert not disc.problems.isVisible() and not disc.decisions.isVisible()
    qtbot.mouseClick(disc.details_btn, Qt.MouseButton.LeftButton)
    assert disc.details.isVisible() and disc.tables["imap"].isVisible()
    chosen = wiz.session.selection.choices["imap"]
    assert chosen is not None
    row = disc.probes["imap"].index(chosen.probe)
    item = disc.tables["imap"].item(row, 3)
    assert item is not None and item.text() == ("Will be used" if lang == "en" else "將會使用")
    for ps in disc.probes.values():  # a server that was simply not needed is "not used", not "not usable"
        for i, p in enumerate(ps):
            if p.stopped == "better_found":
                badge = disc.tables[p.candidate.protocol].cellWidget(i, 2)
                assert badge.kind == "unused"  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_five_certificate_problems_are_one_warning_and_the_decision_comes_first(
        qtbot: QtBot, make_wizard: MakeWizard, lang: str) -> None:
    wiz = make_wizard(lang=lang)
    disc = to_discovery(qtbot, wiz, CERT_PROBLEM)
    offered = wiz.session.choices["imap"]
    assert offered is not None
    problems = [label.text() for label in disc.problems.findChildren(QLabel)]
    assert len(problems) == 1, problems  # one sentence, not one per host, and no separate "no incoming"
    others = {"expired", "future", "wronghost", "selfsigned", "untrusted"} - {offered.host.split(".")[0]}
    assert all(f"{name}.tlsbad.test" in problems[0] for name in others)
    decision = words(disc.decisions)
    assert offered.host in decision
    assert ("Ask your provider" if lang == "en" else "請詢問您的郵件服務商") in decision
    box = disc.confirm_boxes[offered.host]
    assert QApplication.focusWidget() is box  # what needs a decision has the focus ...
    chain, w = [], box.nextInFocusChain()
    while w is not box and len(chain) < 200:
        chain.append(w)
        w = w.nextInFocusChain()
    assert chain.index(disc.again_btn) < chain.index(disc.manual_box) < chain.index(disc.details_btn)
    assert lines(disc)[0].startswith("⚠")
    disc.findChild(QScrollArea).ensureWidgetVisible(box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # its tick box
    assert lines(disc)[0].startswith("✔")  # ... and the result line follows the decision
    assert disc.title() == ("Settings found" if lang == "en" else "已找到設定")


def test_outside_server_says_in_plain_words_how_to_decide(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    disc = to_discovery(qtbot, make_wizard(), OUTSIDE)
    assert ("Ask your provider whether imap.provider-elsewhere.test is theirs; it is outside outside.test."
            in words(disc.decisions))
    assert disc.title() == "Settings found — one server needs your decision"


@pytest.mark.parametrize(("lang", "sentence", "title", "mean"), [
    ("en", "srv.tset does not exist — check the spelling.", "This domain was not found",
     "Did you &mean x@srv.test?"),
    ("zh_TW", "srv.tset 不存在——請檢查拼字。", "找不到這個網域", "您是指 x@srv.test 嗎？(&M)"),
])
def test_a_typo_in_the_domain_offers_the_domain_meant(qtbot: QtBot, make_wizard: MakeWizard, lang: str,
                                                      sentence: str, title: str, mean: str) -> None:
    wiz = make_wizard(lang=lang)
    disc = to_discovery(qtbot, wiz, "x@srv.tset")
    assert wiz.session.state.discovery == "failed"
    assert disc.status.text().startswith(sentence) and disc.title() == title
    assert disc.change_btn.isVisible() and disc.suggest_btn.isVisible()
    assert disc.suggest_btn.text() == mean
    qtbot.mouseClick(disc.suggest_btn, Qt.MouseButton.LeftButton)
    assert wiz.pages[Page.ADDRESS].address.text() == "x@srv.test"  # type: ignore[attr-defined]
    wait_discovery(qtbot, wiz)
    assert wiz.session.address_text == "x@srv.test" and wiz.session.state.discovered_usable
    assert not disc.change_btn.isVisible() and not disc.suggest_btn.isVisible()


def test_change_address_goes_back_with_the_address_selected(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    wiz = make_wizard()
    disc = to_discovery(qtbot, wiz, "x@does-not-exist.test")
    assert disc.status.text().startswith("does-not-exist.test does not exist — check the spelling.")
    assert disc.change_btn.isVisible() and not disc.suggest_btn.isVisible()  # nothing one slip away
    qtbot.mouseClick(disc.change_btn, Qt.MouseButton.LeftButton)
    assert page(wiz) is Page.ADDRESS
    field = wiz.pages[Page.ADDRESS].address  # type: ignore[attr-defined]
    assert QApplication.focusWidget() is field and field.selectedText() == "x@does-not-exist.test"
    qtbot.keyClicks(field, "x@srv.test")  # typing replaces the selection
    assert wiz.session.address_text == "x@srv.test"


def to_manual(qtbot: QtBot, wiz: SetupWizard, incoming: str) -> ManualPage:
    """NOTHING's manual page with ``incoming`` and smtp.srv.test typed in, not tested yet."""
    to_discovery(qtbot, wiz, NOTHING)
    walk.to_manual(qtbot, wiz)
    return walk.by_hand(qtbot, wiz, incoming, "smtp.srv.test", test=False)


@pytest.mark.real_servers  # the settings typed by hand are tested against them
@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_manual_settings_go_on_only_tested_or_with_continue_anyway(
        qtbot: QtBot, make_wizard: MakeWizard, lang: str) -> None:
    wiz = make_wizard(lang=lang)
    manual = to_manual(qtbot, wiz, "selfsigned.tlsbad.test")
    s = wiz.session
    next_btn = wiz.button(wiz.WizardButton.NextButton)
    assert not next_btn.isEnabled() and not manual.accept_box.isVisible()
    assert manual.test_status.text() == ("Not tested yet." if lang == "en" else "尚未測試。")
    wiz.next()  # not through the button: the page itself refuses too
    assert page(wiz) is Page.MANUAL
    qtbot.mouseClick(manual.test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: s.state.manual_check == "failed", timeout=30000)
    assert not next_btn.isEnabled() and manual.accept_box.isVisible()
    # Alt+W: Alt+A is About (issue 21).
    assert manual.accept_box.text() == ("These settings did not work. Continue any&way?" if lang == "en"
                                        else "這些設定無法使用。仍要繼續嗎？(&W)")
    manual.accept_box.click()  # (below the fold: a mouse click at its centre would miss)
    assert s.manual_failure_accepted and next_btn.isEnabled()
    assert "continue anyway after a failed test: yes" in s.report()
    manual.incoming.host.setText("imap.srv.test")  # other settings: the answer was for the old ones
    assert not s.manual_failure_accepted and not manual.accept_box.isVisible()
    assert not next_btn.isEnabled() and "UNTESTED" in s.report()
    qtbot.mouseClick(manual.test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: s.state.manual_check == "ok", timeout=30000)
    assert next_btn.isEnabled() and not manual.accept_box.isVisible()


@pytest.mark.real_servers  # the settings typed by hand are tested against them
@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_advice_from_untested_settings_says_it_is_general(qtbot: QtBot, make_wizard: MakeWizard,
                                                         lang: str) -> None:
    wiz = make_wizard(lang=lang)
    manual = to_manual(qtbot, wiz, "selfsigned.tlsbad.test")
    qtbot.mouseClick(manual.test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.session.state.manual_check == "failed", timeout=30000)
    manual.accept_box.setChecked(True)
    click_next(qtbot, wiz)
    click_next(qtbot, wiz)
    rec = wiz.pages[Page.RECOMMENDATION]
    assert isinstance(rec, RecommendationPage) and page(wiz) is Page.RECOMMENDATION
    text = words(rec)
    assert ("this advice is general" if lang == "en" else "一般性的建議") in text
    assert ("appears at once" if lang == "en" else "立即出現") not in text
    assert ("You entered the settings of an IMAP server" if lang == "en" else "您輸入的是 IMAP") in text


@pytest.mark.parametrize(("lang", "imap_line"), [
    ("en", "Your mail stays on the server; every device shows the same mailbox."),
    ("zh_TW", "郵件保留在伺服器上；每台裝置看到的都是同一個信箱。"),
])
def test_each_protocol_is_described_in_one_line_without_idle_or_uidl(
        qtbot: QtBot, make_wizard: MakeWizard, lang: str, imap_line: str) -> None:
    wiz = make_wizard(lang=lang)
    to_discovery(qtbot, wiz, FOUND)
    click_next(qtbot, wiz)
    wiz.pages[Page.DEVICES].storage.setChecked(True)  # type: ignore[attr-defined]  # leads to POP3
    click_next(qtbot, wiz)
    rec = wiz.pages[Page.RECOMMENDATION]
    assert isinstance(rec, RecommendationPage)
    assert rec.descriptions["imap"].text() == imap_line and rec.descriptions["pop3"].isVisible()
    text = words(rec)
    assert "IDLE" not in text and "UIDL" not in text
    if lang == "en":  # never "copies can stay on the server" next to "remove them once downloaded"
        assert not ("copies can stay on the server" in text and "Remove messages" in text), text


def test_a_plaintext_only_server_offers_no_encryption(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    disc = to_discovery(qtbot, make_wizard(), PLAINTEXT)
    problems = words(disc.problems)
    assert problems.count("mail.plain.test offers no encryption") == 1, problems
    qtbot.mouseClick(disc.details_btn, Qt.MouseButton.LeftButton)
    cells = [disc.tables[p].item(r, 3).text() for p in disc.tables  # type: ignore[union-attr]
             for r in range(disc.tables[p].rowCount())
             if disc.tables[p].item(r, 0).text() == "mail.plain.test"]  # type: ignore[union-attr]
    assert cells and set(cells) == {"Offers no encryption"}
    checks = [disc.details.checks.item(i).text() for i in range(disc.details.checks.count())]
    assert not any("Unexpected answer" in c for c in checks), checks


def test_an_international_domain_is_shown_as_people_write_it(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    disc = to_discovery(qtbot, make_wizard(), "x@bücher.test")
    shown = " ".join(lines(disc))
    assert "bücher.test" in shown and "xn--" not in shown, shown
    hosts = {disc.tables[p].item(r, 0).text() for p in disc.tables  # type: ignore[union-attr]
             for r in range(disc.tables[p].rowCount())}
    assert any(h.endswith(".xn--bcher-kva.test") for h in hosts), hosts  # the details keep the ASCII form


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "The mail servers of srv.test cannot be looked up: the name server did not answer."),
    ("zh_TW", "無法查詢 srv.test 的郵件伺服器：名稱伺服器沒有回應。"),
])
def test_dns_that_does_not_answer_is_said_in_the_persons_language(
        qtbot: QtBot, tmp_path: Path, lang: str, sentence: str) -> None:
    from assistant.core.net.dns import Resolver, parse_server
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, lang)
    silent = Resolver(parse_server("127.0.0.1:9"), lifetime=1.0)  # the discard port: no DNS answers there
    settings = Settings(resolver=silent, timeout=4, offline=True, connect_timeout=1.0, endpoint_timeout=2.0)
    prefs = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    wiz = SetupWizard(SetupSession(settings), prefs, lang, app_icon())
    qtbot.addWidget(wiz)
    wiz.show()
    try:
        disc = to_discovery(qtbot, wiz, "x@srv.test")
        assert wiz.session.discovery_error is not None and wiz.session.discovery_error.code == "dns_failed"
        assert disc.status.text().startswith(sentence), disc.status.text()
        assert disc.change_btn.isVisible() and not disc.suggest_btn.isVisible()
    finally:
        wiz.shutdown_worker()
        i18n.install(app, "en")


def test_no_advice_from_a_server_whose_check_never_finished(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    """A confirmed server whose certificate stopped the probe: nothing about push or copies comes from it."""
    wiz = make_wizard()
    disc = to_discovery(qtbot, wiz, CERT_PROBLEM)
    offered = wiz.session.choices["imap"]
    assert offered is not None and offered.probe.status != "ok"
    disc.confirm_boxes[offered.host].setChecked(True)
    click_next(qtbot, wiz)
    click_next(qtbot, wiz)
    rec = wiz.pages[Page.RECOMMENDATION]
    assert isinstance(rec, RecommendationPage) and page(wiz) is Page.RECOMMENDATION
    text = words(rec)
    assert "so this advice is general" in text and "appears at once" not in text
