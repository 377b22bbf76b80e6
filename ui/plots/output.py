"""What the network outputs.

- 2 inputs: the output as a heatmap over the input plane (orange = negative or
  class 0, blue = positive or class 1, as in TensorFlow Playground), training
  points filled and test points hollow.
- 1 input: the fitted curve over the data.
- otherwise: predicted against true values (regression) or a confusion matrix
  (classification).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from .axes import data_range
from .base import BLUE, CLASS_COLORS, ORANGE, PlotPanel, _t
from .figure import FIGURE_INCHES


def playground_lut(n: int = 256) -> np.ndarray:
    """Orange -> white -> blue lookup table."""
    t = np.linspace(0.0, 1.0, n)[:, None]
    white = np.array([240, 240, 240], float)
    lo = white + (np.array(ORANGE, float) - white) * np.clip(1 - 2 * t, 0, 1)
    hi = white + (np.array(BLUE, float) - white) * np.clip(2 * t - 1, 0, 1)
    return np.where(t < 0.5, lo, hi).astype(np.ubyte)


class OutputPlot(PlotPanel):
    key = "output"

    @property
    def figure_inches(self) -> tuple[float, float]:
        """Square for the input plane and the confusion matrix (equal axes)."""
        return (5.2, 5.0) if self.mode in ("plane", "confusion") else FIGURE_INCHES

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.views = None
        self.finish_tools()
        self.plot = self.add_plot(grid=(False, False))
        self.image = pg.ImageItem()
        self.image.setLookupTable(playground_lut())
        self.image.setZValue(-20)
        self.plot.addItem(self.image)
        self.curve = self.plot.plot(pen=pg.mkPen((30, 30, 30), width=2.5))
        self.train_points = pg.ScatterPlotItem(size=7, pxMode=True)
        self.test_points = pg.ScatterPlotItem(size=7, pxMode=True)
        self.plot.addItem(self.train_points)
        self.plot.addItem(self.test_points)
        self.diagonal = self.plot.plot(pen=pg.mkPen((120, 120, 120), width=1,
                                                   style=pg.QtCore.Qt.DashLine))
        self.texts: list[pg.TextItem] = []
        self.mode = ""
        self._points_key = None
        #: Fit the view to the data on every redraw, until the user pans or zooms.
        self._fit = True
        self._fitted: tuple | None = None
        self.plot.vb.sigRangeChangedManually.connect(self._on_user_range)
        document.events.data.connect(self._on_data_changed)
        document.events.reset.connect(self._on_data_changed)
        document.events.spec.connect(self._on_data_changed)

    def set_views(self, views) -> None:
        self.views = views
        self.changed()

    def _on_data_changed(self) -> None:
        self._points_key = None
        self._fit, self._fitted = True, None
        self.changed()

    def _on_user_range(self, *_args) -> None:
        self._fit = False

    def _fit_view(self, xs, ys) -> None:
        """Show the data (see :func:`data_range`) while the user has not moved the view.
        The range changes only when the data leave it or fill less than 80 % of it, so a
        redraw during training does not relabel the axes every time."""
        if not self._fit:
            return
        want = (data_range(*xs), data_range(*ys))
        if self._fitted is not None and all(
                lo <= w_lo and w_hi <= hi and (w_hi - w_lo) >= 0.8 * (hi - lo)
                for (lo, hi), (w_lo, w_hi) in zip(self._fitted, want, strict=True)):
            return
        self._fitted = want
        self.plot.setRange(xRange=want[0], yRange=want[1], padding=0)

    # -- drawing ----------------------------------------------------------------------------
    def redraw(self) -> None:
        doc = self.document
        n_in = doc.spec.inputs
        mode = "plane" if n_in == 2 else "curve" if n_in == 1 else (
            "confusion" if doc.dataset.task == "classification" else "scatter")
        if mode != self.mode:
            self.mode = mode
            self._points_key = None
            self._fit, self._fitted = True, None
            self._setup_mode()
        if self._points_key is None and mode in ("plane", "curve"):
            self._draw_points()
        v = self.views
        if v is None:
            return
        if mode == "plane" and v.grid_output is not None:
            self._draw_plane(v)
        elif mode == "curve" and v.curve_x is not None:
            self.curve.setData(v.curve_x, v.curve_y[:, 0])
            self._fit_view(self._point_columns(0) + [v.curve_x],
                           self._point_columns(1) + [v.curve_y[:, 0]])
        elif mode == "scatter" and v.predictions is not None:
            self._draw_pred_vs_true(v)
        elif mode == "confusion" and v.predictions is not None:
            self._draw_confusion(v)

    def _setup_mode(self) -> None:
        doc = self.document
        names = doc.dataset.feature_names
        self.image.setVisible(self.mode in ("plane", "confusion"))
        self.curve.setVisible(self.mode == "curve")
        self.diagonal.setVisible(self.mode == "scatter")
        self.train_points.setVisible(self.mode != "confusion")
        self.test_points.setVisible(self.mode in ("plane", "curve"))
        self.plot.setAspectLocked(self.mode in ("plane", "confusion"))
        self.plot.invertY(self.mode == "confusion")
        for t in self.texts:
            self.plot.removeItem(t)
        self.texts = []
        if self.mode == "plane":
            self.plot.setLabel("bottom", names[0])
            self.plot.setLabel("left", names[1])
            self.plot.setTitle(None)
            self.setToolTip(_t("The network's output over the input plane; training points "
                               "filled, test points hollow"))
        elif self.mode == "curve":
            self.plot.setLabel("bottom", names[0])
            self.plot.setLabel("left", doc.dataset.target_names[0]
                               if doc.dataset.task == "regression" else _t("output"))
            self.plot.setTitle(_t("Fitted curve (test points hollow)"), size="9pt")
            self.setToolTip("")
        elif self.mode == "scatter":
            self.plot.setLabel("bottom", _t("true value"))
            self.plot.setLabel("left", _t("predicted value"))
            self.plot.setTitle(_t("Predicted vs true"), size="9pt")
        else:
            self.plot.setLabel("bottom", _t("predicted class"))
            self.plot.setLabel("left", _t("true class"))
            self.plot.setTitle(_t("Confusion matrix (train and test)"), size="9pt")

    def _point_brushes(self, Y: np.ndarray, hollow: bool):
        doc = self.document
        if doc.dataset.task == "classification":
            labels = Y[:, 0] > (0.0 if Y.min() < 0 else 0.5) if Y.shape[1] == 1 \
                else Y.argmax(axis=1)
            labels = labels.astype(int)
            colors = [CLASS_COLORS[k % len(CLASS_COLORS)] for k in labels]
        else:
            y = Y[:, 0]
            t = (y - y.min()) / max(float(np.ptp(y)), 1e-12) if len(y) else y
            lut = playground_lut()
            colors = [tuple(int(c) for c in lut[int(v * 255)]) for v in t]
        if hollow:
            return [pg.mkPen(c, width=1.8) for c in colors], pg.mkBrush(255, 255, 255, 200)
        return pg.mkPen(255, 255, 255, 200, width=1), [pg.mkBrush(c) for c in colors]

    def _draw_points(self) -> None:
        doc = self.document
        train, test = doc.data.train, doc.data.test
        self._points_key = True
        for item, part, hollow in ((self.train_points, train, False),
                                   (self.test_points, test, True)):
            if part is None or len(part.X) == 0:
                item.setData([], [])
                continue
            X, Y = part.X, part.Y
            pens, brushes = self._point_brushes(Y, hollow)
            if self.mode == "plane":
                item.setData(X[:, 0], X[:, 1], pen=pens, brush=brushes)
            else:
                item.setData(X[:, 0], Y[:, 0], pen=pens, brush=brushes)

    def _draw_plane(self, v) -> None:
        out = v.grid_output
        doc = self.document
        if out.shape[0] == 1:
            img = out[0]
            Y = doc.data.train.Y
            lo, hi = (float(Y.min()), float(Y.max())) if len(Y) else (0.0, 1.0)
            if hi <= lo:
                lo, hi = lo - 1, hi + 1
            self.image.setLookupTable(playground_lut())
            self.image.setImage(img.T, levels=(lo, hi), autoLevels=False)
        else:
            # several classes: the winning class's colour, paler where the network is unsure
            k = out.argmax(axis=0)
            conf = out.max(axis=0)
            palette = np.array([CLASS_COLORS[i % len(CLASS_COLORS)] for i in range(out.shape[0])],
                               float)
            rgb = palette[k]
            a = np.clip((conf - 1.0 / out.shape[0]) / (1 - 1.0 / out.shape[0]), 0, 1)[..., None]
            rgb = 240 + (rgb - 240) * (0.25 + 0.75 * a)
            self.image.setLookupTable(None)
            self.image.setImage(np.transpose(rgb.astype(np.ubyte), (1, 0, 2)),
                                levels=(0, 255), autoLevels=False)
        x0, x1 = float(v.grid_x[0]), float(v.grid_x[-1])
        y0, y1 = float(v.grid_y[0]), float(v.grid_y[-1])
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        self._fit_view(self._point_columns(0) + [[x0, x1]], self._point_columns(1) + [[y0, y1]])

    def _point_columns(self, k: int) -> list:
        """Column ``k`` of the drawn training and test points (x, then y)."""
        return [item.getData()[k] for item in (self.train_points, self.test_points)]

    def _true_rows(self) -> np.ndarray:
        doc = self.document
        train, test = doc.data.train, doc.data.test
        parts = [train.Y] + ([test.Y] if test is not None and len(test.Y) else [])
        return np.concatenate(parts, axis=0)

    def _draw_pred_vs_true(self, v) -> None:
        Y = self._true_rows()[: len(v.predictions)]
        t, p = Y[:, 0], v.predictions[:, 0]
        self.train_points.setData(t, p, pen=pg.mkPen(255, 255, 255, 150),
                                  brush=pg.mkBrush(*BLUE, 160))
        if len(t):
            lo, hi = data_range(t, p)
            self.diagonal.setData([lo, hi], [lo, hi])
        self._fit_view([t, p], [t, p])  # the same range on both axes: the diagonal at 45°

    def _column_labels(self, names: list[str]) -> list[str]:
        """Class names under the matrix, cut short ("versic…", at least "ver…") where a
        column is narrower than the name: a name that does not fit is not drawn at all."""
        axis = self.plot.getAxis("bottom")
        metrics = QFontMetricsF(axis.style["tickFont"] or axis.font())
        x0, x1 = self.plot.vb.viewRange()[0]  # one class per unit of x
        room = self.plot.vb.width() / max(x1 - x0, 1e-9) - 0.6 * metrics.height()
        out = []
        for name in names:
            short = metrics.elidedText(name, Qt.ElideRight, room)
            out.append(short if len(short) >= 4 or short == name else name[:3] + "…")
        return out

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self.mode == "confusion":
            self.changed()  # the class names may fit now, or no longer

    def _draw_confusion(self, v) -> None:
        Y = self._true_rows()[: len(v.predictions)]
        P = v.predictions
        if Y.shape[1] == 1:
            thr = 0.0 if Y.min() < 0 else 0.5
            true, pred, k = (Y[:, 0] > thr).astype(int), (P[:, 0] > thr).astype(int), 2
        else:
            true, pred, k = Y.argmax(axis=1), P.argmax(axis=1), Y.shape[1]
        m = np.zeros((k, k))
        np.add.at(m, (true, pred), 1)
        share = m / np.maximum(m.sum(axis=1, keepdims=True), 1)
        self.image.setLookupTable(playground_lut()[128:])
        self.image.setImage(share.T, levels=(0, 1), autoLevels=False)
        self.image.setRect(QRectF(-0.5, -0.5, k, k))
        if len(self.texts) != k * k and k <= 12:
            for t in self.texts:
                self.plot.removeItem(t)
            self.texts = []
            for i in range(k):
                for j in range(k):
                    item = pg.TextItem(anchor=(0.5, 0.5), color=(20, 20, 20))
                    item.setPos(j, i)
                    self.plot.addItem(item)
                    self.texts.append(item)
        for idx, item in enumerate(self.texts):
            i, j = divmod(idx, k)
            item.setText(f"{int(m[i, j])}")
        names = self.document.dataset.class_names or tuple(str(i) for i in range(k))
        names = [str(names[i]) for i in range(min(k, len(names)))]
        self.plot.setRange(xRange=(-0.5, k - 0.5), yRange=(-0.5, k - 0.5), padding=0.02)
        self.plot.getAxis("left").setTicks([list(enumerate(names))])
        self.plot.getAxis("bottom").setTicks([list(enumerate(self._column_labels(names)))])
