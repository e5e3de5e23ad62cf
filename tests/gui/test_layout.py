"""Layout: the window fits the screen (200 % on 1280×900 keeps Next on screen), nothing scrolls sideways,
every option is visible at the default size on an ordinary screen, long confirmations wrap, and Cancel
asks before throwing work away.

The window measurements run the wizard in its own process (``tests/support/layout_walk.py``) on a
virtual screen (the offscreen platform's ``configfile``) with ``QT_SCALE_FACTOR``, through the real test
world: a good domain to the last page, nothing found (the manual page), a certificate problem and a
server outside the domain.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from assistant.core.setup.flow import Page
from assistant.gui.wizard import SetupWizard
from assistant.gui.wrapbox import WrapCheckBox
from tests.gui.conftest import CERT_PROBLEM, FOUND, NOTHING, OUTSIDE
from tests.gui.walk import click_next, page, to_discovery, to_manual, wait_discovery
from tests.support.world import ProbeWorld

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

REPO = Path(__file__).resolve().parents[2]
MakeWizard = Callable[..., SetupWizard]


def walk(world: ProbeWorld, tmp_path: Path, lang: str, width: int, height: int, scale: int,
         addresses: list[str]) -> list[dict[str, Any]]:
    screen = tmp_path / f"screen-{width}x{height}.json"
    screen.write_text(json.dumps({"screens": [{"name": "virtual", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "QT_SCALE_FACTOR": str(scale)}
    args = [sys.executable, "-m", "tests.support.layout_walk", "--dns-server", world.dns_server,
            "--cafile", world.cafile, "--lang", lang, "--prefs", str(tmp_path / "p.ini"), *addresses]
    proc = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert rows, proc.stderr[-3000:]
    return rows


def inside(inner: list[int], outer: list[int]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_at_200_percent_on_1280x900_the_window_fits_and_next_stays_visible(world: ProbeWorld, tmp_path: Path,
                                                                         lang: str) -> None:
    rows = walk(world, tmp_path, lang, 1280, 900, 2, [FOUND, NOTHING, CERT_PROBLEM, OUTSIDE])
    assert rows[0]["free"] == [0, 0, 640, 450]  # the virtual screen, in the scaled (logical) pixels
    pages = {r["page"] for r in rows}
    assert {"ADDRESS", "DISCOVERY", "MANUAL", "DEVICES", "EXPORT", "DONE"} <= pages
    for r in rows:
        where = f"{r['address']} {r['page']}"
        assert inside(r["frame"], r["free"]), f"{where}: window {r['frame']} outside {r['free']}"
        if r["page"] != "DONE":
            assert r["next_shown"] and inside(r["next"], r["free"]), f"{where}: Next at {r['next']}"
        assert not r["sideways"], f"{where}: scrolls sideways ({r['content_width']} > {r['viewport_width']})"


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_on_an_ordinary_screen_every_option_is_visible_without_scrolling(world: ProbeWorld, tmp_path: Path,
                                                                        lang: str) -> None:
    rows = walk(world, tmp_path, lang, 1920, 1080, 1, [FOUND, NOTHING, CERT_PROBLEM])
    for r in rows:
        where = f"{r['address']} {r['page']}"
        assert inside(r["frame"], r["free"]), where
        assert not r["sideways"], f"{where}: the page scrolls sideways at {r['frame']}"
        # The last page is for reading (the steps for each program, the phone codes, the diagnostics):
        # it may scroll down. Every page with options to choose must not.
        if r["page"] != "DONE":
            assert not r["scrolls"], f"{where}: the page scrolls at {r['frame']}"
    assert any(r["page"] == "DONE" for r in rows), "the walk never reached the last page"


def test_a_long_confirmation_wraps_and_is_ticked_by_its_text(qtbot: QtBot) -> None:
    box = WrapCheckBox("I understand the risks and want to use imap.provider-elsewhere.test anyway "
                       "(its certificate is for another name and it is outside your domain)")
    qtbot.addWidget(box)
    line = box.heightForWidth(10_000)
    assert box.heightForWidth(240) >= 3 * box.fontMetrics().height() > line
    assert box.minimumSizeHint().width() < box.sizeHint().width() // 3
    box.resize(240, box.heightForWidth(240))
    box.show()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(200, box.height() - 4))  # on the last line
    assert box.isChecked()


def test_the_discovery_confirmation_box_wraps(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    wiz = make_wizard(OUTSIDE)
    click_next(qtbot, wiz)
    wait_discovery(qtbot, wiz)
    boxes = list(wiz.pages[Page.DISCOVERY].confirm_boxes.values())  # type: ignore[attr-defined]
    assert boxes and all(isinstance(b, WrapCheckBox) for b in boxes)


def _to_manual(qtbot: QtBot, wiz: SetupWizard) -> None:
    to_discovery(qtbot, wiz)  # the address given to the wizard
    to_manual(qtbot, wiz)


def test_cancel_from_page_3_on_asks_and_keeping_on_keeps_everything(qtbot: QtBot,
                                                                    make_wizard: MakeWizard) -> None:
    wiz = make_wizard(NOTHING)
    asked: list[int] = []
    wiz.confirm_discard = lambda: asked.append(wiz.currentId()) or False  # type: ignore[func-returns-value]
    wiz.button(QWizard.WizardButton.CancelButton).click()  # page 1: nothing to lose, no question
    assert asked == [] and not wiz.isVisible()
    wiz = make_wizard(NOTHING)
    wiz.confirm_discard = lambda: asked.append(wiz.currentId()) or False  # type: ignore[func-returns-value]
    _to_manual(qtbot, wiz)
    wiz.button(QWizard.WizardButton.CancelButton).click()
    qtbot.keyClick(wiz, Qt.Key.Key_Escape)
    wiz.close()
    assert asked == [int(Page.MANUAL)] * 3
    assert wiz.isVisible() and page(wiz) is Page.MANUAL and wiz.session.state.discovery == "done"
    wiz.confirm_discard = lambda: True
    wiz.button(QWizard.WizardButton.CancelButton).click()
    assert not wiz.isVisible()


@pytest.mark.parametrize(("lang", "keep", "title"), [("en", "&Keep setting up", "Stop setting up?"),
                                                     ("zh_TW", "繼續設定(&K)", "要停止設定嗎？")])
def test_the_question_is_asked_in_the_interface_language(qtbot: QtBot, make_wizard: MakeWizard, lang: str,
                                                         keep: str, title: str) -> None:
    wiz = make_wizard(NOTHING, lang=lang)
    wiz.confirm_discard = wiz.ask_discard
    _to_manual(qtbot, wiz)
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.windowTitle())
        buttons = {b.text(): b for b in box.findChildren(QPushButton)}
        assert keep in buttons, list(buttons)
        buttons[keep].click()

    QTimer.singleShot(100, answer)
    wiz.button(QWizard.WizardButton.CancelButton).click()
    assert seen == [title]
    assert wiz.isVisible()
    wiz.confirm_discard = lambda: True


def test_the_default_size_is_kept_on_a_big_screen(make_wizard: MakeWizard) -> None:
    wiz = make_wizard(FOUND)
    free = wiz.screen().availableGeometry()
    assert wiz.width() <= free.width() and wiz.height() <= free.height()
