"""Page 6: the password (optional, masked), keeping it in the system keychain, and a sign-in test.

The password stays in memory for this session only. Saving goes through ``core.secrets`` (keyring, no
plaintext fallback); when the keychain is missing or refuses, the page says so and the wizard carries on.
"Test sign-in" runs the core's sign-in on the worker thread. The safety rules live in core; the page only
passes, per server, the certificate fingerprint the person accepted by name on the discovery page.
``SetupWizard.sign_in`` stays as a seam: a callable (account, password) -> error sentence or None on Next.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

from assistant.core import flow
from assistant.core.context import ProgressEvent, Settings
from assistant.core.errors import AssistantError
from assistant.core.i18n import QT_TRANSLATE_NOOP
from assistant.core.model import ServerConfig
from assistant.gui import warmup
from assistant.gui.pages.base import Page
from assistant.gui.signin_text import describe
from assistant.gui.text import core_text

if TYPE_CHECKING:  # sign-in, TLS and the keychain load after the first window (assistant/gui/warmup.py)
    from assistant.core.signin.secret import Secret
    from assistant.core.verify import SigninResult, VerifyResult

_MARKS = {"started": "…", "done": "✔", "failed": "✖"}

# Why "Remember it in the system keychain" did not store the password: a password the sign-in test could
# not use is most likely mistyped, and a keychain entry would hand it to the mail program silently.
KEYCHAIN_SKIPPED: dict[str, str] = {
    "signin_rejected": QT_TRANSLATE_NOOP(
        "keychain", "The password was not saved in the system keychain: the server rejected it in the "
                    "sign-in test. Correct it and test again."),
    "signin_failed": QT_TRANSLATE_NOOP(
        "keychain", "The password was not saved in the system keychain because the sign-in test did not "
                    "succeed with it."),
}


async def sign_in_both(address: str, servers: tuple[ServerConfig, ServerConfig], secret: Secret,
                       settings: Settings, pins: tuple[tuple[str, ...], tuple[str, ...]],
                       min_tls: str | None, report: Callable[[ProgressEvent], None]) -> VerifyResult:
    """``verify_account`` with a pin per server, so a certificate confirmed for one host never lets a
    different host through; progress per server for the page."""
    import asyncio

    from assistant.core.verify import VerifyResult, verify_server
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def one(server: ServerConfig, pinned: tuple[str, ...]) -> SigninResult:
        label = f"{server.protocol.upper()} {server.host}:{server.port}"
        report(ProgressEvent("endpoint", label, "started"))
        r = await verify_server(server, address, secret, settings, pins=pinned, min_tls=min_tls)
        report(ProgressEvent("endpoint", label, "done" if r.ok else "failed", r.code))
        return r

    inc, out = await asyncio.gather(one(servers[0], pins[0]), one(servers[1], pins[1]))
    return VerifyResult(address=address, incoming=inc, outgoing=out,
                        elapsed_ms=int((loop.time() - start) * 1000))


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
        self.reveal = QCheckBox(self.tr("S&how the password"))
        self.remember = QCheckBox(self.tr("&Remember it in the system keychain"))
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
        self.stop_btn.clicked.connect(self.stop)
        self.job = 0
        self._connected = False
        self._steps: dict[str, str] = {}
        # The address and servers the last test ran for: its result (and proved user name) is theirs only.
        self._tested_for: tuple[str, ServerConfig | None, ServerConfig | None] | None = None

    def initializePage(self) -> None:
        if not self._connected:
            self.wiz.worker.attach(self)
            self._connected = True
        self.message.setText("")
        try:
            tested: tuple[str, ServerConfig | None, ServerConfig | None] | None = (
                self.session.address, *self._servers())
        except AssistantError:
            tested = None
        if tested != self._tested_for:  # back here with another address or servers: the old result is void
            self._forget()
        self._enable()
        self.password.setFocus()

    def _servers(self) -> tuple[ServerConfig | None, ServerConfig | None]:
        account = self.session.account(proved=False)
        return (account.incoming[0] if account.incoming else None,
                account.outgoing[0] if account.outgoing else None)

    def _enable(self) -> None:
        text = self.password.text()
        self.remember.setEnabled(bool(text))
        self.test_btn.setEnabled(bool(text) and self.session.state.signin != "running")

    def _typed(self, _text: str) -> None:
        self._forget()  # a result belongs to the password it was tested with
        self._enable()

    def _forget(self) -> None:
        if self.session.state.signin == "running":
            self.wiz.worker.cancel()
            self.session.state.signin = "idle"
            self.stop_btn.setEnabled(False)
            self.changed()
        # A result already queued belongs to the old password or servers: drop it when it arrives.
        self.job = 0
        self.session.signin = None
        self._tested_for = None
        self.result.setText("")
        self.progress.setText("")

    # --- the sign-in test -------------------------------------------------------------------------------

    def test(self) -> None:
        s = self.session
        warmup.wait()
        from assistant.core.signin.secret import Secret
        try:
            secret = Secret(self.password.text())
            account = s.account(proved=False)
        except AssistantError as exc:
            self.result.setText(str(exc))
            return
        if not account.incoming or not account.outgoing:
            self.result.setText(self.tr("There is no incoming and outgoing server to sign in to yet."))
            return
        incoming, outgoing = account.incoming[0], account.outgoing[0]
        self._tested_for = (s.address, incoming, outgoing)
        pins = s.pins()
        both = (pins.get(incoming.protocol, ()), pins.get("smtp", ()))
        min_tls = s.preset.policy.min_tls if s.preset else None
        address = s.address

        async def run(report: Callable[[ProgressEvent], None]) -> VerifyResult:
            settings = s.settings  # made on first use, off the GUI thread
            return await sign_in_both(address, (incoming, outgoing), secret, settings, both, min_tls, report)

        def job(report: Callable[[ProgressEvent], None]) -> Coroutine[Any, Any, object]:
            return run(report)

        s.signin = None
        s.state.signin = "running"
        self._steps = {}
        self.result.setText("")
        self.progress.setText(self.tr("Signing in…"))
        self.test_btn.setEnabled(False)
        self.stop_btn.setEnabled(True)
        self.job = self.wiz.worker.start(job)
        self.changed()
        self.stop_btn.setFocus()

    def stop(self) -> None:
        self.wiz.worker.cancel()

    def _progress(self, job: int, event: object) -> None:
        if job != self.job or not isinstance(event, ProgressEvent):
            return
        self._steps[event.label] = _MARKS.get(event.state, "")
        self.progress.setText("\n".join(f"{mark} {label}" for label, mark in self._steps.items()))

    def _end(self, text: str) -> None:
        self.session.state.signin = "done"
        self.stop_btn.setEnabled(False)
        self.test_btn.setEnabled(bool(self.password.text()))
        self.result.setText(text)
        self.changed()
        self.test_btn.setFocus()

    def _finished(self, job: int, result: object) -> None:
        from assistant.core.verify import VerifyResult
        if job != self.job or not isinstance(result, VerifyResult):
            return
        self.session.signin = result
        self._end(describe(result, self.session.address))

    def _failed(self, job: int, message: str, kind: str) -> None:
        if job != self.job:
            return
        self._end(message if kind != "error" else self.tr("The sign-in test stopped because of an internal "
                                                          "error ({0}).").format(message))

    def _cancelled(self, job: int) -> None:
        if job != self.job:
            return
        self._end(self.tr("The sign-in test was stopped."))

    def cleanupPage(self) -> None:
        if self.session.state.signin == "running":
            self.wiz.worker.cancel()
            self.session.state.signin = "idle"
        self.stop_btn.setEnabled(False)

    # --- Next -------------------------------------------------------------------------------------------

    def validatePage(self) -> bool:
        warmup.wait()
        from assistant.core import secrets
        s = self.session
        s.password = self.password.text()
        s.keychain, s.keychain_message = "not_asked", ""
        skipped = self._keychain_skipped()
        if s.password and self.remember.isChecked() and skipped:
            s.keychain = skipped
            s.keychain_message = core_text("keychain", KEYCHAIN_SKIPPED[skipped])
            self.message.setText(s.keychain_message)
        elif s.password and self.remember.isChecked():
            try:
                secrets.store(s.address, s.password)
            except secrets.SecretStoreError as exc:
                s.keychain = exc.code
                s.keychain_message = core_text("secrets", secrets.MESSAGES[exc.code], reason=exc.reason)
                self.message.setText(s.keychain_message)
            else:
                s.keychain = "saved"
        check = self.wiz.sign_in
        if check is not None and s.password:
            problem = check(s.account(), s.password)
            if problem:
                self.message.setText(problem)
                return False
        return True

    def _keychain_skipped(self) -> str | None:
        """A ``KEYCHAIN_SKIPPED`` code when the sign-in test ran with this password and failed."""
        result = self.session.signin  # cleared whenever the password changes: it belongs to this one
        if result is None or result.ok:
            return None
        if "auth_failed" in (result.incoming.code, result.outgoing.code):
            return "signin_rejected"
        return "signin_failed"
