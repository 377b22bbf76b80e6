"""Per-layer gradient magnitudes: the vanishing-gradient view.

Top: mean |dE/dW| of every layer per epoch on a log axis, one line per layer.
Bottom: the latest values as bars from the input side to the output layer. With
many sigmoid layers the bars near the input collapse by orders of magnitude.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

from ui.observe import DocumentObserver

from .base import (
    GrowingTable,
    PlotPanel,
    _t,
    envelope,
    layer_colors,
    layer_names,
)

#: Values below this are drawn at this floor on the log axes.
FLOOR = 1e-12


class GradientPlot(DocumentObserver, PlotPanel):
    key = "gradients"
    figure_inches = (6.4, 4.8)  # two plots, one over the other

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.table = GrowingTable(1)
        self.epochs = GrowingTable(1)
        self.finish_tools()
        self.lines_plot = self.add_plot(row=0, col=0, log_axis=True)
        self.lines_plot.setLogMode(y=True)
        self.lines_plot.setLabel("left", _t("mean |∂E/∂W|"))
        self.lines_plot.setLabel("bottom", _t("Epoch"))
        self.bars_plot = self.add_plot(row=1, col=0, grid=(False, True))
        self.bars_plot.setLabel("left", _t("latest"))
        self.bars_plot.setMouseEnabled(x=False, y=False)
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6)
        self.bars_plot.addItem(self.bars)
        self.curves: list[pg.PlotDataItem] = []
        self._names: list[str] = []
        #: The labels under the bars, as drawn (short ones when the full names crowd).
        self.bar_labels: list[str] = []
        self.observe(document, history=self._on_history_changed,
                     spec=lambda: self._on_history_changed(None),
                     reset=lambda: self._on_history_changed(None))
        self._on_history_changed(None)

    # -- data ---------------------------------------------------------------------------
    def _on_history_changed(self, rows) -> None:
        """``rows``: the new rows (a ``history_io.Block``), or None for the whole history;
        both read as columns (a long run has a million rows, a snapshot ~270)."""
        if rows is None:
            self.table.clear(len(self.document.spec.layers))
            self.epochs.clear()
        self._add(self.document.history if rows is None else rows)
        self.changed()

    def _add(self, source) -> None:
        """The rows of ``source`` that have gradient statistics; rows from before a change
        of layer count (in ``source`` or before it) are dropped."""
        values, lengths = source.numbers("grad_mean_abs")
        rows = np.flatnonzero(lengths > 0)
        if not len(rows):
            return
        width = int(lengths[rows[-1]])
        other = np.flatnonzero(lengths[rows] != width)
        if len(other):
            rows = rows[other[-1] + 1:]
        if len(other) or width != self.table.width:
            self.table.clear(width)
            self.epochs.clear()
        epochs = source.column("epoch")[rows]
        start = self.epochs.n
        self.table.append(values[rows, :width])
        self.epochs.append(np.where(np.isnan(epochs), start + rows + 1, epochs)[:, None])

    def series(self) -> tuple[np.ndarray, np.ndarray]:
        """(epochs, values) with values (epochs, layers): mean |dE/dW| per epoch and layer."""
        return self.epochs.view[:, 0], self.table.view

    def current_values(self) -> np.ndarray:
        """The newest mean |dE/dW| per layer, first hidden to output (empty before training)."""
        v = self.table.view
        return v[-1].copy() if len(v) else np.zeros(0)

    # -- drawing ----------------------------------------------------------------------------
    def redraw(self) -> None:
        epochs, values = self.series()
        self.show_empty(None if len(epochs) else
                        _t("Train (F5) or step one epoch: the mean |∂E/∂W| of every layer "
                           "appears here. Lines falling apart by orders of magnitude are "
                           "vanishing gradients."))
        n = values.shape[1] if values.ndim == 2 else 0
        names = layer_names(self.document.spec)
        if len(names) != n:
            names = [_t("Layer {0}").format(k + 1) for k in range(n)]
        if names != self._names or len(self.curves) != n:
            self._rebuild_curves(names)
        for k, curve in enumerate(self.curves):
            idx = envelope(values[:, k])
            curve.setData(epochs[idx], np.maximum(values[idx, k], FLOOR), connect="finite")
        cur = self.current_values()
        if len(cur):
            logs = np.log10(np.maximum(cur, FLOOR))
            base = float(np.floor(logs.min())) - 0.5
            colors = layer_colors(len(cur))
            self.bars.setOpts(x=np.arange(len(cur)), y0=base, height=logs - base,
                              width=0.6, brushes=[pg.mkBrush(c) for c in colors],
                              pens=[pg.mkPen(c) for c in colors])
            top = max(float(logs.max()) + 0.3, base + 1)
            self.bars_plot.setYRange(base, top, padding=0)
            # log10 heights, labelled as powers of ten (every other one when crowded)
            powers = list(range(int(np.ceil(base)), int(np.floor(top)) + 1))
            step = 1 if len(powers) <= 5 else 2 if len(powers) <= 10 else 4
            self.bars_plot.getAxis("left").setTicks(
                [[(k, f"1e{k}") for k in powers[::-1][::step]], []])
        else:
            self.bars.setOpts(x=[], height=[], y0=0)
        ax = self.bars_plot.getAxis("bottom")
        self.bar_labels = self._fitting_labels(names[:len(cur)] if len(cur) else names)
        ax.setTicks([list(enumerate(self.bar_labels))])
        self.bars_plot.setXRange(-0.6, max(len(names), 1) - 0.4, padding=0)

    def _fitting_labels(self, names: list[str]) -> list[str]:
        """The layer names under the bars, or short ones ("H1" ... "Out") where the full
        names would run into each other."""
        width = self.bars_plot.vb.width()
        metrics = QFontMetricsF(self.bars_plot.getAxis("bottom").font())
        widest = max((metrics.horizontalAdvance(nm) for nm in names), default=0.0)
        short = layer_names(self.document.spec, short=True)
        if not names or width <= 0 or widest + 6 <= width / len(names) \
                or len(short) != len(names):
            return names
        return short

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.changed()  # the bar labels may fit now, or no longer

    def _rebuild_curves(self, names: list[str]) -> None:
        for c in self.curves:
            self.lines_plot.removeItem(c)
        # no legend over or under the lines: the bars below name the layers in their colours
        colors = layer_colors(len(names))
        self.curves = [self.lines_plot.plot(pen=pg.mkPen(c, width=2)) for c in colors]
        self._names = list(names)
