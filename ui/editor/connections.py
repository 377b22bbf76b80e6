"""Connection items: one straight line per drawn weight, plus a faint bundle for the rest.

Only connections between *drawn* neurons get their own item (at most 16 x 16 per
layer), so a 1024-unit layer costs the same as a 16-unit one. Weight updates
change pens in place (``ConnectionGroup.update_weights``); nothing is rebuilt.

Colour and width are one fixed function of the weight for the whole network
(``style.line_width``, ``style.weight_color``): equal |w| looks equal in every layer,
and a weight of 0 is always the thinnest, palest line.

Drawing is batched: the group paints all its lines with one ``drawLines`` per pen
(a Python ``paint`` per line costs ~0.1 ms in PySide, too much at 30 updates a
second); each ConnectionItem only handles hover, clicks and its own highlight.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsPathItem

from simulator import palette
from ui.colors import on_white

from . import style
from .items import ContainerItem

#: Pens use flat caps: Qt's raster engine strokes wide antialiased round caps ~10x slower.
#: Width of the invisible band a hover or click hits.
HIT_WIDTH = 7.0
#: Extra width of the accent halo under a selected line.
SELECTED_HALO = 5.0
#: Steps of |w| / WEIGHT_FULL per sign that get their own pen: plenty for the eye.
STEPS = 24


def _pen_key(value: float, connected: bool) -> tuple:
    if not connected:
        return ("removed",)
    return (value >= 0, round(abs(float(palette.weight_t(value))) * STEPS))


def _key_of(code: int) -> tuple:
    """The pen key of a code of ``ConnectionGroup.update_weights``."""
    return ("removed",) if code == 0 else (code > 0, abs(code) - 1)


def _margin(scale: float) -> float:
    """How far a line's paint or hit band reaches beyond its end points."""
    return max((style.MAX_WIDTH + SELECTED_HALO) * scale, HIT_WIDTH) / 2 + 2


_PENS: dict[tuple, QPen] = {}


def pen_of(key: tuple, scale: float = 1.0) -> QPen:
    """Cached pen of a pen key (see ``_pen_key``), ``scale`` times as wide (the display
    scale: presentation mode)."""
    pen = _PENS.get((key, scale))
    if pen is None:
        if key[0] == "removed":
            pen = QPen(style.REMOVED, 1.2 * scale, Qt.DashLine, Qt.FlatCap)
        else:
            w = (1 if key[0] else -1) * key[1] / STEPS * palette.WEIGHT_FULL
            pen = QPen(style.weight_color(w), style.line_width(w) * scale, Qt.SolidLine,
                       Qt.FlatCap)
        _PENS[(key, scale)] = pen
    return pen


def pen_for(value: float, connected: bool = True, scale: float = 1.0) -> QPen:
    """Cached pen of weight ``value``: the ramp's colour and ``style.line_width`` (times
    ``scale``) at |w| rounded to STEPS (opaque: translucent lines are too slow to redraw
    30 times a second)."""
    return pen_of(_pen_key(value, connected), scale)


