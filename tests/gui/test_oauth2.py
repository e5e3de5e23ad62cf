"""The wizard's real OAuth2 sign-in test for an organisation with its own app (its preset's ``[oauth2]``),
against the loopback identity provider and a real Dovecot (tests/integration/test_oauth2_dovecot.py)."""

from __future__ import annotations

import keyring
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assistant.core.discovery.presets import load_preset
from assistant.core.setup.flow import Page
from assistant.core.setup.session import SetupSession
from assistant.gui import i18n
from assistant.gui.app import app_icon
from assistant.gui.pages.done import DonePage
from assistant.gui.wizard import SetupWizard
from tests.gui.test_providers import current, next_page
from tests.integration.test_oauth2_dovecot import ADDRESS, OAuthWorld, world  # noqa: F401 (the fixture)
from tests.support.keyrings import MemoryKeyring

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

WORKS = {"en": "Signing in on your organisation's page works", "zh_TW": "在貴機構的網頁登入成功"}
DONE = {"en": "Signing in on your organisation's own page worked.", "zh_TW": "在貴機構自己的網頁登入成功。"}


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_sign_in_on_the_organisations_page(qtbot: QtBot, world: OAuthWorld,  # noqa: F811
                                           tmp_path_factory: pytest.TempPathFactory, lang: str) -> None:
    i18n.build_catalogues()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, lang)
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    home = tmp_path_factory.mktemp("oauth2-wizard")
    prefs = QSettings(str(home / "prefs.ini"), QSettings.Format.IniFormat)
    prefs.setValue("export/folder", str(home))
    preset = load_preset(world.preset)
    wiz = SetupWizard(SetupSession(preset.apply_settings(world.settings()), preset=preset), prefs, lang,
                      app_icon())
    wiz.confirm_discard = lambda: True
    qtbot.addWidget(wiz)
    wiz.show()
    try:
        wiz.pages[Page.ADDRESS].address.setText(ADDRESS)  # type: ignore[attr-defined]
        next_page(qtbot, wiz)
        qtbot.waitUntil(lambda: wiz.session.state.discovery == "done", timeout=60000)
        while current(wiz) is not Page.PASSWORD:
            next_page(qtbot, wiz)
        page = wiz.pages[Page.PASSWORD]
        assert page.oauth_btn.isVisible() and page.oauth_btn.isEnabled()  # type: ignore[attr-defined]
        page.open_browser = world.browser  # type: ignore[attr-defined]  # the test's "browser"
        qtbot.mouseClick(page.oauth_btn, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: wiz.session.state.signin == "done", timeout=60000)
        assert WORKS[lang] in page.result.text(), page.result.text()  # type: ignore[attr-defined]
        assert wiz.session.signin is not None and wiz.session.signin.oauth2
        while current(wiz) is not Page.DONE:
            next_page(qtbot, wiz)
        done = wiz.pages[Page.DONE]
        assert isinstance(done, DonePage)
        assert DONE[lang] in done.why.text(), done.why.text()
    finally:
        wiz.shutdown_worker()
        keyring.set_keyring(before)
        i18n.install(app, "en")
