"""The worker makes the GIL change hands often enough for the GUI thread (the stall fix in docs/gui.md)."""

from __future__ import annotations

import sys

from pytestqt.qtbot import QtBot

from assistant.gui.worker import GIL_SWITCH_INTERVAL, AsyncWorker


def test_worker_shortens_the_gil_switch_interval(qtbot: QtBot) -> None:
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)  # CPython's default
    try:
        worker = AsyncWorker()
        try:
            assert sys.getswitchinterval() <= GIL_SWITCH_INTERVAL
        finally:
            worker.shutdown()
    finally:
        sys.setswitchinterval(before)
