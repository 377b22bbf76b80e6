"""One grid run's decision boundary as a small picture: the output over the input plane in
the Output plot's colours (``simulator.experiments.boundaries``), the training points in
their class colours on top, a title above. A click emits ``clicked``.

The picture only paints what it is given; the grid and every colour come from
``simulator`` (``Boundary.rgb``, ``Plane.point_colors``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

#: Smallest side of the picture (pixels).
MIN_SIDE = 64
#: Radius of a training point: the picture's side / POINT_SCALE, within POINT_RADII
#: (small pictures get small points, or the points hide the boundary).
POINT_SCALE = 80
POINT_RADII = (1.2, 3.0)


class BoundaryImage(QWidget):
    """The square picture; empty until :meth:`set_boundary`."""

    clicked = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.boundary = None
        self.plane = None
        self._image: QImage | None = None
        self.setMinimumSize(MIN_SIDE, MIN_SIDE)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setCursor(Qt.PointingHandCursor)

    def set_boundary(self, boundary, plane) -> None:
        self.boundary, self.plane = boundary, plane
        rgb = np.ascontiguousarray(boundary.rgb[::-1])  # row 0 on top: y grows upwards
        h, w, _ = rgb.shape
        self._image = QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()
        self.update()

    def image_rect(self) -> QRectF:
        """Where the grid is drawn: the largest centred square."""
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def to_pixel(self, x: float, y: float) -> QPointF:
        """Widget position of plane point (x, y). The grid's values sit at the centres of
        its cells, so the picture reaches half a cell beyond the first and last value."""
        b, r = self.boundary, self.image_rect()
        gx, gy = b.grid_x, b.grid_y
        dx = (gx[-1] - gx[0]) / max(len(gx) - 1, 1)
        dy = (gy[-1] - gy[0]) / max(len(gy) - 1, 1)
        u = (x - gx[0] + dx / 2) / (gx[-1] - gx[0] + dx)
        v = (y - gy[0] + dy / 2) / (gy[-1] - gy[0] + dy)
        return QPointF(r.left() + u * r.width(), r.bottom() - v * r.height())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        if self._image is None:
            p.end()
            return
        r = self.image_rect()
        p.drawImage(r, self._image)  # nearest pixel: each cell keeps its exact colour
        p.setRenderHint(QPainter.Antialiasing, True)
        p.setPen(QPen(QColor(255, 255, 255), 0.6))
        radius = min(max(r.width() / POINT_SCALE, POINT_RADII[0]), POINT_RADII[1])
        for (x, y), rgb in zip(self.plane.points, self.plane.point_colors, strict=True):
            p.setBrush(QColor(*(int(c) for c in rgb)))
            p.drawEllipse(self.to_pixel(x, y), radius, radius)
        p.setRenderHint(QPainter.Antialiasing, False)
        p.setPen(QPen(QColor(150, 150, 150), 1))
        p.setBrush(Qt.NoBrush)
        p.drawRect(r.adjusted(0, 0, -1, -1))
        p.end()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.LeftButton and self.boundary is not None:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class BoundaryPanel(QWidget):
    """A title over a :class:`BoundaryImage`; a title wider than the panel breaks after
    the run, before its measure (at " — ")."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text = ""
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.image = BoundaryImage()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.title)
        lay.addWidget(self.image, 1)

    def show_boundary(self, title: str, boundary, plane) -> None:
        self.text = title
        self._fit_title()
        self.image.set_boundary(boundary, plane)

    def _fit_title(self) -> None:
        fits = self.title.fontMetrics().horizontalAdvance(self.text) <= self.width()
        self.title.setText(self.text if fits else self.text.replace(" — ", "\n", 1))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_title()
