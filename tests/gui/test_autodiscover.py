"""A cPanel-like domain walked through the wizard to a working setup, in English and in zh_TW.

The domain publishes only Outlook's Autodiscover, which names the hosting machine (conftest.BOX); guessing
``mail.<domain>`` reaches the same machine under a name its certificate does not hold. The wizard must find
the servers, say where they came from in plain words, sign in and end "ready", with no English on the
way in zh_TW.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from assistant.core.setup.flow import Page
from assistant.core.words.vocabulary import SOURCES
from assistant.gui.pages.discovery import DiscoveryPage
from assistant.gui.pages.password import PasswordPage
from assistant.gui.wizard import SetupWizard
from tests.gui.test_zh_failures import leftovers
from tests.gui.walk import click_next, page, wait_discovery
from tests.support.keyrings import MemoryKeyring
from tests.support.world import BOX, ProbeWorld, add_accounts

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

MakeWizard = Callable[..., SetupWizard]
KIM = "kim@kimsite.test"
PASSWORD = "Kim's cPanel pw 4"  # test-only

WORDS = {  # what the wizard must say, per language
    "en": {"source": "Found through: your provider's Outlook settings service",
           "check": "Outlook settings service (Autodiscover)"},
    "zh_TW": {"source": "來源：您的郵件服務商的 Outlook 設定服務",
              "check": "Outlook 設定服務（Autodiscover）"},
}


@pytest.fixture(scope="module")
def kim(world: ProbeWorld) -> str:
    add_accounts(world, {KIM: PASSWORD})
    return PASSWORD


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_cpanel_like_domain_to_a_working_setup(qtbot: QtBot, make_wizard: MakeWizard, kim: str, lang: str,
                                              memory_keyring: MemoryKeyring) -> None:
    wiz = make_wizard(KIM, lang=lang, timeout=30.0)
    english: list[str] = []
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    s = wiz.session
    assert s.state.discovery == "done" and s.state.discovered_usable and not s.state.unconfirmed
    disc = wiz.pages[Page.DISCOVERY]
    assert isinstance(disc, DiscoveryPage)
    assert disc.confirm_boxes == {}  # the domain's own word over verified HTTPS: nothing to confirm
    if not disc.details_btn.isChecked():
        disc.details_btn.click()
    table = disc.tables["imap"]
    assert table.item(0, 0).text() == BOX
    table.selectRow(0)
    assert WORDS[lang]["source"] in disc.details.pane.toPlainText()
    checks = [disc.details.checks.item(i).text() for i in range(disc.details.checks.count())]
    assert any(WORDS[lang]["check"] in c for c in checks), checks
    if lang == "zh_TW":  # the words come from the translation, not from the English table
        label = SOURCES["autodiscover"].label
        assert QCoreApplication.translate("sources", label) != label
    english += leftovers(wiz)
    while page(wiz) is not Page.PASSWORD:
        click_next(qtbot, wiz)
        english += leftovers(wiz)
    pw = wiz.pages[Page.PASSWORD]
    assert isinstance(pw, PasswordPage)
    pw.password.setText(kim)
    qtbot.mouseClick(pw.test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.session.state.signin == "done", timeout=60000)
    result = s.signin
    assert result is not None and result.ok, pw.result.text()
    assert result.incoming.host == BOX and result.incoming.username == KIM
    english += leftovers(wiz)
    while page(wiz) is not Page.DONE:
        click_next(qtbot, wiz)
        english += leftovers(wiz)
    assert s.outcome().status == "ready"
    account = s.account()
    assert account.incoming[0].host == BOX and account.outgoing[0].host == BOX
    assert account.incoming[0].port == 993 and account.outgoing[0].port == 465
    if lang == "zh_TW":
        unique = list(dict.fromkeys(english))
        assert unique == [], "English on screen in zh_TW:\n" + "\n".join(unique)


@pytest.mark.real_servers
def test_servers_named_through_the_srv_record_need_the_confirmation(qtbot: QtBot,
                                                                    make_wizard: MakeWizard) -> None:
    wiz = make_wizard("kim@srvad.test")
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    s = wiz.session
    assert s.state.unconfirmed == {BOX}
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()
    disc = wiz.pages[Page.DISCOVERY]
    assert isinstance(disc, DiscoveryPage)
    problems = " ".join(w.text() for w in disc.decisions.findChildren(type(disc.status)))
    assert "an Outlook settings service named by the domain's DNS SRV record" in problems
    qtbot.mouseClick(disc.confirm_boxes[BOX], Qt.MouseButton.LeftButton)
    click_next(qtbot, wiz)
    assert page(wiz) is Page.DEVICES and s.account().incoming[0].host == BOX
