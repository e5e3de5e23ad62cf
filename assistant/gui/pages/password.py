"""Page 6: the password (optional, masked) and whether to keep it in the system keychain.

The password stays in memory for this session only. Saving goes through ``core.secrets`` (keyring, no
plaintext fallback); when the keychain is missing or refuses, the page says so and the wizard carries on.
``SetupWizard.sign_in`` is the seam where a sign-in test plugs in later: a callable taking the account and
password and returning an error sentence or None.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit

from assistant.core import flow, secrets
from assistant.gui.pages.base import Page
from assistant.gui.text import core_text


class PasswordPage(Page):
    page_id = flow.Page.PASSWORD

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Password (optional)"))
        self.setSubTitle(self.tr("You can skip this: your mail program will ask for the password. It is "
                                 "never written into the files we create."))
        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setAccessibleDescription(self.tr("The password of your mailbox; it is shown as dots"))
        self.reveal = QCheckBox(self.tr("S&how the password"))
        self.remember = QCheckBox(self.tr("&Remember it in the system keychain"))
        self.remember.setAccessibleDescription(
            self.tr("Stores the password in your operating system's protected password store"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Keychain status"))
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.reveal)
        form.addRow("", self.remember)
        form.addRow("", self.message)
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.reveal.toggled.connect(lambda on: self.password.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        self.password.textChanged.connect(self._typed)

    def initializePage(self) -> None:
        self.message.setText("")
        self.remember.setEnabled(bool(self.password.text()))
        self.password.setFocus()

    def _typed(self, text: str) -> None:
        self.remember.setEnabled(bool(text))

    def validatePage(self) -> bool:
        s = self.session
        s.password = self.password.text()
        s.keychain, s.keychain_message = "not_asked", ""
        if s.password and self.remember.isChecked():
            try:
                secrets.store(s.address, s.password)
            except secrets.SecretStoreError as exc:
                s.keychain = exc.code
                s.keychain_message = core_text("secrets", secrets.MESSAGES[exc.code], reason=exc.reason)
                self.message.setText(s.keychain_message)
            else:
                s.keychain = "saved"
        check = self.wiz.sign_in
        if check is not None and s.password:
            problem = check(s.account(), s.password)
            if problem:
                self.message.setText(problem)
                return False
        return True
