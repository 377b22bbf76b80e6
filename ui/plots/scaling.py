"""Presentation mode in a pyqtgraph view: text, lines and points ``factor`` times as large.

:func:`scale_view` walks a view's items: axes (tick and label fonts), titles and legend
labels, curves (pen widths), scatter points (symbol size, outline widths) and text items
(fonts). The first time it changes an item it remembers the item's own size, the
*base*, on the item; it draws ``base * factor`` and, at factor 1, puts the base back
and forgets it, so the sizes after presentation mode are exactly those of before. A
pen, size or text that a plot's redraw has set since counts as the item's new base:
calling it again after a redraw (``PlotPanel.flush``) scales what the redraw made.
"""

from __future__ import annotations

import re

import pyqtgraph as pg
from PySide6.QtGui import QFont, QPen
from PySide6.QtWidgets import QApplication

from .legend import Legend

#: Attribute of an item holding {what: (base, applied, factor)}; of a view: whether any of
#: its items is scaled.
_MEMO, _SCALED = "_display_memo", "_display_scaled"


def scale_view(view: pg.GraphicsView, factor: float) -> None:
    """Draw the text, lines and points of ``view`` at ``factor`` times their base size."""
    if factor == 1 and not getattr(view, _SCALED, False):
        return  # never scaled: nothing to put back (the cheap path of every redraw)
    for item in view.scene().items():
        _scale_item(item, factor)
    setattr(view, _SCALED, factor != 1)


def _scale_item(item, factor: float) -> None:
    if isinstance(item, pg.AxisItem):
        _update(item, "tick", item.style["tickFont"], factor, _tick_font,
                lambda font: item.setStyle(tickFont=font))
        _update(item, "label", item.label.font(), factor, _font,
                lambda font: (item.label.setFont(font), item._updateLabel()))
    elif isinstance(item, pg.LabelItem):  # titles and legend entries
        if "size" in item.opts:  # "9pt" in the label's HTML
            _update(item, "size", item.opts["size"], factor, _points,
                    lambda size: item.setText(item.text, size=size))
        else:
            _update(item, "font", item.item.font(), factor, _font,
                    lambda font: (item.item.setFont(font), item.setText(item.text)))
    elif isinstance(item, pg.TextItem):
        _update(item, "font", item.textItem.font(), factor, _font, item.setFont)
    elif isinstance(item.parentItem(), pg.PlotDataItem):
        return  # the curve and points of a PlotDataItem: scaled through it
    elif isinstance(item, pg.PlotDataItem | pg.PlotCurveItem):
        pen = item.opts.get("pen")
        if isinstance(pen, QPen):
            _update(item, "pen", pen, factor, _pen, item.setPen,
                    applied=lambda: item.opts["pen"])
        if isinstance(item, pg.PlotDataItem) and item.opts.get("symbol") is not None:
            _update(item, "symbol", item.opts["symbolSize"], factor, _times,
                    item.setSymbolSize)
    elif isinstance(item, pg.ScatterPlotItem):
        _update(item, "size", item.opts["size"], factor, _times, item.setSize)
        _update(item, "pen", item.opts["pen"], factor, _pen, item.setPen,
                applied=lambda: item.opts["pen"])
        # per-point outlines (the point table is new after every setData); points
        # without their own (None) draw with the item's pen, scaled above
        pens = item.data["pen"]
        if len(pens) and all(isinstance(p, QPen) for p in pens):
            _update(item, "points", item.data, factor, _point_pens,
                    lambda pens: item.setPen(pens), applied=lambda: item.data,
                    base_of=lambda data: list(data["pen"]))
    elif isinstance(item, Legend):  # its swatches (its labels are LabelItems, above)
        item.set_scale(factor)


def _update(item, what: str, current, factor: float, scaled, apply, applied=None,
            base_of=None) -> None:
    """Draw ``item``'s ``what`` at ``scaled(base, factor)``. While scaled the base is
    remembered; ``current`` differing from what was applied last means the plot has set a
    new base since. ``applied()`` reads back what ``apply`` stored (pyqtgraph keeps a
    copy, compared by identity); ``base_of(current)`` is the base kept (default: itself)."""
    memo = getattr(item, _MEMO, None)
    old = memo.get(what) if memo else None
    if old is not None and _same(current, old[1], by_identity=applied is not None):
        base = old[0]
        if old[2] == factor:
            return  # drawn at this factor already
    else:
        if memo:
            memo.pop(what, None)
        if factor == 1:
            return  # never scaled, or the plot has set its own size since: as it is
        base = current if base_of is None else base_of(current)
    if factor == 1:
        apply(base)
        memo.pop(what)
        return
    apply(scaled(base, factor))
    if memo is None:
        memo = {}
        setattr(item, _MEMO, memo)
    memo[what] = (base, applied() if applied is not None else scaled(base, factor), factor)


def _same(current, last, by_identity: bool) -> bool:
    return current is last if by_identity else current == last


def _times(base: float, factor: float) -> float:
    return base * factor


def _font(base: QFont, factor: float) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * factor)
    return font


def _tick_font(base: QFont | None, factor: float) -> QFont | None:
    """Tick labels without a font of their own draw in the application font, which
    presentation mode has already enlarged by ``factor``."""
    if base is None:
        return QFont(QApplication.font())
    return _font(base, factor)


def _points(base: str, factor: float) -> str:
    """A CSS size, "9pt" -> "14.4pt" (pyqtgraph labels keep their size as text)."""
    match = re.fullmatch(r"\s*([0-9.]+)\s*(pt|px)\s*", str(base))
    if match is None:
        return base
    return f"{float(match.group(1)) * factor:g}{match.group(2)}"


def _pen(base: QPen, factor: float) -> QPen:
    pen = QPen(base)
    pen.setWidthF(max(base.widthF(), 1.0) * factor)  # width 0 is drawn 1 pixel wide
    return pen


def _point_pens(base: list, factor: float) -> list:
    return [_pen(p, factor) for p in base]
