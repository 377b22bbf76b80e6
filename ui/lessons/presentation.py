"""Presentation mode for a projector: what a student in the back row reads or watches,
:data:`SCALE` times as large, and back exactly as it was.

It sets two things: the application font (every widget's text, the math views' tables
with it; widgets with a style sheet take it when their sheet is applied again) and the
display scale (``ui.display_scale.display``), which the views that draw their own text
and lines follow: the canvas (titles, labels, legend, line widths),
the plots (axes, titles, legends, curve widths, points) and the enlarged neuron. The
other pyqtgraph views of the window (the data preview, the explanation, the grid
heatmap) are scaled here, with the plots' own function. Larger text widens docks and the
window (their least sizes grow); turning it off puts the window's geometry and dock
layout back as they were when it was turned on.
"""

from __future__ import annotations

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer
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
        #: The window's saved geometry and dock layout from before presentation mode.
        self._layout = None
        window.on_close(lambda: self.set_active(False))

    @property
    def active(self) -> bool:
        return self.base is not None

    def set_active(self, on: bool) -> None:
        app = QApplication.instance()
        if on == self.active:
            return
        window = self.window
        if on:
            self.base = QFont(app.font())
            self._layout = (window.saveGeometry(), window.saveState())
            font = QFont(self.base)
            font.setPointSizeF(self.base.pointSizeF() * SCALE)
        else:
            font, self.base = QFont(self.base), None
        app.setFont(font)  # first: text without a font of its own is drawn in it
        for widget in app.allWidgets():  # a styled widget (grey notes) keeps its old font
            if widget.styleSheet():      # until its style sheet is applied again
                widget.setStyleSheet(widget.styleSheet())
        factor = SCALE if on else 1.0
        display.set_factor(factor)
        for view in window.findChildren(pg.GraphicsView):
            scale_view(view, factor)  # no-op where a view has followed already
        if not on and self._layout is not None:
            layout, self._layout = self._layout, None
            QCoreApplication.sendPostedEvents()  # widgets take the small font: sizes shrink
            self._restore(layout)
            # and once more when the docks' layouts have shrunk to the small font too
            QTimer.singleShot(0, lambda: shiboken6.isValid(window) and self._restore(layout))

    def _restore(self, layout) -> None:
        geometry, state = layout
        self.window.restoreGeometry(geometry)
        self.window.restoreState(state)
