"""The discovery page's technical part, behind "Show details": the checks, one table per protocol, and the
certificate and capabilities of the selected server.

People who do not know what IMAP is read the plain result above it; a helpdesk opens this. Host names are
shown here in their ASCII form (what DNS and the certificate say), the plain result shows them in Unicode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.core.model.progress import ProgressEvent
from assistant.core.model.results import DiscoveryResult, ProbeResult
from assistant.core.setup.summary import chosen, row_kind, used
from assistant.core.words.vocabulary import SOURCES, endpoint_key
from assistant.gui.text import probe_details, result_name, security_name, source_name, status_name
from assistant.gui.widgets import Badge

if TYPE_CHECKING:
    from assistant.core.setup.selection import Selection

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


def result_text(p: ProbeResult, selection: Selection) -> str:
    """The Result column: "will be used" for the chosen server once it may be used, "needs your decision"
    while its risks wait for the box above, "offers no encryption" for a server without STARTTLS (never
    "unexpected answer"), else what became of it."""
    if used(p, selection):
        return QCoreApplication.translate("DiscoveryDetails", "Will be used")
    if chosen(p, selection):
        return QCoreApplication.translate("DiscoveryDetails", "Needs your decision")
    if "starttls_missing" in p.warnings:
        return QCoreApplication.translate("DiscoveryDetails", "Offers no encryption")
    return result_name(p)


class DiscoveryDetails(QWidget):
    """Checks, server tables and the details pane; closed by default on the page."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows: dict[str, QListWidgetItem] = {}
        self.labels: dict[str, str] = {}
        self.probes: dict[str, list[ProbeResult]] = {}
        self.checks = QListWidget()
        self.checks.setAccessibleName(self.tr("Checks"))
        self.checks.setAccessibleDescription(self.tr("Each source and server being checked, and its outcome"))
        self.checks.setMaximumHeight(96)
        self.tabs = self._server_tables()
        self.pane = QPlainTextEdit()
        self.pane.setReadOnly(True)
        self.pane.setTabChangesFocus(True)
        self.pane.setAccessibleName(self.tr("Technical details"))
        self.pane.setAccessibleDescription(
            self.tr("Certificate, capabilities and source of the selected server"))
        self.pane.setPlaceholderText(self.tr("Select a server to see its technical details."))
        self.pane.setMaximumHeight(120)
        layout.addWidget(self.checks)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.pane)

    def _server_tables(self) -> QTabWidget:
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

    # --- the live checks --------------------------------------------------------------------------------

    def clear(self) -> None:
        self.checks.clear()
        self.rows.clear()
        self.labels.clear()

    def progress(self, event: ProgressEvent) -> None:
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

    def counts(self) -> tuple[int, int]:
        """(finished, all) checks so far, for the page's one-line progress."""
        done = sum(1 for item in self.rows.values() if not item.text().startswith(_MARKS["started"]))
        return done, len(self.rows)

    def settle(self, result: DiscoveryResult, selection: Selection) -> None:
        """Give every endpoint row its final outcome: probes stopped early report no "done" event."""
        for r in result.candidates:
            c = r.candidate
            key = f"endpoint:{endpoint_key(c.protocol, c.host, c.port, c.security)}"
            if key not in self.rows:
                continue
            kind = row_kind(r, selection)
            mark = "–" if kind == "unused" else "✔" if r.status == "ok" else "✖"
            quiet = r.status == "ok" and kind != "plaintext"
            self._set_row(key, mark, "" if quiet else result_text(r, selection))
        for key, item in self.rows.items():
            if item.text().startswith(_MARKS["started"]):
                self._set_row(key, "–", self.tr("skipped"))
        order = {"✔": 0, "✖": 1}  # servers that answered first, then failures, then what was not needed
        items = [self.checks.takeItem(0) for _ in range(self.checks.count())]
        for item in sorted(items, key=lambda i: order.get(i.text()[:1], 2)):
            self.checks.addItem(item)
        self.checks.scrollToTop()

    def _set_row(self, key: str, mark: str, note: str) -> None:
        self.rows[key].setText(f"{mark} {self.labels[key]}" + (f" — {note}" if note else ""))

    # --- the tables ---------------------------------------------------------------------------------------

    def fill(self, result: DiscoveryResult | None, selection: Selection | None) -> None:
        self.probes = {p: [] for p in self.tables}
        for r in result.candidates if result else []:
            self.probes.setdefault(r.candidate.protocol, []).append(r)
        for proto, table in self.tables.items():
            rows = self.probes.get(proto, [])
            table.setRowCount(len(rows))
            for i, r in enumerate(rows):
                c = r.candidate
                outcome = result_text(r, selection) if selection is not None else result_name(r)
                for col, text in enumerate((c.host, str(c.port), security_name(c.security), outcome,
                                            source_name(c.source))):
                    table.setItem(i, col, QTableWidgetItem(text))
                kind = row_kind(r, selection) if selection is not None else "failed"
                table.setCellWidget(i, 2, Badge(kind))
            table.resizeColumnsToContents()
        self.pane.clear()

    def refresh(self, selection: Selection) -> None:
        """The Result column and the badges again, after a confirmation changed what will be used."""
        for proto, table in self.tables.items():
            for i, r in enumerate(self.probes.get(proto, [])):
                item = table.item(i, 3)
                if item is not None:
                    item.setText(result_text(r, selection))
                kind = row_kind(r, selection)
                if getattr(table.cellWidget(i, 2), "kind", None) != kind:
                    table.setCellWidget(i, 2, Badge(kind))

    def _show_details(self) -> None:
        table = self.sender()
        for proto, t in self.tables.items():
            if t is table:
                rows = t.selectionModel().selectedRows()
                if rows and rows[0].row() < len(self.probes.get(proto, [])):
                    self.pane.setPlainText(probe_details(self.probes[proto][rows[0].row()]))
