"""Page 7: the files for the person's mail programs, saved when they press Next.

The setup sheet and the Apple profile (ticked when Apple Mail or an iPhone is being set up) are for the
person; autoconfig, Autodiscover and a signed profile are for the people who run the domain and sit under
"For IT administrators", off by default. Next writes the chosen files into the folder (made if needed);
an error is shown and Next refused. The sheet prints or becomes a PDF through Qt. What the files are and
how they are written is the core's (``core/setup/exporting.py``); the password goes into the Apple profile
only when the person ticks it, which is off by default.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox

from assistant.core.advice.programs import APPLE
from assistant.core.setup import exporting, flow
from assistant.core.setup.outcome import join
from assistant.core.words.errors import AssistantError
from assistant.gui.pages.base import Page
from assistant.gui.pages.export_parts import ExportWidgets
from assistant.gui.signin_text import keychain_text
from assistant.gui.text import core_text, error_text, message_text


class ExportPage(Page):
    page_id = flow.Page.EXPORT

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Save the settings"))
        self.setSubTitle(self.tr("The files you choose are saved in the folder when you press Next. You can "
                                 "also print the setup sheet."))
        self.w = ExportWidgets()
        self.body.addWidget(self.w)
        self.body.addStretch(1)
        # Shortcuts the tests and the screenshots use.
        self.formats, self.folder, self.status, self.banner = (self.w.formats, self.w.folder, self.w.status,
                                                               self.w.banner)
        self.embed, self.sign, self.identity, self.identity_pw = (self.w.embed, self.w.sign, self.w.identity,
                                                                  self.w.identity_pw)
        self.admin = self.w.admin
        self.written: dict[Path, bytes] = {}  # what this page wrote: Next after a save asks nothing
        self.w.identity_btn.clicked.connect(self._pick_identity)
        self.w.folder_btn.clicked.connect(self._pick_folder)
        self.w.print_btn.clicked.connect(self.print_sheet)
        self.w.pdf_btn.clicked.connect(self.save_pdf)
        self.w.open_btn.clicked.connect(self.open_folder)

    def initializePage(self) -> None:
        s = self.session
        banner = keychain_text(s)
        self.banner.setText(banner)
        self.banner.setVisible(bool(banner))
        verdict = s.outcome()
        works = verdict.status != "not_working"
        warning = self.tr("Files made from these settings would not work either; tick them only if you "
                          "need them.")
        headline = verdict.headline(QCoreApplication.translate)
        self.w.verdict.setText("✖ " + join(headline, warning) if not works else "⚠ " + headline)
        self.w.verdict.setVisible(verdict.status in ("not_working", "untested"))
        self.formats["sheet"].setChecked(works)
        self.formats["mobileconfig"].setChecked(works and bool(APPLE & set(s.programs)))
        self._refusals(s.refused_formats())
        self.w.admin_note.setText(self.tr(
            "These files are for the people who run {domain}: published on its web server, they let mail "
            "programs find these settings by themselves. You do not need them for your own mail "
            "program.").format(domain=s.domain()))
        if not self.folder.text():
            saved = self.wiz.prefs.value("export/folder", "")
            docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            self.folder.setText(str(saved) if saved and Path(str(saved)).is_dir() else docs)
        self.embed.setEnabled(bool(s.password))
        if not s.password:
            self.embed.setChecked(False)
        self.status.setText("")
        self.formats["sheet"].setFocus()

    def _refusals(self, refused: dict[str, AssistantError]) -> None:
        """A format that cannot work for this account (an Apple profile for a provider that accepts only its
        own sign-in page) is unticked, and the page says why and what to do instead. The Apple profile is
        switched off too; the Autodiscover box stays in its section (a checkable group re-enables what it
        holds), and saving it anyway is refused with the same sentence."""
        for fmt in refused:
            self.formats[fmt].setChecked(False)
        self.formats["mobileconfig"].setEnabled("mobileconfig" not in refused)
        apple = refused.get("mobileconfig")
        self.w.apple_hint.setText(error_text(apple) if apple is not None else self.w.apple_default)
        self.embed.setVisible(apple is None)
        outlook = refused.get("autodiscover")
        self.w.autodiscover_note.setText(error_text(outlook) if outlook is not None else "")
        self.w.autodiscover_note.setVisible(outlook is not None)

    def validatePage(self) -> bool:
        """Next saves the chosen files; nothing chosen is fine, a failure keeps the person here."""
        if not super().validatePage():
            return False
        if not self.w.chosen():
            return True
        return bool(self.save())

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

    def planned(self, formats: list[str], folder: Path) -> list[exporting.PlannedFile]:
        ident = pw = None
        if "mobileconfig" in formats and self.w.signing():
            from assistant.core.setup.inputs import read_identity
            # Bounded like the CLI's --sign-identity: a huge or endless file (/dev/zero) is refused unread.
            name = self.identity.text()
            ident = read_identity(name if name != "-" else "./-")
            pw = self.identity_pw.text().encode() or None
        return self.session.export_plan(formats, folder, embed_password=self.embed.isChecked(),
                                        sign_identity=ident, sign_password=pw,
                                        translate=QCoreApplication.translate)

    def profile_bytes(self, fmt: str) -> bytes:
        return self.planned([fmt], Path(self.folder.text()))[0].data

    def save(self) -> list[Path]:
        """Write the chosen files into the folder (made if needed); the saved paths, [] on any failure."""
        chosen = self.w.chosen()
        if not chosen:
            self.status.setText(self.tr("Choose at least one kind of file."))
            return []
        folder = Path(self.folder.text()).expanduser()
        try:
            files = self.planned(chosen, folder)
            exporting.make_folder(folder)
        except AssistantError as exc:
            self.status.setText(error_text(exc))
            return []
        existing = exporting.conflicts(files, self.written)
        if existing and not self.confirm_replace([p.name for p in existing]):
            self.status.setText(self.tr("Nothing was saved. Choose another folder, or untick the files."))
            return []
        try:
            saved = exporting.write(files, self.written)
        except AssistantError as exc:
            self.status.setText(error_text(exc))
            return []
        finally:
            self.session.export_written(f.path for f in files if f.path in self.written)
        self.wiz.prefs.setValue("export/folder", str(folder))
        lines = [self.tr("Saved in {0}: {1}").format(folder, ", ".join(p.name for p in saved))]
        lines += [core_text("export", exporting.LOSSES[key], file=name, count=n)
                  for key, name, n in exporting.loss_lines(files)]
        self.status.setText("\n".join(lines))
        return saved

    def confirm_replace(self, names: list[str]) -> bool:
        answer = QMessageBox.question(self, self.tr("Replace files?"),
                                      self.tr("These files already exist:\n{0}\nReplace them?").format(
                                          "\n".join(names)))
        return answer == QMessageBox.StandardButton.Yes

    def sheet_document(self) -> QTextDocument | None:
        try:
            [sheet] = self.session.export_plan(["sheet"], Path(self.folder.text()),
                                               translate=QCoreApplication.translate)
        except AssistantError as exc:
            self.status.setText(error_text(exc))
            return None
        doc = QTextDocument(self)
        doc.setHtml(sheet.data.decode("utf-8"))
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
            from assistant.core.words.messages import Message, os_detail
            self.status.setText(message_text(Message("cannot_write", {"path": str(out),
                                                                      "detail": os_detail(exc)})))
            return None
        if out.exists():
            self.session.export_written([out])
            self.status.setText(self.tr("Saved: {0}").format(out.name))
        return out

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))
