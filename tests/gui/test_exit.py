"""Closing the app never ends in a crash: the real ``gui`` command, closed after each kind of domain, exits 0.

Before the fix the process aborted at exit ("Fatal Python error: bool_dealloc", exit 134) after the
plaintext-only, silent, non-existent and typo addresses: PySide6 6.12's ``SignalInstance.emit()`` takes a
reference from ``True`` on every call (see ``assistant/gui/signals.py``). These tests fail without that fix.
"""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal

from assistant.gui import signals
from tests.gui.conftest import FOUND, NO_DOMAIN, NOTHING, PLAINTEXT, SILENT, TYPO
from tests.support.world import ProbeWorld

REPO = Path(__file__).resolve().parents[2]


def run_and_close(world: ProbeWorld, address: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """The real entry point (``tests/support/close_app.py``): Next, wait for the checks, close the window."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "HOME": str(tmp_path)}
    args = [sys.executable, "-m", "tests.support.close_app", "--after", "25", "--address", address,
            "--dns-server", world.dns_server, "--cafile", world.cafile, "--offline", "--timeout", "8",
            "--lang", "en"]
    return subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=90)


@pytest.mark.parametrize("address", [PLAINTEXT, SILENT, NO_DOMAIN, TYPO, NOTHING, FOUND])
def test_closing_the_app_after_a_run_exits_cleanly(world: ProbeWorld, address: str, tmp_path: Path) -> None:
    proc = run_and_close(world, address, tmp_path)
    assert "Fatal Python error" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode == 0, f"exit {proc.returncode} after {address}:\n{proc.stderr[-2000:]}"


class _Pinger(QObject):
    ping = Signal(object)


def test_emitting_keeps_the_reference_count_of_true() -> None:
    pinger = _Pinger()
    signals.emit(pinger.ping, 0)  # the first call measures the PySide6 defect
    gc.collect()
    before = sys.getrefcount(True) + signals.owed()  # references repaid later count as repaid
    for i in range(2000):
        signals.emit(pinger.ping, i)
        assert signals.owed() < signals.PAY_AT  # repaid in batches, never a large debt
    gc.collect()
    assert abs(sys.getrefcount(True) + signals.owed() - before) < 20  # 2000 lost references without the fix


def test_every_emit_in_the_app_goes_through_the_helper() -> None:
    direct = [f"{p.relative_to(REPO)}:{n}" for p in (REPO / "assistant" / "gui").rglob("*.py")
              for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
              if re.search(r"\.emit\(", line) and p.name != "signals.py"]
    assert direct == [], "use assistant.gui.signals.emit(signal, ...) instead of signal.emit(...):\n" + \
        "\n".join(direct)
