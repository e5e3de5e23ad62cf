"""Page 6: the password (optional, masked), keeping it in the system keychain, and a sign-in test.

The password stays in memory for this session only. Saving is the session's ``save_password`` (keyring, no
plaintext fallback); when the keychain is missing or refuses, the page says so and the wizard carries on.
"Test sign-in" runs the setup session's sign-in on the worker thread; the safety rules and the pins (only
certificates the person accepted by name on the discovery page) live in core. When the domain's Outlook
settings service (Autodiscover) wanted the password, the page says so, asks before the password may go to
one outside the domain, and the test asks that service first (core/setup/autodiscover_auth.py).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

from assistant.core.model.progress import ProgressEvent
from assistant.core.setup import flow
from assistant.core.words.errors import AssistantError
from assistant.gui import warmup
from assistant.gui.pages.base import Page
from assistant.gui.signin_text import describe, keychain_text
from assistant.gui.text import core_text, error_text
from assistant.gui.wrapbox import WrapCheckBox

if TYPE_CHECKING:
    from assistant.gui.worker import Job

_MARKS = {"started": "…", "done": "✔", "failed": "✖"}

class PasswordPage(Page):
    page_id = flow.Page.PASSWORD

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Password (optional)"))
        self.setSubTitle(self.tr("You can skip this: your mail program will ask for the password. It is "
                                 "never written into the files we create."))
        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setAccessibleDescription(self.tr("The password of your mailbox; it is shown as dots"))
        self.reveal = WrapCheckBox(self.tr("S&how the password"))
        self.remember = WrapCheckBox(self.tr("&Remember it in the system keychain"))
        self.remember.setAccessibleDescription(
            self.tr("Stores the password in your operating system's protected password store"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Keychain status"))
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.reveal)
        form.addRow("", self.remember)
        form.addRow("", self.message)
        self.body.addLayout(form)
        # The domain's Outlook settings service wants the password (shown only then).
        self.service = QLabel()
        self.service.setWordWrap(True)
        self.allow = WrapCheckBox("")
        self.allow.setAccessibleDescription(
            self.tr("Allows the sign-in test to send your password to this settings service"))
        self.body.addWidget(self.service)
        self.body.addWidget(self.allow)
        row = QHBoxLayout()
        self.test_btn = QPushButton(self.tr("&Test sign-in"))
        self.test_btn.setAccessibleDescription(
            self.tr("Signs in to the incoming and outgoing server with this password, without sending mail"))
        self.stop_btn = QPushButton(self.tr("St&op"))
        self.stop_btn.setAccessibleDescription(self.tr("Stops the sign-in test"))
        self.stop_btn.setEnabled(False)
        row.addWidget(self.test_btn)
        row.addWidget(self.stop_btn)
        row.addStretch(1)
        self.body.addLayout(row)
        self.progress = QLabel()
        self.progress.setWordWrap(True)
        self.progress.setAccessibleName(self.tr("Sign-in progress"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Sign-in result"))
        self.body.addWidget(self.progress)
        self.body.addWidget(self.result)
        self.body.addStretch(1)
        self.reveal.toggled.connect(lambda on: self.password.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        self.password.textChanged.connect(self._typed)
        self.test_btn.clicked.connect(self.test)
        self.allow.toggled.connect(self._allow)
        self.stop_btn.clicked.connect(self.stop)
        self.job: Job | None = None
        self._steps: dict[str, tuple[str, str]] = {}
        self._asked: object = None  # what the settings service had said before this test

    def initializePage(self) -> None:
        self.message.setText("")
        # The session voids a result for another address, other servers or another password.
        if self.session.signin is None and self.session.state.signin != "running":
            self._forget()
        self._show_service()
        self._enable()
        self.password.setFocus()

    def _show_service(self) -> None:
        """Say that the settings service wants the password; one outside the domain needs a tick first."""
        from assistant.core.setup.autodiscover_auth import TEXTS
        request = self.session.autodiscover_request()
        self.service.setVisible(request is not None)
        self.allow.setVisible(request is not None and not request.inside)
        if request is None:
            return
        self.service.setText(core_text("autodiscover", TEXTS["asks"], host=request.host))
        if not request.inside:
            self.allow.setText(core_text("autodiscover", TEXTS["confirm"], host=request.host,
                                         domain=request.domain))
            self.allow.blockSignals(True)  # what the session holds (a new discovery forgot the tick)
            self.allow.setChecked(self.session.autodiscover_allowed(request.host))
            self.allow.blockSignals(False)

    def _allow(self, on: bool) -> None:
        request = self.session.autodiscover_request()
        if request is not None:
            self.session.allow_autodiscover(request.host, on)

    def _enable(self) -> None:
        text = self.password.text()
        self.remember.setEnabled(bool(text))
        self.test_btn.setEnabled(bool(text) and self.session.state.signin != "running")

    def _typed(self, text: str) -> None:
        self.session.password = text  # a result belongs to the password it was tested with
        self._forget()
        self._enable()

    def _forget(self) -> None:
        if self.job is not None:
            self.job.detach()  # a result already queued belongs to the old password or servers
            self.job = None
        if self.session.state.signin == "running":
            self.session.signin_stopped(False)
            self.stop_btn.setEnabled(False)
            self.changed()
        self.session.forget_signin()
        self.result.setText("")
        self.progress.setText("")

    # --- the sign-in test -------------------------------------------------------------------------------

    def test(self) -> None:
        s = self.session
        warmup.wait()
        from assistant.core.signin.secret import Secret
        try:
            secret = Secret(self.password.text())
        except AssistantError as exc:
            self.result.setText(error_text(exc))
            return
        incoming, outgoing = s.signin_servers()
        request = s.autodiscover_request()  # it may name the servers
        asking = request is not None and (request.inside or self.allow.isChecked())
        if (incoming is None or outgoing is None) and not asking:
            self.result.setText(self.tr("There is no incoming and outgoing server to sign in to yet."))
            return

        def job(report: Callable[[ProgressEvent], None]) -> Coroutine[Any, Any, object]:
            return s.signin_job(secret, report)

        self._forget()
        self._asked = s.autodiscover
        s.signin_started()
        self._steps = {}
        self.result.setText("")
        self.progress.setText(self.tr("Signing in…"))
        self.test_btn.setEnabled(False)
        self.stop_btn.setEnabled(True)
        self.job = self.wiz.worker.start(job)
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        self.changed()
        self.stop_btn.setFocus()

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _progress(self, event: object) -> None:
        if not isinstance(event, ProgressEvent):
            return
        self._steps[event.key or event.label] = (event.label, _MARKS.get(event.state, ""))
        self.progress.setText("\n".join(f"{mark} {label}" for label, mark in self._steps.values()))

    def _end(self, text: str) -> None:
        self.job = None
        self.session.signin_stopped(True)
        self.stop_btn.setEnabled(False)
        self.test_btn.setEnabled(bool(self.password.text()))
        self.result.setText(text)
        self.changed()
        self.test_btn.setFocus()

    def _finished(self, result: object) -> None:
        from assistant.core.signin.verify import VerifyResult
        if not isinstance(result, VerifyResult):
            self._end("")
            return
        kept = self.session.signin_finished(result)  # servers the settings service named join first
        retry = self.session.autodiscover
        said = (core_text("autodiscover", retry.template, **retry.params)
                if retry is not None and retry is not self._asked and retry.template else "")
        self._show_service()
        self._end("\n\n".join(t for t in (said, describe(result, self.session.address) if kept else "") if t))

    def _failed(self, message: str, kind: str) -> None:
        self._end(message if kind != "error" else self.tr("The sign-in test stopped because of an internal "
                                                          "error ({0}).").format(message))

    def _cancelled(self) -> None:
        self._end(self.tr("The sign-in test was stopped."))

    def cleanupPage(self) -> None:
        if self.session.state.signin == "running":
            if self.job is not None:
                self.job.detach()
                self.job = None
            self.session.signin_stopped(False)
        self.stop_btn.setEnabled(False)

    # --- Next -------------------------------------------------------------------------------------------

    def validatePage(self) -> bool:
        if not super().validatePage():  # a sign-in test still running
            return False
        warmup.wait()
        self.session.password = self.password.text()
        self.session.save_password(self.remember.isChecked())
        self.message.setText(keychain_text(self.session))
        return True
