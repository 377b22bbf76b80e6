"""The selected layer's activation function f(x) and its derivative f'(x), with a
histogram of the layer's current pre-activations on the same x-axis.

When the histogram piles up where f' is near 0 the layer is saturated: its
gradients vanish. The layer follows the canvas selection (``set_layer``) or the
combo box.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from simulator.activations import evaluate
from ui.labels import ACTIVATION_LABELS
from ui.observe import DocumentObserver

from .base import BLUE, ORANGE, PlotPanel, _t, layer_names, twin_viewbox
from .legend import Legend


class ActivationPlot(DocumentObserver, PlotPanel):
    key = "activation"

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.layer = 0
        self.combo = QComboBox()
        self.combo.setToolTip(_t("Layer whose activation function is shown"))
        self.combo.activated.connect(lambda i: self.set_layer(i))
        self.info = QLabel()
        self.tools.addWidget(QLabel(_t("Layer")))
        self.tools.addWidget(self.combo)
        self.tools.addWidget(self.info)
        self.finish_tools()
        self.plot = self.add_plot()
        self.plot.setLabel("bottom", _t("pre-activation z = x·W + b"))
        self.legend = Legend(self.plot)
        self.hist_vb = twin_viewbox(self.plot, _t("share of values"))
        self.hist = pg.PlotCurveItem(x=[0.0, 1.0], y=[0.0], stepMode="center", fillLevel=0,
                                     brush=pg.mkBrush(120, 120, 120, 70),
                                     pen=pg.mkPen(160, 160, 160))
        self.hist_vb.addItem(self.hist)
        self.hist_vb.setZValue(-10)
        self.f_curve = self.plot.plot(pen=pg.mkPen(BLUE, width=2.5), name="f(z)")
        self.df_curve = self.plot.plot(pen=pg.mkPen(ORANGE, width=2, style=Qt.DashLine),
                                       name="f'(z)")
        self.legend.addItem(self.hist, _t("pre-activations now"))
        self.observe(document, spec=self._on_spec_changed, reset=self._on_spec_changed,
                     language=self._on_spec_changed,
                     history=lambda _rows: self._update_info())
        self.follow(document.inspector.changed, self._on_views_changed)
        self._on_spec_changed()

    # -- public -----------------------------------------------------------------------------
    def set_layer(self, index: int) -> None:
        """Show layer ``index`` (0 = first hidden layer)."""
        n = len(self.document.spec.layers)
        self.layer = int(min(max(index, 0), n - 1))
        if self.combo.currentIndex() != self.layer:
            self.combo.setCurrentIndex(self.layer)
        self._update_info()
        self.changed()

    @property
    def views(self):
        """The document's newest plot data (``document.inspector.views``)."""
        return self.document.inspector.views

    def _on_views_changed(self, views) -> None:
        self.changed()

    def curve_data(self) -> dict[str, np.ndarray]:
        """What is drawn: x, f, df, and the histogram (edges, share)."""
        self.flush()
        x, f = self.f_curve.getData()
        _, df = self.df_curve.getData()
        return {"x": x, "f": f, "df": df, "hist_edges": self.hist.xData,
                "hist": self.hist.yData}

    # -- following the document ---------------------------------------------------------------
    def _on_spec_changed(self) -> None:
        spec = self.document.spec
        self.combo.clear()
        for layer, name in zip(spec.layers, layer_names(spec), strict=True):
            label = ACTIVATION_LABELS.get(layer.activation, layer.activation)
            self.combo.addItem(f"{name} ({label})")
        self.set_layer(min(self.layer, len(spec.layers) - 1))

    def _update_info(self) -> None:
        hist = self.document.history
        sat = None
        if hist:
            s = hist[-1].get("saturation") or []
            if self.layer < len(s):
                sat = s[self.layer]
        self.info.setText("" if sat is None else
                          _t("saturated: {0:.0%}").format(sat))
        self.info.setToolTip(_t("Share of units whose slope f'(z) is below 1% of its maximum "
                                "(they barely learn)"))

    # -- drawing ----------------------------------------------------------------------------
    def redraw(self) -> None:
        spec = self.document.spec
        if not spec.layers:
            return
        act = spec.layers[self.layer].activation
        hist = None
        if self.views is not None and self.layer < len(self.views.preact_hists):
            hist = self.views.preact_hists[self.layer]
        if hist is not None:
            counts, edges = hist
            r = float(max(abs(edges[0]), abs(edges[-1])))
            total = max(int(counts.sum()), 1)
            self.hist.setData(edges, counts / total)
            self.hist_vb.setYRange(0, max(float(counts.max()) / total * 1.1, 1e-3), padding=0)
        else:
            from simulator.activations import get
            lo, hi = get(act).x_range
            r = max(abs(lo), abs(hi))
            self.hist.setData([-r, r], [0.0])
        x, f, df = evaluate(act, np.linspace(-r, r, 401))
        self.f_curve.setData(x, f)
        self.df_curve.setData(x, df)
        self.plot.setXRange(-r, r, padding=0.02)
        lo = float(min(f.min(), df.min(), 0.0))
        hi = float(max(f.max(), df.max(), 1.0))
        self.plot.setYRange(lo, hi, padding=0.05)
        title = ACTIVATION_LABELS.get(act, act) + (
            _t(" (shown for one logit against 0)") if act == "softmax" else "")
        # a short dock keeps its height for the curves (the layer box names the function);
        # an exported figure is tall enough for the title
        tall = self.graphics.ci.geometry().height() >= 240
        self.plot.setTitle(title if tall else None, size="10pt")
        self.setToolTip(title)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.changed()  # the title may fit now, or no longer
