"""What the network outputs.

- 2 inputs: the output as a heatmap over the input plane (orange = low or
  class 0, blue = high or class 1, as in TensorFlow Playground; ``simulator.palette``),
  training points filled and test points hollow, in the colour of their class.
- 1 input: the fitted curve over the data.
- otherwise: predicted against true values (regression) or a confusion matrix
  (classification).

Everything drawn comes from ``document.inspector`` (grid, threshold, confusion matrix,
colour scale); this widget only turns it into pixels.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from simulator import palette, perceptron
from simulator.document import fit_loss_to_spec
from simulator.inspector import class_labels, plotted_targets, point_rgb
from ui.observe import DocumentObserver

from .axes import data_range
from .base import PlotPanel, _t
from .figure import FIGURE_INCHES


def discrete_rgb(out: np.ndarray, threshold: float | None) -> np.ndarray:
    """(h, w, 3) uint8: each grid point in the colour of the class the network picks
    (the output thresholded as the inspector labels the data; argmax for several)."""
    k, h, w = out.shape
    labels = class_labels(out.reshape(k, -1).T, threshold if k == 1 else None)
    rgb = palette.class_rgbs(labels).astype(float)
    mid = np.array(palette.NEUTRAL, float)  # a little lighter: the points stay visible
    return np.round(mid + (rgb - mid) * 0.8).astype(np.uint8).reshape(h, w, 3)


class SmoothImage(pg.ImageItem):
    """An image drawn with bilinear scaling while ``smooth`` (the output over the plane:
    100 x 100 values would show as blocks in a 1200-pixel export), nearest-pixel else
    (the confusion matrix's cells keep sharp edges)."""

    smooth = False

    def paint(self, p, *args) -> None:
        p.setRenderHint(QPainter.SmoothPixmapTransform, self.smooth)
        super().paint(p, *args)


class OutputPlot(DocumentObserver, PlotPanel):
    key = "output"

    @property
    def figure_inches(self) -> tuple[float, float]:
        """Square for the input plane and the confusion matrix (equal axes)."""
        return (5.2, 5.0) if self.mode in ("plane", "confusion") else FIGURE_INCHES

    def __init__(self, document, undo_stack=None, parent=None):
        super().__init__(parent)
        self.document = document
        #: Where the one-click hidden layer goes (the window's; None: not undoable).
        self.undo_stack = undo_stack
        self.show_test = QCheckBox(_t("Show test data"))
        self.show_test.setChecked(True)
        self.show_test.setToolTip(_t("Draw the test points (hollow) over the output"))
        self.show_test.toggled.connect(self._on_toggle)
        self.discretize = QCheckBox(_t("Discretize output"))
        self.discretize.setToolTip(_t("Colour the plane by the class the network picks "
                                      "instead of the output's value"))
        self.discretize.toggled.connect(self._on_toggle)
        self.tools.addWidget(self.show_test)
        self.tools.addWidget(self.discretize)
        self.finish_tools()
        self.plot = self.add_plot(grid=(False, False))
        self.image = SmoothImage()
        self.image.setZValue(-20)
        self.plot.addItem(self.image)
        self.curve = self.plot.plot(pen=pg.mkPen((30, 30, 30), width=2.5))
        self.train_points = pg.ScatterPlotItem(size=7, pxMode=True)
        self.test_points = pg.ScatterPlotItem(size=7, pxMode=True)
        self.plot.addItem(self.train_points)
        self.plot.addItem(self.test_points)
        self.diagonal = self.plot.plot(pen=pg.mkPen((120, 120, 120), width=1,
                                                   style=pg.QtCore.Qt.DashLine))
        #: Perceptron mode: the line w1·x1 + w2·x2 + b = 0 (``views.separator``).
        self.separator = self.plot.plot(pen=pg.mkPen(palette.SEPARATOR, width=2.5))
        self.separator.setZValue(5)
        self._build_note()
        self.texts: list[pg.TextItem] = []
        self.mode = ""
        self._points_key = None
        #: Fit the view to the data on every redraw, until the user pans or zooms.
        self._fit = True
        self._fitted: tuple | None = None
        self.plot.vb.sigRangeChangedManually.connect(self._on_user_range)
        self.observe(document, data=self._on_data_changed, reset=self._on_data_changed,
                     spec=self._on_data_changed, history=self._update_note)
        self.follow(document.inspector.changed, self._on_views_changed)

    def _build_note(self) -> None:
        """A line under the plot: the perceptron's equation (or the lecture's weighted
        sum for 3 inputs) and, on data no line separates, why and the one-click fix."""
        self.note = QWidget()
        lay = QVBoxLayout(self.note)
        lay.setContentsMargins(4, 0, 4, 2)
        lay.setSpacing(2)
        self.equation = QLabel()
        self.equation.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.equation.setWordWrap(True)
        self.hint = QLabel(_t("Not linearly separable: no single straight line splits the "
                              "classes, so a single-layer network never reaches 100 %."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #a04000;")
        self.add_hidden = QPushButton(_t("Add a hidden layer"))
        self.add_hidden.setToolTip(_t("Insert a tanh hidden layer, make the output sigmoid "
                                      "and train with sgd at a learning rate of at least 0.1 "
                                      "(undoable)"))
        self.add_hidden.clicked.connect(self.add_hidden_layer)
        lay.addWidget(self.equation)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.add_hidden)
        lay.addLayout(row)
        self.layout().addWidget(self.note)
        self.note.hide()

    def _update_note(self, *_args) -> None:
        doc, v = self.document, self.views
        text = ""
        if v is not None and v.separator is not None and self.mode == "plane":
            text = _t("Decision line: {0}").format(v.separator.equation)
        elif v is not None and v.lecture_sum is not None:
            text = _t("Input (4, 3, 2): {0}").format(v.lecture_sum)
        hint = perceptron.needs_hidden_layer(doc.spec, doc.dataset.description, doc.history)
        self.equation.setText(text)
        self.equation.setVisible(bool(text))
        self.hint.setVisible(hint)
        self.add_hidden.setVisible(hint)
        self.note.setVisible(bool(text) or hint)

    def add_hidden_layer(self) -> None:
        """The one-click fix for XOR: a hidden layer (``perceptron.with_hidden_layer``),
        trained by sgd, as one undoable edit."""
        doc = self.document

        def mutate() -> None:
            doc.set_spec(perceptron.with_hidden_layer(doc.spec))
            doc.set_settings(optimizer="sgd", loss=fit_loss_to_spec(doc.settings.loss, doc.spec),
                             learning_rate=max(doc.settings.learning_rate, 0.1))

        if self.undo_stack is None:
            mutate()
            return
        from ui.commands import edit
        refusal = edit(self.undo_stack, doc, _t("Add a hidden layer"), mutate)
        self.add_hidden.setToolTip(refusal or self.add_hidden.toolTip())  # why it was refused

    @property
    def views(self):
        """The document's newest plot data (``document.inspector.views``)."""
        return self.document.inspector.views

    def _on_views_changed(self, views) -> None:
        self.changed()

    def _on_data_changed(self) -> None:
        self._points_key = None
        self._fit, self._fitted = True, None
        self.changed()

    def _on_toggle(self, _on: bool) -> None:
        self._points_key = None
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
        n_in = 2 if doc.data.features else doc.spec.inputs  # derived features: still a plane
        mode = "plane" if n_in == 2 else "curve" if n_in == 1 else (
            "confusion" if doc.dataset.task == "classification" else "scatter")
        if mode != self.mode:
            self.mode = mode
            self._points_key = None
            self._fit, self._fitted = True, None
            self._setup_mode()
        v = self.views
        if v is None:
            self._draw_separator(None)
            return
        if self._points_key is None and mode in ("plane", "curve"):
            self._draw_points(v)
        if mode == "plane" and v.grid_output is not None:
            self._draw_plane(v)
        elif mode == "curve" and v.curve_x is not None:
            self.curve.setData(v.curve_x, v.curve_y[:, 0])
            self._fit_view(self._point_columns(0) + [v.curve_x],
                           self._point_columns(1) + [v.curve_y[:, 0]])
        elif mode == "scatter" and v.predictions is not None:
            self._draw_pred_vs_true(v)
        elif mode == "confusion" and v.confusion is not None:
            self._draw_confusion(v)
        self._draw_separator(v)

    def _draw_separator(self, v) -> None:
        """The perceptron's decision line (none without views, e.g. after new data)."""
        ends = v.separator.ends if v is not None and v.separator is not None \
            and self.mode == "plane" else None
        if ends:
            (xa, ya), (xb, yb) = ends
            self.separator.setData([xa, xb], [ya, yb])
        else:
            self.separator.setData([], [])
        self._update_note()

    def _setup_mode(self) -> None:
        doc = self.document
        names = doc.dataset.feature_names
        self.image.setVisible(self.mode in ("plane", "confusion"))
        self.image.smooth = self.mode == "plane"
        self.curve.setVisible(self.mode == "curve")
        self.diagonal.setVisible(self.mode == "scatter")
        self.train_points.setVisible(self.mode != "confusion")
        self.test_points.setVisible(self.mode in ("plane", "curve")
                                    and self.show_test.isChecked())
        self.show_test.setEnabled(self.mode in ("plane", "curve"))
        self.discretize.setEnabled(self.mode == "plane" and doc.dataset.task ==
                                   "classification")
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

    def _point_brushes(self, Y: np.ndarray, v, hollow: bool):
        colors = [tuple(int(c) for c in rgb) for rgb in point_rgb(Y, v)]
        if hollow:
            return [pg.mkPen(c, width=1.8) for c in colors], pg.mkBrush(255, 255, 255, 200)
        return pg.mkPen(255, 255, 255, 200, width=1), [pg.mkBrush(c) for c in colors]

    def _draw_points(self, v) -> None:
        doc = self.document
        train, test = doc.data.train, doc.data.test
        self._points_key = True
        planes = (doc.data.train_plane, doc.data.test_plane)  # x1, x2 without derived features
        for item, part, hollow, plane in ((self.train_points, train, False, planes[0]),
                                          (self.test_points, test, True, planes[1])):
            if part is None or len(part.X) == 0:
                item.setData([], [])
                continue
            if hollow and not self.show_test.isChecked():
                item.setData([], [])
                continue
            X, Y = (part.X if plane is None else plane), part.Y
            pens, brushes = self._point_brushes(Y, v, hollow)
            if self.mode == "plane":
                item.setData(X[:, 0], X[:, 1], pen=pens, brush=brushes)
            else:
                item.setData(X[:, 0], Y[:, 0], pen=pens, brush=brushes)

    def _draw_plane(self, v) -> None:
        if self.discretize.isChecked() and v.task == "classification":
            rgb = discrete_rgb(v.grid_output, v.threshold)
        else:
            rgb = palette.plane_rgb(v.grid_output, v.output_scale)
        self.image.setLookupTable(None)
        self.image.setImage(np.transpose(rgb, (1, 0, 2)), levels=(0, 255), autoLevels=False)
        x0, x1 = float(v.grid_x[0]), float(v.grid_x[-1])
        y0, y1 = float(v.grid_y[0]), float(v.grid_y[-1])
        # grid values sit at pixel centres: the image reaches half a cell beyond them
        dx, dy = (x1 - x0) / max(len(v.grid_x) - 1, 1), (y1 - y0) / max(len(v.grid_y) - 1, 1)
        self.image.setRect(QRectF(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy))
        self._fit_view(self._point_columns(0) + [[x0, x1]], self._point_columns(1) + [[y0, y1]])

    def _point_columns(self, k: int) -> list:
        """Column ``k`` of the drawn training and test points (x, then y)."""
        return [item.getData()[k] for item in (self.train_points, self.test_points)]

    def _draw_pred_vs_true(self, v) -> None:
        Y = plotted_targets(self.document.data)[: len(v.predictions)]
        t, p = Y[:, 0], v.predictions[:, 0]
        self.train_points.setData(t, p, pen=pg.mkPen(255, 255, 255, 150),
                                  brush=pg.mkBrush(*palette.BLUE, 160))
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
        m = v.confusion
        k = len(m)
        share = m / np.maximum(m.sum(axis=1, keepdims=True), 1)
        self.image.setLookupTable(palette.RAMP_LUT[128:])  # neutral (0 %) to blue (100 %)
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
