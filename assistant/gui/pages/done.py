"""Page 8: what was set up, and "Copy diagnostics" (a redacted report for the helpdesk, never a password)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton

from assistant.core import flow
from assistant.core.errors import AssistantError
from assistant.gui.pages.base import Page
from assistant.gui.signin_text import describe
from assistant.gui.text import error_text, security_name


class DonePage(Page):
    page_id = flow.Page.DONE

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("All done"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.body.addWidget(self.summary)
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
        self.body.addWidget(self.report, 1)
        self.copy_btn.clicked.connect(self.copy)
        self.setFinalPage(True)

    def initializePage(self) -> None:
        s = self.session
        lines = [self.tr("Your account {0} is ready to be set up.").format(s.address)]
        try:
            account = s.account()
        except AssistantError as exc:
            lines.append(error_text(exc))
        else:
            for server in (*account.incoming[:1], *account.outgoing[:1]):
                lines.append(f"• {server.protocol.upper()}: {server.host}:{server.port} "
                             f"({security_name(server.security)})")
        if s.signin is not None:
            lines.append(describe(s.signin, s.address))
        if s.keychain == "saved":
            lines.append(self.tr("Your password is saved in the system keychain."))
        elif s.keychain_message:
            lines.append(s.keychain_message)
        if s.exported:
            lines.append(self.tr("Files saved:") + " " + ", ".join(str(p) for p in s.exported))
        else:
            lines.append(self.tr("No files were saved."))
        self.summary.setText("\n".join(lines))
        self.report.setPlainText(s.report())
        self.copied.setText("")
        self.copy_btn.setFocus()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.session.report())
        self.copied.setText(self.tr("Copied to the clipboard."))
