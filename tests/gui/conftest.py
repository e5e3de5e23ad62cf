"""The wizard under test, with a fake discovery or against the test world's real servers.

``make_wizard`` builds a fresh wizard (its own QSettings file, every worker thread shut down in teardown).
Its discovery is the fake of tests/support/fake_discovery.py, which gives what the real servers give, so
most tests run without dnsmasq or Dovecot. A test that signs in, tests settings typed by hand or walks the
whole way as an end-to-end check is marked ``real_servers`` (or asks for ``accounts`` or ``world``): its
wizard then runs against the test world (tests/support/world.py: real dnsmasq, Dovecot and web server),
started once per session on first use. Walking the pages: tests/gui/walk.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assistant.core.model.address import EmailAddress
from assistant.core.setup.session import SetupSession as Session
from assistant.gui import i18n
from assistant.gui.app import app_icon
from assistant.gui.wizard import SetupWizard
from tests.support.fake_discovery import fake_discover, offline_settings
from tests.support.world import ProbeWorld, add_accounts, build_world

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


@pytest.fixture(autouse=True)
def collect_between_tests() -> Iterator[None]:
    """No garbage collection while a test runs its wizard: Python's collector, started by whichever
    thread allocates, once finalized a Qt wrapper in the middle of a wait and crashed the process
    (a segmentation fault under load, once in several full runs). Collect after the test instead, when
    its wizards and worker threads are gone."""
    import gc
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


@pytest.fixture(scope="session", autouse=True)
def catalogues() -> None:
    """The .qm files are build output: build them once so the zh_TW tests load real catalogues."""
    i18n.build_catalogues()


def uses_real_servers(request: pytest.FixtureRequest) -> bool:
    """Marked ``real_servers``, or asking for the world or its mailboxes."""
    return (request.node.get_closest_marker("real_servers") is not None
            or bool({"accounts", "world"} & set(request.fixturenames)))


@pytest.fixture
def make_wizard(request: pytest.FixtureRequest, qtbot: QtBot,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., SetupWizard]]:
    made: list[SetupWizard] = []
    home = tmp_path_factory.mktemp("wizard")  # not the test's tmp_path: tests look at what lands there
    world: ProbeWorld | None = request.getfixturevalue("world") if uses_real_servers(request) else None

    def make(address: str = "", lang: str = "en", timeout: float = 10.0) -> SetupWizard:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        i18n.install(app, lang)
        prefs = QSettings(str(home / "prefs.ini"), QSettings.Format.IniFormat)
        saved = home / "saved"  # Next on the export page saves there, never in the real Documents
        saved.mkdir(exist_ok=True)
        prefs.setValue("export/folder", str(saved))
        value = EmailAddress.parse(address) if address else None
        if world is not None:
            session = Session(world.settings(timeout), address=value)
        else:
            session = Session(offline_settings(timeout), address=value, discoverer=fake_discover)
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
