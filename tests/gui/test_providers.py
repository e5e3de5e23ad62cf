"""The wizard at a Microsoft 365 and a Google Workspace custom domain, in English and zh_TW (issue 19).

Walked against the loopback provider world (tests/support/providers_world.py): the MX leads to the
providers' own servers (no decision asked), the password page fits the provider (nothing to type for
Microsoft; an app password for Google, whose refused normal password points to the app-password page), and
the last page is honest — ready, never "untested" — with each chosen program's own account type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import keyring
import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from assistant.core.model.address import EmailAddress
from assistant.core.profiles.mobileqr import payload_json
from assistant.core.setup import flow
from assistant.core.setup.flow import Page
from assistant.core.setup.session import SetupSession
from assistant.gui import i18n
from assistant.gui.app import app_icon
from assistant.gui.pages.done import DonePage
from assistant.gui.wizard import SetupWizard
from tests.gui.test_zh_failures import english_words
from tests.support.keyrings import MemoryKeyring
from tests.support.providers_world import (
    APP_PASSWORD,
    M365_DOMAIN,
    WORKSPACE_DOMAIN,
    ProviderWorld,
    provider_world,  # noqa: F401 (the fixture)
)

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

M365 = f"ann@{M365_DOMAIN}"
WORKSPACE = f"bob@{WORKSPACE_DOMAIN}"
PROGRAMS = ("outlook", "apple_mail", "thunderbird", "iphone", "android")
NORMAL_PASSWORD = "My-Normal-Password-1"
# Words that stay Latin in zh_TW: brands, the URL scheme of a linked page, the user names a test tried.
BRANDS = {"microsoft", "google", "exchange", "https", "office", "ann", "bob"}

Make = Callable[..., SetupWizard]

TEXT: dict[str, dict[str, str]] = {
    "ready": {
        "en": "✔ Your account {address} is ready to use.",
        "zh_TW": "✔ 您的帳戶 {address} 已經可以使用。",
    },
    "title": {
        "en": "Ready to use",
        "zh_TW": "可以使用了",
    },
    "ms_password_note": {
        "en": "Microsoft signs you in on its own sign-in page (OAuth2)",
        "zh_TW": "Microsoft 會在它自己的登入網頁讓您登入（OAuth2）",
    },
    "ms_skipped": {
        "en": "Microsoft signs you in on its own page, so there is no password to test here",
        "zh_TW": "Microsoft 會在它自己的網頁讓您登入，所以這裡沒有密碼需要測試",
    },
    "ms_next": {
        "en": "it opens the sign-in page of Microsoft",
        "zh_TW": "程式會打開 Microsoft 的登入網頁",
    },
    "apple_mail_ms": {
        "en": "Internet Accounts › Add Account › Microsoft Exchange",
        "zh_TW": "「網際網路帳號」›「加入帳號」›「Microsoft Exchange」",
    },
    "iphone_ms": {
        "en": "Mail Accounts › Add Account › Microsoft Exchange",
        "zh_TW": "「郵件帳號」›「加入帳號」›「Microsoft Exchange」",
    },
    "apple_mail_google": {
        "en": "Internet Accounts › Add Account › Google",
        "zh_TW": "「網際網路帳號」›「加入帳號」›「Google」",
    },
    "iphone_google": {
        "en": "Mail Accounts › Add Account › Google",
        "zh_TW": "「郵件帳號」›「加入帳號」›「Google」",
    },
    "thunderbird": {
        "en": "chooses OAuth2 by itself",
        "zh_TW": "並自動選擇 OAuth2",
    },
    "outlook": {
        "en": "Sign in on the page of {provider} that opens.",
        "zh_TW": "在打開的 {provider} 網頁上登入。",
    },
    "android_tb": {
        "en": "it opens the sign-in page of {provider}",
        "zh_TW": "它會打開 {provider} 的登入網頁",
    },
    "android_gmail": {
        "en": "In the Gmail app",
        "zh_TW": "在 Gmail App 中",
    },
    "no_profile": {
        "en": "which an Apple profile cannot describe",
        "zh_TW": "Apple 描述檔無法描述這種登入方式",
    },
    "phone_route": {
        "en": "Add Account › Microsoft Exchange instead",
        "zh_TW": "›「加入帳號」›「Microsoft Exchange」",
    },
    "app_password_label": {
        "en": "App &password:",
        "zh_TW": "應用程式密碼(&P)：",
    },
    "app_password_note": {
        "en": "A program that asks for a password needs an app password",
        "zh_TW": "要求輸入密碼的程式則需要應用程式密碼",
    },
    "refused": {
        "en": "Google needs an app password here, not your normal password",
        "zh_TW": "Google 在這裡需要應用程式密碼，而不是您平常的密碼",
    },
    "works": {
        "en": "The password works",
        "zh_TW": "密碼正確",
    },
}


def said(key: str, lang: str, **fields: str) -> str:
    return TEXT[key][lang].format(**fields)


@pytest.fixture
def make(qtbot: QtBot, provider_world: ProviderWorld,  # noqa: F811
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Make]:
    i18n.build_catalogues()
    made: list[SetupWizard] = []
    home = tmp_path_factory.mktemp("provider-wizard")
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    provider_world.reset()

    def build(lang: str = "en") -> SetupWizard:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        i18n.install(app, lang)
        prefs = QSettings(str(home / f"prefs-{lang}.ini"), QSettings.Format.IniFormat)
        saved = home / f"saved-{lang}"
        saved.mkdir(exist_ok=True)
        prefs.setValue("export/folder", str(saved))
        wiz = SetupWizard(SetupSession(provider_world.settings()), prefs, lang, app_icon())
        wiz.confirm_discard = lambda: True
        qtbot.addWidget(wiz)
        wiz.show()
        made.append(wiz)
        return wiz

    yield build
    for wiz in made:
        wiz.shutdown_worker()
    keyring.set_keyring(before)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, "en")


def next_page(qtbot: QtBot, wiz: SetupWizard) -> None:
    button = wiz.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on {flow.Page(wiz.currentId()).name}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def current(wiz: SetupWizard) -> Page:
    return Page(wiz.currentId())


def discover(qtbot: QtBot, wiz: SetupWizard, address: str) -> None:
    wiz.pages[Page.ADDRESS].address.setText(address)  # type: ignore[attr-defined]
    next_page(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.session.state.discovery in ("done", "failed", "cancelled"), timeout=60000)
    assert wiz.session.state.discovery == "done"
    disc = wiz.pages[Page.DISCOVERY]
    assert not disc.confirm_boxes, "the provider's own servers need no decision"  # type: ignore[attr-defined]
    assert wiz.session.selection.unconfirmed() == set()


def to_page(qtbot: QtBot, wiz: SetupWizard, target: Page) -> None:
    while current(wiz) is not target:
        if current(wiz) is Page.DEVICES:
            for code in PROGRAMS:
                wiz.pages[Page.DEVICES].programs[code].setChecked(True)  # type: ignore[attr-defined]
        next_page(qtbot, wiz)


def steps_of(done: DonePage) -> dict[str, str]:
    return {p.steps.program: p.steps.plain_text(QCoreApplication.translate) for p in done.panels}


def no_english(lang: str, *texts: str) -> None:
    if lang != "zh_TW":
        return
    for text in texts:
        left = [w for w in english_words(text) if w.lower() not in BRANDS]
        assert not left, (left, text)


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_microsoft_365_custom_domain(qtbot: QtBot, make: Make, provider_world: ProviderWorld,  # noqa: F811
                                     lang: str) -> None:
    wiz = make(lang)
    discover(qtbot, wiz, M365)
    assert wiz.session.provider is not None and wiz.session.provider.oauth2_only
    to_page(qtbot, wiz, Page.PASSWORD)
    password = wiz.pages[Page.PASSWORD]
    note = password.provider_note.text()  # type: ignore[attr-defined]
    assert password.provider_note.isVisible() and said("ms_password_note", lang) in note  # type: ignore[attr-defined]
    assert not password.password.isEnabled() and not password.test_btn.isEnabled()  # type: ignore[attr-defined]
    assert password.subTitle() != password.default_subtitle  # type: ignore[attr-defined]  # "will ask" is wrong
    to_page(qtbot, wiz, Page.EXPORT)
    export = wiz.pages[Page.EXPORT]
    assert not export.formats["mobileconfig"].isEnabled()  # type: ignore[attr-defined]
    assert not export.formats["mobileconfig"].isChecked()  # type: ignore[attr-defined]
    hint = export.w.apple_hint.text()  # type: ignore[attr-defined]
    assert said("no_profile", lang) in hint and "Microsoft Exchange" in hint
    to_page(qtbot, wiz, Page.DONE)
    done = wiz.pages[Page.DONE]
    assert isinstance(done, DonePage)
    assert done.verdict.text().startswith(said("ready", lang, address=M365)), done.verdict.text()
    assert done.title() == said("title", lang)
    outcome = wiz.session.outcome()
    assert outcome.status == "ready" and "oauth2_signin" in outcome.reasons
    assert said("ms_skipped", lang) in done.why.text()
    assert said("ms_next", lang) in done.verdict.text()
    steps = steps_of(done)
    assert list(steps) == [p for p in ("outlook", "apple_mail", "thunderbird", "iphone", "android")]
    assert said("apple_mail_ms", lang) in steps["apple_mail"]
    assert said("iphone_ms", lang) in steps["iphone"]
    assert said("thunderbird", lang) in steps["thunderbird"]
    assert said("outlook", lang, provider="Microsoft") in steps["outlook"]
    assert said("android_tb", lang, provider="Microsoft") in steps["android"]
    assert not any(p.suffix == ".mobileconfig" for p in wiz.session.exported)
    assert said("phone_route", lang) in done.phone.ios_status.text()
    assert payload_json(wiz.session.account())  # the phone's code carries OAuth2 as the method
    assert '"outlook.office365.com",993,3,6,' in payload_json(wiz.session.account())
    no_english(lang, done.verdict.text(), done.why.text(), note, hint, done.phone.ios_status.text(),
               *steps.values())
    assert provider_world.microsoft.passwords == []


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_google_workspace_custom_domain(qtbot: QtBot, make: Make, provider_world: ProviderWorld,  # noqa: F811
                                        lang: str) -> None:
    wiz = make(lang)
    discover(qtbot, wiz, WORKSPACE)
    to_page(qtbot, wiz, Page.PASSWORD)
    page = wiz.pages[Page.PASSWORD]
    assert page.password_label.text() == said("app_password_label", lang)  # type: ignore[attr-defined]
    note = page.provider_note.text()  # type: ignore[attr-defined]
    assert said("app_password_note", lang) in note and "https://myaccount.google.com/apppasswords" in note

    def test_with(password: str) -> str:
        page.password.setText(password)  # type: ignore[attr-defined]
        qtbot.mouseClick(page.test_btn, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: wiz.session.state.signin == "done", timeout=30000)
        return str(page.result.text())  # type: ignore[attr-defined]

    refused = test_with(NORMAL_PASSWORD)
    assert said("refused", lang) in refused and "https://myaccount.google.com/apppasswords" in refused
    assert wiz.session.outcome().next_step == "make_app_password"
    worked = test_with(APP_PASSWORD)
    assert said("works", lang) in worked, worked
    assert NORMAL_PASSWORD in provider_world.google.passwords  # tried: Google takes app passwords
    to_page(qtbot, wiz, Page.DONE)
    done = wiz.pages[Page.DONE]
    assert isinstance(done, DonePage)
    assert done.verdict.text().startswith(said("ready", lang, address=WORKSPACE)), done.verdict.text()
    assert wiz.session.outcome().reasons == ("signin_ok",)
    steps = steps_of(done)
    assert said("apple_mail_google", lang) in steps["apple_mail"]
    assert said("iphone_google", lang) in steps["iphone"]
    assert said("thunderbird", lang) in steps["thunderbird"]
    assert said("outlook", lang, provider="Google") in steps["outlook"]
    assert said("android_gmail", lang) in steps["android"]
    # Google takes app passwords, so an Apple profile works (it asks for the app password): it was saved.
    assert any(p.suffix == ".mobileconfig" for p in wiz.session.exported)
    no_english(lang, done.verdict.text(), note, refused, *steps.values())
    assert EmailAddress.parse(WORKSPACE).domain == WORKSPACE_DOMAIN
