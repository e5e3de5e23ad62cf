"""Page 2: the checks, live (per source and server, with elapsed time and Cancel), then the results.

Discovery runs on the worker's asyncio loop; this page only reacts to the worker's queued signals. Servers
with risks (plaintext, certificate problem, outside the domain, ...) are never used silently: each needs its
own unchecked-by-default "I understand the risks" box naming the server.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
)

from assistant.core import flow
from assistant.core.context import ProgressEvent
from assistant.core.model import DiscoveryResult, ProbeResult
from assistant.core.setup.selection import CONFIRM, RISKS
from assistant.core.vocabulary import SOURCES, endpoint_key
from assistant.gui import warmup
from assistant.gui.pages.base import Page
from assistant.gui.text import (
    badge_kind,
    core_text,
    finding_text,
    probe_details,
    result_name,
    security_name,
    source_name,
    status_name,
)
from assistant.gui.widgets import Badge
from assistant.gui.wrapbox import WrapCheckBox

if TYPE_CHECKING:
    from assistant.gui.worker import Job

_MARKS = {"started": "…", "done": "✔", "failed": "✖"}


def progress_label(event: ProgressEvent) -> str:
    """A source's check by its stable key, translated; an endpoint as protocol, host, port and security."""
    if event.kind == "source":
        source = SOURCES.get(event.key)
        if source is not None:
            return QCoreApplication.translate("progress", source.progress or source.label)
        return event.label
    protocol, _, rest = event.key.partition(":")
    host, _, rest = rest.partition(":")
    port, _, security = rest.partition(":")
    if not security:
        return event.label
    return f"{protocol.upper()} {host}:{port} ({security_name(security)})"


