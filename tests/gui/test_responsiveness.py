"""The GUI never freezes: the Qt event loop keeps ticking while a whole discovery runs.

A 5 ms QTimer records the gap between its ticks from pressing Next until the results are on screen (the
full probe against the real test world, plus filling the tables). The longest gap is the longest stall a
person could notice. The figure is printed (docs/gui.md reports it); the assertion is only a generous bound
that a discovery running on the GUI thread would break, not a speed target.

The meter starts only once the wizard has built its other pages and loaded the discovery modules in the
background, as it has long done by the time a person has typed an address: start-up work that happens while
they type is not a stall of the probe (tests/gui/test_startup.py covers start-up).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from assistant.core.setup.flow import Page
from assistant.gui import warmup
from assistant.gui.wizard import SetupWizard
from tests.gui.conftest import FOUND
from tests.gui.walk import click_next, wait_discovery

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]


class StallMeter:
    def __init__(self, interval_ms: int = 5) -> None:
        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self.last) * 1000)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        self.tick()
        return max(self.gaps)


@pytest.mark.real_servers  # a full probe of the real servers runs while the loop is measured
def test_event_loop_keeps_ticking_during_a_full_probe(qtbot: QtBot, make_wizard: Callable[..., SetupWizard],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    wiz = make_wizard()
    # What happens while a person types: the other pages are built, the heavy modules load.
    qtbot.waitUntil(lambda: not wiz.pages.missing() and warmup.finished(), timeout=30000)
    wiz.pages[Page.ADDRESS].address.setText(FOUND)  # type: ignore[attr-defined]
    qtbot.wait(20)  # the address page reacts to the text (validation, "Next" enabled) before the press
    meter = StallMeter()
    meter.start()
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    qtbot.wait(50)  # let the results paint
    worst = meter.stop()
    assert wiz.session.state.discovered_usable
    assert len(meter.gaps) > 10, "the timer hardly ran: the event loop was blocked"
    with capsys.disabled():
        print(f"\n[stall] longest event-loop gap during discovery: {worst:.1f} ms "
              f"over {len(meter.gaps)} ticks ({wiz.session.result.elapsed_ms if wiz.session.result else '?'} "
              f"ms of probing)")
    assert worst < 1000, f"the GUI froze for {worst:.0f} ms"
