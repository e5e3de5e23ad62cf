"""Small widgets shared by the pages: security badges and device icons drawn from the current palette.

Nothing here hard-codes a foreground colour: badge backgrounds are tints whose lightness follows the
palette (light or dark), text uses the palette's own text colour, and icons are painted with it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from assistant.gui.text import badge_text

_HUES = {"verified": 130, "starttls": 200, "problem": 35, "plaintext": 0, "failed": -1}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def badge_colour(kind: str, palette: QPalette) -> QColor:
    """A tint that keeps the palette's text readable: light tints on light themes, deep ones on dark."""
    hue = _HUES.get(kind, -1)
    dark = is_dark(palette)
    if hue < 0:
        return palette.color(QPalette.ColorRole.Mid if dark else QPalette.ColorRole.Midlight)
    return QColor.fromHsl(hue, 150, 55 if dark else 215)


class Badge(QLabel):
    """A security badge: symbol + words (never colour alone), tinted by kind."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(badge_text(kind), parent)
        self.kind = kind
        self.setAccessibleName(badge_text(kind))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._apply()

    def _apply(self) -> None:
        # A style sheet survives being placed in a table cell (a set palette role does not always).
        tint = badge_colour(self.kind, self.palette()).name()
        self.setAutoFillBackground(False)
        self.setStyleSheet(f"QLabel {{ background-color: {tint}; color: palette(window-text); "
                           f"border-radius: 3px; padding: 1px 6px; }}")


def device_icon(kind: str, palette: QPalette, size: int = 48) -> QIcon:
    """A line drawing of a computer, phone, tablet or web browser in the palette's text colour."""
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(palette.color(QPalette.ColorRole.WindowText), max(2.0, size / 16))
    p.setPen(pen)
    s = float(size)
    if kind == "computer":
        p.drawRoundedRect(QRectF(s * .12, s * .15, s * .76, s * .5), 3, 3)
        p.drawLine(QPointF(s * .5, s * .65), QPointF(s * .5, s * .8))
        p.drawLine(QPointF(s * .3, s * .82), QPointF(s * .7, s * .82))
    elif kind in ("phone", "tablet"):
        w = .36 if kind == "phone" else .6
        p.drawRoundedRect(QRectF(s * (.5 - w / 2), s * .1, s * w, s * .8), 4, 4)
        p.drawLine(QPointF(s * .45, s * .8), QPointF(s * .55, s * .8))
    elif kind == "webmail":
        p.drawEllipse(QRectF(s * .15, s * .15, s * .7, s * .7))
        p.drawEllipse(QRectF(s * .35, s * .15, s * .3, s * .7))
        p.drawLine(QPointF(s * .15, s * .5), QPointF(s * .85, s * .5))
    elif kind == "shared":
        for x in (.3, .65):
            p.drawEllipse(QRectF(s * (x - .1), s * .2, s * .2, s * .2))
            p.drawArc(QRectF(s * (x - .18), s * .45, s * .36, s * .4), 0, 180 * 16)
    elif kind == "offline":
        p.drawArc(QRectF(s * .15, s * .3, s * .7, s * .6), 30 * 16, 120 * 16)
        p.drawArc(QRectF(s * .3, s * .5, s * .4, s * .35), 30 * 16, 120 * 16)
        p.drawLine(QPointF(s * .15, s * .15), QPointF(s * .85, s * .85))
    elif kind == "storage":
        for y in (.2, .45, .7):
            p.drawRoundedRect(QRectF(s * .2, s * y, s * .6, s * .18), 2, 2)
    else:  # backup
        p.drawArc(QRectF(s * .18, s * .18, s * .64, s * .64), 90 * 16, 300 * 16)
        p.drawLine(QPointF(s * .5, s * .18), QPointF(s * .62, s * .1))
        p.drawLine(QPointF(s * .5, s * .18), QPointF(s * .62, s * .28))
    p.end()
    return QIcon(pm)


def icon_label(kind: str, parent: QWidget | None = None, size: int = 40) -> QLabel:
    """A QLabel showing ``device_icon(kind)``; decorative, so screen readers skip it."""
    label = QLabel(parent)
    label.setPixmap(device_icon(kind, label.palette(), size).pixmap(size, size))
    label.setAccessibleName("")
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return label
