"""Page 6: the password (optional, masked), keeping it in the system keychain, and a sign-in test.

The password stays in memory for this session only. Saving is the session's ``save_password`` (keyring, no
plaintext fallback); when the keychain is missing or refuses, the page says so and the wizard carries on.
"Test sign-in" runs the setup session's sign-in on the worker thread; the safety rules and the pins (only
certificates the person accepted by name on the discovery page) live in core. When the domain's Outlook
settings service (Autodiscover) wanted the password, the page says so, asks before the password may go to
one outside the domain, and the test asks that service first (core/setup/autodiscover_auth.py).
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

from assistant.core.model.progress import ProgressEvent
from assistant.core.setup import flow
from assistant.core.words.errors import AssistantError
from assistant.gui import warmup
from assistant.gui.pages.base import Page
from assistant.gui.signin_text import describe, keychain_text, provider_help, secret_label
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
        self.default_subtitle = self.tr("You can skip this: your mail program will ask for the password. It "
                                        "goes into a file only if you tick “Include my mail password” on "
                                        "the next page.")
        self.setSubTitle(self.default_subtitle)
        # A provider that refuses the normal password: what to type here, if anything (its own page, an app
        # password, an authorization code), with the page where one is made.
        self.provider_note = QLabel()
        self.provider_note.setWordWrap(True)
        self.provider_note.setTextFormat(Qt.TextFormat.RichText)
        self.provider_note.setOpenExternalLinks(True)
        self.provider_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.provider_note.setAccessibleName(self.tr("How you sign in"))
        self.provider_note.setVisible(False)
        self.body.addWidget(self.provider_note)
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
        self.password_label = QLabel(self.tr("&Password:"))
        self.password_label.setBuddy(self.password)
        form.addRow(self.password_label, self.password)
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
        # An organisation that registered its own OAuth2 app (its preset's [oauth2]): a real test on its page.
        self.oauth_btn = QPushButton(self.tr("Sign in on your or&ganisation's page"))
        self.oauth_btn.setAccessibleDescription(
            self.tr("Opens your organisation's sign-in page in the browser, then signs in to the incoming "
                    "and outgoing server with it"))
        self.oauth_btn.setVisible(False)
        self.open_browser: Callable[[str], object] = webbrowser.open  # tests open the page themselves
        row.addWidget(self.test_btn)
        row.addWidget(self.oauth_btn)
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
        self.oauth_btn.clicked.connect(self.test_oauth2)
        self.allow.toggled.connect(self._allow)
        self.stop_btn.clicked.connect(self.stop)
        self.job: Job | None = None
        self._steps: dict[str, tuple[str, str]] = {}
        self.oauth2_only = False
        self._asked: object = None  # what the settings service had said before this test

    def initializePage(self) -> None:
        self.message.setText("")
        # The session voids a result for another address, other servers or another password.
        if self.session.signin is None and self.session.state.signin != "running":
            self._forget()
        self._show_provider()
        self._show_service()
        self._enable()
        self.password.setFocus()

    def _show_provider(self) -> None:
        """At Microsoft & co. the page says how the person signs in instead; where only the provider's own
        page works there is nothing to type or test here, and the field stays off."""
        provider = self.session.provider
        self.oauth2_only = provider is not None and provider.oauth2_only
        self.provider_note.setText(provider_help(provider) if provider is not None else "")
        self.provider_note.setVisible(provider is not None)
        self.password_label.setText(secret_label(provider) or self.tr("&Password:"))
        if self.oauth2_only and self.password.text():
            self.password.clear()  # a password typed for other servers must not linger here
        for widget in (self.password, self.reveal):
            widget.setEnabled(not self.oauth2_only)
        self.setSubTitle(self.tr("There is no password to type here for this account.") if self.oauth2_only
                         else self.default_subtitle)

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
        allowed = not self.oauth2_only
        running = self.session.state.signin == "running"
        self.remember.setEnabled(bool(text) and allowed)
        self.test_btn.setEnabled(bool(text) and allowed and not running)
        self.oauth_btn.setVisible(self.session.oauth2_app is not None)
        self.oauth_btn.setEnabled(not running)

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
        request = s.autodiscover_request()  # it may name the servers
        asking = request is not None and (request.inside or self.allow.isChecked())

        def job(report: Callable[[ProgressEvent], None]) -> Coroutine[Any, Any, object]:
            return s.signin_job(secret, report)

        self._start(job, asking)

    def test_oauth2(self) -> None:
        """The organisation's own page in the browser, then the sign-in with its token (no password)."""
        s = self.session
        warmup.wait()
        done = self.tr("You are signed in. You can close this page and go back to Mail Setup Assistant.")

        def job(report: Callable[[ProgressEvent], None]) -> Coroutine[Any, Any, object]:
            return s.oauth2_job(self.open_browser, report, done)

        self._start(job)

    def _start(self, job: Callable[[Callable[[ProgressEvent], None]], Coroutine[Any, Any, object]],
               asking: bool = False) -> None:
        """Start a sign-in job; ``asking``: a settings service will be asked first and may name the
        servers, so none being known yet is no reason to stop."""
        s = self.session
        incoming, outgoing = s.signin_servers()
        if (incoming is None or outgoing is None) and not asking:
            self.result.setText(self.tr("There is no incoming and outgoing server to sign in to yet."))
            return
        self._forget()
        self._asked = s.autodiscover
        s.signin_started()
        self._steps = {}
        self.result.setText("")
        self.progress.setText(self.tr("Signing in…"))
        self.test_btn.setEnabled(False)
        self.oauth_btn.setEnabled(False)
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
        self._enable()
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
        told = describe(result, self.session.address, self.session.provider) if kept else ""
        self._end("\n\n".join(t for t in (said, told) if t))

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
