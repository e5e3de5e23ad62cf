"""What a person sees on the wizard's current page, as text: the tests read the screen, not the session.

Every visible label, button, group title, tab, list row, table cell, read-only text, and the contents of
line edits, spin boxes and combo boxes (a placeholder such as ``%EMAILADDRESS%`` in a field is on screen
too). Rich text is reduced to its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
    QWizard,
)

from assistant.gui.wizard import SetupWizard

TAG = re.compile(r"<[^>]*>")
WIZARD_BUTTONS = (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                  QWizard.WizardButton.CancelButton, QWizard.WizardButton.FinishButton,
                  QWizard.WizardButton.CustomButton1)


def plain(text: str) -> str:
    """A label as read: rich text without its tags and entities; a plain label without its Alt+letter mark."""
    import html
    if TAG.search(text):
        text = TAG.sub(" ", text.replace("</li>", "\n").replace("<br>", "\n").replace("</tr>", "\n"))
        return html.unescape(text)
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def pieces(wiz: SetupWizard) -> Iterator[tuple[QWidget | None, str]]:
    """(widget, text) for everything visible on the current page, the titles and the wizard's buttons."""
    current = wiz.currentPage()
    yield None, current.title()
    yield None, current.subTitle()
    for w in current.findChildren(QWidget):
        if not w.isVisibleTo(wiz):
            continue
        if isinstance(w, QLabel | QAbstractButton):
            yield w, plain(w.text())
        elif isinstance(w, QGroupBox):
            yield w, w.title()
        elif isinstance(w, QTabWidget):
            yield from ((w, w.tabText(i)) for i in range(w.count()))
        elif isinstance(w, QListWidget):
            yield from ((w, w.item(i).text()) for i in range(w.count()))
        elif isinstance(w, QTableWidget):
            for r in range(w.rowCount()):
                yield w, " | ".join(item.text() for c in range(w.columnCount())
                                    if (item := w.item(r, c)) is not None)
        elif isinstance(w, QPlainTextEdit):
            yield w, w.toPlainText()
        elif isinstance(w, QLineEdit) and not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox):
            yield w, w.text() or w.placeholderText()
        elif isinstance(w, QAbstractSpinBox):
            yield w, w.text()
        elif isinstance(w, QComboBox):
            yield w, w.currentText()
    for which in WIZARD_BUTTONS:
        button = wiz.button(which)
        if button.isVisible():
            yield button, plain(button.text())


def screen(wiz: SetupWizard) -> str:
    """The current page as one text, a line per piece (what the person could read now)."""
    return "\n".join(text for _w, text in pieces(wiz) if text)
