"""The data plot: train points filled, test points hollow; click to add, right-click to remove.

Shown for data with one or two features. For 2-D classification a left click adds a point
of the class chosen next to the plot and a right click removes the nearest point
(ConvNetJS's classify2d demo), so learners can probe the decision boundary. The widget only
*asks* for edits (``add_requested`` / ``remove_requested``); the panel makes them undoable.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from simulator import palette

from .look import MUTED, class_color, value_rgb

#: Diameter (pixels) of the ring around the perceptron's latest sample.
STEP_RING = 20


def swatch(color: QColor, size: int = 12) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(color)
    return QIcon(pm)


class DataPlot(QWidget):
    """A pyqtgraph scatter of ``dataset.X`` (original units) for 1- and 2-feature data."""

    #: Left click on 2-D classification data: (x1, x2, class number).
    add_requested = Signal(float, float, int)
    #: Right click: row index (in the dataset) of the nearest point.
    remove_requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.class_label = QLabel(self.tr("Click adds:"))
        self.class_box = QComboBox()
        self.class_box.setToolTip(self.tr("Class of the points that a left click adds"))
        self.class_box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        row.addWidget(self.class_label)
        row.addWidget(self.class_box)
        row.addStretch(1)
        lay.addLayout(row)

        self.view = pg.PlotWidget(background="w")
        self.view.setMinimumSize(QSize(160, 140))
        self.plot_item = self.view.getPlotItem()
        self.plot_item.hideButtons()
        self.plot_item.setMenuEnabled(False)
        self.viewbox = self.plot_item.getViewBox()
        self.viewbox.setMouseEnabled(False, False)
        self.viewbox.setMenuEnabled(False)
        self.plot_item.showGrid(x=True, y=True, alpha=0.15)
        for side in ("left", "bottom"):
            self.plot_item.getAxis(side).setTextPen(QColor(MUTED))
        self.train_item = pg.ScatterPlotItem(size=7, pxMode=True)
        self.test_item = pg.ScatterPlotItem(size=7, pxMode=True)
        self.plot_item.addItem(self.train_item)
        self.plot_item.addItem(self.test_item)
        #: Perceptron mode: the decision line, in the data's own units.
        self.separator = self.plot_item.plot(pen=pg.mkPen(palette.SEPARATOR, width=2))
        #: Perceptron slow motion: a ring around the sample of the latest update.
        self.step_ring = pg.ScatterPlotItem(size=STEP_RING, pxMode=True,
                                            brush=pg.mkBrush(0, 0, 0, 0))
        self.step_ring.setZValue(10)
        self.plot_item.addItem(self.step_ring)
        self.view.scene().sigMouseClicked.connect(self._on_click)
        lay.addWidget(self.view, 1)
        #: What the latest perceptron update did (slow motion), under the plot.
        self.step_text = QLabel()
        self.step_text.setWordWrap(True)
        self.step_text.setVisible(False)
        lay.addWidget(self.step_text)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(f"color: {MUTED};")
        lay.addWidget(self.legend)
        self._X = np.zeros((0, 2))
        self._editable = False
        self._range_key = None

    # -- showing the data ----------------------------------------------------------------------
    @staticmethod
    def can_show(dataset) -> bool:
        return dataset.n_features in (1, 2) and dataset.n_outputs >= 1 and (
            dataset.n_features == 2 or dataset.task == "regression")

    @staticmethod
    def can_edit(dataset) -> bool:
        return dataset.n_features == 2 and dataset.task == "classification"

    def show_data(self, prepared, range_key=None, square: bool = False) -> None:
        """Draw ``prepared.dataset``; the axes are refitted when ``range_key`` changes
        (a different dataset), not when points are added or removed."""
        ds = prepared.dataset
        self._editable = self.can_edit(ds)
        if ds.n_features == 2:
            XY = ds.X
        else:  # 1 feature: x against the target
            XY = np.column_stack([ds.X[:, 0], ds.Y[:, 0]])
        self._X = XY
        if ds.task == "classification":
            colors = [class_color(k) for k in ds.labels]
        else:
            colors = [QColor(*rgb) for rgb in value_rgb(ds.Y[:, 0])]
        tr, te = prepared.train_indices, prepared.test_indices
        edge = pg.mkPen(255, 255, 255, 200, width=0.8)
        self.train_item.setData(x=XY[tr, 0], y=XY[tr, 1], pen=edge,
                                brush=[pg.mkBrush(colors[i]) for i in tr])
        self.test_item.setData(x=XY[te, 0], y=XY[te, 1], brush=pg.mkBrush(255, 255, 255, 0),
                               pen=[pg.mkPen(colors[i], width=1.6) for i in te])
        names = ds.feature_names if ds.n_features == 2 else (ds.feature_names[0],
                                                              ds.target_names[0])
        self.plot_item.setLabel("bottom", names[0])
        self.plot_item.setLabel("left", names[1])
        self._set_classes(ds)
        if range_key != self._range_key or range_key is None:
            self._range_key = range_key
            self.viewbox.setAspectLocked(square, 1.0)
            self._fit_range(XY)

    def show_separator(self, separator, normalizer) -> None:
        """Draw the perceptron's line ``separator`` (``simulator.perceptron.Separator``, in
        the normalized plane the network sees) in the data's units, or none (None). The
        normalization is affine per axis, so the line's ends map to the drawn line's ends."""
        if separator is None or separator.ends is None or self._X.shape[1] != 2:
            self.separator.setData([], [])
            return
        (x0, y0), (x1, y1) = normalizer.inverse_transform(np.array(separator.ends, float))
        self.separator.setData([x0, x1], [y0, y1])

    def show_step(self, step, train_indices) -> None:
        """Ring the sample of the perceptron's latest update (``perceptron.SampleStep``, its
        row in the training set; ``train_indices`` maps it to the data's rows) and say what
        the rule did with it; None hides both."""
        row = None if step is None or step.row >= len(train_indices) else \
            int(train_indices[step.row])
        if row is None or row >= len(self._X) or self._X.shape[1] != 2:
            self.step_ring.setData([], [])
            self.step_text.setVisible(False)
            return
        wrong = step.misclassified
        pen = pg.mkPen(palette.SEPARATOR, width=3) if wrong else \
            pg.mkPen(MUTED, width=1.5, style=Qt.DashLine)
        self.step_ring.setData([self._X[row, 0]], [self._X[row, 1]], pen=pen)
        t, o = (", ".join(f"{v:g}" for v in values) for values in (step.target, step.output))
        what = (self.tr("misclassified: w ← w + η(t − o)·x moved the line") if wrong
                else self.tr("classified right: t − o = 0, the line stays"))
        self.step_text.setText(self.tr("Row {0}: t = {1}, o = {2}, {3}").format(
            row + 1, t, o, what))
        self.step_text.setVisible(True)

    def _set_classes(self, ds) -> None:
        names = list(ds.class_names) if self._editable else []
        current = [self.class_box.itemText(k) for k in range(self.class_box.count())]
        if names != current:
            keep = self.class_box.currentIndex()
            self.class_box.blockSignals(True)
            self.class_box.clear()
            for k, name in enumerate(names):
                self.class_box.addItem(swatch(class_color(k)), name)
            # The Playground's positive class (blue, class 1) first when there are two.
            self.class_box.setCurrentIndex(keep if 0 <= keep < len(names) else
                                           (1 if len(names) == 2 else 0))
            self.class_box.blockSignals(False)
        for w in (self.class_label, self.class_box):
            w.setVisible(self._editable)
        self.show_legend()

    def show_legend(self) -> None:
        """The line under the plot (again when the language changes)."""
        legend = self.tr("filled: training points · hollow: test points")
        if self._editable:
            legend += " · " + self.tr("left click adds a point, right click removes the "
                                      "nearest one")
        self.legend.setText(legend)

    def _fit_range(self, XY: np.ndarray) -> None:
        if not len(XY):
            return
        lo, hi = XY.min(axis=0), XY.max(axis=0)
        pad = np.maximum((hi - lo) * 0.06, 0.1)
        self.viewbox.setRange(xRange=(lo[0] - pad[0], hi[0] + pad[0]),
                              yRange=(lo[1] - pad[1], hi[1] + pad[1]), padding=0)

    # -- editing by mouse --------------------------------------------------------------------
    @property
    def chosen_class(self) -> int:
        return max(0, self.class_box.currentIndex())

    def set_chosen_class(self, k: int) -> None:
        self.class_box.setCurrentIndex(k)

    def _on_click(self, ev) -> None:
        if not self._editable or not self.viewbox.sceneBoundingRect().contains(ev.scenePos()):
            return
        p = self.viewbox.mapSceneToView(ev.scenePos())
        if ev.button() == Qt.LeftButton:
            ev.accept()
            self.add_requested.emit(p.x(), p.y(), self.chosen_class)
        elif ev.button() == Qt.RightButton:
            ev.accept()
            row = self.nearest(p.x(), p.y())
            if row is not None:
                self.remove_requested.emit(row)

    def nearest(self, x: float, y: float) -> int | None:
        """Row of the point closest to (x, y) on screen (pixel distance, not data units)."""
        if not len(self._X):
            return None
        (x0, x1), (y0, y1) = self.viewbox.viewRange()
        w, h = max(self.viewbox.width(), 1.0), max(self.viewbox.height(), 1.0)
        dx = (self._X[:, 0] - x) / max(x1 - x0, 1e-12) * w
        dy = (self._X[:, 1] - y) / max(y1 - y0, 1e-12) * h
        return int(np.argmin(dx * dx + dy * dy))

    def scene_point(self, x: float, y: float):
        """Scene position of the data point (x, y), for tests that click on the plot."""
        from PySide6.QtCore import QPointF
        return self.viewbox.mapViewToScene(QPointF(x, y))
