"""Legends under the plot, never over its data."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QSizePolicy


def _grid_width(widths: list[float], cols: int, gap: float) -> float:
    """Width of entries laid out row by row in ``cols`` columns (each as wide as its
    widest entry), ``gap`` between columns."""
    return sum(max(widths[c::cols]) for c in range(cols)) + gap * (cols - 1)


class _Sample(pg.ItemSample):
    """A legend entry's swatch, as high as a line of text: the curve's line, or a filled
    box for a filled histogram. The legend sits outside the data, so a click on it does
    not hide the curve (the plots decide what is shown)."""

    WIDTH, HEIGHT = 22, 12

    def __init__(self, item) -> None:
        super().__init__(item)
        self.set_scale(1.0)

    def set_scale(self, factor: float) -> None:
        """``factor`` times the base size (the display scale: presentation mode)."""
        self.size = (self.WIDTH * factor, self.HEIGHT * factor)
        self.setFixedWidth(self.size[0])
        self.setFixedHeight(self.size[1])
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return QRectF(0, 0, *self.size)

    def paint(self, p, *args) -> None:
        opts = self.item.opts
        p.setPen(pg.mkPen(opts.get("pen")))
        brush = opts.get("brush")
        w, h = self.size
        if brush is not None and opts.get("fillLevel") is not None:
            p.setBrush(pg.mkBrush(brush))
            p.drawRect(QRectF(3, 1, w - 6, h - 2))
        else:
            p.drawLine(QPointF(0, h / 2), QPointF(w, h / 2))

    def mouseClickEvent(self, event) -> None:  # noqa: N802 (pyqtgraph override)
        event.ignore()


class Legend(pg.LegendItem):
    """The key to a plot's curves in a row of its own under the plot, so it never covers
    the data; entries wrap into as many columns as the plot's width allows, and entries
    of hidden curves leave the legend."""

    #: Pixels between two entries of a row, and the labels' text size (points).
    ENTRY_GAP = 14
    LABEL_PT = 9

    def __init__(self, plot: pg.PlotItem) -> None:
        super().__init__(offset=None, frame=False, labelTextSize=f"{self.LABEL_PT}pt",
                         horSpacing=4, sampleType=_Sample)
        # scale with the figure in exports (pyqtgraph keeps legends at screen size)
        self.setFlag(self.GraphicsItemFlag.ItemIgnoresTransformations, False)
        self.plot = plot
        self._arranged = None
        self._scale = 1.0  # of the swatches (see set_scale)
        self._narrowest = 0.0  # one column of entries
        # its own size, centred; narrower down to one column (see sizeHint)
        self.setSizePolicy(QSizePolicy.Maximum, QSizePolicy.Fixed)
        self.layout.setVerticalSpacing(0)
        self.layout.setContentsMargins(0, 3, 0, 2)
        plot.layout.addItem(self, 4, 0, 1, 3, Qt.AlignHCenter)
        plot.legend = self  # plot.plot(name=...) adds its curve here
        plot.vb.sigResized.connect(self.arrange)

    def _addItemToLayout(self, sample, label) -> None:  # noqa: N802 (pyqtgraph)
        sample.set_scale(self._scale)  # arrange() places the entries

    def set_scale(self, factor: float) -> None:
        """Swatches ``factor`` times their base size (the labels' text is scaled with every
        other text of the view, ``ui.plots.scaling``); the entries are laid out again."""
        if factor == self._scale:
            return
        self._scale = factor
        for sample, _label in self.items:
            sample.set_scale(factor)
        self._arranged = None
        self.arrange()

    def updateSize(self) -> None:  # noqa: N802 (pyqtgraph: entries added or removed)
        self.arrange()

    def sizeHint(self, which, constraint=QSizeF()) -> QSizeF:  # noqa: N802 (Qt override)
        """As wide as the entries' arrangement, and no wider at the least than one column
        of them: a legend that dictated the plot's least width would keep the plot
        wider than its dock (and arrange() would never see the dock's width)."""
        hint = super().sizeHint(which, constraint)
        if which == Qt.MinimumSize:
            return QSizeF(min(hint.width(), self._narrowest), hint.height())
        return hint

    def fits_one_row(self, names: list[str]) -> bool:
        """Whether entries labelled ``names`` fit side by side in the legend's width (at
        the display scale): a plot with short names to offer uses them otherwise."""
        font = QFont(QApplication.font())
        font.setPointSizeF(self.LABEL_PT * self._scale)
        metrics = QFontMetricsF(font)
        sample = _Sample.WIDTH * self._scale + self.layout.horizontalSpacing()
        widths = [sample + metrics.horizontalAdvance(n) for n in names]
        return _grid_width(widths, len(widths), self.ENTRY_GAP) <= self._room() if widths \
            else True

    def _room(self) -> float:
        """Width the legend may take: its figure's, less a margin. (The plot's own width
        would not do: a legend too wide for the view widens the plot beyond it.)"""
        root = self.plot
        while root.parentItem() is not None:
            root = root.parentItem()
        return root.geometry().width() - 24

    def arrange(self, *_args) -> None:
        """Lay the shown entries out in rows that fit the plot's width (cheap when
        nothing changed: called after every redraw)."""
        shown = [(s, lab) for s, lab in self.items if s.item.isVisible()]
        widths = [s.width() + self.layout.horizontalSpacing() + lab.item.boundingRect().width()
                  for s, lab in shown]
        room = max(self._room(), 1.0)
        cols = next((c for c in range(len(shown), 1, -1)
                     if _grid_width(widths, c, self.ENTRY_GAP) <= room), 1)
        self._narrowest = max(widths, default=0.0)
        key = (tuple(id(s) for s, _lab in shown), cols)
        if key == self._arranged:
            return
        self._arranged = key
        for i in range(self.layout.count() - 1, -1, -1):
            self.layout.removeAt(i)
        for sample, label in self.items:
            sample.setVisible(False)
            label.setVisible(False)
        for k, (sample, label) in enumerate(shown):
            if label.item.document().documentMargin() != 0:  # rows as high as the text
                label.item.document().setDocumentMargin(0)
                label.setText(label.text)
            row, col = divmod(k, cols)
            self.layout.addItem(sample, row, 2 * col, Qt.AlignVCenter)
            self.layout.addItem(label, row, 2 * col + 1)
            self.layout.setColumnSpacing(2 * col + 1, self.ENTRY_GAP)
            sample.setVisible(True)
            label.setVisible(True)
        self.setVisible(bool(shown))
        self.layout.invalidate()
        self.updateGeometry()