class ConnectionItem(QGraphicsItem):
    """The line for W[layer][i, j]: hover for the value, double-click to edit,
    Ctrl+click to remove or restore (context menu: both)."""

    def __init__(self, scene_ref, layer: int, i: int, j: int, p1: QPointF, p2: QPointF,
                 parent: QGraphicsItem, scale: float = 1.0):
        super().__init__(parent)
        self._scene_ref = scene_ref
        #: Weight address: layer index (0 = first hidden), source neuron i, target neuron j.
        self.layer, self.i, self.j = layer, i, j
        self.line = QLineF(p1, p2)
        self._group = parent
        #: Line widths are ``scale`` times ``style.line_width`` (the display scale).
        self.scale = scale
        self._key = None
        self._pen = pen_for(0.0, scale=scale)
        self._hover = False
        #: The document's selected connection: drawn over the others with a halo.
        self.selected = False
        x1, x2 = sorted((p1.x(), p2.x()))
        y1, y2 = sorted((p1.y(), p2.y()))
        m = _margin(scale)
        self._bounds = QRectF(x1, y1, x2 - x1, y2 - y1).adjusted(-m, -m, m, m)
        path = QPainterPath(p1)
        path.lineTo(p2)
        stroker = QPainterPathStroker()
        stroker.setWidth(HIT_WIDTH)
        self._shape = stroker.createStroke(path)
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.ItemHasNoContents, True)  # the group draws the line

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    @property
    def pen(self) -> QPen:
        return self._pen

    @property
    def value(self) -> float:
        """The weight W[i, j] (the group's copy: tooltips and the hover drawing read it)."""
        return self._group.values[self.i][self.j]

    @property
    def connected(self) -> bool:
        return self._group.connected[self.i][self.j]

    def set_pen_key(self, key: tuple) -> bool:
        """Restyle in place; returns whether the drawn pen changed."""
        if key == self._key:
            return False
        self._key = key
        self._pen = pen_of(key, self.scale)
        if self._hover or self.selected:
            self.update()
        return True

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self._show_own_paint()

    @property
    def pen_key(self) -> tuple:
        return self._key

    def _show_own_paint(self) -> None:
        """Hovered or selected lines paint themselves over the group's batch; others not."""
        own = self._hover or self.selected
        self.setFlag(QGraphicsItem.ItemHasNoContents, not own)
        self.setZValue(1 if own else 0)
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        """Only while hovered or selected: the line again, darker and wider; a selected
        one on an accent halo."""
        painter.setRenderHint(QPainter.Antialiasing)
        if self.selected:
            halo = self._pen.widthF() + SELECTED_HALO * self.scale
            painter.setPen(QPen(style.ACCENT, halo, Qt.SolidLine, Qt.FlatCap))
            painter.drawLine(self.line)
        pen = QPen(self._pen)
        pen.setWidthF(pen.widthF() + 2.0 * self.scale)
        if self.connected:
            pen.setColor(style.POSITIVE if self.value >= 0 else style.NEGATIVE)
        painter.setPen(pen)
        painter.drawLine(self.line)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self._hover = True
        self.setToolTip(self._scene_ref.connection_tooltip(self.layer, self.i, self.j))
        self._show_own_paint()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self.update()  # the hovered drawing's area, before the flag hides it
        self._hover = False
        self._show_own_paint()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.LeftButton and event.modifiers() & Qt.ControlModifier:
            event.accept()
            self._scene_ref.controller.toggle_connection(self.layer, self.i, self.j)
            return
        if event.button() == Qt.LeftButton:
            event.accept()
            self._scene_ref.select_connection(self.layer, self.i, self.j)
        else:
            event.ignore()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.LeftButton:
            event.accept()
            self._scene_ref.controller.prompt_weight(self.layer, self.i, self.j)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        self._scene_ref.connection_context_menu(self, event.screenPos())


