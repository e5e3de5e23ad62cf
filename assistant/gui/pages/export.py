"""Page 7: save the profiles (autoconfig, Autodiscover, Apple profile — optionally signed — and the setup
sheet), print the sheet or save it as PDF through Qt, and open the folder.

Files are written atomically (temp file + rename, as the CLI does); the password is never written unless
the person ticks "include the password" for the Apple profile, which is off by default.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from assistant.core import flow
from assistant.core.errors import AssistantError
from assistant.core.files import write_output
from assistant.core.model import AccountConfig
from assistant.core.profiles import FORMATS, export_profile, suggested_file_name
from assistant.gui.pages.base import Page
from assistant.gui.text import error_text
from assistant.gui.wrapbox import WrapCheckBox


class ExportPage(Page):
    page_id = flow.Page.EXPORT

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Save the settings"))
        self.setSubTitle(self.tr("Choose the files to create for your mail programs. You can also print "
                                 "the setup sheet."))
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.body.addWidget(self.banner)
        kinds = QGroupBox(self.tr("Files"))
        kl = QVBoxLayout(kinds)
        labels = {
            "autoconfig": self.tr("&Thunderbird and others (autoconfig, config-v1.1.xml)"),
            "autodiscover": self.tr("&Outlook (autodiscover.xml)"),
            "mobileconfig": self.tr("Apple &Mail, iPhone and iPad (.mobileconfig)"),
            "sheet": self.tr("Setup &sheet to read or print (HTML)"),
        }
        self.formats: dict[str, QCheckBox] = {}
        for fmt in FORMATS:
            box = WrapCheckBox(labels.get(fmt, fmt))
            box.setChecked(True)
            self.formats[fmt] = box
            kl.addWidget(box)
        self.body.addWidget(kinds)
        sign = QGroupBox(self.tr("Apple profile"))
        sf = QFormLayout(sign)
        self.sign = WrapCheckBox(self.tr("Si&gn the profile with my certificate"))
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
        self.embed = WrapCheckBox(self.tr("&Include my mail password in the Apple profile"))
        self.embed.setAccessibleDescription(
            self.tr("Anyone who gets the file can read the password; leave this off unless you need it"))
        sf.addRow(self.sign)
        identity_label = QLabel(self.tr("Certificate &file:"))
        identity_label.setBuddy(self.identity)  # a layout row has no buddy of its own
        sf.addRow(identity_label, row)
        sf.addRow(self.tr("Certificate pass&word:"), self.identity_pw)
        sf.addRow(self.embed)
        self.body.addWidget(sign)
        where = QHBoxLayout()
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Folder for the files"))
        self.folder_btn = QPushButton(self.tr("B&rowse…"))
        self.folder_btn.setAccessibleName(self.tr("Choose the folder for the files"))
        folder_label = QLabel(self.tr("Fold&er:"))
        folder_label.setBuddy(self.folder)
        where.addWidget(folder_label)
        where.addWidget(self.folder, 1)
        where.addWidget(self.folder_btn)
        self.body.addLayout(where)
        actions = QHBoxLayout()
        self.save_btn = QPushButton(self.tr("Sa&ve files"))
        self.print_btn = QPushButton(self.tr("&Print setup sheet…"))
        self.pdf_btn = QPushButton(self.tr("Save sheet as P&DF…"))
        self.open_btn = QPushButton(self.tr("Open fo&lder"))
        for b in (self.save_btn, self.print_btn, self.pdf_btn, self.open_btn):
            actions.addWidget(b)
        self.body.addLayout(actions)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("What was saved"))
        self.body.addWidget(self.status)
        self.body.addStretch(1)
        self.sign.toggled.connect(self._sign_toggled)
        self.identity_btn.clicked.connect(self._pick_identity)
        self.folder_btn.clicked.connect(self._pick_folder)
        self.save_btn.clicked.connect(self.save)
        self.print_btn.clicked.connect(self.print_sheet)
        self.pdf_btn.clicked.connect(self.save_pdf)
        self.open_btn.clicked.connect(self.open_folder)
        self._sign_toggled(False)

    def initializePage(self) -> None:
        s = self.session
        self.banner.setText(s.keychain_message)
        self.banner.setVisible(bool(s.keychain_message))
        if not self.folder.text():
            saved = self.wiz.prefs.value("export/folder", "")
            docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            self.folder.setText(str(saved) if saved and Path(str(saved)).is_dir() else docs)
        self.embed.setEnabled(bool(s.password))
        if not s.password:
            self.embed.setChecked(False)
        self.status.setText("")
        self.save_btn.setFocus()

    def _sign_toggled(self, on: bool) -> None:
        for w in (self.identity, self.identity_btn, self.identity_pw):
            w.setEnabled(on)

    def _pick_identity(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Signing certificate"), self.folder.text(),
                                              self.tr("PKCS #12 files (*.p12 *.pfx);;All files (*)"))
        if name:
            self.identity.setText(name)

    def _pick_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Folder for the files"), self.folder.text())
        if name:
            self.folder.setText(name)

    # --- producing files ---------------------------------------------------------------------------------

    def _account(self) -> AccountConfig:
        account: AccountConfig = self.session.account()
        if self.embed.isChecked() and self.session.password:
            from dataclasses import replace
            account = replace(account, password=self.session.password)
        return account

    def _allow_plain(self, account: AccountConfig) -> bool:
        """Plaintext servers only when the person confirmed that very server earlier."""
        s = self.session
        plain = {x.host for x in (*account.incoming, *account.outgoing) if x.security == "plain"}
        return bool(plain) and (plain <= s.confirmed or (s.uses_manual and not s.state.manual_unconfirmed))

    def profile_bytes(self, fmt: str) -> bytes:
        account = self._account()
        ident = pw = None
        if fmt == "mobileconfig" and self.sign.isChecked():
            from assistant.core.setup.inputs import read_identity
            # Bounded like the CLI's --sign-identity: a huge or endless file (/dev/zero) is refused unread.
            name = self.identity.text()
            ident = read_identity(name if name != "-" else "./-")
            pw = self.identity_pw.text().encode() or None
        embed = fmt == "mobileconfig" and account.password is not None
        return export_profile(account, fmt, embed_password=embed, sign_identity=ident, sign_password=pw,
                              allow_plain=self._allow_plain(account), translate=QCoreApplication.translate)

    def save(self) -> list[Path]:
        folder = Path(self.folder.text()).expanduser()
        if not folder.is_dir():
            self.status.setText(self.tr("The folder {0} does not exist.").format(folder))
            return []
        chosen = [f for f, box in self.formats.items() if box.isChecked()]
        if not chosen:
            self.status.setText(self.tr("Choose at least one kind of file."))
            return []
        try:
            account = self._account()
            files = {folder / suggested_file_name(account, f): self.profile_bytes(f) for f in chosen}
        except AssistantError as exc:
            self.status.setText(error_text(exc))
            return []
        existing = [p.name for p in files if p.exists()]
        if existing and not self.confirm_replace(existing):
            self.status.setText(self.tr("Nothing was saved."))
            return []
        saved: list[Path] = []
        try:
            for path, data in files.items():
                write_output(str(path), data, force=True)
                saved.append(path)
        except AssistantError as exc:
            self.status.setText(error_text(exc))
        self.session.exported = sorted(set(self.session.exported) | set(saved))
        self.wiz.prefs.setValue("export/folder", str(folder))
        if saved:
            self.status.setText(self.tr("Saved: {0}").format(", ".join(p.name for p in saved)))
        return saved

    def confirm_replace(self, names: list[str]) -> bool:
        answer = QMessageBox.question(self, self.tr("Replace files?"),
                                      self.tr("These files already exist:\n{0}\nReplace them?").format(
                                          "\n".join(names)))
        return answer == QMessageBox.StandardButton.Yes

    def sheet_document(self) -> QTextDocument | None:
        try:
            html = export_profile(self.session.account(), "sheet",
                                  allow_plain=self._allow_plain(self.session.account()),
                                  translate=QCoreApplication.translate).decode("utf-8")
        except AssistantError as exc:
            self.status.setText(error_text(exc))
            return None
        doc = QTextDocument(self)
        doc.setHtml(html)
        return doc

    def print_sheet(self) -> None:
        doc = self.sheet_document()
        if doc is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # a Qt library only printing needs
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            doc.print_(printer)

    def save_pdf(self, path: str | None = None) -> Path | None:
        if path is None:
            default = str(Path(self.folder.text()) / "mail-settings.pdf")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save sheet as PDF"), default,
                                                  self.tr("PDF files (*.pdf)"))
            if not path:
                return None
        doc = self.sheet_document()
        if doc is None:
            return None
        out = Path(path)
        tmp = out.with_name(f".{out.name}.tmp")  # written whole, then renamed: never a half PDF
        writer = QPdfWriter(str(tmp))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setTitle(self.tr("Mail settings"))
        doc.print_(writer)
        del writer  # closes the file
        try:
            tmp.replace(out)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            self.status.setText(f"{out}: {exc.strerror or exc}")
            return None
        if out.exists():
            self.session.exported = sorted(set(self.session.exported) | {out})
            self.status.setText(self.tr("Saved: {0}").format(out.name))
        return out

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))
