"""Presentation mode for a projector: what a student in the back row reads or watches,
:data:`SCALE` times as large, and back exactly as it was.

It sets two things: the application font (every widget's text, the math views' tables
with it) and the display scale (``ui.display_scale.display``), which the views that
draw their own text and lines follow: the canvas (titles, labels, legend, line widths),
the plots (axes, titles, legends, curve widths, points) and the enlarged neuron. The
other pyqtgraph views of the window (the data preview, the explanation, the grid
heatmap) are scaled here, with the plots' own function.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ui.display_scale import display
from ui.plots.scaling import scale_view

SCALE = 1.6


class Presentation:
    """Toggles presentation mode for the whole app (the application font and the display
    scale are one per process); turned off when ``window`` closes."""

    def __init__(self, window) -> None:
        self.window = window
        #: The application font before presentation mode; None while it is off.
        self.base: QFont | None = None
        window.on_close(lambda: self.set_active(False))

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
        app.setFont(font)  # first: text without a font of its own is drawn in it
        factor = SCALE if on else 1.0
        display.set_factor(factor)
        for view in self.window.findChildren(pg.GraphicsView):
            scale_view(view, factor)  # no-op where a view has followed already
