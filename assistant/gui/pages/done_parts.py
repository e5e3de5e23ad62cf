"""Pieces of the last page: the verdict line in the palette's tint, and one panel per mail program with
its steps and values (selectable) and a Copy button.

The words come from the core (``core/setup/outcome.py``, ``core/advice/programs.py``), translated here.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from assistant.core.advice.programs import Instructions
from assistant.core.setup.flow import Page
from assistant.core.setup.outcome import Outcome, join
from assistant.gui.widgets import badge_colour

# Symbol + words, never colour alone; the tint is the badge colour of the same meaning.
MARKS = {"ready": ("✔", "verified"), "ready_with_risk": ("⚠", "problem"), "not_working": ("✖", "plaintext"),
         "untested": ("⚠", "problem")}


def show_verdict(label: QLabel, outcome: Outcome) -> None:
    """The first line of the page: whether it works, why not, and what to do next."""
    translate = QCoreApplication.translate
    mark, kind = MARKS[outcome.status]
    label.setText(f"{mark} " + join(outcome.headline(translate), outcome.next_text(translate)))
    tint = badge_colour(kind, label.palette()).name()
    label.setStyleSheet(f"QLabel {{ background-color: {tint}; color: palette(window-text); "
                        f"border-radius: 4px; padding: 8px; font-weight: bold; }}")


def action_text(outcome: Outcome) -> str:
    """The button that takes the person to where the next step is done ("" when there is none)."""
    if outcome.back_to is Page.ADDRESS:
        return QCoreApplication.translate("DonePage", "Change add&ress")
    if outcome.back_to is Page.PASSWORD:
        return QCoreApplication.translate("DonePage", "Try the pass&word again")
    if outcome.back_to is Page.MANUAL:
        if outcome.status == "untested":
            return QCoreApplication.translate("DonePage", "&Test the settings")
        return QCoreApplication.translate("DonePage", "Change the &settings")
    if outcome.back_to is Page.DISCOVERY:
        return QCoreApplication.translate("DonePage", "&Try again")
    return ""


class ProgramPanel(QGroupBox):
    """One mail program: numbered steps, the values in a table (selectable), and Copy."""

    def __init__(self, steps: Instructions, parent: QWidget | None = None) -> None:
        translate = QCoreApplication.translate
        name = steps.name.render(translate)
        super().__init__(name, parent)
        self.steps = steps
        self.text = QLabel(self.html())
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setAccessibleName(name)
        self.copy_btn = QPushButton(QCoreApplication.translate("DonePage", "Copy"))
        self.copy_btn.setAccessibleName(
            QCoreApplication.translate("DonePage", "Copy the steps for {0}").format(name))
        self.copy_btn.clicked.connect(self.copy)
        # The button under the text, not beside it: at 200 % the steps need the whole width.
        column = QVBoxLayout(self)
        column.addWidget(self.text)
        column.addWidget(self.copy_btn, 0, Qt.AlignmentFlag.AlignRight)

    def html(self) -> str:
        tr = QCoreApplication.translate
        out = ["<ol>", *(f"<li>{escape(s.render(tr))}</li>" for s in self.steps.steps), "</ol>",
               "<table cellspacing='0' cellpadding='2'>"]
        for part in self.steps.sections:
            out.append(f"<tr><td colspan='2'><b>{escape(part.title.render(tr))}</b></td></tr>")
            out += [f"<tr><td>{escape(k.render(tr))}</td><td><tt>{escape(v.render(tr))}</tt></td></tr>"
                    for k, v in part.rows]
        return "".join([*out, "</table>"])

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.steps.plain_text(QCoreApplication.translate))
