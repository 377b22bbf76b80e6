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
from .marks import OverfitMarks

COLUMNS = ("epoch", "train_loss", "test_loss", "train_metric", "test_metric",
           "restored_epoch")


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
        #: The best test-loss epoch and an early stop's restore (see ui/plots/marks.py).
        self.marks = OverfitMarks(self.plot)
        #: Curves of earlier runs drawn for comparison (see set_overlays).
        self._overlays: list = []
        #: A comparison run training now (see set_live): its (train, test) curves and data.
        self._live: tuple | None = None
        self._live_key: tuple | None = None
        self._live_data: tuple | None = None
        self.observe(document, history=self._on_history_changed,
                     reset=lambda: self._on_history_changed(None))
        self._on_history_changed(None)

    # -- data ---------------------------------------------------------------------------
    def _on_history_changed(self, rows) -> None:
        """``rows``: the new rows (a ``history_io.Block``), or None for the whole history;
        both read as columns (a long run has a million rows, a snapshot ~270)."""
        if rows is None:
            self.table.clear()
            self.marks.reset()
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
        self.marks.show(self.series(), log)
        self._draw_live(log)

    def _rename_legend(self, r2: bool) -> None:
        """Name the metric (accuracy or R²); in short words where only they fit the shown
        entries into one row of the legend (a narrow dock, presentation mode)."""
        full = [_t("Train loss"), _t("Test loss"), *((_t("Train R²"), _t("Test R²")) if r2
                                                     else (_t("Train accuracy"),
                                                           _t("Test accuracy")))]
        short = [_t("Train"), _t("Test"), *((_t("Train R²"), _t("Test R²")) if r2
                                            else (_t("Train acc."), _t("Test acc.")))]
        entries = self.legend.items[:4]

        def one_row(names: list[str]) -> bool:
            return self.legend.fits_one_row([name for (sample, _label), name in
                                             zip(entries, names, strict=False)
                                             if sample.item.isVisible()])

        # the short words only where they save a row (two rows of them say less)
        names = short if not one_row(full) and one_row(short) else full
        for (_sample, label), name in zip(entries, names, strict=False):
            if label.text != name:
                label.setText(name)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.changed()  # the full legend names may fit now, or no longer

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

    def set_live(self, entry: tuple | None) -> None:
        """The comparison run training now, ``(label, rgb, epoch, train, test)``, drawn like
        an earlier run (train solid, test dashed, its colour, one legend entry) and redrawn
        with the plot; None removes it. Called at the comparison's pull rate (<= 30 Hz)."""
        if entry is None or (self._live is not None and self._live_key != entry[:2]):
            if self._live is not None:
                self.legend.removeItem(self._live[0])
                for curve in self._live:
                    self.plot.removeItem(curve)
            self._live = None
        if entry is not None and self._live is None:
            label, rgb = entry[:2]
            self._live = tuple(self.plot.plot(pen=pg.mkPen(rgb, width=2, style=style))
                               for style in (Qt.SolidLine, Qt.DashLine))
            self.legend.addItem(self._live[0], label)
            self._live_key = entry[:2]
        self._live_data = entry[2:] if entry is not None else None
        self.changed()

    def _draw_live(self, log: bool) -> None:
        if self._live is None or self._live_data is None:
            return
        x, *ys = self._live_data
        for curve, y in zip(self._live, ys, strict=True):
            if log:
                y = np.where(y > 0, y, np.nan)
            idx = envelope(y)
            curve.setData(x[idx], y[idx], connect="finite")

    def _on_log_toggled(self, on: bool) -> None:
        self.plot.setLogMode(y=on)
        self.changed()

