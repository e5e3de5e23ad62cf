""""Set up your phone": the Thunderbird-for-Android code and the one-time iPhone/iPad link, side by side.

A self-contained widget the last page embeds: ``show_for(session, worker)`` when the page is entered,
``stop()`` when it is left (Back, closing the wizard). What to show in which state is decided by
``core.phone.handoff``; this module only draws it. The link runs as a job on the wizard's asyncio worker and
lives only while the panel is shown: ``stop()`` returns once its server no longer listens.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.core.phone.handoff import (
    CONTEXT,
    TEXTS,
    Link,
    PhoneLink,
    ScreenCode,
    android_text,
    ios_route,
    link_view,
    phone_refusal,
    screen_code,
)
from assistant.core.phone.share import DEFAULT_EXPIRES
from assistant.core.profiles.qrimage import QrTooLargeError
from assistant.core.words.errors import AssistantError
from assistant.gui.text import error_text

if TYPE_CHECKING:
    from assistant.core.model.account import AccountConfig
    from assistant.core.model.progress import ProgressEvent
    from assistant.core.setup.session import SetupSession
    from assistant.gui.worker import AsyncWorker, Job

COLUMN_PX = 272  # each half: the widest code (CODE_PX plus rounding) and its sentences; two fit at 200 %


class LinkBox(QPlainTextEdit):
    """The link, read-only and selectable, wrapped anywhere so the whole URL is seen (a URL has no spaces
    to wrap at: a one-line field cut it off); as tall as its lines, never scrolling."""

    def __init__(self) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedWidth(COLUMN_PX)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)
        self._fit()

    def _fit(self) -> None:
        """As many lines as the URL needs at this width, counted from the font (before any layout runs):
        a character that does not fit moves to the next line, so each line is taken one character short."""
        metrics, margin = self.fontMetrics(), 2 * int(self.document().documentMargin())
        usable = max(1, COLUMN_PX - 2 * self.frameWidth() - margin - metrics.maxWidth() - 2)
        lines = max(1, math.ceil(metrics.horizontalAdvance(self.toPlainText()) / usable))
        self.setFixedHeight(lines * metrics.lineSpacing() + 2 * self.frameWidth() + margin + 2)


def _reason(exc: BaseException) -> str:
    """Why no code or link could be made, in the interface language: the core's sentence when it has one
    (a code), else a plain one — never a command's English line ("mobile-qr: …")."""
    if getattr(exc, "code", None):
        return error_text(exc)
    return phone_text("unknown")


def phone_text(code: str, **fields: object) -> str:
    """A sentence of core.phone.handoff in the interface language."""
    return QCoreApplication.translate(CONTEXT, TEXTS[code]).format(**fields)


