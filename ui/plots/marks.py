"""The loss plot's overfitting marks: the epoch of the lowest test loss (a line, a dot on
the test curve and "best test 0.083 @ epoch 412"), and, when early stopping restored
weights, a dashed line where training stopped saying whose weights it restored.

The numbers come from :mod:`simulator.overfitting`; nothing here computes one, and a
mark with nothing to show is hidden (no NaN reaches pyqtgraph).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt

from simulator import overfitting
from simulator.palette import BEST_EPOCH, EARLY_STOP

from .base import _t

#: Height of each label along its line (fraction of the view, from the bottom).
BEST_LABEL_AT, STOP_LABEL_AT = 0.95, 0.78
#: Which side of its line a label prefers (text anchor x: 0 right of the line, 1 left).
RIGHT, LEFT = 0.0, 1.0


def _line(rgb, style, position: float) -> pg.InfiniteLine:
    line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(rgb, width=1.5, style=style),
                           label="", labelOpts={"position": position, "color": rgb,
                                                "fill": pg.mkBrush(255, 255, 255),
                                                "anchors": [(RIGHT, 0), (RIGHT, 0)]})
    line.side = RIGHT  # the preferred side (see OverfitMarks.fit_labels)
    line.natural_width = 0.0  # the label's width unwrapped, pixels
    line.setZValue(5)  # over the curves, under nothing else
    return line


class OverfitMarks:
    """The marks on ``plot`` (a PlotItem), redrawn by :meth:`show`."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.best_line = _line(BEST_EPOCH, Qt.SolidLine, BEST_LABEL_AT)
        self.best_dot = pg.PlotDataItem(pen=None, symbol="o", symbolSize=9,
                                        symbolPen=pg.mkPen(255, 255, 255, width=1.5),
                                        symbolBrush=pg.mkBrush(BEST_EPOCH))
        self.best_dot.setZValue(6)
        self.stop_line = _line(EARLY_STOP, Qt.DashLine, STOP_LABEL_AT)
        for item in (self.best_line, self.stop_line):
            plot.addItem(item, ignoreBounds=True)  # the curves decide the axes' ranges
        plot.addItem(self.best_dot)
        #: What is shown: (Best or None, EarlyStop or None).
        self.shown: tuple = (None, None)
        self.tracker = overfitting.MarkTracker()
        plot.vb.sigResized.connect(self.fit_labels)
        plot.vb.sigRangeChanged.connect(self.fit_labels)
        self.show({"epoch": np.empty(0), "test_loss": np.empty(0),
                   "restored_epoch": np.empty(0)})

    def reset(self) -> None:
        """The plot's series starts again (another run)."""
        self.tracker.reset()

    def show(self, series: dict[str, np.ndarray], log: bool = False) -> None:
        """Place the marks for the plot's series (column name -> array, NaN = missing),
        which has only grown since the last call or the last :meth:`reset`; ``log``: the
        loss axis is logarithmic (a loss of 0 gets no dot there)."""
        epochs = series["epoch"]
        best, stop = self.tracker.update(epochs, series["test_loss"],
                                         series["restored_epoch"])
        moved = (best, stop) != self.shown
        self.shown = (best, stop)
        self.best_line.setVisible(best is not None)
        self.best_dot.setVisible(best is not None and (best.loss > 0 or not log))
        if best is not None:
            if moved:
                self.best_line.setValue(best.epoch)
                self.best_dot.setData([best.epoch], [best.loss])
            # the label on the side with room: right of the line in the run's first half
            right = best.epoch <= (float(epochs[0]) + float(epochs[-1])) / 2
            self._label(self.best_line, _t("best test {0} @ epoch {1}").format(
                f"{best.loss:.3g}", f"{best.epoch:,}"), RIGHT if right else LEFT)
        self.stop_line.setVisible(stop is not None)
        if stop is not None:
            self.stop_line.setValue(stop.stopped)
            self._label(self.stop_line, _t("early stop: weights of epoch {0} restored").format(
                f"{stop.restored:,}"), LEFT)
        self.fit_labels()

    def _label(self, line: pg.InfiniteLine, text: str, side: float) -> None:
        label = line.label
        if label.format != text or line.side != side:
            line.side = side
            label.textItem.setTextWidth(-1)
            label.setFormat(text)  # no braces left in text: nothing more is formatted
            line.natural_width = label.textItem.boundingRect().width()

    def fit_labels(self, *_args) -> None:
        """Keep each label inside the plot: on its line's preferred side when there is
        room, else shifted along the line as far as needed, and wrapped when it is wider
        than the plot (a narrow dock, a long translation)."""
        vb = self.plot.vb
        box = vb.sceneBoundingRect()
        for line in (self.best_line, self.stop_line):
            if not line.isVisible() or box.width() <= 0:
                continue
            label = line.label
            wrap = -1.0 if line.natural_width <= box.width() else box.width()
            if label.textItem.textWidth() != wrap:  # no wider than the plot
                label.setTextWidth(wrap)
            w = max(label.textItem.boundingRect().width(), 1.0)  # pixels (not scaled)
            x = vb.mapViewToScene(QPointF(line.value(), 0.0)).x() - box.left()
            lo, hi = (x + w - box.width()) / w, x / w  # anchors that keep the text inside
            ax = min(max(line.side, lo), hi) if lo <= hi else x / box.width()
            ax = min(max(ax, 0.0), 1.0)
            if label.anchors[0][0] != ax:
                label.anchors = [(ax, 0), (ax, 0)]
                label.updatePosition()
