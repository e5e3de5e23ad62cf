"""The wizard's style: check boxes stay visible on a dark palette (style.ReadableIndicators)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QStyleFactory
from pytestqt.qtbot import QtBot

from assistant.gui import style


def _indicator_contrast(app: QApplication, box: QCheckBox) -> float:
    """The largest lightness difference between the unticked indicator's pixels and the window colour."""
    image = box.grab().toImage()
    window = box.palette().color(QPalette.ColorRole.Window).lightness()
    side = min(box.height(), 20)
    return max(abs(QColor(image.pixel(x, y)).lightness() - window) for x in range(side) for y in range(side))


def test_check_boxes_stay_visible_on_a_dark_palette(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before_style, before_palette = app.style().name(), app.palette()
    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
                         (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#e6e6e6"),
                         (QPalette.ColorRole.Button, "#353535")):
        dark.setColor(role, QColor(colour))
    try:
        app.setStyle("Fusion")
        app.setPalette(dark)
        box = QCheckBox("I understand the risks")
        qtbot.addWidget(box)
        box.resize(box.sizeHint())
        plain = _indicator_contrast(app, box)
        assert style.apply(app) and isinstance(app.style(), style.ReadableIndicators)
        assert not style.apply(app)  # never wrapped twice
        assert app.palette().color(QPalette.ColorRole.Window) == QColor("#2b2b2b")  # the palette stays
        readable = _indicator_contrast(app, box)
        assert plain < 40 <= readable, (plain, readable)
        app.setPalette(QPalette(QColor("#efefef")))  # a light palette: the style changes nothing
        assert not style.needs_readable_indicators(app)
    finally:
        app.setStyle(QStyleFactory.create(before_style))
        app.setPalette(before_palette)
