"""The last page's "Set up your phone" panel (fake discovery): the Android code decodes (ZXing) to
the session's servers, the iPhone link serves the profile once over loopback and the panel says so, leaving
the page or closing the wizard kills the server, an unused link expires, and no network means no dead code.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel, QWizard
from pytestqt.qtbot import QtBot

from assistant.core.phone.handoff import MIN_MODULE_PX, Link
from assistant.core.profiles import import_profile
from assistant.core.profiles.qrimage import QUIET_ZONE, make_qr
from assistant.core.setup.flow import Page
from assistant.gui.pages.export import ExportPage
from assistant.gui.phone_panel import PhonePanel
from assistant.gui.wizard import SetupWizard
from tests.gui import walk
from tests.gui.conftest import FOUND
from tests.gui.walk import click_next, page
from tests.support.qrdecode import decode_png

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

REPO = Path(__file__).resolve().parents[2]
MakeWizard = Callable[..., SetupWizard]


def to_done(qtbot: QtBot, wiz: SetupWizard, *, password: str = "", expires: float = 600) -> PhonePanel:
    """Walk FOUND to the last page, the phone panel bound to loopback (a test must not use the LAN)."""
    panel = wiz.pages[Page.DONE].phone  # type: ignore[attr-defined]
    assert isinstance(panel, PhonePanel)
    panel.bind, panel.expires = "127.0.0.1", expires
    walk.to_discovery(qtbot, wiz, FOUND, typed=False)
    walk.to_done(qtbot, wiz, password=password)
    return panel


def decode_label(label: QLabel) -> str:
    """The QR code a label shows, decoded by ZXing from the pixels Qt holds (not from our PNG bytes)."""
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    assert label.pixmap().save(buf, "PNG")
    text, _level = decode_png(bytes(buf.data().data()))
    modules = make_qr(text).symbol_size(scale=1, border=QUIET_ZONE)[0]
    assert label.width() >= modules * MIN_MODULE_PX  # big enough to scan from the screen, quiet zone kept
    return text


def wait_link(qtbot: QtBot, panel: PhonePanel, state: Link, timeout: int = 15000) -> None:
    qtbot.waitUntil(lambda: panel.state is state, timeout=timeout)


def get(url: str) -> http.client.HTTPResponse:
    parts = urlsplit(url)
    assert parts.hostname is not None and parts.port is not None
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", parts.path)
    return conn.getresponse()


def test_android_code_holds_the_sessions_servers_and_the_password_only_when_ticked(
        qtbot: QtBot, make_wizard: MakeWizard) -> None:
    wiz = make_wizard()
    panel = to_done(qtbot, wiz, password="pw-Phone-1")
    account = wiz.session.account()
    payload = json.loads(decode_label(panel.android_code))
    incoming, [[outgoing, identity]] = payload[2], payload[3]
    assert payload[:2] == [1, [1, 1]]
    chosen = account.incoming[0]
    assert incoming[:4] == [{"imap": 0, "pop3": 1}[chosen.protocol], chosen.host, chosen.port,
                            {"ssl": 3, "starttls": 2}[chosen.security]]
    assert outgoing[1:3] == [account.outgoing[0].host, account.outgoing[0].port]
    assert identity[0] == FOUND and len(incoming) == 6 and len(outgoing) == 6  # no password
    box = panel.include_password
    assert box.isVisible() and box.isEnabled() and not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    payload = json.loads(decode_label(panel.android_code))
    assert payload[2][6:] == ["", "pw-Phone-1"] and payload[3][0][0][6] == "pw-Phone-1"
    assert "photograph" in panel.android_note.text()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert "pw-Phone-1" not in decode_label(panel.android_code)


def test_iphone_link_serves_the_profile_once_and_the_panel_says_so(qtbot: QtBot,
                                                                    make_wizard: MakeWizard) -> None:
    wiz = make_wizard()
    panel = to_done(qtbot, wiz)
    assert not panel.include_password.isVisible()  # no password typed: nothing to offer
    wait_link(qtbot, panel, Link.WAITING)
    url = decode_label(panel.ios_code)
    assert url == panel.url_field.text() and url.startswith("http://127.0.0.1:")
    assert not panel.renew.isVisible() and "once" in panel.ios_status.text()
    response = get(url)
    assert response.status == 200
    account = import_profile(response.read(), "downloaded")
    assert account.incoming[0].host == wiz.session.account().incoming[0].host
    wait_link(qtbot, panel, Link.DOWNLOADED)
    assert "downloaded" in panel.ios_status.text() and "Settings" in panel.ios_status.text()
    assert panel.ios_code.isHidden() and panel.url_field.isHidden()  # no dead code on screen
    with pytest.raises(ConnectionRefusedError):
        get(url)
    qtbot.mouseClick(panel.renew, Qt.MouseButton.LeftButton)
    wait_link(qtbot, panel, Link.WAITING)
    assert decode_label(panel.ios_code) not in (url, "")  # a new token


def test_leaving_the_page_or_closing_the_wizard_stops_the_server(qtbot: QtBot,
                                                                 make_wizard: MakeWizard) -> None:
    wiz = make_wizard()
    panel = to_done(qtbot, wiz)
    wait_link(qtbot, panel, Link.WAITING)
    url = panel.url_field.text()
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert page(wiz) is Page.EXPORT
    with pytest.raises(ConnectionRefusedError):  # at once: stop() returns when the socket is closed
        get(url)
    click_next(qtbot, wiz)
    wait_link(qtbot, panel, Link.WAITING)
    url = panel.url_field.text()
    assert get(url.rsplit("/", 1)[0] + "/wrong").status == 404  # alive until the wizard closes
    wiz.close()
    with pytest.raises(ConnectionRefusedError):
        get(url)


def test_an_unused_link_expires_and_a_new_one_can_be_made(qtbot: QtBot, make_wizard: MakeWizard) -> None:
    wiz = make_wizard()
    panel = to_done(qtbot, wiz, expires=1)
    wait_link(qtbot, panel, Link.WAITING)
    url = panel.url_field.text()
    wait_link(qtbot, panel, Link.EXPIRED)
    assert "expired" in panel.ios_status.text() and panel.ios_code.isHidden() and panel.renew.isVisible()
    with pytest.raises(ConnectionRefusedError):
        get(url)


def test_without_a_network_the_panel_says_so_instead_of_showing_a_code() -> None:
    """The real LAN lookup, in a network namespace of its own (no interface up, no default route)."""
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    assert probe.returncode == 0, f"unshare -n must work (root, util-linux): {probe.stderr.decode()}"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(["unshare", "-n", sys.executable, "-m", "tests.gui.phone_nolan"], cwd=REPO,
                          env=env, capture_output=True, timeout=60, check=False)
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr.decode()
    state, shown, code, renew = out.strip().split("\n")
    assert state == "no_lan" and code == "no code" and renew == "renew"
    assert "not connected to a local network" in shown


def test_printed_sheet_carries_the_android_code(qtbot: QtBot, make_wizard: MakeWizard,
                                                 tmp_path: Path) -> None:
    """The QTextDocument behind Print and Save as PDF draws the sheet's code (Qt draws no inline SVG, so the
    sheet embeds a PNG): ZXing reads it from the document's own rendering, and the PDF holds the image."""
    wiz = make_wizard()
    panel = to_done(qtbot, wiz, password="pw-Sheet-2")
    export = wiz.pages[Page.EXPORT]
    assert isinstance(export, ExportPage)
    doc = export.sheet_document()
    assert doc is not None
    doc.setTextWidth(800)
    image = QImage(1600, int(doc.size().height() * 2) + 10, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(2, 2)  # as a printer does: the document is laid out once, drawn at a higher resolution
    doc.drawContents(painter)
    painter.end()
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buf, "PNG")
    payload = decode_png(bytes(buf.data().data()))[0]
    assert payload == decode_label(panel.android_code)  # the same account, and no password in either
    assert "pw-Sheet-2" not in payload
    pdf = export.save_pdf(str(tmp_path / "sheet.pdf"))
    assert pdf is not None and b"/Subtype /Image" in pdf.read_bytes()
