"""Page 4: how the mailbox is used, asked in everyday words — the input of the IMAP/POP3 recommendation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assistant.core.advice.programs import CHOICES, PROGRAMS
from assistant.core.advice.recommend import Situation
from assistant.core.setup import flow
from assistant.gui.pages.base import Page
from assistant.gui.text import core_text
from assistant.gui.widgets import icon_label
from assistant.gui.wrapbox import WrapCheckBox


class DevicesPage(Page):
    page_id = flow.Page.DEVICES

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your devices"))
        self.setSubTitle(self.tr("A few questions about how you read mail, so we can suggest the best way "
                                 "to set it up."))
        where = QGroupBox(self.tr("Where do you read this mailbox?"))
        grid = QGridLayout(where)
        self.computers = QSpinBox()
        self.computers.setRange(0, 9)
        self.computers.setValue(1)
        self._computers_word(1)
        self.computers.setAccessibleName(self.tr("Number of computers"))
        self.phone = WrapCheckBox(self.tr("On a &phone"))
        self.tablet = WrapCheckBox(self.tr("On a &tablet"))
        self.webmail = WrapCheckBox(self.tr("In a &web browser (webmail)"))
        rows: tuple[tuple[str, QWidget, QWidget | None], ...] = (
            ("computer", QLabel(self.tr("On &computers:")), self.computers), ("phone", self.phone, None),
            ("tablet", self.tablet, None), ("webmail", self.webmail, None))
        for i, (icon, widget, extra) in enumerate(rows):
            grid.addWidget(icon_label(icon), i, 0)
            grid.addWidget(widget, i, 1)
            if extra is not None:
                grid.addWidget(extra, i, 2)
                if isinstance(widget, QLabel):
                    widget.setBuddy(extra)
        grid.setColumnStretch(3, 1)
        self.body.addWidget(where)
        self.body.addWidget(self._programs_box())
        habits = QGroupBox(self.tr("How you use it"))
        hgrid = QGridLayout(habits)
        self.shared = WrapCheckBox(self.tr("Other people read thi&s mailbox too"))
        self.offline = WrapCheckBox(self.tr("I need all my &mail without an internet connection"))
        self.storage = WrapCheckBox(self.tr("Space on the server is &limited, or I want mail off the server"))
        for i, (kind, box) in enumerate((("shared", self.shared), ("offline", self.offline),
                                         ("storage", self.storage))):
            hgrid.addWidget(icon_label(kind), i, 0)
            hgrid.addWidget(box, i, 1)
        hgrid.setColumnStretch(2, 1)
        self.body.addWidget(habits)
        backup = QGroupBox(self.tr("Who makes backups of your mail?"))
        bl = QVBoxLayout(backup)
        self.backup = QButtonGroup(self)
        for i, (code, text) in enumerate((("me", self.tr("I bac&k up my computer")),
                                          ("provider", self.tr("My pro&vider keeps backups")),
                                          ("nobody", self.tr("Nobod&y")),
                                          ("unknown", self.tr("&I don't know")))):
            radio = QRadioButton(text)
            radio.setProperty("code", code)
            radio.setChecked(code == "unknown")
            self.backup.addButton(radio, i)
            bl.addWidget(radio)
        self.body.addWidget(backup)
        self.body.addStretch(1)
        self.computers.valueChanged.connect(self._any_device)
        self.computers.valueChanged.connect(self._computers_word)
        for box in (self.phone, self.tablet, self.webmail):
            box.toggled.connect(self._any_device)

    def _computers_word(self, count: int) -> None:
        """"1 computer", "2 computers": never "computer(s)"."""
        self.computers.setSuffix(self.tr(" computer") if count == 1 else self.tr(" computers"))

    def _programs_box(self) -> QGroupBox:
        """Which mail programs the person sets up: the last page shows the steps for each one ticked."""
        box = QGroupBox(self.tr("Which mail programs will you set up? (Tick all that apply.)"))
        grid = QGridLayout(box)
        self.programs: dict[str, WrapCheckBox] = {}
        for i, code in enumerate(PROGRAMS):
            check = WrapCheckBox(core_text("sheet", CHOICES[code]))
            self.programs[code] = check
            grid.addWidget(check, i // 3, i % 3)
        return box

    def _any_device(self, *_args: object) -> None:
        if not any((self.computers.value(), self.phone.isChecked(), self.tablet.isChecked(),
                    self.webmail.isChecked())):
            self.computers.setValue(1)  # at least one device reads the mail

    def situation(self) -> Situation:
        devices = ["computer"] * self.computers.value()
        devices += [name for name, box in (("phone", self.phone), ("tablet", self.tablet),
                                           ("webmail", self.webmail)) if box.isChecked()]
        checked = self.backup.checkedButton()
        backup = str(checked.property("code")) if checked else "unknown"
        return Situation(devices=tuple(devices or ["computer"]), shared=self.shared.isChecked(),
                         offline=self.offline.isChecked(), limited_storage=self.storage.isChecked(),
                         backup=backup)  # type: ignore[arg-type]

    def initializePage(self) -> None:
        self.computers.setFocus()

    def validatePage(self) -> bool:
        if not super().validatePage():
            return False
        self.session.devices_answered(self.situation(),
                                      (code for code, box in self.programs.items() if box.isChecked()))
        return True
