"""What every live plot shares: a pyqtgraph area, an Export button, ``export(path)``,
redraw only while visible, and history decimation for long runs."""

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
from ui.colors import opaque_pen

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


class Axis(pg.AxisItem):
    """An axis whose ticks and grid lines are opaque: pyqtgraph fades them with alpha,
    which Qt's raster engine draws ~50x slower (see ``ui/colors.py``), and a grid is
    redrawn whenever its range moves."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # labels on the finer tick level only while they leave room between them
        # (pyqtgraph's default filled a 280-pixel axis with -9 ... 9)
        self.setStyle(textFillLimits=[(0, 0.8), (2, 0.4), (4, 0.3), (6, 0.2)])

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs):  # noqa: N802,N803 (pyqtgraph)
        tickSpecs = [(opaque_pen(pen), a, b) for pen, a, b in tickSpecs]  # noqa: N806
        super().drawPicture(p, axisSpec, tickSpecs, textSpecs)


class LogAxis(Axis):
    """A log axis labelling only 1, 2 and 5 times a power of ten: pyqtgraph labels every
    minor tick when the range spans one or two decades, and the labels overlap."""

    def logTickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph override)
        out = []
        for v in 10 ** np.asarray(values, dtype=float) * scale:
            mantissa = v / 10 ** np.floor(np.log10(v)) if v > 0 else 0
            out.append(f"{v:g}" if any(abs(mantissa - m) < 1e-6 for m in (1, 2, 5)) else "")
        return out


def add_legend(plot: pg.PlotItem, offset=(-10, 10), **kw) -> pg.LegendItem:
    """A legend on a translucent white box, readable over the curves."""
    return plot.addLegend(offset=offset, brush=pg.mkBrush(255, 255, 255, 210),
                          pen=pg.mkPen(200, 200, 200), **kw)


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

    def __init__(self, parent=None):
        super().__init__(parent)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setMinimumSize(260, 180)
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
        # pyqtgraph settles auto-ranges in the paint event and then asks for a second
        # paint; settling them now makes one paint per redraw
        self.graphics.scene().prepareForPaint()
        return True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.flush()

    def redraw(self) -> None:  # overridden
        pass

    # -- export --------------------------------------------------------------------------
    def export(self, path) -> Path:
        """Write the plot to ``path``: SVG for ``.svg``, otherwise a PNG-like image."""
        import pyqtgraph.exporters as exporters
        path = Path(path)
        self.flush()
        scene = self.graphics.scene()
        if path.suffix.lower() == ".svg":
            _render_svg(scene, path)
        else:
            ex = exporters.ImageExporter(scene)
            width = max(1200, int(scene.sceneRect().width()))
            ex.parameters()["width"] = width
            ex.export(str(path))
        return path

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, _t("Export plot"), f"{self.key}.png",
            _t("PNG image (*.png);;SVG drawing (*.svg)"),
            options=QFileDialog.DontUseNativeDialog)
        if path:
            self.export(path)


def _render_svg(scene, path: Path) -> None:
    """The scene as an SVG drawing (Qt's own generator: pyqtgraph's SVG exporter fails on
    some items with recent Qt versions)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator
    rect = scene.sceneRect()
    gen = QSvgGenerator()
    gen.setFileName(str(path))
    gen.setSize(rect.size().toSize())
    gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    gen.setTitle(_t("ANN Simulator plot"))
    painter = QPainter(gen)
    try:
        scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    finally:
        painter.end()


def legend_pen(color, width: float = 2.0, style=Qt.SolidLine):
    return pg.mkPen(color=color, width=width, style=style)
