"""The QWizard shell: pages in order, navigation asked of ``core.flow``, About box, and shutdown.

Signals: ``language_requested(str)`` when the person picks another language (the app rebuilds the wizard).

Only the first page is built before the window shows: importing a page module loads its Qt classes (each
with its enums) and building it costs time the person would spend looking at nothing. The other pages are
built once the window is up, one per turn of the event loop (so it keeps painting and answering), and on
demand whenever something needs one sooner (``pages[...]``, or "Next").
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSettings, QSize, QTimer, Signal, qVersion
from PySide6.QtGui import QCloseEvent, QIcon, QShowEvent
from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from assistant import APP_NAME, __version__
from assistant.core.setup import flow
from assistant.core.setup.session import SetupSession
from assistant.gui import warmup
from assistant.gui.pages.address import AddressPage

if TYPE_CHECKING:  # the data model loads after the first window shows
    from assistant.gui.worker import AsyncWorker

# Returns a sentence when sign-in failed, None when it worked (plugged in by the sign-in feature).

RUNTIME_LICENSES = (
    ("Qt for Python (PySide6)", "LGPL-3.0"), ("dnspython", "ISC"),
    ("cryptography", "Apache-2.0 or BSD-3-Clause"),
    ("truststore", "MIT"), ("publicsuffixlist", "MPL-2.0"), ("defusedxml", "PSF-2.0"), ("h11", "MIT"),
    ("idna", "BSD-3-Clause"), ("keyring", "MIT"), ("segno", "BSD-3-Clause"), ("Python", "PSF-2.0"),
)

# Every page after the first, in the order they are built after the window shows: module, class.
LATER_PAGES: dict[flow.Page, tuple[str, str]] = {
    flow.Page.DISCOVERY: ("assistant.gui.pages.discovery", "DiscoveryPage"),
    flow.Page.MANUAL: ("assistant.gui.pages.manual", "ManualPage"),
    flow.Page.DEVICES: ("assistant.gui.pages.devices", "DevicesPage"),
    flow.Page.RECOMMENDATION: ("assistant.gui.pages.recommendation", "RecommendationPage"),
    flow.Page.PASSWORD: ("assistant.gui.pages.password", "PasswordPage"),
    flow.Page.EXPORT: ("assistant.gui.pages.export", "ExportPage"),
    flow.Page.DONE: ("assistant.gui.pages.done", "DonePage"),
}

DEFAULT_SIZE = QSize(820, 640)  # made smaller to fit the screen (fit_to_screen)

# Qt modules a page imports only when a button needs them (printing).
DEFERRED_QT: tuple[str, ...] = ("PySide6.QtPrintSupport",)


def import_deferred() -> list[str]:
    """Import every module the wizard would otherwise load only later (the self-test proves a bundle has
    them all); returns their names."""
    names = [module for module, _cls in LATER_PAGES.values()] + ["assistant.gui.worker", *DEFERRED_QT]
    for name in names:
        importlib.import_module(name)
    return names


class PageMap(dict[flow.Page, QWizardPage]):
    """The wizard's pages by id; asking for one not built yet builds it and adds it to the wizard."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__()
        self._wizard = wizard

    def add(self, pid: flow.Page, page: QWizardPage) -> QWizardPage:
        self[pid] = page  # before setPage: QWizard asks nextId() while adding, which may look here
        self._wizard.setPage(int(pid), page)
        return page

    def __missing__(self, pid: flow.Page) -> QWizardPage:
        module, name = LATER_PAGES[pid]
        page: QWizardPage = getattr(importlib.import_module(module), name)()
        return self.add(pid, page)

    def missing(self) -> list[flow.Page]:
        return [pid for pid in LATER_PAGES if pid not in self]

    def complete(self) -> PageMap:
        """Every page built (for code that walks all of them)."""
        for pid in self.missing():
            self[pid]
        return self


