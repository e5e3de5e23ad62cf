"""Page 1: the email address (checked as typed, with the core's own rules) and the name people see."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit

from assistant.core.setup import flow
from assistant.core.words.errors import InputError
from assistant.gui.i18n import LANGUAGES
from assistant.gui.pages.base import Page
from assistant.gui.signals import emit
from assistant.gui.text import core_text, error_text


class AddressPage(Page):
    page_id = flow.Page.ADDRESS

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your email address"))
        self.setSubTitle(self.tr("Enter the address you want to set up. We look up its mail servers and "
                                 "check that they can be used safely."))
        form = QFormLayout()
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("name@example.com"))
        self.address.setAccessibleName(self.tr("Email address"))
        self.address.setAccessibleDescription(self.tr("The address whose mail servers are looked up"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem with the address"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Ann Example"))
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.setAccessibleDescription(self.tr("Shown to the people you write to (optional)"))
        self.language = QComboBox()
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setAccessibleDescription(self.tr("The language of this assistant"))
        form.addRow(self.tr("&Email address:"), self.address)
        form.addRow("", self.problem)
        form.addRow(self.tr("Your na&me:"), self.name)
        form.addRow(self.tr("&Language:"), self.language)
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.address.textChanged.connect(self._validate)
        self.name.textChanged.connect(self._store_name)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.setTabOrder(self.address, self.name)
        self.setTabOrder(self.name, self.language)

    def initializePage(self) -> None:
        code = self.wiz.language
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(code)))
        self.language.blockSignals(False)
        if self.session.address is not None and not self.address.text():
            self.address.setText(self.session.address.shown)
        self.name.setText(self.session.display_name)
        self._validate(self.address.text())
        self.address.setFocus()
        # "Change address" on the last page: typing replaces it (after QWizard has settled the focus,
        # whose focus-out would clear a selection made now).
        QTimer.singleShot(0, self, self.address.selectAll)

    def edit_address(self) -> None:
        """Back from "this domain does not exist": the address focused and selected, to be typed over."""
        self.address.setFocus()
        self.address.selectAll()

    def _language_changed(self, _index: int) -> None:
        emit(self.wiz.language_requested, str(self.language.currentData()))

    def _store_name(self, text: str) -> None:
        self.session.display_name = text.strip()

    def _validate(self, text: str) -> None:
        message = ""
        if not text.strip():  # nothing typed yet: no need to load the IDNA tables and the suffix list
            self.session.address_typed(None)
            self.problem.setText("")
            self.problem.setVisible(False)
            self.changed()
            return
        from assistant.core.model.address import ADDRESS_PROBLEMS, AddressError, parse_address
        try:
            if "@" not in text:  # a name, or a domain alone: the wizard sets up an address
                raise AddressError("no_at", text)
            parsed = parse_address(text)
        except AddressError as exc:
            message = core_text("address", ADDRESS_PROBLEMS[exc.code], text=exc.text, label=exc.label)
            self.session.address_typed(None)
        except InputError as exc:
            message = error_text(exc)
            self.session.address_typed(None)
        else:
            self.session.address_typed(parsed)  # a new address: the session forgets the old checks
        self.problem.setText(message if text.strip() else "")
        self.problem.setVisible(bool(message and text.strip()))
        self.changed()
