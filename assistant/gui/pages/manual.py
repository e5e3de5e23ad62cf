"""Page 3: the server settings by hand — when nothing usable was found, or to change what was.

Every field is checked as typed (host names with IDNA rules, ports by range). "Test these settings" probes
the entered servers with the same code discovery uses, off the GUI thread. Choosing no encryption needs an
explicit confirmation naming the server. Next waits for a test that worked, or for an explicit "these
settings did not work, continue anyway" (``core/setup/flow.py``); settings nobody tested say so.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

import idna
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from assistant.core.model.account import ServerConfig
from assistant.core.model.address import PLACEHOLDER
from assistant.core.model.progress import ProgressEvent
from assistant.core.model.results import ProbeResult, Protocol, Security
from assistant.core.setup import flow
from assistant.core.setup.outcome import join
from assistant.core.setup.selection import CONFIRM
from assistant.core.words.i18n import QT_TRANSLATE_NOOP
from assistant.gui import warmup
from assistant.gui.pages.base import Page
from assistant.gui.text import (
    badge_kind,
    core_text,
    message_text,
    security_name,
    status_name,
    tls_problem_text,
)
from assistant.gui.widgets import Badge
from assistant.gui.wrapbox import WrapCheckBox

if TYPE_CHECKING:
    from assistant.core.model.address import EmailAddress
    from assistant.gui.worker import Job

DEFAULT_PORTS: dict[tuple[str, str], int] = {
    ("imap", "ssl"): 993, ("imap", "starttls"): 143, ("imap", "plain"): 143,
    ("pop3", "ssl"): 995, ("pop3", "starttls"): 110, ("pop3", "plain"): 110,
    ("smtp", "ssl"): 465, ("smtp", "starttls"): 587, ("smtp", "plain"): 587,
}
SECURITIES: tuple[Security, ...] = ("ssl", "starttls", "plain")


def host_problem(text: str) -> str | None:
    """None for a usable host name (IDN allowed), else the reason in the interface language."""
    host = text.strip().rstrip(".")
    if not host:
        return QCoreApplication.translate("ManualPage", "Enter the server's name.")
    if " " in host or "@" in host or "/" in host or ":" in host:
        return QCoreApplication.translate("ManualPage", "A server name has no spaces, @, / or :.")
    try:
        ascii_host = idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return QCoreApplication.translate("ManualPage", "This is not a valid server name.")
    if "." not in ascii_host or len(ascii_host) > 253:
        return QCoreApplication.translate("ManualPage",
                                          "Enter the full server name, such as mail.example.com.")
    return None


# Server, port, security and user name labels of the incoming box, then of the outgoing box.
_LABELS = (
    (QT_TRANSLATE_NOOP("ManualPage", "Ser&ver:"), QT_TRANSLATE_NOOP("ManualPage", "Po&rt:"),
     QT_TRANSLATE_NOOP("ManualPage", "Securit&y:"), QT_TRANSLATE_NOOP("ManualPage", "&User name:")),
    (QT_TRANSLATE_NOOP("ManualPage", "Serv&er:"), QT_TRANSLATE_NOOP("ManualPage", "P&ort:"),
     QT_TRANSLATE_NOOP("ManualPage", "Se&curity:"), QT_TRANSLATE_NOOP("ManualPage", "User na&me:")),
)


class ServerBox(QGroupBox):
    """Host, port, security and user name for one server, each validated."""

    def __init__(self, title: str, protocols: tuple[Protocol, ...], on_change: Callable[[], None]) -> None:
        super().__init__(title)
        self.on_change = on_change
        form = QFormLayout(self)
        self.protocol = QComboBox(self)  # a parent first: setVisible on an orphan opens it as a window
        for p in protocols:
            self.protocol.addItem(p.upper(), p)
        self.protocol.setVisible(len(protocols) > 1)
        self.host = QLineEdit()
        self.host.setAccessibleName(
            QCoreApplication.translate("ManualPage", "{0}: server name").format(title))
        self.host_problem = QLabel()
        self.host_problem.setWordWrap(True)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setAccessibleName(QCoreApplication.translate("ManualPage", "{0}: port").format(title))
        self.security = QComboBox()
        for sec in SECURITIES:
            self.security.addItem(security_name(sec), sec)
        self.security.setAccessibleName(
            QCoreApplication.translate("ManualPage", "{0}: security").format(title))
        self.address: EmailAddress | None = None  # the user name is shown as the real address, never a code
        self.username = QLineEdit()
        self.username.setAccessibleName(
            QCoreApplication.translate("ManualPage", "{0}: user name").format(title))
        hint = QCoreApplication.translate("ManualPage", "Usually your full email address.")
        self.username.setAccessibleDescription(hint)
        self.username_hint = QLabel(hint)
        self.username_hint.setWordWrap(True)
        self.result = QHBoxLayout()
        if len(protocols) > 1:
            form.addRow(QCoreApplication.translate("ManualPage", "&Protocol:"), self.protocol)
        # The incoming and the outgoing box are on one page: each label has its own Alt+letter.
        labels = _LABELS[1 if protocols == ("smtp",) else 0]
        form.addRow(QCoreApplication.translate("ManualPage", labels[0]), self.host)
        form.addRow("", self.host_problem)
        form.addRow(QCoreApplication.translate("ManualPage", labels[1]), self.port)
        form.addRow(QCoreApplication.translate("ManualPage", labels[2]), self.security)
        form.addRow(QCoreApplication.translate("ManualPage", labels[3]), self.username)
        form.addRow("", self.username_hint)
        form.addRow("", self.result)
        self.protocol.currentIndexChanged.connect(self._default_port)
        self.security.currentIndexChanged.connect(self._default_port)
        for sig in (self.host.textChanged, self.port.valueChanged, self.username.textChanged):
            sig.connect(self._changed)
        self._default_port()

    @property
    def proto(self) -> Protocol:
        return self.protocol.currentData()  # type: ignore[no-any-return]

    @property
    def sec(self) -> Security:
        return self.security.currentData()  # type: ignore[no-any-return]

    def _default_port(self) -> None:
        self.port.setValue(DEFAULT_PORTS[(self.proto, self.sec)])
        self._changed()

    def _changed(self) -> None:
        problem = host_problem(self.host.text()) if self.host.text() else None
        self.host_problem.setText(problem or "")
        self.host_problem.setVisible(bool(problem))
        self.show_result(None)
        self.on_change()

    def valid(self) -> bool:
        return host_problem(self.host.text()) is None and bool(self.username.text().strip())

    def load(self, s: ServerConfig) -> None:
        self.protocol.setCurrentIndex(max(0, self.protocol.findData(s.protocol)))
        self.security.setCurrentIndex(max(0, self.security.findData(s.security)))
        self.host.setText(s.host)
        self.port.setValue(s.port)
        self.set_user(s.username)

    def set_user(self, name: str) -> None:
        """The user name as a person types it: a placeholder (%EMAILADDRESS%) filled from the address."""
        address = self.address
        shown = address.expand(name) if address is not None else None
        if address is not None and shown == address.address:
            shown = address.shown  # an IDN as people write it
        self.username.setText(shown or ("" if PLACEHOLDER.search(name) else name))

    def config(self) -> ServerConfig:
        host = self.host.text().strip().rstrip(".")
        name = self.username.text().strip()
        if self.address is not None:  # back to the placeholder, so the sign-in may try both forms
            name = self.address.collapse(self.address.address if name == self.address.shown else name)
        return ServerConfig(protocol=self.proto, host=host, port=self.port.value(), security=self.sec,
                            username=name)

    def show_result(self, probe: ProbeResult | None) -> None:
        while self.result.count():
            item = self.result.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        if probe is not None:
            self.result.addWidget(Badge(badge_kind(probe)), 0, Qt.AlignmentFlag.AlignTop)
            if "starttls_missing" in probe.warnings:  # it answered, but offers no encryption at all
                text = QCoreApplication.translate("ManualPage", "This server offers no encryption.")
            elif probe.tls is not None and probe.tls.problems:  # in plain words, in the person's language
                problem = tls_problem_text(probe.tls.problems[0], probe.tls, probe.candidate.host)
                text = f"{status_name(probe.status)} — {problem}"
            else:
                error = message_text(probe.error_message or probe.error) if probe.error else ""
                text = status_name(probe.status) + (f" — {error}" if error else "")
            label = QLabel(text)
            label.setWordWrap(True)
            self.result.addWidget(label, 1)


class ManualPage(Page):
    page_id = flow.Page.MANUAL

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Server settings"))
        self.setSubTitle(self.tr("Enter the settings your provider gives you. You can test them before "
                                 "going on."))
        self.found = QLabel()  # why what discovery found is not simply used (its causes), when it is not
        self.found.setWordWrap(True)
        self.found.setAccessibleName(self.tr("What was found"))
        self.found.setVisible(False)
        self.body.addWidget(self.found)
        self.incoming = ServerBox(self.tr("Incoming mail"), ("imap", "pop3"), self._changed)
        self.outgoing = ServerBox(self.tr("Outgoing mail (SMTP)"), ("smtp",), self._changed)
        self.body.addWidget(self.incoming)
        self.body.addWidget(self.outgoing)
        row = QHBoxLayout()
        self.test_btn = QPushButton(self.tr("&Test these settings"))
        self.test_btn.setAccessibleDescription(self.tr("Connects to both servers and checks their security"))
        self.test_status = QLabel()
        self.test_status.setWordWrap(True)
        row.addWidget(self.test_btn)
        row.addWidget(self.test_status, 1)
        self.body.addLayout(row)
        self.plain_confirm = WrapCheckBox()
        self.plain_confirm.setVisible(False)
        self.body.addWidget(self.plain_confirm)
        self.accept_box = WrapCheckBox(self.tr("These settings did not work. Continue any&way?"))
        self.accept_box.setAccessibleDescription(
            self.tr("Goes on with settings that failed the test; the summary and the diagnostics say so"))
        self.accept_box.setVisible(False)
        self.body.addWidget(self.accept_box)
        self.body.addStretch(1)
        self.test_btn.clicked.connect(self.test)
        self.plain_confirm.toggled.connect(self._changed)
        self.accept_box.toggled.connect(self._accept_failure)
        self.job: Job | None = None
        self._plain_hosts = ""
        self._tested_with: tuple[ServerConfig, ServerConfig] | None = None  # what the last test ran against
        self._filled_for: EmailAddress | None = None  # the address the fields were filled in for

    def initializePage(self) -> None:
        s = self.session
        start = s.manual_start()
        for box in (self.incoming, self.outgoing):
            box.address = s.address
        if not self.incoming.host.text() or self._filled_for != s.address:
            # What discovery found (accepted, declined, or without encryption), else guesses for the domain.
            self._filled_for = s.address
            for box, found in ((self.incoming, start.incoming), (self.outgoing, start.outgoing)):
                if found is not None:
                    box.load(found)
                else:
                    box.set_user("%EMAILADDRESS%")
                    box.host.setText(f"{'mail' if box is self.incoming else 'smtp'}.{s.domain()}"
                                     if s.domain() else "")
        self.found.setText("\n".join("⚠ " + c.text(QCoreApplication.translate) for c in start.causes))
        self.found.setVisible(bool(start.causes))
        self._changed()
        self.incoming.host.setFocus()

    def _changed(self, *_args: object) -> None:
        if self.wizard() is None:  # still being built
            return
        s = self.session
        plain = [b.host.text().strip() for b in (self.incoming, self.outgoing) if b.sec == "plain"]
        hosts = ", ".join(dict.fromkeys(plain))  # one server for both directions is named once
        if hosts != self._plain_hosts:
            self._plain_hosts = hosts
            self.plain_confirm.blockSignals(True)
            self.plain_confirm.setChecked(False)
            self.plain_confirm.blockSignals(False)
        self.plain_confirm.setText(join(core_text("flow", CONFIRM, host=hosts),
                                        self.tr("(passwords and mail would be sent without encryption)")))
        self.plain_confirm.setVisible(bool(plain))
        s.manual_form(self.incoming.valid() and self.outgoing.valid(),
                      bool(plain) and not self.plain_confirm.isChecked())
        self._forget_stale_test()
        if s.state.manual_valid:
            s.set_manual(self.incoming.config(), self.outgoing.config())  # drops a test of other settings
        self._show_check()
        self.changed()

    def _show_check(self) -> None:
        """Untested, tested and failed, or worked: said next to the test button; "continue anyway" only
        after a failure, ticked only while the session still remembers it for these settings."""
        state = self.session.state
        if state.manual_check == "untested" and self.job is None:
            self.test_status.setText(self.tr("Not tested yet."))
        self.accept_box.blockSignals(True)
        self.accept_box.setChecked(self.session.manual_failure_accepted)
        self.accept_box.blockSignals(False)
        self.accept_box.setVisible(state.manual_check == "failed")

    def _accept_failure(self, on: bool) -> None:
        self.session.manual_failure_accepted = on
        self.changed()

    def _forget_stale_test(self) -> None:
        """A test result (or one still on its way) belongs to the settings it ran against, not edited ones."""
        if self._tested_with is None:
            return
        now = (self.incoming.config(), self.outgoing.config())
        if now == self._tested_with:
            return
        self._tested_with = None
        if self.job is not None:
            self.job.detach()  # a result still queued is dropped
            self.job = None
        self.test_status.setText("")
        self.test_btn.setEnabled(True)

    def test(self) -> None:
        if not (self.incoming.valid() and self.outgoing.valid()):
            self.test_status.setText(self.tr("Correct the highlighted fields first."))
            return
        session = self.session
        session.set_manual(self.incoming.config(), self.outgoing.config())
        warmup.wait()

        def job(_report: Callable[[ProgressEvent], None]) -> Coroutine[Any, Any, object]:
            return session.manual_test_job()

        self._tested_with = (self.incoming.config(), self.outgoing.config())
        session.manual_test_status("testing")
        self._show_check()
        self.changed()
        self.test_status.setText(self.tr("Testing…"))
        self.test_btn.setEnabled(False)
        self.job = self.wiz.worker.start(job)
        self.job.finished.connect(self._tested)
        self.job.failed.connect(self._test_failed)
        self.job.cancelled.connect(self._test_failed)

    def _tested(self, results: object) -> None:
        self.job = None
        self.test_btn.setEnabled(True)
        if not isinstance(results, list) or not self.session.manual_tested(results):
            return
        for box, probe in zip((self.incoming, self.outgoing), results, strict=True):
            box.show_result(probe)
        if self.session.state.manual_check != "ok":
            text = self.tr("These settings did not work; see the results above.")
        elif all(isinstance(p, ProbeResult) and p.secure for p in results):
            text = self.tr("Both servers answered with verified encryption.")
        else:
            text = self.tr("Both servers answered.")
        self.test_status.setText(text)
        self._show_check()
        self.changed()

    def _test_failed(self, *_args: object) -> None:
        self.job = None
        self.test_btn.setEnabled(True)
        self.session.manual_test_status("failed")  # not tested counts as not working
        self.test_status.setText(self.tr("The test could not be completed."))
        self._show_check()
        self.changed()

    def cleanupPage(self) -> None:
        if self.job is not None:
            self.job.detach()
            self.job = None
            self.session.manual_test_status("untested")
        self.test_btn.setEnabled(True)

