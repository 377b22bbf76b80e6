"""What every live plot shares: a pyqtgraph area, an Export button, ``export(path)``,
redraw only while visible, history decimation for long runs, and the display scale
(presentation mode: text, lines and points larger, ``ui.plots.scaling``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from simulator.palette import BLUE, ORANGE  # noqa: F401 (the plots' two line colours)
from ui.display_scale import display
from ui.retranslate import follow_language

from .axes import Axis, LogAxis
from .figure import FIGURE_INCHES
from .legend import Legend
from .scaling import scale_view

#: Most points a history curve draws; longer runs are thinned for display only (the
#: stroke cost grows with the points, and a docked plot is a few hundred pixels wide).
MAX_DISPLAY = 1000

pg.setConfigOptions(antialias=False, background="w", foreground="k")


def _t(text: str) -> str:
    return QCoreApplication.translate("Plots", text)


def layer_colors(n: int) -> list[tuple[int, int, int]]:
    """n colours from dark blue (input side) to warm yellow (output side)."""
    cmap = pg.colormap.get("viridis")
    return [tuple(int(c) for c in cmap.map(0.9 * k / max(n - 1, 1), mode="byte")[:3])
            for k in range(n)]


def layer_names(spec, short: bool = False) -> list[str]:
    """Display names of the layers, first hidden to output: a layer's own name, else
    "Hidden k" / "Output"; ``short``: "H1" ... "Out" (every layer)."""
    last = len(spec.layers) - 1
    if short:
        return [_t("Out") if k == last else _t("H{0}").format(k + 1) for k in range(last + 1)]
    return [layer.name or (_t("Output") if k == last else _t("Hidden {0}").format(k + 1))
            for k, layer in enumerate(spec.layers)]


def envelope(y: np.ndarray, limit: int = MAX_DISPLAY) -> np.ndarray:
    """Indices of at most ``limit`` points of ``y`` that keep its shape: the series is cut
    into ``limit / 2`` equal bins and each bin keeps its lowest and highest value (in
    order), so spikes and noise bands survive; the first and last points always stay."""
    n = len(y)
    if n <= limit:
        return np.arange(n)
    bins = limit // 2
    k = -(-n // bins)  # ceil
    padded = np.full(bins * k, np.nan)
    padded[:n] = y
    rows = padded.reshape(bins, k)
    nan = np.isnan(rows)
    lo = np.where(nan, np.inf, rows).argmin(axis=1)
    hi = np.where(nan, -np.inf, rows).argmax(axis=1)
    start = np.arange(bins) * k
    idx = np.unique(np.concatenate([start + lo, start + hi, [0, n - 1]]))
    return idx[idx < n]


class GrowingTable:
    """Columns of float64 that grow by doubling (a 100,000-epoch history appends cheaply)."""

    def __init__(self, width: int = 1) -> None:
        self.width = width
        self.data = np.full((256, width), np.nan)
        self.n = 0

    def clear(self, width: int | None = None) -> None:
        if width is not None:
            self.width = width
        self.data = np.full((256, self.width), np.nan)
        self.n = 0

    def append(self, rows: np.ndarray) -> None:
        rows = np.asarray(rows, dtype=np.float64).reshape(-1, self.width)
        need = self.n + len(rows)
        if need > len(self.data):
            grown = np.full((max(need, 2 * len(self.data)), self.width), np.nan)
            grown[: self.n] = self.data[: self.n]
            self.data = grown
        self.data[self.n:need] = rows
        self.n = need

    @property
    def view(self) -> np.ndarray:
        return self.data[: self.n]


def twin_viewbox(plot: pg.PlotItem, label: str) -> pg.ViewBox:
    """A second ViewBox sharing ``plot``'s x-axis, drawn against the right axis."""
    vb = pg.ViewBox()
    plot.showAxis("right")
    plot.scene().addItem(vb)
    plot.getAxis("right").linkToView(vb)
    plot.getAxis("right").setLabel(label)
    vb.setXLink(plot)

    def sync():
        vb.setGeometry(plot.vb.sceneBoundingRect())
        vb.linkedViewChanged(plot.vb, vb.XAxis)

    plot.vb.sigResized.connect(sync)
    sync()
    return vb


class _RedrawQueue:
    """Redraws one waiting plot per tick, oldest request first.

    Measured here: five docked plots repainting on every 30 Hz snapshot took the whole
    GUI thread of a 2-core machine (frame gaps of 130 ms), and plots redrawing in the
    same turn of the event loop made single long frames. One plot per 33 ms tick keeps
    each frame short; with five plots each still redraws about six times a second.
    """

    TICK_MS = 33

    def __init__(self) -> None:
        self._waiting: list[PlotPanel] = []
        self._timer: QTimer | None = None

    def request(self, plot: PlotPanel) -> None:
        if plot not in self._waiting:
            self._waiting.append(plot)
        if self._timer is None:
            self._timer = QTimer()
            self._timer.setInterval(self.TICK_MS)
            self._timer.timeout.connect(self._tick)
        if not self._timer.isActive():
            self._timer.start()

    def forget(self, plot: PlotPanel) -> None:
        if plot in self._waiting:
            self._waiting.remove(plot)

    def _tick(self) -> None:
        while self._waiting:
            plot = self._waiting.pop(0)
            if shiboken6.isValid(plot) and plot.isVisible() and plot.flush():
                break
        if not self._waiting:
            self._timer.stop()


