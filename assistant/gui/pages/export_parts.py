"""The export page's widgets, built in code: the files for the person's own mail programs, the folder, and
the section "For IT administrators" (autoconfig, Autodiscover, signing the Apple profile), off by default.

Kept apart from ``export.py`` so the page itself holds only what happens (saving on Next, printing).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class ExportWidgets(QWidget):
    """Every control of the export page, in reading (and Tab) order."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = note()
        self.verdict = note()
        self.verdict.setObjectName("verdict")
        layout.addWidget(self.banner)
        layout.addWidget(self.verdict)
        layout.addWidget(self._personal())
        layout.addLayout(self._folder_row())
        layout.addLayout(self._actions())
        layout.addWidget(self._admin())
        self.status = note()
        self.status.setAccessibleName(self.tr("What was saved"))
        layout.addWidget(self.status)
        self.sign.toggled.connect(self.sign_toggled)
        self.sign_toggled(False)

    def _personal(self) -> QGroupBox:
        box = QGroupBox(self.tr("Files for your mail programs"))
        col = QVBoxLayout(box)
        self.formats: dict[str, QCheckBox] = {
            "sheet": QCheckBox(self.tr("Setup &sheet to read or print (HTML)")),
            "mobileconfig": QCheckBox(self.tr("Apple &Mail, iPhone and iPad (.mobileconfig)")),
        }
        self.apple_default = self.tr("Open this file on the Mac, iPhone or iPad and install it in Settings: "
                                     "it fills in the account for you. The last page says how.")
        self.apple_hint = note(self.apple_default)
        self.apple_hint.setIndent(24)
        self.embed = QCheckBox(self.tr("Include my mail &password in the Apple profile"))
        self.embed.setAccessibleDescription(
            self.tr("Anyone who gets the file can read the password; leave this off unless you need it"))
        for widget in (self.formats["sheet"], self.formats["mobileconfig"], self.apple_hint, self.embed):
            col.addWidget(widget)
        return box

    def _folder_row(self) -> QHBoxLayout:
        where = QHBoxLayout()
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Folder for the files"))
        self.folder_btn = QPushButton(self.tr("B&rowse…"))
        self.folder_btn.setAccessibleName(self.tr("Choose the folder for the files"))
        folder_label = QLabel(self.tr("Fol&der:"))
        folder_label.setBuddy(self.folder)
        where.addWidget(folder_label)
        where.addWidget(self.folder, 1)
        where.addWidget(self.folder_btn)
        return where

    def _actions(self) -> QHBoxLayout:
        actions = QHBoxLayout()
        self.print_btn = QPushButton(self.tr("Print setup s&heet…"))
        self.pdf_btn = QPushButton(self.tr("Save sheet as PD&F…"))
        self.open_btn = QPushButton(self.tr("&Open folder"))
        for b in (self.print_btn, self.pdf_btn, self.open_btn):
            actions.addWidget(b)
        actions.addStretch(1)
        return actions

    def _admin(self) -> QGroupBox:
        """Files the people who run the domain publish on a web server; nobody needs them for one
        mail program, so the whole section is off until ticked."""
        self.admin = QGroupBox(self.tr("For &IT administrators"))
        self.admin.setCheckable(True)
        self.admin.setChecked(False)
        col = QVBoxLayout(self.admin)
        self.admin_note = note()
        col.addWidget(self.admin_note)
        self.formats["autoconfig"] = QCheckBox(
            self.tr("&Thunderbird and others (autoconfig, config-v1.1.xml)"))
        self.formats["autodiscover"] = QCheckBox(self.tr("Outloo&k (autodiscover.xml)"))
        for fmt in ("autoconfig", "autodiscover"):
            col.addWidget(self.formats[fmt])  # unticked, like their section
        self.autodiscover_note = note()  # why it cannot be made for this account, when it cannot
        self.autodiscover_note.setIndent(24)
        self.autodiscover_note.setVisible(False)
        col.addWidget(self.autodiscover_note)
        self.admin.toggled.connect(self._admin_toggled)
        sign = QFormLayout()
        self.sign = QCheckBox(self.tr("Si&gn the Apple profile with my certificate"))
        self.identity = QLineEdit()
        self.identity.setAccessibleName(self.tr("Signing certificate file (PKCS #12)"))
        self.identity_btn = QPushButton(self.tr("Choose…"))
        self.identity_btn.setAccessibleName(self.tr("Choose the signing certificate file"))
        row = QHBoxLayout()
        row.addWidget(self.identity, 1)
        row.addWidget(self.identity_btn)
        self.identity_pw = QLineEdit()
        self.identity_pw.setEchoMode(QLineEdit.EchoMode.Password)
        self.identity_pw.setAccessibleName(self.tr("Password of the certificate file"))
        sign.addRow(self.sign)
        identity_label = QLabel(self.tr("Certificate fil&e:"))
        identity_label.setBuddy(self.identity)  # a layout row has no buddy of its own
        sign.addRow(identity_label, row)
        pw_label = QLabel(self.tr("Certificate pass&word:"))
        pw_label.setBuddy(self.identity_pw)
        sign.addRow(pw_label, self.identity_pw)
        col.addLayout(sign)
        return self.admin

    def sign_toggled(self, on: bool) -> None:
        for w in (self.identity, self.identity_btn, self.identity_pw):
            w.setEnabled(on)

    def _admin_toggled(self, on: bool) -> None:
        """The files start unticked and are chosen one by one; unticking the section unticks them, so
        nothing looks chosen that will not be written."""
        if not on:
            for fmt in ("autoconfig", "autodiscover"):
                self.formats[fmt].setChecked(False)

    def chosen(self) -> list[str]:
        """The formats to write: the personal ones ticked, the administrators' only with their section."""
        return [f for f, box in self.formats.items() if box.isChecked() and box.isEnabled()]

    def signing(self) -> bool:
        return self.admin.isChecked() and self.sign.isChecked()