class ConnectionGroup(ContainerItem):
    """All drawn connections of one layer (painted here, in batches per pen), plus one
    faint path standing for the connections of neurons collapsed into "+N" badges."""

    #: The drawn lines' pen keys as numbers (see update_weights), None before the first.
    _codes: np.ndarray | None = None

    def __init__(self, scene_ref, layer: int, src: list[QPointF], dst: list[QPointF],
                 src_badge: QPointF | None, dst_badge: QPointF | None, scale: float = 1.0):
        super().__init__()
        self.setFlag(QGraphicsItem.ItemHasNoContents, False)
        self.layer = layer
        #: Every line is ``scale`` times its weight's ``style.line_width`` (display scale).
        self.scale = scale
        self.n_src, self.n_dst = len(src), len(dst)
        #: values[i][j], connected[i][j]: the drawn part of W and of its mask, as lists.
        self.values = [[0.0] * self.n_dst for _ in range(self.n_src)]
        self.connected = [[True] * self.n_dst for _ in range(self.n_src)]
        #: items[i][j] is the line from drawn source neuron i to drawn target neuron j.
        self.items = [[ConnectionItem(scene_ref, layer, i, j, a, b, self, scale)
                       for j, b in enumerate(dst)] for i, a in enumerate(src)]
        self._batches: dict[tuple, list[QLineF]] = {}
        self._lines = [item.line for row in self.items for item in row]  # as W's cells, flat
        pts = src + dst + [p for p in (src_badge, dst_badge) if p is not None]
        xs, ys = [p.x() for p in pts], [p.y() for p in pts]
        m = _margin(scale)
        self._bounds = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)) \
            .adjusted(-m, -m, m, m)
        self.bundle = None
        if src_badge is not None or dst_badge is not None:
            path = QPainterPath()
            if src_badge is not None:
                for b in dst:
                    path.moveTo(src_badge)
                    path.lineTo(b)
            if dst_badge is not None:
                for a in src:
                    path.moveTo(a)
                    path.lineTo(dst_badge)
            if src_badge is not None and dst_badge is not None:
                path.moveTo(src_badge)
                path.lineTo(dst_badge)
            self.bundle = QGraphicsPathItem(path, self)
            self.bundle.setPen(QPen(on_white(style.REMOVED, 0.3), scale, Qt.DotLine))
            self.bundle.setZValue(-1)

    def update_weights(self, W: np.ndarray, mask: np.ndarray | None) -> None:
        """Restyle the drawn lines from the full matrix W (fan_in, fan_out). The pen keys
        are compared for the whole matrix at once: only lines whose pen changes are
        restyled one by one (a 10 x 64 network has ~2 400 drawn lines; restyling each
        took ~60 ms per snapshot)."""
        sub = np.asarray(W[: self.n_src, : self.n_dst], dtype=np.float64)
        conn = np.ones(sub.shape, bool) if mask is None else \
            mask[: self.n_src, : self.n_dst].astype(bool)
        # _pen_key as one number per line: 0 removed, else ±(steps + 1) by the sign
        steps = np.round(np.abs(palette.weight_t(sub)) * STEPS).astype(np.int64) + 1
        codes = np.where(conn, np.where(sub >= 0, steps, -steps), 0)
        old, self._codes = self._codes, codes
        self.values, self.connected = sub.tolist(), conn.tolist()  # what the items read
        restyle = np.argwhere(codes != old).tolist() if old is not None and \
            old.shape == codes.shape else np.ndindex(codes.shape)
        changed = False
        for i, j in restyle:
            changed |= self.items[i][j].set_pen_key(_key_of(int(codes[i, j])))
        if changed or not self._batches:
            flat = codes.ravel()
            order = np.argsort(flat, kind="stable")
            found, starts = np.unique(flat[order], return_index=True)
            lines = self._lines
            self._batches = {_key_of(int(code)): [lines[k] for k in run.tolist()]
                             for code, run in zip(found, np.split(order, starts[1:]), strict=True)}
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.Antialiasing)
        # thin lines first, so strong weights stay on top
        for key in sorted(self._batches, key=lambda k: (-1, 0) if k[0] == "removed" else
                          (k[1], k[0])):
            painter.setPen(pen_of(key, self.scale))
            painter.drawLines(self._batches[key])
        removed = self._batches.get(("removed",))
        if removed:  # a small cross in the middle marks a removed connection
            painter.setPen(QPen(style.REMOVED, 1.5 * self.scale))
            d = 4 * self.scale
            for line in removed:
                m = line.center()
                painter.drawLine(m + QPointF(-d, -d), m + QPointF(d, d))
                painter.drawLine(m + QPointF(-d, d), m + QPointF(d, -d))


class WeightLegend(QGraphicsItem):
    """The scale of the connection lines, under the network: sample lines for a few
    weights, drawn with the connections' pens at scale 1 (the scene scales the whole
    legend, text and lines, by the display scale)."""

    SAMPLES = (-palette.WEIGHT_FULL, -palette.WEIGHT_FULL / 2, 0.0, palette.WEIGHT_FULL / 2,
               palette.WEIGHT_FULL)
    STEP, LINE = 58.0, 40.0

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.title = ""
        self._font = QFont(QApplication.font())
        self._font.setPointSizeF(8.5)

    def set_title(self, title: str) -> None:
        self.title = title
        self.update()

    def _width(self) -> float:
        return max(self.STEP * len(self.SAMPLES),
                   QFontMetricsF(self._font).horizontalAdvance(self.title) + 8)

    def boundingRect(self) -> QRectF:  # noqa: N802
        w = self._width()
        return QRectF(-w / 2, -4, w, 46)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setFont(self._font)
        w = self._width()
        painter.setPen(style.MUTED)
        painter.drawText(QRectF(-w / 2, -4, w, 16), Qt.AlignCenter, self.title)
        x0 = -self.STEP * (len(self.SAMPLES) - 1) / 2
        for k, value in enumerate(self.SAMPLES):
            x = x0 + k * self.STEP
            painter.setPen(pen_for(value))
            painter.drawLine(QLineF(x - self.LINE / 2, 20, x + self.LINE / 2, 20))
            painter.setPen(style.MUTED)
            painter.drawText(QRectF(x - self.STEP / 2, 26, self.STEP, 14), Qt.AlignCenter,
                             self.label(k))

    def label(self, k: int) -> str:
        """"≤ -2", "-1", "0", "+1", "≥ +2": the ends stand for every larger |w|."""
        value = self.SAMPLES[k]
        text = f"{value:+g}" if value else "0"
        return "≤ " + text if k == 0 else "≥ " + text if k == len(self.SAMPLES) - 1 else text
