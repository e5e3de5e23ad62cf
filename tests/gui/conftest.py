"""The wizard under test: built against the integration test world (real dnsmasq, Dovecot, web server).

The world itself comes from ``tests/integration/conftest.py`` (one definition for every suite); each test
gets a fresh wizard with its own QSettings file, and every worker thread is shut down in teardown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import keyring
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from assistant.core.model.address import EmailAddress
from assistant.core.setup import flow
from assistant.core.setup.session import SetupSession as Session
from assistant.gui import i18n
from assistant.gui.app import app_icon
from assistant.gui.wizard import SetupWizard
from tests.integration.conftest import ProbeWorld, add_accounts, build_world
from tests.support.keyrings import MemoryKeyring

# Scenarios in the integration world, by what the wizard should do with them.
FOUND = "alice@srv.test"  # IMAP, POP3 and SMTP with verified TLS
NOTHING = "bob@dead.fallback.test"  # the domain exists, nothing answers
CERT_PROBLEM = "carol@tlsbad.test"  # IMAP only with certificate faults, SMTP fine
OUTSIDE = "dave@outside.test"  # IMAP server in another domain, named by unsigned DNS
SILENT = "erin@hang.silent.test"  # a server that accepts and never says a word
PLAINTEXT = "pat@plain.test"  # IMAP, POP3 and SMTP with no encryption at all
NO_DOMAIN = "bob@nosuch.test"  # the domain does not exist (NXDOMAIN)
TYPO = "alice@srv.tset"  # a typo in the top-level domain (the DNS server refuses it)

# Mailboxes the sign-in tests use (test-only passwords): alice signs in with her full address, carol only
# with the part before the @ (so the wizard must report that form).
ACCOUNTS = {FOUND: "Gui-Alice-Pw-7!", "carol": "Carol's pw 9"}


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProbeWorld]:
    w = build_world(tmp_path_factory.mktemp("gui-world"))
    try:
        yield w
    finally:
        w.stop()


@pytest.fixture(scope="session")
def accounts(world: ProbeWorld) -> dict[str, str]:
    add_accounts(world, ACCOUNTS)
    return ACCOUNTS


@pytest.fixture(scope="session", autouse=True)
def catalogues() -> None:
    """The .qm files are build output: build them once so the zh_TW tests load real catalogues."""
    i18n.build_catalogues()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(before)


@pytest.fixture
def make_wizard(qtbot: QtBot, world: ProbeWorld,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., SetupWizard]]:
    made: list[SetupWizard] = []
    home = tmp_path_factory.mktemp("wizard")  # not the test's tmp_path: tests look at what lands there

    def make(address: str = "", lang: str = "en", timeout: float = 10.0) -> SetupWizard:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        i18n.install(app, lang)
        prefs = QSettings(str(home / "prefs.ini"), QSettings.Format.IniFormat)
        saved = home / "saved"  # Next on the export page saves there, never in the real Documents
        saved.mkdir(exist_ok=True)
        prefs.setValue("export/folder", str(saved))
        session = Session(world.settings(timeout), address=EmailAddress.parse(address) if address else None)
        wiz = SetupWizard(session, prefs, lang, app_icon())
        wiz.confirm_discard = lambda: True  # qtbot closes it after the test: no question may block that
        qtbot.addWidget(wiz)
        wiz.show()
        made.append(wiz)
        return wiz

    yield make
    for wiz in made:
        wiz.shutdown_worker()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, "en")


def click_next(qtbot: QtBot, wiz: SetupWizard) -> None:
    button = wiz.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on page {flow.Page(wiz.currentId()).name}"
    qtbot.mouseClick(button, _left())


def _left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    return Qt.MouseButton.LeftButton


def wait_discovery(qtbot: QtBot, wiz: SetupWizard, timeout_ms: int = 60000) -> None:
    ended = ("done", "failed", "cancelled")
    qtbot.waitUntil(lambda: wiz.session.state.discovery in ended, timeout=timeout_ms)


def page(wiz: SetupWizard) -> flow.Page:
    return flow.Page(wiz.currentId())
