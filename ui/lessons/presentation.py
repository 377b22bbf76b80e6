"""Presentation mode for a projector: every widget font and every plot's axis text
scaled by :data:`SCALE`, and back. (The canvas zooms on its own: View > Zoom in.)"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

SCALE = 1.6
AXES = ("left", "bottom", "right", "top")


class Presentation:
    """Toggles big fonts for the whole app (the application font) and the plots in
    ``window`` (pyqtgraph draws axis text in its own font, so it is set there too)."""

    def __init__(self, window) -> None:
        self.window = window
        #: The application font before presentation mode; None while it is off.
        self.base: QFont | None = None

    @property
    def active(self) -> bool:
        return self.base is not None

    def set_active(self, on: bool) -> None:
        app = QApplication.instance()
        if on == self.active:
            return
        if on:
            self.base = QFont(app.font())
            font = QFont(self.base)
            font.setPointSizeF(self.base.pointSizeF() * SCALE)
        else:
            font, self.base = QFont(self.base), None
        app.setFont(font)
        for widget in self.window.findChildren(pg.GraphicsView):
            for item in widget.scene().items():
                if isinstance(item, pg.PlotItem):
                    self._axes(item, font)

    @staticmethod
    def _axes(plot: pg.PlotItem, font: QFont) -> None:
        for name in AXES:
            axis = plot.getAxis(name)
            axis.setStyle(tickFont=font)
            axis.label.setFont(font)
        plot.titleLabel.item.setFont(font)