class PhonePanel(QWidget):
    """Both codes with a one-line instruction each. ``bind`` (an address of this computer) and ``expires``
    are for tests; by default the link binds the LAN address of the default route for 10 minutes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bind: str | None = None
        self.expires = DEFAULT_EXPIRES
        self.session: SetupSession | None = None
        self.worker: AsyncWorker | None = None
        self.account: AccountConfig | None = None
        self.link: PhoneLink | None = None
        self.job: Job | None = None
        self.url = ""
        self.state = Link.STOPPED
        self.android_code, self.ios_code = self._code_label(), self._code_label()
        self.android_code.setAccessibleName(self.tr("QR code for Thunderbird for Android"))
        self.ios_code.setAccessibleName(self.tr("QR code with the link for iPhone or iPad"))
        self.android_howto = self._text(phone_text("android_howto"))
        self.ios_howto = self._text(phone_text("ios_howto"))
        self.android_note, self.ios_status = self._text(""), self._text("")
        self.include_password = QCheckBox(self.tr("Put my &password in this code"))
        self.include_password.setAccessibleDescription(
            self.tr("Anyone who photographs the code can read the password; leave this off unless you need "
                    "it"))
        self.include_password.setToolTip(self.include_password.accessibleDescription())
        self.url_field = LinkBox()
        self.url_field.setAccessibleName(self.tr("Link for iPhone or iPad"))
        self.renew = QPushButton(self.tr("Make a &new link"))
        columns = (
            (self._title(self.tr("Thunderbird for Android")), self.android_code, self.android_howto,
             self.include_password, self.android_note),
            (self._title(self.tr("iPhone or iPad")), self.ios_code, self.ios_howto, self.ios_status,
             self.url_field, self.renew),
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        for widgets in columns:
            column = QVBoxLayout()
            for widget in widgets:
                column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
            column.addStretch(1)
            row.addLayout(column)
        row.addStretch(1)
        self.include_password.toggled.connect(lambda _on: self._draw_android())
        self.renew.clicked.connect(self.new_link)
        self._show_link(Link.STOPPED)

    # --- building blocks ---------------------------------------------------------------------------------

    def _code_label(self) -> QLabel:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return label

    def _text(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setFixedWidth(COLUMN_PX)  # a fixed width lets the layout ask a wrapped label for its height
        return label

    def _title(self, text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _set_code(self, label: QLabel, code: ScreenCode | None) -> None:
        if code is None:
            label.clear()
            label.hide()
            return
        pixmap = QPixmap()
        pixmap.loadFromData(code.png, "PNG")
        pixmap.setDevicePixelRatio(code.ratio)
        label.setPixmap(pixmap)
        label.setFixedSize(code.side, code.side)
        label.show()

    # --- the API the last page calls -----------------------------------------------------------------------

    def show_for(self, session: SetupSession, worker: AsyncWorker) -> None:
        """Draw both codes for the session's account and start a fresh link (stopping any earlier one)."""
        self.stop()
        self.session, self.worker = session, worker
        try:
            self.account = session.account()
        except AssistantError as exc:
            self.account = None
            self._refuse(phone_text("no_code", reason=_reason(exc)))
            return
        refusal = phone_refusal(self.account)
        if refusal is not None:  # said once for both halves, with nothing to retry
            self._refuse(phone_text(refusal))
            return
        self.android_howto.show()
        password = session.qr_password()
        self.include_password.setChecked(False)  # never carried over from an earlier visit
        self.include_password.setEnabled(password is not None)
        self.include_password.setVisible(bool(session.password))
        self._draw_android()
        self.new_link()

    def _refuse(self, text: str) -> None:
        """No code and no link can be made for these settings: one sentence, no button that cannot help."""
        self.account = None
        self._set_code(self.android_code, None)
        self.android_howto.hide()
        self.include_password.hide()
        self.android_note.setText(text)
        self.url = ""
        self._show_link(Link.STOPPED)
        self.ios_status.setText(text)

    def stop(self) -> None:
        """Stop the link now (the page is being left): returns once its server no longer listens."""
        if self.job is not None:
            self.job.detach()
            self.job = None
        if self.link is not None:
            self.link.stop()
            self.link = None
        if self.state in (Link.STARTING, Link.WAITING):
            self._show_link(Link.STOPPED)

    # --- Thunderbird for Android ---------------------------------------------------------------------------

    def _draw_android(self) -> None:
        if self.account is None or self.session is None:
            return
        password = self.session.qr_password() if self.include_password.isChecked() else None
        try:
            text = android_text(self.account, password)
        except QrTooLargeError:  # the loss in words, not the command line's sentence
            self._set_code(self.android_code, None)
            self.android_note.setText(phone_text("too_long"))
            return
        except AssistantError as exc:
            self._set_code(self.android_code, None)
            self.android_note.setText(phone_text("no_code", reason=_reason(exc)))
            return
        self._set_code(self.android_code, screen_code(text, self.devicePixelRatioF()))
        if password:
            self.android_note.setText(phone_text("password_in_code"))
        elif self.session.password and not self.include_password.isEnabled():
            self.android_note.setText(phone_text("password_rejected"))
        else:
            self.android_note.setText("")

    # --- iPhone and iPad -----------------------------------------------------------------------------------

    def new_link(self) -> None:
        """Start a fresh one-time link (the old one, if any, is stopped first)."""
        if self.account is None or self.worker is None:
            return
        self.stop()
        if self._show_route():
            return
        self.url = ""
        self.link = link = PhoneLink(self.account, bind=self.bind, expires=self.expires)
        self.job = job = self.worker.start(link.run)
        job.progress.connect(self._on_progress)
        job.finished.connect(lambda result: self._show_link(result if isinstance(result, Link)
                                                             else Link.STOPPED))
        job.failed.connect(self._link_failed)  # a method, not a lambda holding the job: no cycle to collect
        job.cancelled.connect(lambda: self._show_link(Link.STOPPED))
        self._show_link(Link.STARTING)

    def _show_route(self) -> bool:
        """Microsoft & co.: no profile can sign in there, so no link; say why and where the account is
        added instead (Settings › … › Add Account › Microsoft Exchange)."""
        route = ios_route(self.account) if self.account is not None else None
        if route is None:
            return False
        code, fields = route
        sign_in = self.account.sign_in if self.account is not None else None
        if sign_in is not None:
            fields = {**fields, "provider": sign_in.name(QCoreApplication.translate)}
        self.state = Link.FAILED
        self.ios_status.setText(phone_text(code, **fields))
        self._set_code(self.ios_code, None)
        self.url_field.setVisible(False)
        self.ios_howto.setVisible(False)
        self.renew.setVisible(False)
        return True

    def _link_failed(self, _message: str, _kind: str) -> None:
        """The link could not be made: why, in words (the job's error, never a command's English line)."""
        error = getattr(self.sender(), "error", None)
        self._show_link(Link.FAILED, _reason(error) if error is not None else phone_text("unknown"))

    def _on_progress(self, event: ProgressEvent) -> None:
        if event.kind == "share" and event.detail:
            self.url = event.detail
            self._show_link(Link.WAITING)

    def _show_link(self, state: Link, reason: str = "") -> None:
        self.state = state
        view = link_view(state)
        minutes = max(1, round(self.expires / 60))
        self.ios_status.setText(phone_text(view.text, minutes=minutes, reason=reason))
        self._set_code(self.ios_code, screen_code(self.url, self.devicePixelRatioF())
                       if view.show_code and self.url else None)
        self.url_field.setText(self.url if view.show_code else "")
        self.url_field.setVisible(view.show_code)
        self.ios_howto.setVisible(view.show_code)
        self.renew.setVisible(view.can_renew and self.account is not None)
