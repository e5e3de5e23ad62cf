"""Run the real ``gui`` command, press Next, wait for discovery to end, then close the window like a person.

``python -m tests.support.close_app ARGS...`` runs ``assistant.cli.main(["gui", *ARGS])`` unchanged (the real
entry point and the real interpreter teardown); timers on the event loop press Next once the first page
is up, and close the window (``QWidget.close()``, what the title bar's × does) when the discovery has
ended or ``--after`` seconds have passed. The process's exit code is the app's: a crash at exit shows.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWizard

from assistant.cli import main as cli_main
from assistant.gui.app import application


def drive(deadline: float) -> None:
    """Press Next on the first page, then close the window when the discovery has ended (or time is up)."""
    app = application()
    state = {"pressed": False}

    def tick() -> None:
        wiz = app.property("wizard")
        if wiz is None or not wiz.isVisible():
            return
        if not state["pressed"]:
            wiz.button(QWizard.WizardButton.NextButton).click()
            state["pressed"] = True
        ended = wiz.session.state.discovery in ("done", "failed", "cancelled")
        if ended or time.monotonic() > deadline:
            timer.stop()
            QTimer.singleShot(300, wiz.close)

    timer = QTimer(app)
    timer.timeout.connect(tick)
    timer.start(100)


def main(argv: list[str]) -> int:
    after = 30.0
    if argv[:1] == ["--after"]:
        after, argv = float(argv[1]), argv[2:]
    drive(time.monotonic() + after)
    return cli_main(["gui", *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
