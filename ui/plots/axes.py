"""Axes that stay readable at any plot size, and view ranges taken from the data.

Tick labels never overlap (the labelled spacing widens to fit them, and what still
collides gives way), large numbers are written short ("20k", "1.5M"), ticks and grid
lines are opaque (see ``ui/colors.py``), and :func:`data_range` gives every plot a range
around what it shows, a single point included.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from ui.colors import opaque_pen


def data_range(*arrays, pad: float = 0.05) -> tuple[float, float]:
    """(lo, hi) over the finite values of ``arrays`` plus ``pad`` of the span on each side.
    One distinct value v (up to 1e-6 of its size) gets v ± max(0.1 |v|, 0.5), where
    pyqtgraph gave a single point an axis of ±20 000; no values at all give (0, 1)."""
    parts = [np.asarray(a, dtype=np.float64).ravel() for a in arrays]
    values = np.concatenate(parts) if parts else np.zeros(0)
    values = values[np.isfinite(values)]
    if values.size == 0:
        return 0.0, 1.0
    lo, hi = float(values.min()), float(values.max())
    if hi - lo <= 1e-6 * max(abs(lo), abs(hi), 1.0):  # one value, up to rounding
        half = max(0.1 * abs(lo), 0.5)
        return lo - half, hi + half
    margin = pad * (hi - lo)
    return lo - margin, hi + margin


def tick_label(value: float, spacing: float, reach: float) -> str:
    """A tick value as text, short enough that neighbours never run together.

    ``reach`` is the largest |value| on the axis: from 10 000 on every label of the axis
    is written in thousands ("10k", "12.5k"), from 1 000 000 in millions ("1.5M") and from
    10^9 in powers of ten ("2e9"); below that with as many decimals as the spacing needs
    (values under 0.001 as "5e-4")."""
    if value == 0 or abs(value) < abs(spacing) * 1e-6:
        return "0"  # no "-0" or "1e-17" where the axis crosses zero
    if reach >= 1e9 or abs(value) < 1e-3:
        mantissa, exponent = f"{value:.2e}".split("e")
        return f"{float(mantissa):g}e{int(exponent)}"
    unit, suffix = (1e6, "M") if reach >= 1e6 else (1e3, "k") if reach >= 1e4 else (1.0, "")
    step = abs(spacing / unit)  # decimals: the fewest that write the spacing exactly
    places = next((k for k in range(7) if abs(step * 10**k - round(step * 10**k)) < 1e-6), 6)
    return f"{value / unit:.{places}f}{suffix}"


def apart(text_specs: list, gap: float, vertical: bool) -> list:
    """The labels of ``text_specs`` ((rect, flags, text), coarse levels first) that keep
    ``gap`` pixels from every label kept before them: finer labels give way to coarser
    ones, and crowded labels of one level are thinned from the start of the axis."""
    kept: list = []
    grow = (0.0, -gap / 2, 0.0, gap / 2) if vertical else (-gap / 2, 0.0, gap / 2, 0.0)
    for spec in text_specs:
        rect = spec[0].adjusted(*grow)
        if not any(rect.intersects(other) for other, _spec in kept):
            kept.append((rect, spec))
    return [spec for _rect, spec in kept]


class Axis(pg.AxisItem):
    """An axis whose tick labels never overlap and whose ticks and grid lines are opaque.

    pyqtgraph always labels the coarsest ticks, however close they are ("1000020000" on
    a narrow epoch axis), and fades ticks with alpha, which Qt's raster engine draws ~50x
    slower (see ``ui/colors.py``); a grid is redrawn whenever its range moves.

    The drawn ticks are kept while the range, size and grid area stay as they were:
    pyqtgraph laid them out again on every setRange, setLabel and setTicks, also of
    what the axis has already (~1-2.5 ms an axis, and plots set them on every redraw)."""

    #: the frame (see ``_frame``) of the drawn ticks
    _drawn_frame: tuple | None = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # labels on the finer tick level only while they leave room between them
        # (pyqtgraph's default filled a 280-pixel axis with -9 ... 9)
        self.setStyle(textFillLimits=[(0, 0.8), (2, 0.4), (4, 0.3), (6, 0.2)])

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802,N803 (pyqtgraph override)
        """pyqtgraph's tick levels, with the labelled (coarsest) spacing widened to the next
        1-2-5 step until its labels fit between the ticks: 0.25 text lines apart on a
        vertical axis, 0.6 of a line on a horizontal one."""
        levels = super().tickSpacing(minVal, maxVal, size)
        span = abs(maxVal - minVal)
        if not levels or self.logMode or self._tickSpacing is not None or span == 0:
            return levels
        spacing = major = levels[0][0]
        while spacing / span * size < self._label_room(minVal, maxVal, spacing):
            mantissa = spacing / 10 ** np.floor(np.log10(spacing) + 1e-9)
            spacing *= 2.5 if 1.9 < mantissa < 2.1 else 2.0
        if spacing == major:
            return levels
        return [(spacing, 0.0), *[(s, off) for s, off in levels if s < spacing][:1]]

    def _label_room(self, lo: float, hi: float, spacing: float) -> float:
        """Pixels a label at this spacing needs along the axis, gap included."""
        metrics = QFontMetricsF(self.style["tickFont"] or self.font())
        if self.orientation in ("left", "right"):
            return 1.25 * metrics.height()
        ends = [np.ceil(lo / spacing) * spacing, np.floor(hi / spacing) * spacing]
        texts = self.tickStrings([v / self.scale for v in ends], self.scale, spacing)
        return max(metrics.horizontalAdvance(t) for t in texts) + 0.6 * metrics.height()

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph override)
        if self.logMode:
            return self.logTickStrings(values, scale, spacing)
        reach = max(abs(self.range[0]), abs(self.range[1])) * abs(scale)
        return [tick_label(v * scale, spacing * scale, reach) for v in values]

    def generateDrawSpecs(self, p):  # noqa: N802 (pyqtgraph override)
        self._drawn_frame = self._frame()
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis_spec, tick_specs, text_specs = specs
        vertical = self.orientation in ("left", "right")
        em = QFontMetricsF(p.font()).height()
        return axis_spec, tick_specs, apart(text_specs, 0.25 * em if vertical else 0.6 * em,
                                            vertical)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        """pyqtgraph's rectangle, reaching 0.6 of a text line past both ends of the axis:
        a label on the first or last tick (-1 and 1 of a tanh plot) shows instead of
        being dropped for poking out by a few pixels."""
        rect = super().boundingRect()
        m = 0.6 * QFontMetricsF(self.style["tickFont"] or self.font()).height()
        if self.orientation in ("left", "right"):
            return rect.adjusted(0, -m, 0, m)
        return rect.adjusted(-m, 0, m, 0)

    def labelString(self) -> str:  # noqa: N802 (pyqtgraph override)
        """pyqtgraph's label, cut short with "…" where it is longer than the axis (a large
        font on a short plot: presentation mode), or left out where hardly a word would
        be left; the full label is then the axis' tooltip."""
        full = self.labelText
        length = self.size().height() if self.orientation in ("left", "right") \
            else self.size().width()
        short = QFontMetricsF(self.label.font()).elidedText(full, Qt.ElideRight, length - 6) \
            if length > 24 else full
        if short != full and len(short) < 4:  # "m…" says nothing: no title (the tooltip)
            short = ""
        self.setToolTip(full if short != full else "")
        self.labelText = short
        try:
            return super().labelString()
        finally:
            self.labelText = full

    def resizeEvent(self, ev=None) -> None:  # noqa: N802 (Qt override)
        if self.label is not None and self.labelText:
            html = self.labelString()  # cut to the new length
            if html != getattr(self, "_label_html", None):
                self._label_html = html
                self.label.setHtml(html)
        kept = self.picture if self._drawn() else None  # moved, not resized
        super().resizeEvent(ev)
        if kept is not None:
            self.picture = kept

    def _frame(self) -> tuple:
        """What a layout depends on besides the range, style and texts: the axis' size and
        where its view (the grid lines) lies from it."""
        view = self.linkedView()
        grid = view.mapRectToItem(self, view.boundingRect()).getRect() \
            if view is not None and self.grid is not False else None
        return self.size().toTuple(), grid

    def _drawn(self) -> bool:
        """Whether the drawn ticks are those of the present frame."""
        return self.picture is not None and self._frame() == self._drawn_frame

    def setRange(self, mn, mx) -> None:  # noqa: N802 (pyqtgraph override)
        """pyqtgraph's, except that the range it already has keeps the drawn ticks: plots
        set their fixed ranges (the accuracy axis' -0.02 .. 1.02) on every redraw, and
        each time the axis laid out its ticks and labels anew (~2.5 ms, measured)."""
        if not self.autoSIPrefix and [mn, mx] == self.range and self._drawn():
            return
        super().setRange(mn, mx)

    def setLabel(self, text=None, units=None, unitPrefix=None, **kwargs) -> None:  # noqa: N802,N803
        """pyqtgraph's; the label shown already, set again (the loss plot names its right
        axis on every redraw), keeps the drawn ticks too."""
        if (text and not kwargs and self.label.isVisible() and self._drawn()
                and (text, units or "", unitPrefix or "")
                == (self.labelText, self.labelUnits, self.labelUnitPrefix)):
            return
        super().setLabel(text, units, unitPrefix, **kwargs)

    def setTicks(self, ticks) -> None:  # noqa: N802 (pyqtgraph override)
        """pyqtgraph's; the same named ticks again (bar and class names, set on every
        redraw) keep the drawn ticks."""
        if ticks is not None and ticks == self._tickLevels and self._drawn():
            return
        super().setTicks(ticks)

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs):  # noqa: N802,N803 (pyqtgraph)
        # one opaque copy per tick level (pyqtgraph gives each level's ticks one pen)
        pens: dict[int, object] = {}
        tickSpecs = [(pens.get(id(pen)) or pens.setdefault(id(pen), opaque_pen(pen)), a, b)  # noqa: N806
                     for pen, a, b in tickSpecs]
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
