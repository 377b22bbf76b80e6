"""The Explanation dock: permutation importance (bars with the spread as error bars) and
gradient × input for one test sample, features named as the data table names them.

The numbers come from ``simulator.explain`` and are computed in a worker thread: the GUI
thread only copies the network (``document.build_network``) and, on a 50 ms timer, picks
up the finished result and draws it. A request made while one runs is kept (newest wins)
and started when the running one ends.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from simulator.errors import SimulatorError
from simulator.explain import REPEATS, permutation_importance, saliency
from simulator.palette import BLUE, ORANGE

from ..observe import DocumentObserver

POLL_MS = 50


def _t(text: str) -> str:
    return QCoreApplication.translate("Explain", text)


def make_job(document, sample: int, seed: int = 0):
    """Everything the worker needs, taken now on the GUI thread: a copy of the network,
    the (read-only) rows and the names. Returns a function for the worker."""
    net = document.build_network()
    data = document.data
    part = data.test if len(data.test) >= 2 else data.train
    names = document.dataset.feature_names
    loss = document.settings.loss
    row = min(max(sample, 0), len(part) - 1)
    X, Y = part.X, part.Y

    def job():
        return (permutation_importance(net, X, Y, loss, REPEATS, seed, names),
                saliency(net, X[row], 0, names))
    return job


class ExplainPanel(DocumentObserver, QWidget):
    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="explain")
        self._future: Future | None = None
        self._pending = False
        self.result = None
        self.compute_button = QPushButton(_t("Compute"))
        self.compute_button.setToolTip(_t(
            "Permutation importance: I_j = mean over shuffles of E(feature j shuffled) − E. "
            "Gradient × input: s_j = x_j · ∂y/∂x_j."))
        self.compute_button.clicked.connect(self.compute)
        self.sample = QSpinBox()
        self.sample.setRange(0, 0)
        self.sample.setPrefix(_t("test row "))
        self.sample.valueChanged.connect(lambda _v: self.compute())
        self.status = QLabel(_t("Press Compute after training."))
        self.status.setWordWrap(True)
        self.importance_plot = pg.PlotWidget()
        self.saliency_plot = pg.PlotWidget()
        for plot, title in ((self.importance_plot,
                             _t("Permutation importance (test loss increase)")),
                            (self.saliency_plot, _t("Gradient × input of the sample"))):
            plot.setTitle(title, size="9pt")
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(False, False)
            plot.showGrid(x=True, alpha=0.2)
            plot.setMinimumHeight(110)  # room for a readable row per feature of a small table
        top = QHBoxLayout()
        top.addWidget(self.compute_button)
        top.addWidget(self.sample)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.importance_plot, 3)
        layout.addWidget(self.saliency_plot, 2)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.observe(document, weights=self._on_weights_changed, data=self._on_data_changed,
                               reset=self._on_data_changed, spec=self._on_data_changed)
        self._on_data_changed()

    # -- requests ------------------------------------------------------------------------
    def compute(self) -> None:
        if self._future is not None:
            self._pending = True
            return
        try:
            job = make_job(self.document, self.sample.value())
        except SimulatorError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(_t("Computing…"))
        self._future = self._pool.submit(job)
        self._timer.start()

    def _poll(self) -> None:
        future = self._future
        if future is None or not future.done():
            return
        self._future = None
        self._timer.stop()
        try:
            self.result = future.result()
        except SimulatorError as exc:
            self.status.setText(str(exc))
        else:
            self._draw(*self.result)
        if self._pending:
            self._pending = False
            self.compute()

    def wait(self, timeout_s: float = 10.0) -> None:
        """Block until the running computation has been drawn (tests, shutdown)."""
        if self._future is not None:
            self._future.result(timeout=timeout_s)
            self._poll()

    def shutdown(self) -> None:
        self._timer.stop()
        self._pool.shutdown(wait=True, cancel_futures=True)

    # -- document ------------------------------------------------------------------------
    def _on_weights_changed(self, reason: str) -> None:
        if self.result is not None and reason != "training":
            self.status.setText(_t("The weights changed: press Compute again."))

    def _on_data_changed(self, *_args) -> None:
        part = self.document.data.test if len(self.document.data.test) >= 2 \
            else self.document.data.train
        self.sample.blockSignals(True)
        self.sample.setRange(0, max(len(part) - 1, 0))
        self.sample.blockSignals(False)
        self.result = None
        self.importance_plot.clear()
        self.saliency_plot.clear()
        self.status.setText(_t("Press Compute after training."))

    # -- drawing -------------------------------------------------------------------------
    def _draw(self, importance, sal) -> None:
        order = np.argsort(importance.mean, kind="stable")  # most important on top
        names = [importance.names[i] for i in order]
        _bars(self.importance_plot, names, importance.mean[order], importance.std[order])
        _bars(self.saliency_plot, names, sal.values[order], None)
        top = importance.ranking()[0]
        self.status.setText(_t(
            "Test loss {0:.4g}; shuffling '{1}' raises it most ({2:.4g} ± {3:.2g}, "
            "{4} shuffles).").format(importance.baseline, top, float(importance.mean.max()),
                                     float(importance.std[int(np.argmax(importance.mean))]),
                                     importance.repeats))


def _bars(plot, names, values, spread) -> None:
    """Horizontal bars, one row per feature (name on the left axis); blue for positive,
    orange for negative values (the app's palette); ``spread`` as error bars."""
    plot.clear()
    y = np.arange(len(values), dtype=float)
    brushes = [pg.mkBrush(*(BLUE if v >= 0 else ORANGE)) for v in values]
    plot.addItem(pg.BarGraphItem(x0=np.zeros(len(values)), y=y, height=0.6,
                                 width=np.asarray(values, float), brushes=brushes,
                                 pen=pg.mkPen(None)))
    if spread is not None:
        plot.addItem(pg.ErrorBarItem(x=np.asarray(values, float), y=y, left=spread,
                                     right=spread, beam=0.2, pen=pg.mkPen("k")))
    plot.getAxis("left").setTicks([list(zip(y, names, strict=True))])
    plot.getViewBox().setYRange(-0.6, len(values) - 0.4, padding=0)
