"""Screenshots of the last page's "Set up your phone" panel in English and Traditional Chinese, for
docs/phone.md: the panel with both codes, and the panel after the iPhone link was used.

Run under Xvfb against the test world (needs root for the standard ports), like tests/gui/screenshots.py::

    xvfb-run -a -s "-screen 0 2400x1800x24" .venv/bin/python -m tests.gui.screenshots_phone

The link binds loopback, so the pictures never show this machine's network address.
"""

from __future__ import annotations

import http.client
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "docs" / "screenshots"


def shoot(lang: str) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from assistant.core.phone.handoff import Link
    from assistant.core.setup.flow import Page
    from assistant.core.setup.session import SetupSession
    from assistant.gui import i18n
    from assistant.gui.app import app_icon, application
    from assistant.gui.wizard import SetupWizard
    from tests.gui.conftest import FOUND
    from tests.support.world import build_world

    app = application()
    i18n.build_catalogues()
    i18n.install(app, lang)
    tmp = Path(tempfile.mkdtemp(prefix="phone-shots-"))
    world = build_world(tmp / "world")
    prefs = QSettings(str(tmp / "prefs.ini"), QSettings.Format.IniFormat)
    wiz = SetupWizard(SetupSession(world.settings(30), address=None), prefs, lang, app_icon())
    wiz.resize(900, 720)
    wiz.show()
    saved: list[Path] = []

    def settle(until: object = None, seconds: float = 30) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            if until is None or until():  # type: ignore[operator]
                break
            time.sleep(0.01)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.01)

    try:
        panel = wiz.pages[Page.DONE].phone  # type: ignore[attr-defined]
        panel.bind = "127.0.0.1"
        wiz.pages[Page.ADDRESS].address.setText(FOUND)  # type: ignore[attr-defined]
        wiz.pages[Page.ADDRESS].name.setText("Alice Example" if lang == "en" else "王小明")  # type: ignore[attr-defined]
        wiz.next()
        settle(lambda: wiz.session.state.discovery in ("done", "failed", "cancelled"))
        for _ in range(3):
            wiz.next()
        wiz.pages[Page.PASSWORD].password.setText("not-a-real-password")  # type: ignore[attr-defined]
        wiz.next()
        wiz.pages[Page.EXPORT].folder.setText(str(tmp / "saved"))  # type: ignore[attr-defined]  # Next saves
        wiz.next()
        settle(lambda: panel.state is Link.WAITING)
        parent = panel.parentWidget()
        for name, widget in (("8-done-phone", wiz), ("phone-panel", parent)):
            path = OUT / f"{lang}-{name}.png"
            widget.grab().save(str(path))
            saved.append(path)
        parts = urlsplit(panel.url)
        conn = http.client.HTTPConnection(parts.hostname or "", parts.port or 0, timeout=10)
        conn.request("GET", parts.path)
        conn.getresponse().read()
        settle(lambda: panel.state is Link.DOWNLOADED)
        path = OUT / f"{lang}-phone-panel-used.png"
        parent.grab().save(str(path))
        saved.append(path)
    finally:
        wiz.shutdown_worker()
        world.stop()
        QApplication.processEvents()
    return saved


def main(argv: list[str]) -> int:
    import os
    import subprocess
    if argv:
        for path in shoot(argv[0]):
            print(path.relative_to(REPO))
        return 0
    for lang in ("en", "zh_TW"):
        subprocess.run([sys.executable, "-m", "tests.gui.screenshots_phone", lang], cwd=REPO,
                       env=dict(os.environ), check=True, timeout=300)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
