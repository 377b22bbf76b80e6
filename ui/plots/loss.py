"""Loss per epoch (train and test), with accuracy or R² on a second axis.

The full history stays in :class:`GrowingTable`; at most ``MAX_DISPLAY`` points
are drawn, so a 100,000-epoch run redraws as fast as a short one.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from ui.observe import DocumentObserver

from .base import (
    BLUE,
    ORANGE,
    GrowingTable,
    PlotPanel,
    _t,
    envelope,
    twin_viewbox,
)
from .legend import Legend

COLUMNS = ("epoch", "train_loss", "test_loss", "train_metric", "test_metric")


class LossPlot(DocumentObserver, PlotPanel):
    key = "loss"

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.table = GrowingTable(len(COLUMNS))
        self.metric_name = "accuracy"
        self.log_y = QCheckBox(_t("Log scale"))
        self.log_y.setToolTip(_t("Logarithmic loss axis: shows progress when the loss is small"))
        self.log_y.toggled.connect(self._on_log_toggled)
        self.show_metric = QCheckBox(_t("Accuracy / R²"))
        self.show_metric.setChecked(True)
        self.show_metric.toggled.connect(lambda _v: self.changed())
        self.tools.addWidget(self.log_y)
        self.tools.addWidget(self.show_metric)
        self.finish_tools()

        self.plot = self.add_plot(log_axis=True)
        self.plot.setLabel("bottom", _t("Epoch"))
        self.plot.setLabel("left", _t("Loss"))
        self.legend = Legend(self.plot)
        self.train_curve = self.plot.plot(pen=pg.mkPen(BLUE, width=2), name=_t("Train loss"))
        self.test_curve = self.plot.plot(pen=pg.mkPen(ORANGE, width=2), name=_t("Test loss"))
        self.metric_vb = twin_viewbox(self.plot, _t("Accuracy"))
        self.metric_vb.setYRange(0, 1.02, padding=0)
        self.train_metric = pg.PlotCurveItem(pen=pg.mkPen(BLUE, width=1.5, style=Qt.DashLine))
        self.test_metric = pg.PlotCurveItem(pen=pg.mkPen(ORANGE, width=1.5, style=Qt.DashLine))
        self.metric_vb.addItem(self.train_metric)
        self.metric_vb.addItem(self.test_metric)
        self.legend.addItem(self.train_metric, _t("Train accuracy"))
        self.legend.addItem(self.test_metric, _t("Test accuracy"))
        #: Curves of earlier runs drawn for comparison (see set_overlays).
        self._overlays: list = []
        self.observe(document, history=self._on_history_changed,
                     reset=lambda: self._on_history_changed(None))
        self._on_history_changed(None)

    # -- data ---------------------------------------------------------------------------
    def _on_history_changed(self, rows) -> None:
        """``rows``: the new rows (a ``history_io.Block``), or None for the whole history;
        both read as columns (a long run has a million rows, a snapshot ~270)."""
        if rows is None:
            self.table.clear()
            rows = self.document.history
        if rows:
            self.table.append(np.column_stack([rows.column(c) for c in COLUMNS]))
            self.metric_name = rows[-1].get("metric", self.metric_name) or self.metric_name
        self.changed()

    def series(self) -> dict[str, np.ndarray]:
        """The full history drawn here: column name -> array (NaN where missing)."""
        v = self.table.view
        return {c: v[:, i] for i, c in enumerate(COLUMNS)}

    # -- drawing ----------------------------------------------------------------------------
    def redraw(self) -> None:
        v = self.table.view
        self.show_empty(None if len(v) else
                        _t("Train (F5) or step one epoch: the train and test loss of every "
                           "epoch appear here."))
        x = v[:, 0]
        log = self.log_y.isChecked()
        for curve, col in ((self.train_curve, 1), (self.test_curve, 2)):
            y = v[:, col]
            if log:
                y = np.where(y > 0, y, np.nan)
            idx = envelope(y)
            curve.setData(x[idx], y[idx], connect="finite")
            curve.setVisible(bool(np.isfinite(y).any()) or len(y) == 0)
        r2 = self.metric_name == "r2"
        self.plot.getAxis("right").setLabel(_t("R²") if r2 else _t("Accuracy"))
        self.metric_vb.setYRange(-0.02 if not r2 else -0.5, 1.02, padding=0)
        show = self.show_metric.isChecked()
        for curve, col in ((self.train_metric, 3), (self.test_metric, 4)):
            idx = envelope(v[:, col])
            curve.setData(x[idx], v[idx, col], connect="finite")
            # no test set: no test accuracy curve, nor its legend entry
            curve.setVisible(show and (bool(np.isfinite(v[:, col]).any()) or len(v) == 0))
        self._rename_legend(r2)

    def _rename_legend(self, r2: bool) -> None:
        names = (_t("Train R²"), _t("Test R²")) if r2 else (_t("Train accuracy"),
                                                          _t("Test accuracy"))
        for (_sample, label), name in zip(self.legend.items[2:4], names, strict=False):
            if label.text != name:
                label.setText(name)

    def set_overlays(self, runs: list[tuple]) -> None:
        """Draw earlier runs under the current one: ``(label, rgb, epoch, train, test)``
        each, train loss solid and test loss dashed in the run's colour, one legend entry."""
        for train, test in self._overlays:
            self.legend.removeItem(train)
            self.plot.removeItem(train)
            self.plot.removeItem(test)
        self._overlays = []
        for label, rgb, x, train_y, test_y in runs:
            curves = []
            for y, style in ((train_y, Qt.SolidLine), (test_y, Qt.DashLine)):
                idx = envelope(y)
                curve = self.plot.plot(x[idx], y[idx], connect="finite",
                                       pen=pg.mkPen(rgb, width=1.5, style=style))
                curve.setZValue(-1)  # under the current run
                curves.append(curve)
            self.legend.addItem(curves[0], label)
            self._overlays.append(tuple(curves))
        self.changed()

    def _on_log_toggled(self, on: bool) -> None:
        self.plot.setLogMode(y=on)
        self.changed()

