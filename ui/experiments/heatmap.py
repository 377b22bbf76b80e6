"""A heatmap of one measure over two grid axes, painted cell by cell.

Colours come from the one palette (``simulator.palette.ramp``): the best cell (lowest loss,
highest accuracy) is blue, the worst orange, the middle neutral; cells without a finished
run stay white. Each cell prints its value.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from simulator.palette import ramp

LEFT, BOTTOM = 70, 24


class HeatmapView(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.xs: list = []
        self.ys: list = []
        self.values = np.zeros((0, 0))
        self.higher_is_better = False
        self.setMinimumHeight(96)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def set_data(self, xs: list, ys: list, values: np.ndarray,
                 higher_is_better: bool = False) -> None:
        self.xs, self.ys, self.values = list(xs), list(ys), np.asarray(values, float)
        self.higher_is_better = higher_is_better
        self.update()

    def cell_color(self, i: int, j: int) -> QColor:
        """Colour of row ``i`` (y value), column ``j`` (x value)."""
        v = self.values[i, j]
        finite = self.values[np.isfinite(self.values)]
        if not math.isfinite(v):
            return QColor(Qt.white)
        lo, hi = float(finite.min()), float(finite.max())
        t = 0.0 if hi == lo else 2.0 * (v - lo) / (hi - lo) - 1.0  # worst..best = -1..1
        if not self.higher_is_better:
            t = -t
        return QColor(*(int(c) for c in ramp(t)))

    def cell_rect(self, i: int, j: int) -> QRectF:
        w = (self.width() - LEFT) / max(1, len(self.xs))
        h = (self.height() - BOTTOM) / max(1, len(self.ys))
        return QRectF(LEFT + j * w, i * h, w, h)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.fillRect(self.rect(), Qt.white)
        for i, y in enumerate(self.ys):
            for j in range(len(self.xs)):
                r = self.cell_rect(i, j)
                p.fillRect(r.adjusted(1, 1, -1, -1), self.cell_color(i, j))
                v = self.values[i, j]
                p.setPen(Qt.black)
                p.drawText(r, Qt.AlignCenter, "-" if not math.isfinite(v) else f"{v:.3g}")
                if j == 0:
                    p.drawText(QRectF(0, r.top(), LEFT - 4, r.height()),
                               Qt.AlignRight | Qt.AlignVCenter, _label(y))
            if i == len(self.ys) - 1:
                for j, x in enumerate(self.xs):
                    r = self.cell_rect(i, j)
                    p.drawText(QRectF(r.left(), r.bottom(), r.width(), BOTTOM),
                               Qt.AlignCenter, _label(x))
        p.end()


def _label(v) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)
