"""An enlarged heatmap of one neuron: what it responds to over the input plane.

Double-clicking a neuron on the canvas opens it. The picture is the neuron's array of
``document.inspector.views.neuron_grids`` (the canvas's own, no second forward pass),
coloured with the palette's ramp on the canvas's scale, drawn cell by cell (no
smoothing, so every square is one computed point) with the plane's extent on the axes.
It follows ``document.inspector.changed`` while open, and the display scale
(presentation mode: the picture and its margins that much larger; the text follows the
application font).
"""

from __future__ import annotations

import numpy as np
import shiboken6
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from simulator.inspector import NEURON_STRIDE
from ui.display_scale import display
from ui.labels import ACTIVATION_LABELS
from ui.observe import DocumentObserver

from . import style

#: Side of the picture in pixels, and the margins left for the axis labels.
SIDE = 300
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN = 56, 40, 28


class HeatmapWidget(QWidget):
    """The picture with its axes: x₁ to the right, x₂ upwards."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.image = None  # QImage (w x h), row 0 at the top of the plane
        #: ((x0, x1), (y0, y1)) of the grid points shown, and the axes' names.
        self.extent: tuple[tuple[float, float], tuple[float, float]] | None = None
        self.names = ("x1", "x2")
        self.set_scale(display.factor)

    def set_scale(self, factor: float) -> None:
        """Picture and margins ``factor`` times their base size (the display scale)."""
        side, left, bottom, margin = (round(v * factor) for v in
                                      (SIDE, MARGIN_LEFT, MARGIN_BOTTOM, MARGIN))
        #: Where the picture is drawn, in widget pixels.
        self.image_rect = QRect(left, margin, side, side)
        self.setFixedSize(left + side + margin, margin + side + bottom)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), style.CANVAS_BG)
        r = self.image_rect
        if self.image is not None:
            painter.setRenderHint(QPainter.SmoothPixmapTransform, False)
            painter.drawImage(r, self.image)
        painter.setPen(QPen(style.NEURON_EDGE, 1.0))
        painter.drawRect(r.adjusted(0, 0, -1, -1))
        if self.extent is None:
            return
        (x0, x1), (y0, y1) = self.extent
        painter.setPen(style.TEXT)
        fm = painter.fontMetrics()
        h = fm.height()
        below = r.bottom() + 4
        painter.drawText(QRect(r.left() - 40, below, 80, h), Qt.AlignHCenter, f"{x0:.3g}")
        painter.drawText(QRect(r.right() - 40, below, 80, h), Qt.AlignHCenter, f"{x1:.3g}")
        painter.drawText(QRect(r.left(), below + h, r.width(), h), Qt.AlignHCenter,
                         self.names[0] + " →")
        left = QRect(0, 0, r.left() - 4, h)
        painter.drawText(left.translated(0, r.bottom() - h), Qt.AlignRight, f"{y0:.3g}")
        painter.drawText(left.translated(0, r.top()), Qt.AlignRight, f"{y1:.3g}")
        painter.drawText(left.translated(0, r.center().y() - h // 2), Qt.AlignRight,
                         self.names[1] + " ↑")

    def pixel_of(self, row: int, col: int):
        """Widget point at the centre of cell (row, col) of the image (row 0 = top)."""
        r = self.image_rect
        w, h = self.image.width(), self.image.height()
        return (r.left() + int((col + 0.5) * r.width() / w),
                r.top() + int((row + 0.5) * r.height() / h))


class NeuronView(DocumentObserver, QDialog):
    """A small non-modal window with one neuron's heatmap; :meth:`show_neuron` picks it."""

    def __init__(self, document, scene, parent=None):
        super().__init__(parent)
        self.setWindowFlag(Qt.Tool)
        self.document, self.scene = document, scene
        self.column, self.index = 0, 0
        #: The neuron's outputs (h, w) with row 0 at the top, or None when there are none.
        self.values: np.ndarray | None = None
        lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        lay.addWidget(self.title)
        self.heatmap = HeatmapWidget()
        lay.addWidget(self.heatmap, 0, Qt.AlignHCenter)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setMaximumWidth(self.heatmap.width())
        self.caption.setStyleSheet("color: #5f6368;")
        lay.addWidget(self.caption)
        self.follow(document.inspector.changed, self._on_views)
        self.observe(document, spec=self.refresh, reset=self.refresh, data=self.refresh)
        display.observe(self._on_display_scale)

    def _on_display_scale(self, factor: float) -> None:
        if shiboken6.isValid(self):
            self.heatmap.set_scale(factor)
            self.caption.setMaximumWidth(self.heatmap.width())
            self.adjustSize()

    def show_neuron(self, column: int, index: int) -> None:
        self.column, self.index = column, index
        self.refresh()
        self.show()
        self.raise_()

    def _on_views(self, _views) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Redraw from the inspector's newest views."""
        views = self.document.inspector.views
        name = self.scene.neuron_label(self.column, self.index) \
            if self.column < len(self.scene.layers) else ""
        self.setWindowTitle(self.tr("Neuron {0}").format(name))
        self.title.setText(self._heading(name))
        grids = getattr(views, "neuron_grids", None) or []
        c, i = self.column, self.index
        if (len(grids) != len(self.scene.layers) or c >= len(grids)
                or i >= grids[c].shape[0] or views.grid_x is None):
            self.values = None
            self.heatmap.image, self.heatmap.extent = None, None
            self.caption.setText(self.tr("No picture: heatmaps need data with two inputs "
                                         "(a plane), and this neuron must be one of the "
                                         "first {0} of its layer.").format(style.MAX_VISIBLE))
        else:
            self.values = grids[c][i][::-1, :]  # row 0: the top of the plane
            self.heatmap.image = style.heatmap_images(
                self.values[None], self.scene.heatmap_scale(c, views))[0]
            gx, gy = views.grid_x[::NEURON_STRIDE], views.grid_y[::NEURON_STRIDE]
            self.heatmap.extent = ((float(gx[0]), float(gx[-1])), (float(gy[0]), float(gy[-1])))
            names = list(getattr(self.document.dataset, "feature_names", ()))[:2]
            self.heatmap.names = tuple(names) if len(names) == 2 else ("x1", "x2")
            self.caption.setText(self.tr(
                "The neuron's output at each point of the input plane ({0} × {1} points): "
                "blue for high, orange for low values, as on the canvas. Output from "
                "{2:.3f} to {3:.3f}.").format(self.values.shape[1], self.values.shape[0],
                                             float(self.values.min()),
                                             float(self.values.max())))
        self.heatmap.update()

    def _heading(self, name: str) -> str:
        spec = self.document.spec
        if 0 < self.column <= len(spec.layers):
            act = spec.layers[self.column - 1].activation
            return self.tr("{0} · activation: {1}").format(name, ACTIVATION_LABELS.get(act, act))
        return name