_QUEUE = _RedrawQueue()


class PlotPanel(QWidget):
    """Base of the docked plots: a tool row (subclass widgets + Export) over ``graphics``."""

    #: Used in the export dialog's default file name.
    key = "plot"
    #: Size of the exported figure, inches (see :mod:`ui.plots.figure`).
    figure_inches = FIGURE_INCHES

    def __init__(self, parent=None):
        super().__init__(parent)
        self.graphics = pg.GraphicsLayoutWidget()
        # 150 high: five docked plots and the canvas fit a 1366 x 768 screen
        self.graphics.setMinimumSize(260, 150)
        self.tools = QHBoxLayout()
        self.tools.setContentsMargins(4, 2, 4, 0)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(self.tools)
        # the plot, or a message in its place while there is nothing to draw
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #5f6368; background: white; padding: 24px;")
        self._stack = QStackedLayout()
        self._stack.addWidget(self.graphics)
        self._stack.addWidget(self.empty_label)
        lay.addLayout(self._stack, 1)
        self._dirty = True
        self.export_button = QToolButton()
        self.export_button.setText(_t("Export…"))
        self.export_button.setToolTip(_t("Save this plot as PNG or SVG"))
        self.export_button.setAutoRaise(True)
        self.export_button.clicked.connect(self._ask_export)
        display.observe(self._on_display_scale)
        # every plot makes texts in redraw (legends, marks, empty-plot notes): redo them
        follow_language(self, self.changed)

    def add_plot(self, row=None, col=None, log_axis: bool = False,
                 grid: tuple[bool, bool] = (True, True)) -> pg.PlotItem:
        """A plot in ``graphics`` with plain number labels and a light, opaque grid."""
        axes = {side: Axis(side) for side in ("bottom", "right", "top")}
        axes["left"] = LogAxis("left") if log_axis else Axis("left")
        plot = self.graphics.addPlot(row=row, col=col, axisItems=axes)
        plot.showGrid(x=grid[0], y=grid[1], alpha=0.2)
        for side in ("right", "top"):  # shown by twin_viewbox only; no grid of their own
            axes[side].setGrid(False)
            plot.hideAxis(side)
        for axis in axes.values():
            axis.enableAutoSIPrefix(False)  # no "(x0.001)": learners read numbers as they are
            axis.setZValue(plot.vb.zValue() - 1)  # an opaque grid goes under the curves
        return plot

    def show_empty(self, message: str | None) -> None:
        """Show ``message`` instead of the plot (nothing to draw yet), or the plot (None)."""
        self.empty_label.setText(message or "")
        self._stack.setCurrentWidget(self.empty_label if message else self.graphics)

    def finish_tools(self) -> None:
        """Call after adding subclass widgets: pushes Export to the right end."""
        self.tools.addStretch(1)
        self.tools.addWidget(self.export_button)

    # -- redraw only when seen -----------------------------------------------------------
    def changed(self) -> None:
        """Data changed: redraw soon if visible (see :class:`_RedrawQueue`), else when
        shown."""
        self._dirty = True
        if self.isVisible():
            _QUEUE.request(self)

    def flush(self) -> bool:
        """Draw a pending change now (before a screenshot, an export or a check);
        True when something was drawn."""
        _QUEUE.forget(self)
        if not self._dirty:
            return False
        self._dirty = False
        self.redraw()
        # curves and points the redraw made are drawn at the display scale too
        scale_view(self.graphics, display.factor)
        for plot in self.graphics.ci.items:
            if isinstance(getattr(plot, "legend", None), Legend):
                plot.legend.arrange()  # entries of curves shown or hidden by redraw()
        # pyqtgraph settles auto-ranges in the paint event and then asks for a second
        # paint; settling them now makes one paint per redraw
        self.graphics.scene().prepareForPaint()
        return True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.flush()

    def redraw(self) -> None:  # overridden
        pass

    def _on_display_scale(self, factor: float) -> None:
        """Presentation mode on or off: everything at the new size now, and a redraw
        (labels that fit the width, e.g. the bar names, depend on the text size)."""
        if shiboken6.isValid(self):
            scale_view(self.graphics, factor)
            self.changed()

    # -- export --------------------------------------------------------------------------
    def export(self, path) -> Path:
        """Write the plot to ``path`` as a figure for print (see :mod:`ui.plots.figure`):
        SVG for ``.svg``, otherwise a PNG at 250 dpi (1600 x 1000 pixels for 6.4 x 4
        inches)."""
        from simulator import atomic

        from .figure import figure_png, figure_svg
        path = Path(path)
        self.flush()
        svg = path.suffix.lower() == ".svg"
        inches = self.figure_inches
        atomic.write_bytes(path, figure_svg(self, _t("ANN Simulator plot"), inches) if svg
                           else figure_png(self, inches))
        return path

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, _t("Export plot"), f"{self.key}.png",
            _t("PNG image (*.png);;SVG drawing (*.svg)"),
            options=QFileDialog.DontUseNativeDialog)
        if path:
            self.export(path)
