"""The discovery page's details: why each server was not used, on the fake discovery's results and on
plain result records (which probes a real run cuts short depends on timing)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assistant.core.model.results import Candidate, ProbeResult
from assistant.gui import i18n
from assistant.gui.pages.discovery import DiscoveryPage
from assistant.gui.pages.discovery_details import result_text
from assistant.gui.text import result_name
from assistant.gui.wizard import SetupWizard
from tests.gui.conftest import FOUND
from tests.gui.walk import to_discovery

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

MakeWizard = Callable[..., SetupWizard]


def _probe(stopped: str | None, status: str = "timeout") -> ProbeResult:
    c = Candidate("imap", "imap.example.test", 993, "ssl", "guess")
    return ProbeResult(candidate=c, status=status, stopped=stopped)  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "better", "deadline"), [
    ("en", "Not needed — a better server was found", "Ran out of time"),
    ("zh_TW", "不需要——已找到更好的伺服器", "時間已用完"),
])
def test_a_probe_cut_short_says_why_not_no_answer(qtbot: QtBot, lang: str, better: str,
                                                  deadline: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, lang)
    try:
        assert result_name(_probe("better_found")) == better
        assert result_name(_probe("deadline")) == deadline
        # A server that really stayed silent still says so.
        assert result_name(_probe(None)) == QCoreApplication.translate("text", "No answer")
    finally:
        i18n.install(app, "en")


def test_discovery_table_shows_why_each_server_was_not_used(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    wiz = make_wizard(timeout=30.0)
    disc = to_discovery(qtbot, wiz, FOUND)
    assert isinstance(disc, DiscoveryPage)
    shown = 0
    for proto, probes in disc.probes.items():
        table = disc.tables[proto]
        for row, probe in enumerate(probes):
            cell = table.item(row, 3)
            assert cell is not None and cell.text() == result_text(probe, wiz.session.selection)
            if probe.stopped is not None:
                assert cell.text() != "No answer"
                shown += 1
    assert disc.probes and any(disc.probes.values())
    # The run itself decides whether any probe was cut short; when one was, its row said why (above).
    assert shown == sum(1 for ps in disc.probes.values() for p in ps if p.stopped)
