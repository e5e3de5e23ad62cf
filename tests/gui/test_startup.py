"""Start-up: the first window shows before discovery, DNS, TLS and the keychain are loaded.

Speed itself is measured in ``bench/bundle`` only; these tests guard the cause of a slow start without
timing anything. A fresh interpreter runs the real entry point (``main([])``, what the frozen app and the
console script run) and records ``sys.modules`` at the moment the wizard is first shown; afterwards it
waits until the wizard has built its other pages and loaded those modules in the background, so the same
run proves they do get loaded (a warm-up that never happened would leave discovery to import on a click).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assistant.core.setup.flow import Page
from assistant.gui.wizard import LATER_PAGES, SetupWizard

ROOT = Path(__file__).resolve().parents[2]

# What made the first window slow (docs/benchmarks-bundle.md): none of it may load before it shows.
HEAVY = (
    "asyncio", "dns.asyncresolver", "dns.resolver", "cryptography.x509", "truststore", "keyring",
    "importlib.metadata", "urllib.request", "PySide6.QtPrintSupport",
    "assistant.core.net.dns", "assistant.core.discovery.run", "assistant.core.net.tls",
    "assistant.core.signin.verify", "assistant.core.signin.keychain", "assistant.core.discovery.sources",
    "assistant.cli.probe", "assistant.cli.export",
    "assistant.gui.worker", "assistant.gui.pages.discovery",
    # The first page uses none of these; creating their classes cost ~20 ms before the window showed.
    "assistant.core.model.results", "assistant.core.net.settings", "assistant.core.discovery.presets",
    "assistant.core.advice.recommend",
    "assistant.core.setup.account", "assistant.core.discovery.rank",
    # Repaying PySide6's borrowed bools needs ctypes (~4 ms): batched, so never before the window.
    "ctypes",
    # A double-click (no arguments) builds no command-line parser.
    "assistant.cli.parser", "assistant.cli.common", "assistant.core.net.files",
    "assistant.core.words.printable",
)

# The entry point imports the wizard module anyway, so importing it first to watch its first showEvent
# adds nothing to what is loaded when the window shows.
SCRIPT = r"""
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import assistant.gui.wizard as wizard_module
from assistant.gui import warmup

HEAVY = json.loads(sys.argv[1])
record = {}
original = wizard_module.SetupWizard.showEvent


def show_event(self, event):
    if "at_show" not in record:
        record["at_show"] = sorted(m for m in HEAVY if m in sys.modules)
        record["pages_at_show"] = sorted(int(p) for p in self.pages)
        deadline = time.monotonic() + 30

        def settled():
            warm = warmup.finished()
            if (self.pages.missing() or not warm) and time.monotonic() < deadline:
                QTimer.singleShot(20, settled)
                return
            record["later"] = sorted(m for m in HEAVY if m in sys.modules)
            record["pages_later"] = sorted(int(p) for p in self.pages)
            record["visible_windows"] = sorted(type(w).__name__ for w in QApplication.topLevelWidgets()
                                               if w.isVisible())
            self.close()

        QTimer.singleShot(0, settled)
    original(self, event)


wizard_module.SetupWizard.showEvent = show_event
from assistant.cli import main

record["exit"] = main([])
print("RECORD " + json.dumps(record))
"""


def run_entry(tmp_path: Path, *args: str) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    env.pop("MSA_DEBUG", None)
    proc = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(HEAVY), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=90)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RECORD ")]
    assert proc.returncode == 0 and lines, \
        f"the wizard did not start and close:\n{proc.stdout}\n{proc.stderr}"
    record: dict[str, object] = json.loads(lines[-1][len("RECORD "):])
    return record


def test_first_window_shows_before_the_heavy_modules_load(tmp_path: Path) -> None:
    record = run_entry(tmp_path)
    assert record["exit"] == 0
    assert record["at_show"] == [], f"loaded before the first window: {record['at_show']}"
    assert record["pages_at_show"] == [int(Page.ADDRESS)], "only the first page is built before it shows"
    # ... and once the window is up, everything is loaded and built without anyone clicking.
    assert record["pages_later"] == sorted(int(p) for p in Page)
    expected_later = {"asyncio", "dns.asyncresolver", "assistant.core.discovery.run",
                      "assistant.core.signin.verify", "assistant.core.signin.keychain", "cryptography.x509",
                      "keyring", "assistant.gui.pages.discovery", "assistant.core.model.results",
                      "assistant.core.net.settings", "assistant.core.discovery.presets",
                      "assistant.core.advice.recommend", "assistant.core.setup.account"}
    assert expected_later <= set(record["later"]), f"not warmed up: {expected_later - set(record['later'])}"
    assert record["visible_windows"] == ["SetupWizard"], "a page opened a window of its own while built"


def test_pages_built_after_show_leave_the_wizard_the_only_active_window(
        qtbot: QtBot, make_wizard: Callable[..., SetupWizard]) -> None:
    wiz = make_wizard()
    wiz.activateWindow()
    qtbot.waitUntil(lambda: not wiz.pages.missing(), timeout=20000)
    qtbot.waitUntil(wiz.isActiveWindow, timeout=5000)
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [wiz]
    assert set(wiz.pages) == set(Page)


@pytest.mark.parametrize("target", list(LATER_PAGES))
def test_a_page_not_built_yet_is_built_when_asked_for(qtbot: QtBot, target: Page, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from assistant.core.setup.session import SetupSession as Session
    from tests.support.fake_discovery import fake_discover, offline_settings
    wiz = SetupWizard(Session(offline_settings(5), discoverer=fake_discover),
                      QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(wiz)
    assert list(wiz.pages) == [Page.ADDRESS]  # not shown: nothing else built
    page = wiz.pages[target]
    assert wiz.page(int(target)) is page and list(wiz.pages) == [Page.ADDRESS, target]


def test_the_gui_commands_preset_option_is_the_shared_one() -> None:
    """``cli/gui.py`` takes ``--preset`` from ``cli/common`` like every other command (which must stay
    light enough for the wizard's first window)."""
    import argparse

    from assistant.cli import build_parser
    from assistant.cli.common import add_preset_option

    def preset_action(parser: argparse.ArgumentParser) -> tuple[object, ...]:
        action = next(a for a in parser._actions if "--preset" in a.option_strings)
        return action.option_strings, action.metavar, action.help, action.default, action.nargs

    shared = argparse.ArgumentParser()
    add_preset_option(shared)
    sub = next(a for a in build_parser(("gui",))._actions if isinstance(a, argparse._SubParsersAction))
    assert preset_action(sub.choices["gui"]) == preset_action(shared)


def test_opening_the_wizard_without_arguments_means_what_the_gui_parser_means() -> None:
    """No arguments (a double-click) skips building the parser: its defaults must be exactly the ones the
    ``gui`` command's parser gives, so the two ways in open the same wizard."""
    from assistant.cli import build_parser, gui
    parsed = vars(build_parser(("gui",)).parse_args(["gui"]))
    assert vars(gui.defaults()) == parsed