class SetupWizard(QWizard):
    language_requested = Signal(str)

    def __init__(self, session: SetupSession, prefs: QSettings, language: str = "en",
                 icon: QIcon | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.prefs = prefs
        self.language = language
        self._worker: AsyncWorker | None = None
        self._shown = False  # until the window is up, nextId() names pages without building them
        self.setWindowTitle(self.tr("Mail Setup Assistant"))
        if icon is not None:
            self.setWindowIcon(icon)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self._button_texts()
        self.confirm_discard: Callable[[], bool] = self.ask_discard
        self.customButtonClicked.connect(lambda _which: self.about())
        self.pages = PageMap(self)
        self.pages.add(flow.Page.ADDRESS, AddressPage())
        self.setStartId(int(flow.Page.ADDRESS))
        self.resize(DEFAULT_SIZE)
        self.currentIdChanged.connect(lambda _id: QTimer.singleShot(0, self, self.grow_to_content))

    def _button_texts(self) -> None:
        """Our own words for the wizard's buttons: Qt's zh_TW catalogue says 下一個 / 返回 ("next item",
        "return"), a wizard says 下一步 / 上一步. Each has an accelerator no page uses
        (tests/gui/test_keys.py)."""
        b = QWizard.WizardButton
        for which, text in ((b.NextButton, self.tr("&Next >")), (b.BackButton, self.tr("< &Back")),
                            (b.CancelButton, self.tr("Cancel")), (b.FinishButton, self.tr("&Finish")),
                            (b.CustomButton1, self.tr("&About"))):
            self.setButtonText(which, text)

    def fit_to_screen(self) -> None:
        """Never larger than the screen's free area (200 % scaling on a small screen keeps Next visible):
        the pages' content scrolls, so the window may shrink; it is centred in what is left."""
        screen = self.screen()
        if screen is None:
            return
        free = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()  # title bar and borders
        width = min(self.width(), free.width() - frame.width())
        height = min(self.height(), free.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))
        if not free.contains(self.frameGeometry()):
            self.move(free.x() + max(0, (free.width() - self.frameGeometry().width()) // 2),
                      free.y() + max(0, (free.height() - self.frameGeometry().height()) // 2))

    def grow_to_content(self) -> None:
        """Make the window taller (and wider) when the current page's content does not fit, as far as the
        screen's free area allows; the content scrolls for the rest. Never shrinks: a window that jumps
        smaller under the mouse is worse than some empty space."""
        from PySide6.QtWidgets import QScrollArea
        page = self.currentPage()
        scroll = page.findChild(QScrollArea) if page is not None else None
        content = scroll.widget() if scroll is not None else None
        screen = self.screen()
        if scroll is None or content is None or screen is None or not self.isVisible():
            return
        want = content.sizeHint()
        view = scroll.viewport().size()
        extra_w = want.width() - view.width()
        needed = content.heightForWidth(view.width()) if content.hasHeightForWidth() else want.height()
        extra_h = max(needed, content.minimumSizeHint().height()) - view.height()
        if extra_w <= 0 and extra_h <= 0:
            return
        free = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()
        width = min(self.width() + max(0, extra_w), free.width() - frame.width())
        height = min(self.height() + max(0, extra_h), free.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, self.width()), max(height, self.height()))
            self.fit_to_screen()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self.fit_to_screen()
            QTimer.singleShot(0, self, self._build_later_pages)
            QTimer.singleShot(0, self, warmup.start)

    def _build_later_pages(self) -> None:
        """Build one missing page, then come back on the next turn of the event loop for the next."""
        missing = self.pages.missing()
        if missing:
            self.pages[missing[0]]
        if len(missing) > 1:
            QTimer.singleShot(0, self, self._build_later_pages)

    @property
    def worker(self) -> AsyncWorker:
        """The asyncio worker, made when a page first needs it (asyncio is not needed to show page 1)."""
        if self._worker is None:
            warmup.wait()
            from assistant.gui.worker import AsyncWorker
            self._worker = AsyncWorker(self)
        return self._worker

    def shutdown_worker(self) -> None:
        """Stop the worker thread if one was made (bounded; safe to repeat)."""
        if self._worker is not None:
            self._worker.shutdown()

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0:
            return int(flow.Page.ADDRESS)
        nxt = flow.next_page(flow.Page(current), self.session.state)
        if self._shown and nxt in LATER_PAGES:
            self.pages[flow.Page(nxt)]  # "Next" must find the page, even if the build-up has not reached it
        return int(nxt)

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
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.about(self, self.tr("About Mail Setup Assistant"), self.about_text())

    def has_work(self) -> bool:
        """From the manual settings page on, until the last page, closing would throw choices away."""
        return int(flow.Page.MANUAL) <= self.currentId() < int(flow.Page.DONE)

    def ask_discard(self) -> bool:
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Stop setting up?"),
                          self.tr("Close the assistant? The servers found and your choices are lost; files "
                                  "you already saved are kept."),
                          QMessageBox.StandardButton.NoButton, self)
        close = box.addButton(self.tr("&Close the assistant"), QMessageBox.ButtonRole.AcceptRole)
        stay = box.addButton(self.tr("&Keep setting up"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        return box.clickedButton() is close

    def reject(self) -> None:
        """Cancel, Esc and the window's close button: ask first when there is work to lose."""
        if self.has_work() and not self.confirm_discard():
            return
        super().reject()

    def done(self, result: int) -> None:
        self.shutdown_worker()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)  # QDialog asks reject(), which may keep the window open
        if event.isAccepted():
            self.shutdown_worker()
