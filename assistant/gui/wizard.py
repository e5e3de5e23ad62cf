"""The QWizard shell: pages in order, navigation asked of ``core.flow``, About box, and shutdown.

Signals: ``language_requested(str)`` when the person picks another language (the app rebuilds the wizard).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSettings, Signal, qVersion
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from assistant import APP_NAME, __version__
from assistant.core import flow
from assistant.core.model import AccountConfig
from assistant.gui.pages.address import AddressPage
from assistant.gui.pages.devices import DevicesPage
from assistant.gui.pages.discovery import DiscoveryPage
from assistant.gui.pages.done import DonePage
from assistant.gui.pages.export import ExportPage
from assistant.gui.pages.manual import ManualPage
from assistant.gui.pages.password import PasswordPage
from assistant.gui.pages.recommendation import RecommendationPage
from assistant.gui.session import Session
from assistant.gui.worker import AsyncWorker

# Returns a sentence when sign-in failed, None when it worked (plugged in by the sign-in feature).
SignInCheck = Callable[[AccountConfig, str], str | None]

RUNTIME_LICENSES = (
    ("Qt for Python (PySide6)", "LGPL-3.0"), ("dnspython", "ISC"),
    ("cryptography", "Apache-2.0 or BSD-3-Clause"),
    ("truststore", "MIT"), ("publicsuffixlist", "MPL-2.0"), ("defusedxml", "PSF-2.0"), ("h11", "MIT"),
    ("idna", "BSD-3-Clause"), ("keyring", "MIT"), ("Python", "PSF-2.0"),
)


class SetupWizard(QWizard):
    language_requested = Signal(str)

    def __init__(self, session: Session, prefs: QSettings, language: str = "en",
                 icon: QIcon | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.prefs = prefs
        self.language = language
        self.sign_in: SignInCheck | None = None
        self.worker = AsyncWorker(self)
        self.setWindowTitle(self.tr("Mail Setup Assistant"))
        if icon is not None:
            self.setWindowIcon(icon)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("&About"))
        self.customButtonClicked.connect(lambda _which: self.about())
        self.pages = {
            flow.Page.ADDRESS: AddressPage(), flow.Page.DISCOVERY: DiscoveryPage(),
            flow.Page.MANUAL: ManualPage(), flow.Page.DEVICES: DevicesPage(),
            flow.Page.RECOMMENDATION: RecommendationPage(), flow.Page.PASSWORD: PasswordPage(),
            flow.Page.EXPORT: ExportPage(), flow.Page.DONE: DonePage(),
        }
        for pid, page in self.pages.items():
            self.setPage(int(pid), page)
        self.setStartId(int(flow.Page.ADDRESS))
        self.resize(820, 640)

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0:
            return int(flow.Page.ADDRESS)
        return int(flow.next_page(flow.Page(current), self.session.state))

    def about_text(self) -> str:
        licenses = "".join(f"<li>{name}: {lic}</li>" for name, lic in RUNTIME_LICENSES)
        return (f"<h3>{APP_NAME} {__version__}</h3>"
                + "<p>" + self.tr("Finds, tests and sets up the mail servers for your address, safely.")
                + "</p>"
                + "<p>" + self.tr("This program is free software under the MIT license.") + "</p>"
                + "<p>" + self.tr("It uses these components:") + f"</p><ul>{licenses}</ul>"
                + "<p>" + self.tr("Qt for Python is used under the LGPL version 3 as separate, replaceable "
                                  "libraries.") + "</p>"
                + f"<p>Qt {qVersion()} · PySide6 {pyside_version} · Python {sys.version.split()[0]}</p>")

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Mail Setup Assistant"), self.about_text())

    def done(self, result: int) -> None:
        self.worker.shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.worker.shutdown()
        super().closeEvent(event)
