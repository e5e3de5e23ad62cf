"""Walking the wizard page by page as a person does (the Next button, typed text), for every GUI test.

Each step asserts where it is, so a walk that goes astray fails at the step that went wrong. The pages'
own widgets are read by the tests; these helpers only move between pages and wait for the background work
(discovery, the sign-in test, a test of settings typed by hand) to end.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from assistant.core.setup.flow import Page
from assistant.gui.pages.discovery import DiscoveryPage
from assistant.gui.pages.done import DonePage
from assistant.gui.pages.export import ExportPage
from assistant.gui.pages.manual import ManualPage
from assistant.gui.pages.password import PasswordPage
from assistant.gui.wizard import SetupWizard


def page(wiz: SetupWizard) -> Page:
    return Page(wiz.currentId())


def click_next(qtbot: QtBot, wiz: SetupWizard) -> None:
    button = wiz.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on page {page(wiz).name}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_discovery(qtbot: QtBot, wiz: SetupWizard, timeout_ms: int = 60000) -> None:
    ended = ("done", "failed", "cancelled")
    qtbot.waitUntil(lambda: wiz.session.state.discovery in ended, timeout=timeout_ms)


def to_discovery(qtbot: QtBot, wiz: SetupWizard, address: str = "", *, typed: bool = True) -> DiscoveryPage:
    """Enter ``address`` on the first page (typed key by key, or pasted), press Next and wait for the
    checks to end. QTest cannot type characters outside Latin-1 key codes: such an address is pasted."""
    if address:
        field = wiz.pages[Page.ADDRESS].address  # type: ignore[attr-defined]
        if typed and address.isascii():
            qtbot.keyClicks(field, address)
        else:
            field.setText(address)
    click_next(qtbot, wiz)
    assert page(wiz) is Page.DISCOVERY
    wait_discovery(qtbot, wiz)
    disc = wiz.pages[Page.DISCOVERY]
    assert isinstance(disc, DiscoveryPage)
    return disc


def next_until(qtbot: QtBot, wiz: SetupWizard, target: Page, *, programs: tuple[str, ...] = (),
               password: str | None = None) -> None:
    """Press Next until ``target``: ticking ``programs`` on the devices page, typing ``password`` (when
    given) on the password page."""
    while page(wiz) is not target:
        if page(wiz) is Page.DEVICES:
            for code in programs:
                wiz.pages[Page.DEVICES].programs[code].setChecked(True)  # type: ignore[attr-defined]
        if page(wiz) is Page.PASSWORD and password is not None:
            wiz.pages[Page.PASSWORD].password.setText(password)  # type: ignore[attr-defined]
        click_next(qtbot, wiz)


def to_manual(qtbot: QtBot, wiz: SetupWizard) -> ManualPage:
    """From the discovery page (nothing usable found) to the page for settings typed by hand."""
    click_next(qtbot, wiz)
    assert page(wiz) is Page.MANUAL
    manual = wiz.pages[Page.MANUAL]
    assert isinstance(manual, ManualPage)
    return manual


def by_hand(qtbot: QtBot, wiz: SetupWizard, incoming: str, outgoing: str, *, test: bool = True) -> ManualPage:
    """On the manual page: type the two host names and (``test``) run the test, waiting for both results."""
    manual = wiz.pages[Page.MANUAL]
    assert isinstance(manual, ManualPage)
    manual.incoming.host.setText(incoming)
    manual.outgoing.host.setText(outgoing)
    if test:
        qtbot.mouseClick(manual.test_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(wiz.session.manual_probes) == 2, timeout=30000)
    return manual


def to_password(qtbot: QtBot, wiz: SetupWizard) -> PasswordPage:
    """From the discovery (or manual) page through devices and recommendation to the password page."""
    next_until(qtbot, wiz, Page.PASSWORD)
    pw = wiz.pages[Page.PASSWORD]
    assert isinstance(pw, PasswordPage)
    return pw


def sign_in(qtbot: QtBot, wiz: SetupWizard, pw: PasswordPage, password: str) -> str:
    """Type ``password``, press "Test", check that Next waits for the result; the result's text."""
    pw.password.setText(password)
    assert pw.test_btn.isEnabled()
    qtbot.mouseClick(pw.test_btn, Qt.MouseButton.LeftButton)
    assert wiz.session.state.signin == "running"
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()  # no Next while it runs
    assert pw.stop_btn.isEnabled()
    qtbot.waitUntil(lambda: wiz.session.state.signin == "done", timeout=60000)
    assert wiz.button(wiz.WizardButton.NextButton).isEnabled()
    return pw.result.text()


def to_export(qtbot: QtBot, wiz: SetupWizard, password: str = "") -> ExportPage:
    """From the discovery (or manual) page to the export page, typing ``password`` on the way (untested)."""
    next_until(qtbot, wiz, Page.PASSWORD)
    next_until(qtbot, wiz, Page.EXPORT, password=password)
    export = wiz.pages[Page.EXPORT]
    assert isinstance(export, ExportPage)
    return export


def to_done(qtbot: QtBot, wiz: SetupWizard, programs: tuple[str, ...] = (), password: str | None = None
            ) -> DonePage:
    """From the page after discovery (or manual settings) to the last page, ticking ``programs``."""
    next_until(qtbot, wiz, Page.DONE, programs=programs, password=password)
    done = wiz.pages[Page.DONE]
    assert isinstance(done, DonePage)
    return done
