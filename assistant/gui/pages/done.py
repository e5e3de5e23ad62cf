"""Page 8: the verdict first — ready, ready with a risk the person accepted, not working, or untested —
with what to do next and a button to go there; then the steps for each mail program being set up; then the
rest (servers, sign-in, keychain, files) and "Copy diagnostics" (a redacted report, never a password).

The verdict is the core's (``SetupSession.outcome()``): this page never says "ready" after a failure, and
its title follows the verdict.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.core.model.account import AccountConfig
from assistant.core.setup import flow
from assistant.core.setup.outcome import Outcome, join
from assistant.core.words.errors import AssistantError
from assistant.gui.pages.base import Page
from assistant.gui.pages.done_parts import ProgramPanel, action_text, show_verdict
from assistant.gui.phone_panel import PhonePanel
from assistant.gui.signin_text import describe, keychain_text
from assistant.gui.text import security_name


class DonePage(Page):
    page_id = flow.Page.DONE

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Result"))
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(self.tr("Result"))
        self.body.addWidget(self.verdict)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.body.addWidget(self.why)
        self.action = QPushButton()
        self.action.clicked.connect(self.take_action)
        row = QHBoxLayout()
        row.addWidget(self.action)
        row.addStretch(1)
        self.body.addLayout(row)
        self.programs_title = QLabel()
        self.programs_title.setWordWrap(True)
        heading = self.programs_title.font()
        heading.setBold(True)
        heading.setPointSizeF(heading.pointSizeF() * 1.15)
        self.programs_title.setFont(heading)
        self.body.addWidget(self.programs_title)
        self.programs_box = QWidget()
        self.programs = QVBoxLayout(self.programs_box)
        self.programs.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.programs_box)
        self.panels: list[ProgramPanel] = []
        self.phone_box = QGroupBox(self.tr("Set up your phone"))  # issue 11: the phone hand-off
        self.phone = PhonePanel()
        QVBoxLayout(self.phone_box).addWidget(self.phone)
        self.body.addWidget(self.phone_box)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.body.addWidget(self.summary)
        self._diagnostics_row()
        self.setFinalPage(True)
        self.outcome: Outcome | None = None

    def _diagnostics_row(self) -> None:
        row = QHBoxLayout()
        self.copy_btn = QPushButton(self.tr("&Copy diagnostics"))
        self.copy_btn.setAccessibleDescription(
            self.tr("Copies a report for your helpdesk to the clipboard; it never contains your password"))
        self.copied = QLabel()
        row.addWidget(self.copy_btn)
        row.addWidget(self.copied, 1)
        self.body.addLayout(row)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setTabChangesFocus(True)
        self.report.setAccessibleName(self.tr("Diagnostics report"))
        self.report.setMinimumHeight(120)
        self.body.addWidget(self.report, 1)
        self.copy_btn.clicked.connect(self.copy)

    def initializePage(self) -> None:
        s = self.session
        self.outcome = outcome = s.outcome()
        self.setTitle(outcome.title(QCoreApplication.translate))
        show_verdict(self.verdict, outcome)
        details = outcome.details(QCoreApplication.translate)
        self.why.setText(join(*details))
        self.why.setVisible(bool(details))
        self.action.setText(action_text(outcome))
        self.action.setVisible(bool(self.action.text()))
        try:
            account: AccountConfig | None = s.account()
        except AssistantError:
            account = None
        self._show_programs(account, outcome)
        handed_over = bool(self.panels)  # the phone gets what the programs get: nothing that cannot work
        self.phone_box.setVisible(handed_over)
        if handed_over:
            self.phone.show_for(s, self.wiz.worker)
        else:
            self.phone.stop()
        self.summary.setText("\n".join(self._summary(account)))
        self.report.setPlainText(s.report(QCoreApplication.translate))
        self.copied.setText("")
        (self.action if self.action.isVisible() else self.copy_btn).setFocus()

    def _show_programs(self, account: AccountConfig | None, outcome: Outcome) -> None:
        """The steps per program — when the settings work, are untested, or only the password failed."""
        from assistant.core.advice.programs import instructions
        for panel in self.panels:
            panel.deleteLater()
        self.panels = []
        wanted = outcome.status != "not_working" or "signin_rejected" in outcome.reasons
        if account is None or not wanted:
            self.programs_title.setVisible(False)
            return
        profile = next((p.name for p in self.session.exported if p.suffix == ".mobileconfig"), None)
        files = {"mobileconfig": profile} if profile else {}
        for steps in instructions(account, self.session.programs, files):
            panel = ProgramPanel(steps)
            self.programs.addWidget(panel)
            self.panels.append(panel)
        self.programs_title.setText(self.tr("Set up your mail program") if self.session.programs else self.tr(
            "Set up your mail program (choose your programs on the Devices page to see their own steps)"))
        self.programs_title.setVisible(True)

    def _summary(self, account: AccountConfig | None) -> list[str]:
        s = self.session
        lines: list[str] = []
        for server in (*account.incoming[:1], *account.outgoing[:1]) if account else ():
            lines.append(self.tr("• {protocol}: {server} ({security})").format(
                protocol=server.protocol.upper(), server=f"{server.host}:{server.port}",
                security=security_name(server.security)))
        if s.signin is not None:
            lines.append(describe(s.signin, s.address, s.provider))
        if s.keychain == "saved":
            lines.append(self.tr("Your password is saved in the system keychain."))
        elif keychain_text(s):
            lines.append(keychain_text(s))
        if s.exported:
            lines.append(join(self.tr("Files saved:"), ", ".join(str(p) for p in s.exported)))
        else:
            lines.append(self.tr("No files were saved."))
        return lines

    def take_action(self) -> None:
        """Go where the next step is done: the address page (a fresh start), or back to the page."""
        target = self.outcome.back_to if self.outcome else None
        wiz = self.wiz
        if target is None:
            return
        if target is flow.Page.ADDRESS or int(target) not in wiz.visitedIds():
            wiz.restart()
            return
        while wiz.currentId() != int(target):
            wiz.back()
        page = wiz.currentPage()
        if target is flow.Page.DISCOVERY and hasattr(page, "start"):
            page.start()  # "Try again" checks again

    def cleanupPage(self) -> None:
        self.phone.stop()  # Back: the iPhone link lives only while this page is shown
        super().cleanupPage()

    def copy(self) -> None:
        # What is shown, then the same with stable codes in English: any helpdesk can read one of them.
        heading = self.tr("The same for the helpdesk, with codes (English):")
        QGuiApplication.clipboard().setText(
            f"{self.report.toPlainText()}\n\n{heading}\n{self.session.report()}")
        self.copied.setText(self.tr("Copied to the clipboard."))
