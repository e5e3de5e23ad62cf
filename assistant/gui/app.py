"""Starting the wizard: QApplication, language, icon, preferences, and the resolver from the options.

Preferences (language, last export folder) live in QSettings; passwords never do.
Start-up speed matters (the window should appear as fast as a bare Qt wizard's): nothing here imports
discovery, DNS, TLS or the keychain. The run settings are made on first use, and the wizard loads those
modules on a background thread once its window is up (``assistant/gui/warmup.py``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication

from assistant import APP_NAME, __version__, resources
from assistant.core.setup import flow
from assistant.core.setup.session import SetupSession
from assistant.core.words.errors import EXIT_BAD_INPUT, InputError
from assistant.gui import i18n
from assistant.gui.wizard import SetupWizard

if TYPE_CHECKING:  # the data model behind these loads after the first window shows
    from assistant.core.discovery.presets import Preset
    from assistant.core.model.address import EmailAddress
    from assistant.core.net.settings import Settings

ORG = "MailSetupAssistant"


@dataclass
class Options:
    """What the command line pre-fills (helpdesk use)."""

    address: str | None = None
    dns_server: str | None = None
    cafile: str | None = None
    lang: str | None = None
    timeout: float = 20.0
    preset: str | None = None  # an organisation's preset file (--preset)
    offline: bool = False  # skip the ISPDB (--offline)


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("mail-setup-assistant")
    return app


def app_icon() -> QIcon:
    return QIcon(str(resources.path("icons", "mail-setup-assistant.svg")))


def preferences() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, "mail-setup-assistant")


def settings_from(opts: Options) -> Settings:
    """The run settings, made as every command makes them (``Settings.create`` checks each option)."""
    from assistant.core.net.settings import Settings
    return Settings.create(timeout=opts.timeout, dns_server=opts.dns_server, cafile=opts.cafile,
                           offline=opts.offline)


def build_wizard(opts: Options, prefs: QSettings | None = None,
                 preset: Preset | None = None) -> SetupWizard:
    """A ready wizard (translators installed for the chosen language); the caller shows it.

    ``preset`` is the already loaded ``opts.preset`` (``run`` loads it once, so a language switch
    keeps the same policy even if the file changes meanwhile).
    """
    app = application()
    if app.palette().color(QPalette.ColorRole.Window).lightness() < 128:  # dark: indicators need help
        from assistant.gui import style
        style.apply(app)
    prefs = prefs or preferences()
    i18n.build_catalogues()
    lang = i18n.pick(opts.lang, str(prefs.value("language", "") or ""))
    i18n.install(app, lang)
    address, text = given_address(opts.address)
    session = SetupSession(lambda: settings_from(opts), address=address, preset=preset)
    icon = app_icon()
    app.setWindowIcon(icon)
    wizard = SetupWizard(session, prefs, lang, icon)
    if address is None and text:  # not an address yet: the first page shows it with what is wrong
        field = getattr(wizard.pages[flow.Page.ADDRESS], "address", None)
        if field is not None:
            field.setText(text)

    def relaunch(code: str) -> None:
        prefs.setValue("language", code)
        shown = session.address.shown if session.address is not None else opts.address
        new = build_wizard(replace(opts, address=shown, lang=code), prefs,
                           session.preset)
        new.session.display_name = session.display_name
        new.move(wizard.pos())
        new.show()
        wizard.hide()
        wizard.shutdown_worker()
        wizard.deleteLater()
        app.setProperty("wizard", new)

    wizard.language_requested.connect(relaunch)
    app.setProperty("wizard", wizard)
    return wizard


def given_address(text: str | None) -> tuple[EmailAddress | None, str]:
    """``--address``: the address value when it is one (parsed here, where it enters), and the text."""
    text = (text or "").strip()
    if not text:
        return None, ""
    from assistant.core.model.address import parse_address
    try:
        address = parse_address(text)
    except InputError:
        return None, text
    return (address if address.local is not None else None), text


def run(opts: Options) -> int:
    app = application()
    preset = None
    if opts.preset:
        from assistant.core.discovery.presets import load_preset
        try:
            preset = load_preset(opts.preset)
        except InputError as exc:  # checked before, but the file can change: say so in a window too
            from PySide6.QtWidgets import QMessageBox

            from assistant.gui.text import error_text
            QMessageBox.critical(None, APP_NAME, error_text(exc))
            return EXIT_BAD_INPUT
    wizard = build_wizard(opts, preset=preset)
    wizard.show()  # the wizard loads the rest (pages, discovery modules) once it is up
    return int(app.exec())
