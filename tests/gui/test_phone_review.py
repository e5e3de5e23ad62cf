"""Review 4 (docs/security-review-4.md), B4 in the wizard: a name too long for one QR code once ended in
segno's DataOverflowError. The phone panel now leaves the Android code off and says why in the person's
language (no error text of the command line), the iPhone link still works, and the printed sheet has no code.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from assistant.core.phone.handoff import TEXTS, Link
from assistant.core.setup.flow import Page
from assistant.gui.pages.export import ExportPage
from assistant.gui.wizard import SetupWizard
from tests.gui.test_phone import decode_label, get, to_done, wait_link

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

MakeWizard = Callable[..., SetupWizard]
LONG_NAME = "Alice " + "Liddell-" * 400  # 3,206 characters: more than one QR code holds


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_b4_a_name_too_long_for_a_code_is_said_in_words(qtbot: QtBot, make_wizard: MakeWizard,
                                                         lang: str) -> None:
    wiz = make_wizard(lang=lang)
    wiz.pages[Page.ADDRESS].name.setText(LONG_NAME)  # type: ignore[attr-defined]
    panel = to_done(qtbot, wiz)
    assert panel.android_code.isHidden()
    shown = panel.android_note.text()
    assert shown == QCoreApplication.translate("phone", TEXTS["too_long"])
    if lang == "zh_TW":
        assert "QR 碼" in shown and "Thunderbird for Android" in shown
    for english in ("mobile-qr", "bytes", "QR code holds", "--name", "Error"):
        assert english not in shown
    wait_link(qtbot, panel, Link.WAITING)  # the iPhone half is not affected
    response = get(decode_label(panel.ios_code))
    assert response.status == 200 and LONG_NAME.encode() in response.read()
    export = wiz.pages[Page.EXPORT]
    assert isinstance(export, ExportPage)
    doc = export.sheet_document()  # Print and Save as PDF: the sheet, without the code
    assert doc is not None and "alice@srv.test" in doc.toPlainText() and "<img" not in doc.toHtml()
