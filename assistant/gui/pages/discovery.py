"""Page 2: the checks, live, then the result in plain words first and the technical details on request.

Discovery runs on the worker's asyncio loop; this page only reacts to the worker's queued signals. When it
ends, one sentence per direction (``core/setup/summary.py``) says which server will be used and how safe it
is; the tables and the check list are behind **Show details** (``discovery_details.py``). Servers with risks
are never used silently: each needs its own unticked "I understand the risks" box naming the server, with
plain advice on how to decide, first in the tab order. A domain that does not exist offers **Change
address** and, when it is one slip from a known domain, "did you mean …".
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from assistant.core.model.progress import ProgressEvent
from assistant.core.model.results import DiscoveryResult
from assistant.core.setup import flow
from assistant.gui import warmup
from assistant.gui.pages.base import Page
from assistant.gui.pages.discovery_details import DiscoveryDetails, progress_label
from assistant.gui.text import core_text, domain_error_text, notice_text, sentence_text
from assistant.gui.wrapbox import WrapCheckBox

if TYPE_CHECKING:
    from assistant.core.model.address import EmailAddress
    from assistant.core.model.results import ProbeResult
    from assistant.core.setup.summary import Decision
    from assistant.gui.worker import Job

__all__ = ["DiscoveryPage", "progress_label"]


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        w = item.widget() if item is not None else None
        if w is not None:
            w.hide()  # hidden at once; Qt deletes it when the event loop next turns
            w.deleteLater()


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class DiscoveryPage(Page):
    page_id = flow.Page.DISCOVERY

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Looking for your mail servers"))
        self.job: Job | None = None
        self.started = 0.0
        self.suggestion: EmailAddress | None = None
        # status line: what happens, elapsed time, cancel / again
        top = QHBoxLayout()
        self.status = _label("")
        self.elapsed = QLabel()
        self.elapsed.setAccessibleName(self.tr("Elapsed time"))
        self.cancel_btn = QPushButton(self.tr("&Stop checking"))
        self.cancel_btn.setAccessibleDescription(self.tr("Cancels the checks that are still running"))
        self.again_btn = QPushButton(self.tr("Check a&gain"))
        self.again_btn.setAccessibleDescription(self.tr("Runs all checks once more"))
        for w, stretch in ((self.status, 1), (self.elapsed, 0), (self.cancel_btn, 0), (self.again_btn, 0)):
            top.addWidget(w, stretch)
        self.body.addLayout(top)
        # the plain result: one sentence per direction
        self.result = QWidget()
        self.result_layout = QVBoxLayout(self.result)
        self.result_layout.setContentsMargins(0, 0, 0, 0)
        self.lines: list[QLabel] = []  # the plain result as shown now, one label per direction
        self.body.addWidget(self.result)
        # what needs a decision, then the other problems in plain words
        self.decisions = QGroupBox(self.tr("Your decision"))
        self.decisions_layout = QVBoxLayout(self.decisions)
        self.problems = QGroupBox(self.tr("Problems found"))
        self.problems_layout = QVBoxLayout(self.problems)
        self.body.addWidget(self.decisions)
        self.body.addWidget(self.problems)
        self.confirm_boxes: dict[str, QCheckBox] = {}
        self.body.addLayout(self._fix_row())
        self.manual_box = WrapCheckBox(self.tr("Enter or change the settings by &hand on the next page"))
        self.manual_box.setAccessibleDescription(
            self.tr("Lets you type the server names, ports and security yourself"))
        self.body.addWidget(self.manual_box)
        self.details_btn = QPushButton(self.tr("Show &details"))
        self.details_btn.setCheckable(True)
        self.details_btn.setAccessibleDescription(
            self.tr("Shows every server that was tried, the checks and the certificates"))
        toggle = QHBoxLayout()
        toggle.addWidget(self.details_btn)
        toggle.addStretch(1)
        self.body.addLayout(toggle)
        self.details = DiscoveryDetails()
        self.details.setVisible(False)
        self.body.addWidget(self.details, 1)
        self.body.addStretch(0)
        self._show_fix(False)
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._tick)
        self.cancel_btn.clicked.connect(self.cancel)
        self.again_btn.clicked.connect(self.start)
        self.manual_box.toggled.connect(self._manual_toggled)
        self.details_btn.toggled.connect(self._toggle_details)
        self.change_btn.clicked.connect(self.change_address)
        self.suggest_btn.clicked.connect(self.use_suggestion)

    def _fix_row(self) -> QHBoxLayout:
        """A domain that does not exist: back to the address, or the domain probably meant."""
        fix = QHBoxLayout()
        self.change_btn = QPushButton(self.tr("&Change address"))
        self.change_btn.setAccessibleDescription(
            self.tr("Goes back to the first page to correct the address"))
        self.suggest_btn = QPushButton()
        self.suggest_btn.setAccessibleDescription(self.tr("Uses this address and checks again"))
        fix.addWidget(self.change_btn)
        fix.addWidget(self.suggest_btn)
        fix.addStretch(1)
        return fix

    # the technical part lives in its own widget; tests and the screenshots reach it from here
    @property
    def tables(self) -> dict[str, Any]:
        return self.details.tables

    @property
    def probes(self) -> dict[str, list[ProbeResult]]:
        return self.details.probes

    # --- running ----------------------------------------------------------------------------------------

    def initializePage(self) -> None:
        if self.session.state.discovery in ("idle", "running"):
            self.start()

    def start(self) -> None:
        s = self.session
        # The session forgets the old result and every confirmation given for it: a new run may meet
        # another certificate.
        s.discovery_started()
        self.setTitle(self.tr("Looking for your mail servers"))
        self.details.clear()
        self._fill(None)
        self._show_fix(False)
        self.started = time.monotonic()
        self.timer.start()
        self._tick()
        self.cancel_btn.setEnabled(True)
        self.again_btn.setEnabled(False)
        warmup.wait()  # discovery's modules load after the first window (assistant/gui/warmup.py)

        def job(report: Callable[[ProgressEvent], None]) -> Coroutine[Any, Any, object]:
            return s.discovery_job(report)

        self._drop_job()
        self.job = self.wiz.worker.start(job)
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        self.changed()
        self.cancel_btn.setFocus()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _drop_job(self) -> None:
        if self.job is not None:
            self.job.detach()  # its late results must not land on a later run
            self.job = None

    def cleanupPage(self) -> None:
        self._drop_job()  # its late "cancelled" must not mark the next visit as finished
        self.timer.stop()
        self.session.discovery_ended("idle")

    def _tick(self) -> None:
        secs = time.monotonic() - self.started
        self.elapsed.setText(self.tr("%n second(s)", "", int(secs)) if secs >= 1 else "")
        if self.job is not None:
            done, total = self.details.counts()
            text = self.tr("Checking the mail servers for {domain}…").format(domain=self.session.domain())
            if total:
                text += " " + self.tr("{done} of {total} checks finished.").format(done=done, total=total)
            self.status.setText(text)

    def _progress(self, event: object) -> None:
        if isinstance(event, ProgressEvent):
            self.details.progress(event)

    def _end(self, outcome: str, message: str, title: str) -> None:
        self.timer.stop()
        self.job = None
        self._tick()
        if outcome != "done":
            self.session.discovery_ended(outcome)
        self.setTitle(title)
        self.status.setText(message)
        self.cancel_btn.setEnabled(False)
        self.again_btn.setEnabled(True)
        self.changed()

    def _finished(self, result: object) -> None:
        if not isinstance(result, DiscoveryResult):
            return
        s = self.session
        s.discovery_finished(result)
        self._fill(result)
        self.details.settle(result, s.selection)
        # With password_first the next page asks the password for the settings service (a note says so).
        msg = "" if s.state.discovered_usable or s.state.password_first else self.tr(
            "You can enter the settings by hand on the next page.")
        self._end("done", msg, self.title())
        first = next(iter(self.confirm_boxes.values()), None)
        if first is not None:
            first.setFocus()  # what needs a decision comes first

    def _failed(self, message: str, kind: str) -> None:
        self._fill(None)
        error = self.session.discovery_error
        title = self.tr("The search stopped")
        if error is not None:
            text = domain_error_text(error)
            if error.code == "nxdomain":
                title = self.tr("This domain was not found")
            self._offer_fix(error.code == "nxdomain")
        elif kind == "error":
            text = self.tr("The checks stopped because of an internal error ({0}).").format(message)
        else:
            text = message
        text += " " + self.tr("You can check again or enter the settings by hand.")
        self._end("failed", text, title)
        if error is not None and error.code == "nxdomain":
            self.change_btn.setFocus()

    def _cancelled(self) -> None:
        message = self.tr("Checks cancelled. You can check again or enter the settings by hand.")
        self._end("cancelled", message, self.tr("The search was stopped"))

    # --- a domain that does not exist ------------------------------------------------------------------

    def _show_fix(self, on: bool) -> None:
        self.change_btn.setVisible(on)
        self.suggest_btn.setVisible(on and bool(self.suggestion))

    def _offer_fix(self, nxdomain: bool) -> None:
        self.suggestion = self.session.suggestion() if nxdomain else None
        if self.suggestion is not None:
            text = self.tr("Did you &mean {address}?").format(address=self.suggestion.shown)
            self.suggest_btn.setText(text)
        self._show_fix(True)

    def change_address(self) -> None:
        """Back to page 1 with the address selected, ready to be typed over."""
        self.wiz.back()
        page = self.wiz.pages[flow.Page.ADDRESS]
        edit = getattr(page, "edit_address", None)
        if callable(edit):
            edit()

    def use_suggestion(self) -> None:
        """Put the suggested domain in the address (on page 1 too) and check again."""
        if self.suggestion is None:
            return
        page = self.wiz.pages[flow.Page.ADDRESS]
        field = getattr(page, "address", None)
        if field is not None:
            field.setText(self.suggestion.shown)  # the address page shows it and gives it to the session
        self.session.address = self.suggestion
        self.suggestion = None
        self.start()

    # --- results ----------------------------------------------------------------------------------------

    def _fill(self, result: DiscoveryResult | None) -> None:
        s = self.session
        self.details.fill(result, s.selection if result is not None else None)
        _clear(self.problems_layout)
        _clear(self.decisions_layout)
        self.confirm_boxes.clear()
        if result is None:
            _clear(self.result_layout)
            self.lines = []
            self.problems.setVisible(False)
            self.decisions.setVisible(False)
            return
        from assistant.core.setup.summary import summarize
        summary = summarize(result, s.selection)
        for item in summary.problems:
            self.problems_layout.addWidget(_label("⚠ " + notice_text(item)))
        for note in summary.notes:
            self.problems_layout.addWidget(_label("ℹ " + notice_text(note)))
        for decision in summary.decisions:
            self._add_decision(decision)
        self.problems.setVisible(self.problems_layout.count() > 0)
        self.decisions.setVisible(bool(self.confirm_boxes))
        self._show_summary()
        chain = [*self.confirm_boxes.values(), self.cancel_btn, self.again_btn, self.manual_box,
                 self.details_btn]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    def _add_decision(self, d: Decision) -> None:
        """A risky server: what is wrong with it, how to decide, and its one box (by host)."""
        from assistant.core.setup.selection import CONFIRM
        for item in d.problems:
            self.decisions_layout.addWidget(_label("⚠ " + notice_text(item)))
        for advice in d.advice:
            self.decisions_layout.addWidget(_label("→ " + sentence_text(advice)))
        box = WrapCheckBox(core_text("flow", CONFIRM, host=d.shown))
        box.setChecked(d.host in self.session.confirmed)
        box.setAccessibleDescription(
            self.tr("Confirms that you accept the risks listed above for this server"))
        box.toggled.connect(lambda on, host=d.host: self._confirm(host, on))
        self.confirm_boxes[d.host] = box
        self.decisions_layout.addWidget(box)

    def _show_summary(self) -> None:
        """The title and one line per direction, as the confirmations stand now."""
        s = self.session
        if s.result is None:
            return
        from assistant.core.setup.summary import summarize
        summary = summarize(s.result, s.selection)
        _clear(self.result_layout)
        self.lines = []
        for line in summary.lines:
            label = _label(sentence_text(line))
            self.lines.append(label)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            self.result_layout.addWidget(label)
        self.setTitle(sentence_text(summary.title))

    def _confirm(self, host: str, on: bool) -> None:
        self.session.confirm(host, on)
        self._show_summary()
        self.changed()

    def _manual_toggled(self, on: bool) -> None:
        self.session.edit_manually(on)
        self.changed()

    def _toggle_details(self, on: bool) -> None:
        self.details.setVisible(on)
        self.details_btn.setText(self.tr("Hide &details") if on else self.tr("Show &details"))
