"""Walk the wizard through the test world and measure each page's layout (run in its own process).

``python -m tests.support.layout_walk --dns-server IP --cafile PEM --lang LANG ADDRESS...`` prints one JSON
line per page visited: the screen's free area, the window's frame, where Next is, and whether the page
scrolls sideways or (at the window's size) at all. Its own process, because the screen (a virtual one via
``QT_QPA_PLATFORM=offscreen:configfile=...``) and ``QT_SCALE_FACTOR`` are fixed when Qt starts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication, QScrollArea, QWizard

from assistant.core.model.address import EmailAddress
from assistant.core.net.settings import Settings
from assistant.core.setup.flow import Page
from assistant.core.setup.session import SetupSession
from assistant.gui import i18n
from assistant.gui.app import application
from assistant.gui.wizard import SetupWizard


def spin(app: QApplication, done: Callable[[], bool], seconds: float = 30.0) -> None:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    settle = time.monotonic() + 0.3  # the window grows to its content on the next turns of the loop
    while time.monotonic() < settle:
        app.processEvents()
        time.sleep(0.01)


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def measure(wiz: SetupWizard, address: str) -> dict[str, object]:
    free = wiz.screen().availableGeometry()
    page = wiz.currentPage()
    scroll = page.findChild(QScrollArea)
    next_button = wiz.button(QWizard.WizardButton.NextButton)
    top_left = next_button.mapToGlobal(next_button.rect().topLeft())
    return {
        "address": address, "page": Page(wiz.currentId()).name, "free": rect(free),
        "frame": rect(wiz.frameGeometry()),
        "next": [top_left.x(), top_left.y(), next_button.width(), next_button.height()],
        "next_shown": next_button.isVisible(),
        "sideways": bool(scroll and scroll.horizontalScrollBar().maximum() > 0),
        "scrolls": bool(scroll and scroll.verticalScrollBar().maximum() > 0),
        "content_width": scroll.widget().minimumSizeHint().width() if scroll and scroll.widget() else 0,
        "viewport_width": scroll.viewport().width() if scroll else 0,
    }


def walk(args: argparse.Namespace) -> None:
    app = application()
    prefs = QSettings(args.prefs, QSettings.Format.IniFormat)
    settings = Settings.create(timeout=10, dns_server=args.dns_server, cafile=args.cafile, offline=True)
    i18n.build_catalogues()
    i18n.install(app, args.lang)
    import tempfile
    for address in args.addresses:
        # Next on the export page saves: each walk into a folder of its own, so no "Replace files?" waits.
        prefs.setValue("export/folder", tempfile.mkdtemp(prefix="layout-walk-"))
        wiz = SetupWizard(SetupSession(settings, address=EmailAddress.parse(address)), prefs, args.lang)
        wiz.show()
        spin(app, lambda w=wiz: not w.pages.missing(), 10)
        print(json.dumps(measure(wiz, address)), flush=True)
        while wiz.currentId() != int(Page.DONE) and wiz.button(QWizard.WizardButton.NextButton).isEnabled():
            wiz.next()
            spin(app, lambda w=wiz: w.session.state.discovery not in ("idle", "running"))
            print(json.dumps(measure(wiz, address)), flush=True)
        wiz.confirm_discard = lambda: True
        wiz.shutdown_worker()
        wiz.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dns-server", required=True)
    parser.add_argument("--cafile", required=True)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--prefs", required=True)
    parser.add_argument("addresses", nargs="+")
    walk(parser.parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
