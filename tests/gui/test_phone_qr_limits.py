"""Review 4 (docs/security-review-4.md), B4 in the wizard: a name too long for one QR code once ended in
segno's DataOverflowError (the export page's Next and the phone panel). The phone panel now leaves the
Android code off and says why in the person's language (no error text of the command line), the iPhone link
still works, and the sheet the wizard prints has no code and names the loss ``mobile_qr``.

The panel is built as the last page builds it, for a session with typed settings (no discovery needed).
"""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assistant.core.model.account import ServerConfig
from assistant.core.model.address import EmailAddress
from assistant.core.net.settings import Settings
from assistant.core.phone.handoff import TEXTS, Link
from assistant.core.setup.session import SetupSession
from assistant.gui import i18n
from assistant.gui.phone_panel import PhonePanel
from assistant.gui.worker import AsyncWorker

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

LONG_NAME = "Alice " + "Liddell-" * 400  # 3,206 characters: more than one QR code holds


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[PhonePanel]:
    widget = PhonePanel()
    widget.bind, widget.expires = "127.0.0.1", 60  # a test must not use the LAN
    qtbot.addWidget(widget)
    widget.worker = AsyncWorker(widget)
    yield widget
    widget.stop()
    widget.worker.shutdown()


def session_with(name: str) -> SetupSession:
    session = SetupSession(lambda: Settings.create(offline=True),
                           address=EmailAddress.parse("alice@example.com"))
    session.set_manual(ServerConfig("imap", "imap.example.com", 993, "ssl"),
                       ServerConfig("smtp", "smtp.example.com", 465, "ssl"))
    session.display_name = name
    return session


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_b4_a_name_too_long_for_a_code_is_said_in_words(qtbot: QtBot, panel: PhonePanel, lang: str,
                                                         tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, lang)
    try:
        session = session_with(LONG_NAME)
        assert panel.worker is not None
        panel.show()
        panel.show_for(session, panel.worker)
        assert panel.android_code.isHidden()
        shown = panel.android_note.text()
        assert shown == QCoreApplication.translate("phone", TEXTS["too_long"])
        if lang == "zh_TW":
            assert shown != TEXTS["too_long"] and "QR 碼" in shown and "Thunderbird for Android" in shown
        for english in ("mobile-qr", "bytes", "QR code holds", "--name", "Error", "No code could be made"):
            assert english not in shown
        qtbot.waitUntil(lambda: panel.state is Link.WAITING, timeout=15000)  # the iPhone half still works
        parts = urlsplit(panel.url_field.text())
        conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
        conn.request("GET", parts.path)
        response = conn.getresponse()
        assert response.status == 200 and LONG_NAME.encode() in response.read()
        qtbot.waitUntil(lambda: panel.state is Link.DOWNLOADED, timeout=15000)
        [sheet] = session.export_plan(["sheet"], tmp_path, translate=QCoreApplication.translate)
        assert b"data:image/png" not in sheet.data and b"alice@example.com" in sheet.data  # Print, PDF
        assert "mobile_qr" in [loss.code for loss in sheet.losses]
        panel.show_for(session_with("Alice"), panel.worker)  # a short name: the code is back
        assert not panel.android_code.isHidden() and panel.android_note.text() == ""
    finally:
        i18n.install(app, "en")
