"""Check box and radio button indicators that stay visible on dark palettes.

Qt's Fusion style (the default on Linux, and what a dark desktop theme gets there) outlines these
indicators with a darker shade of the *window* colour and fills them with the *base* colour; on a dark
palette both are near black, so an unticked "I understand the risks" box all but disappears. This proxy
draws the style's own indicator and then a frame blended from the palette's text and base colours, so the
contrast follows whatever palette is in use. It is installed only for Fusion on a dark palette (other
styles draw dark indicators themselves), and imported only then: QStyle's enums cost start-up time.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget


def is_dark(palette: QPalette) -> bool:
    """As ``widgets.is_dark``, without importing that module (it loads Qt's whole ``Qt`` namespace)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128

_INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton)


def frame_colour(palette: QPalette) -> QColor:
    """Text blended 60 % into base: clearly visible on the base fill, softer than the text itself."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return QColor.fromRgbF(0.6 * text.redF() + 0.4 * base.redF(), 0.6 * text.greenF() + 0.4 * base.greenF(),
                           0.6 * text.blueF() + 0.4 * base.blueF())


class ReadableIndicators(QProxyStyle):
    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS or not is_dark(option.palette):  # type: ignore[attr-defined]
            return
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing,
                              element == QStyle.PrimitiveElement.PE_IndicatorRadioButton)
        painter.setPen(QPen(frame_colour(option.palette), 1.0))  # type: ignore[attr-defined]
        painter.setBrush(QColor(0, 0, 0, 0))
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
        else:
            painter.drawRect(rect)
        painter.restore()


def needs_readable_indicators(app: QApplication) -> bool:
    return app.style().name().lower() == "fusion" and is_dark(app.palette())


def apply(app: QApplication) -> bool:
    """Wrap the application's Fusion style when its palette is dark; True when installed."""
    if isinstance(app.style(), ReadableIndicators) or not needs_readable_indicators(app):
        return False
    palette = app.palette()
    app.setStyle(ReadableIndicators(app.style().name()))
    app.setPalette(palette)  # setStyle resets the palette to the style's standard one
    return True