class DiscoveryPage(Page):
    page_id = flow.Page.DISCOVERY

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Looking for your mail servers"))
        self.job: Job | None = None
        self.started = 0.0
        self.rows: dict[str, QListWidgetItem] = {}
        self.labels: dict[str, str] = {}
        self.probes: dict[str, list[ProbeResult]] = {}
        # status line: what happens, elapsed time, cancel / again
        top = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.elapsed = QLabel()
        self.elapsed.setAccessibleName(self.tr("Elapsed time"))
        self.cancel_btn = QPushButton(self.tr("&Stop checking"))
        self.cancel_btn.setAccessibleDescription(self.tr("Cancels the checks that are still running"))
        self.again_btn = QPushButton(self.tr("Check a&gain"))
        self.again_btn.setAccessibleDescription(self.tr("Runs all checks once more"))
        top.addWidget(self.status, 1)
        top.addWidget(self.elapsed)
        top.addWidget(self.cancel_btn)
        top.addWidget(self.again_btn)
        self.body.addLayout(top)
        self.checks = QListWidget()
        self.checks.setAccessibleName(self.tr("Checks"))
        self.checks.setAccessibleDescription(self.tr("Each source and server being checked, and its outcome"))
        self.checks.setMaximumHeight(96)
        # results: one table per protocol, details of the selected row beside
        self.tabs = self._server_tables()
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        self.details.setAccessibleName(self.tr("Technical details"))
        self.details.setAccessibleDescription(
            self.tr("Certificate, capabilities and source of the selected server"))
        self.details.setPlaceholderText(self.tr("Select a server to see its technical details."))
        self.details.setMaximumHeight(120)
        # problems in plain words, and the confirmations they need
        self.problems = QGroupBox(self.tr("Problems found"))
        self.problems_layout = QVBoxLayout(self.problems)
        # What needs a decision comes first; the live checks and technical facts follow.
        self.body.addWidget(self.problems)
        self.body.addWidget(self.checks)
        self.body.addWidget(self.tabs, 1)
        self.body.addWidget(self.details)
        self.confirm_boxes: dict[str, QCheckBox] = {}
        self.manual_box = WrapCheckBox(self.tr("Enter or change the settings by &hand on the next page"))
        self.manual_box.setAccessibleDescription(
            self.tr("Lets you type the server names, ports and security yourself"))
        self.body.addWidget(self.manual_box)
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._tick)
        self.cancel_btn.clicked.connect(self.cancel)
        self.again_btn.clicked.connect(self.start)
        self.manual_box.toggled.connect(self._manual_toggled)

    def _server_tables(self) -> QTabWidget:
        """One table per protocol; selecting a row shows its technical details."""
        tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("Servers found"))
        self.tables: dict[str, QTableWidget] = {}
        for proto, name in (("imap", self.tr("Incoming (IMAP)")), ("pop3", self.tr("Incoming (POP3)")),
                            ("smtp", self.tr("Outgoing (SMTP)"))):
            table = QTableWidget(0, 5)
            table.setHorizontalHeaderLabels([self.tr("Server"), self.tr("Port"), self.tr("Security"),
                                             self.tr("Result"), self.tr("Found through")])
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().setVisible(False)
            table.setAccessibleName(name)
            table.setTabKeyNavigation(False)
            table.itemSelectionChanged.connect(self._show_details)
            self.tables[proto] = table
            tabs.addTab(table, name)
        return tabs

    # --- running ----------------------------------------------------------------------------------------

    def initializePage(self) -> None:
        if self.session.state.discovery in ("idle", "running"):
            self.start()

    def start(self) -> None:
        s = self.session
        # The session forgets the old result and every confirmation given for it: a new run may meet
        # another certificate.
        s.discovery_started()
        self.checks.clear()
        self.rows.clear()
        self.labels.clear()
        self._fill(None)
        self.status.setText(self.tr("Checking the mail servers for {domain}…").format(domain=s.domain()))
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

    def _progress(self, event: object) -> None:
        if not isinstance(event, ProgressEvent):
            return
        key = f"{event.kind}:{event.key or event.label}"
        if key not in self.rows:
            self.labels[key] = progress_label(event)
            item = QListWidgetItem()
            self.rows[key] = item
            self.checks.addItem(item)
            self.checks.scrollToItem(item)
        note = ""
        if event.state == "failed" and event.detail:
            note = self.tr("stopped") if event.detail == "cancelled" else status_name(event.detail)
        self._set_row(key, _MARKS.get(event.state, ""), note)

    def _end(self, outcome: str, message: str) -> None:
        self.timer.stop()
        self._tick()
        self.job = None
        if outcome != "done":
            self.session.discovery_ended(outcome)
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
        self._settle_checks(result)
        if s.state.found_incoming and s.state.found_outgoing:
            msg = self.tr("Finished. These are the servers we found.")
        else:
            msg = self.tr("Finished, but no complete set of usable servers was found. "
                          "You can enter the settings by hand on the next page.")
        self._end("done", msg)

    def _failed(self, message: str, kind: str) -> None:
        self._fill(None)
        text = message if kind != "error" else self.tr("The checks stopped because of an internal error "
                                                       "({0}).").format(message)
        self._end("failed", text + " " + self.tr("You can check again or enter the settings by hand."))

    def _cancelled(self) -> None:
        self._end("cancelled",
                  self.tr("Checks cancelled. You can check again or enter the settings by hand."))

    def _settle_checks(self, result: DiscoveryResult) -> None:
        """Give every endpoint row its final outcome: probes stopped early report no "done" event."""
        for r in result.candidates:
            c = r.candidate
            key = f"endpoint:{endpoint_key(c.protocol, c.host, c.port, c.security)}"
            if key not in self.rows:
                continue
            if r.stopped == "better_found":
                self._set_row(key, "–", result_name(r))
            else:
                self._set_row(key, "✔" if r.status == "ok" else "✖",
                              "" if r.status == "ok" else result_name(r))
        for key, item in self.rows.items():
            if item.text().startswith(_MARKS["started"]):
                self._set_row(key, "–", self.tr("skipped"))
        # Servers that answered first, then failures, then what was not needed.
        order = {"✔": 0, "✖": 1}
        items = [self.checks.takeItem(0) for _ in range(self.checks.count())]
        for item in sorted(items, key=lambda i: order.get(i.text()[:1], 2)):
            self.checks.addItem(item)
        self.checks.scrollToTop()

    def _set_row(self, key: str, mark: str, note: str) -> None:
        self.rows[key].setText(f"{mark} {self.labels[key]}" + (f" — {note}" if note else ""))

    # --- results ----------------------------------------------------------------------------------------

    def _fill(self, result: DiscoveryResult | None) -> None:
        self.probes = {p: [] for p in self.tables}
        for r in result.candidates if result else []:
            self.probes.setdefault(r.candidate.protocol, []).append(r)
        for proto, table in self.tables.items():
            rows = self.probes.get(proto, [])
            table.setRowCount(len(rows))
            for i, r in enumerate(rows):
                c = r.candidate
                for col, text in enumerate((c.host, str(c.port), security_name(c.security),
                                            result_name(r), source_name(c.source))):
                    item = QTableWidgetItem(text)
                    table.setItem(i, col, item)
                table.setCellWidget(i, 2, Badge(badge_kind(r)))
            table.resizeColumnsToContents()
        self.details.clear()
        self._fill_problems(result)

    def _fill_problems(self, result: DiscoveryResult | None) -> None:
        while self.problems_layout.count():
            item = self.problems_layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.confirm_boxes.clear()
        if result is None:
            self.problems.setVisible(False)
            return
        for f in result.warnings:
            self._add_line(finding_text(f))
        # One box per host, so every risk of that host (IMAP and SMTP may differ) is listed above it.
        for host, risks in self.session.selection.risky_hosts().items():
            texts = [core_text("flow", RISKS[risk], host=host, port=port) for risk, port in risks]
            for text in dict.fromkeys(texts):
                self._add_line(text)
            box = WrapCheckBox(core_text("flow", CONFIRM, host=host))
            box.setChecked(host in self.session.confirmed)
            box.setAccessibleDescription(
                self.tr("Confirms that you accept the risks listed above for this server"))
            box.toggled.connect(lambda on, host=host: self._confirm(host, on))
            self.confirm_boxes[host] = box
            self.problems_layout.addWidget(box)
        self.problems.setVisible(self.problems_layout.count() > 0)

    def _add_line(self, text: str) -> None:
        label = QLabel("⚠ " + text)
        label.setWordWrap(True)
        self.problems_layout.addWidget(label)

    def _confirm(self, host: str, on: bool) -> None:
        self.session.confirm(host, on)
        self.changed()

    def _manual_toggled(self, on: bool) -> None:
        self.session.state.edit_manually = on
        self.changed()

    def _show_details(self) -> None:
        table = self.sender()
        for proto, t in self.tables.items():
            if t is table:
                rows = t.selectionModel().selectedRows()
                if rows and rows[0].row() < len(self.probes.get(proto, [])):
                    self.details.setPlainText(probe_details(self.probes[proto][rows[0].row()]))
