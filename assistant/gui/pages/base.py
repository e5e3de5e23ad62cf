"""What every page shares: access to the session, and "Next" enabled only when the flow says so."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QSettings, QTimer, SignalInstance
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget, QWizard, QWizardPage

from assistant.core.setup import flow
from assistant.core.setup.session import SetupSession
from assistant.gui.signals import emit
from assistant.gui.text import core_text

if TYPE_CHECKING:
    from assistant.gui.worker import AsyncWorker


class Shell(Protocol):
    """What a page may use of the wizard around it (``SetupWizard`` is one): the session, the worker
    thread, the other pages, the preferences and the language. Pages know this, not the wizard class."""

    session: SetupSession
    worker: AsyncWorker
    prefs: QSettings
    language: str
    language_requested: SignalInstance

    @property
    def pages(self) -> dict[flow.Page, QWizardPage]: ...

    def back(self) -> None: ...

    def restart(self) -> None: ...

    def visitedIds(self) -> list[int]: ...

    def currentId(self) -> int: ...

    def currentPage(self) -> QWizardPage: ...

    def buttonText(self, which: QWizard.WizardButton) -> str: ...


class Page(QWizardPage):
    """A wizard page whose content scrolls (readable at 200 % scaling) and shows why "Next" is off."""

    page_id: flow.Page

    def __init__(self) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.body = QVBoxLayout(body)
        self.blocker = QLabel(self)
        self.blocker.setWordWrap(True)
        self.blocker.setObjectName("blocker")
        outer.addWidget(self.blocker)

    @property
    def wiz(self) -> Shell:
        return cast("Shell", self.wizard())

    @property
    def session(self) -> SetupSession:
        return self.wiz.session

    def isComplete(self) -> bool:
        wiz = self.wizard()
        if wiz is None:
            return False
        reasons = flow.blockers(self.page_id, self.session.state)
        self.blocker.setText(" ".join(core_text("flow", flow.BLOCKERS[r]) for r in reasons))
        self.blocker.setVisible(bool(reasons))
        return not reasons

    def validatePage(self) -> bool:
        """Leave only when the flow allows it, however "next" was asked for: a disabled button is not
        the only way in (``QWizard.next()`` does not ask ``isComplete()``)."""
        return not flow.blockers(self.page_id, self.session.state)

    def changed(self) -> None:
        """Re-ask the flow whether "Next" may be pressed (after any state change)."""
        emit(self.completeChanged)
        wiz = self.wizard()
        if wiz is not None and hasattr(wiz, "grow_to_content"):  # content may have grown (results, problems)
            QTimer.singleShot(0, wiz, wiz.grow_to_content)

    def nextId(self) -> int:
        return flow.next_page(self.page_id, self.session.state)
