"""Histograms of every layer's weights, updated live (one outline per layer)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from ui.observe import DocumentObserver

from .base import PlotPanel, _t, layer_colors, layer_names
from .legend import Legend


class WeightsPlot(DocumentObserver, PlotPanel):
    key = "weights"

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.finish_tools()
        self.plot = self.add_plot()
        self.plot.setLabel("bottom", _t("weight value"))
        self.plot.setLabel("left", _t("share of weights"))
        self.legend = Legend(self.plot)
        self.curves: list[pg.PlotCurveItem] = []
        self.follow(document.inspector.changed, self._on_views_changed)

    @property
    def views(self):
        """The document's newest plot data (``document.inspector.views``)."""
        return self.document.inspector.views

    def _on_views_changed(self, views) -> None:
        self.changed()

    def redraw(self) -> None:
        if self.views is None:
            return
        hists = self.views.weight_hists
        if len(self.curves) != len(hists):
            for c in self.curves:
                self.plot.removeItem(c)
                self.legend.removeItem(c)
            colors = layer_colors(len(hists))
            self.curves = []
            for c in colors:
                curve = pg.PlotCurveItem(x=[0.0, 1.0], y=[0.0], stepMode="center",
                                         pen=pg.mkPen(c, width=2),
                                         fillLevel=0, brush=pg.mkBrush(*c, 40))
                self.plot.addItem(curve)
                self.legend.addItem(curve, "")
                self.curves.append(curve)
        for (_sample, label), name in zip(self.legend.items, self.legend_names(len(hists)),
                                          strict=False):
            if label.text != name:
                label.setText(name)
        for curve, (counts, edges) in zip(self.curves, hists, strict=True):
            total = max(int(counts.sum()), 1)
            curve.setData(edges, counts / total)

    def legend_names(self, n: int) -> list[str]:
        """The layers' names, or "H1" ... "Out" for many layers or where the full names
        would not fit one row of the legend (a narrow dock, presentation mode)."""
        spec = self.document.spec
        names = layer_names(spec)
        if len(names) != n:
            return [_t("Layer {0}").format(k + 1) for k in range(n)]
        if n > 4 or not self.legend.fits_one_row(names):
            return layer_names(spec, short=True)
        return names

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.changed()  # the full names may fit now, or no longer

    def histograms(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per layer (counts, edges) as last drawn."""
        return [] if self.views is None else list(self.views.weight_hists)
