"""A check box whose text wraps, for long confirmations ("I understand the risks and want to use HOST …").

``QCheckBox`` draws its text on one line, so at 200 % scaling, in a narrow window or in a long translation
the page grows wider than the window and scrolls sideways. ``WrapCheckBox`` is a ``QCheckBox`` (same
signals, ``text()``, accelerator, accessible name, keyboard use) that draws the indicator itself and the text
word-wrapped beside it, and tells the layout its height for a given width. Clicking the text ticks it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QStyle, QStyleOptionButton, QStylePainter, QWidget

_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
             | Qt.TextFlag.TextShowMnemonic)
_MIN_CHARS = 16  # the narrowest it gets: about this many characters per line


class WrapCheckBox(QCheckBox):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _option(self) -> QStyleOptionButton:
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        return opt

    def _indent(self) -> int:
        """Width of the indicator and the space before the text."""
        opt = self._option()
        style = self.style()
        return (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, opt, self)
                + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, opt, self))

    def _text_rect(self, width: int) -> QRect:
        """Where the wrapped text goes for a box ``width`` wide (one pixel of room for the focus frame)."""
        indent = self._indent()
        bound = QRect(0, 0, max(1, width - indent - 2), 1 << 20)
        used = self.fontMetrics().boundingRect(bound, _FLAGS, self.text())
        return QRect(indent + 1, 1, used.width(), used.height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, self._option(), self)
        return max(indicator, self._text_rect(width).height()) + 2

    def sizeHint(self) -> QSize:
        one_line = self.fontMetrics().horizontalAdvance(self.text().replace("&&", "\0").replace("&", ""))
        width = self._indent() + one_line + 4
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = self._indent() + self.fontMetrics().averageCharWidth() * _MIN_CHARS
        return QSize(min(width, self.sizeHint().width()), self.heightForWidth(width))

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        opt = self._option()
        style = self.style()
        line = QStyleOptionButton(opt)
        line.rect = QRect(0, 0, self.width(), self.fontMetrics().height() + 2)  # indicator beside line one
        indicator = QStyleOptionButton(opt)
        indicator.rect = style.subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, line, self)
        painter.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, indicator)
        text = self._text_rect(self.width())
        painter.drawItemText(text, _FLAGS, self.palette(), self.isEnabled(), self.text(),
                             QPalette.ColorRole.WindowText)
        if self.hasFocus():
            focus = QStyleOptionButton(opt)
            focus.rect = text.adjusted(-1, -1, 1, 1)
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)
