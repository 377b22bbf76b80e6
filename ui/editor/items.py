"""Graphics items of one layer column: neurons, bias markers, header, +/- buttons, "+N" badge.

Items only draw and forward input to the scene (``NetworkScene``), which owns the
document and the controller. Coordinates are scene pixels at 100 % zoom. In presentation
mode the scene scales the items that carry text (``setScale``: font, box and padding
alike) by the display scale; the layout (columns, neuron spacing) stays.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsObject

from . import style

_WHITE = QBrush(QColor("#ffffff"))
#: Width of the ring around a selected neuron (scene pixels at 100 %).
SELECTED_RING = 5.0


def paint_neurons(painter: QPainter, neurons: list, biases: list) -> None:
    """Draw the circles of ``neurons`` (one column's ``NeuronItem``) and their ``biases``
    (``BiasItem``, over the circles) in one go."""
    painter.setRenderHint(QPainter.SmoothPixmapTransform)
    painter.setRenderHint(QPainter.Antialiasing)
    for n in neurons:
        n.paint_circle(painter)
    painter.setPen(QPen(QColor("#ffffff"), 1.0))
    for b in biases:
        if b.isVisible():
            b.paint_square(painter)


def _font(point_size: float, bold: bool = False) -> QFont:
    f = QFont(QApplication.font())
    f.setPointSizeF(point_size)
    f.setBold(bold)
    return f


class ContainerItem(QGraphicsItem):
    """An item that draws nothing and only groups its children (unlike
    QGraphicsItemGroup it lets the children receive their own events)."""

    def __init__(self, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.setFlag(QGraphicsItem.ItemHasNoContents, True)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return QRectF()

    def paint(self, painter, option, widget=None) -> None:
        pass


class SelectsColumn:
    """Left click selects the item's column (``_select``); right click opens the layer's
    menu. Needs ``self.column`` and ``self._scene_ref``."""

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.LeftButton:
            self._select()
            event.accept()
        else:
            event.ignore()

    def _select(self) -> None:
        self._scene_ref.select_layer(self.column)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        self._scene_ref.layer_context_menu(self.column, event.screenPos())


class NeuronItem(SelectsColumn, QGraphicsItem):
    """One neuron: a circle, filled with its output heatmap when one is known. Its column
    (``paint_neurons``) draws the circles of all its neurons in one Python call (one per
    neuron cost ~0.06 ms in PySide, 30 times a second); the item itself draws only while
    hovered (an accent outline) or selected (a ring), over its column's drawing."""

    def __init__(self, scene_ref, column: int, index: int, parent: QGraphicsItem):
        super().__init__(parent)
        self._scene_ref = scene_ref
        #: Column (0 = inputs) and neuron index within it.
        self.column, self.index = column, index
        #: (values (h, w) with row 0 at the top, colour scale) of its heatmap, or None.
        self.heatmap = None
        self._image = None
        self._tile = None
        self.radius = style.NEURON_R
        #: Width of the circle's outline in pixels (times the display scale).
        self.edge_width = 1.3
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.PointingHandCursor)
        self.hovered = False
        self.setFlag(QGraphicsItem.ItemHasNoContents, True)
        #: The document's selected neuron: drawn with an outer ring.
        self.selected = False

    def _select(self) -> None:
        self._scene_ref.select_neuron(self.column, self.index)

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self._show_own_paint()

    def _show_own_paint(self) -> None:
        self.setFlag(QGraphicsItem.ItemHasNoContents, not (self.hovered or self.selected))
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        r = self.radius + SELECTED_RING + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        p = QPainterPath()
        p.addEllipse(QPointF(0, 0), self.radius, self.radius)
        return p

    def set_heatmap(self, values=None, scale=None, tile=None) -> None:
        """Show the picture of ``values`` (h, w) at colour ``scale``, drawn from ``tile``
        = (image, source rectangle) of the canvas' ``HeatmapAtlas``; no values: white.
        The column draws it: call its ``update()``."""
        self.heatmap = None if values is None else (values, scale)
        self._image = None
        self._tile = tile

    @property
    def image(self) -> QImage | None:
        """The heatmap at the grid's own resolution (the hover card shows it), made when
        first asked for."""
        if self._image is None and self.heatmap is not None:
            values, scale = self.heatmap
            self._image = style.heatmap_images(values[None], scale)[0]
        return self._image

    def paint_circle(self, painter: QPainter) -> None:
        """The heatmap and outline, in the column's coordinates (see ``paint_neurons``)."""
        r, y = self.radius, self.y()
        circle = QRectF(-r, y - r, 2 * r, 2 * r)
        if self._tile is not None:  # a disc already: an image is ~5x cheaper to draw than
            painter.drawImage(circle, *self._tile)  # a texture-filled ellipse
        painter.setPen(QPen(style.NEURON_EDGE, self.edge_width))
        painter.setBrush(Qt.NoBrush if self._tile is not None else _WHITE)
        painter.drawEllipse(circle)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self.radius
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setBrush(Qt.NoBrush)
        if self.hovered:
            painter.setPen(QPen(style.ACCENT, self.edge_width * 1.5))
            painter.drawEllipse(QRectF(-r, -r, 2 * r, 2 * r))
        if self.selected:  # a ring outside the heatmap: the picture itself stays readable
            painter.setPen(QPen(style.ACCENT, SELECTED_RING - 1))
            ring = r + SELECTED_RING / 2
            painter.drawEllipse(QRectF(-ring, -ring, 2 * ring, 2 * ring))

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.LeftButton:  # the first click has selected the column
            self._scene_ref.neuron_enlarge_requested.emit(self.column, self.index)
            event.accept()
        else:
            event.ignore()

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self.hovered = True
        self._show_own_paint()
        self._scene_ref.neuron_hovered(self, True)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self.update()  # the hovered drawing's area, before the flag hides it
        self.hovered = False
        self._show_own_paint()
        self._scene_ref.neuron_hovered(self, False)


class BiasItem(QGraphicsItem):
    """Small square at a neuron's lower left, coloured like a weight of the same value
    (``style.weight_color``: the network-wide scale). Drawn by its column
    (``paint_neurons``); the item takes hover and clicks."""

    SIZE = 9.0

    def __init__(self, scene_ref, layer: int, index: int, parent: QGraphicsItem):
        super().__init__(parent)
        self._scene_ref = scene_ref
        self.layer, self.index = layer, index
        self.value = 0.0
        self._color = QColor(style.POSITIVE)
        s = self.SIZE
        self.setPos(-style.NEURON_R - s * 0.1, style.NEURON_R - s * 0.9)
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.ItemHasNoContents, True)

    def boundingRect(self) -> QRectF:  # noqa: N802
        s = self.SIZE
        return QRectF(-s / 2 - 1, -s / 2 - 1, s + 2, s + 2)

    def set_value(self, value: float, rgb=None) -> None:
        """``rgb``: the value's colour (``palette.weight_rgb(value)``) when the caller has
        computed it, for many biases at once; repainted only when the colour changes."""
        self.value = float(value)
        color = style.weight_color(value) if rgb is None else QColor(*rgb)
        if color != self._color:
            self._color = color
            self.parentItem().parentItem().update()  # the column draws it

    def paint_square(self, painter: QPainter) -> None:
        """The square in its column's coordinates (the pen is set by ``paint_neurons``)."""
        s = self.SIZE
        at = self.pos() + self.parentItem().pos()
        painter.setBrush(self._color)
        painter.drawRect(QRectF(at.x() - s / 2, at.y() - s / 2, s, s))

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pass

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self.setToolTip(self._scene_ref.bias_tooltip(self.layer, self.index))

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        self._scene_ref.controller.prompt_bias(self.layer, self.index)
        event.accept()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        event.accept()


class BadgeItem(QGraphicsItem):
    """The "+N" pill standing for the neurons a wide layer does not draw."""

    def __init__(self, hidden: int, units: int, parent: QGraphicsItem):
        super().__init__(parent)
        self.hidden = hidden
        self.text = f"+{hidden}"
        self._font = _font(8.5, bold=True)
        w = QFontMetricsF(self._font).horizontalAdvance(self.text) + 14
        self._rect = QRectF(-w / 2, -10, w, 20)
        self.setToolTip(QApplication.translate(
            "NetworkScene", "{0} more neurons are not drawn; this layer has {1}.").format(
                hidden, units))

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(style.NEURON_EDGE, 1.0))
        painter.setBrush(QColor("#eef1f5"))
        painter.drawRoundedRect(self._rect, 10, 10)
        painter.setFont(self._font)
        painter.setPen(style.TEXT)
        painter.drawText(self._rect, Qt.AlignCenter, self.text)


class ButtonItem(QGraphicsObject):
    """A small round "+" or "−" button; ``callback()`` runs on a click."""

    def __init__(self, text: str, tooltip: str, callback, parent: QGraphicsItem):
        super().__init__(parent)
        self.text, self.callback = text, callback
        self.radius = 10.0
        self._hover = False
        self._pressed = False
        self._font = _font(11, bold=True)
        self.setToolTip(tooltip)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.PointingHandCursor)

    def boundingRect(self) -> QRectF:  # noqa: N802
        r = self.radius + 1
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self.radius
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(style.ACCENT if self._hover else QColor("#c4c9d0"), 1.0))
        painter.setBrush(QColor("#e8f0fe") if self._hover else QColor("#ffffff"))
        painter.drawEllipse(QRectF(-r, -r, 2 * r, 2 * r))
        painter.setPen(QPen(style.ACCENT if self._hover else style.TEXT, 1.8, Qt.SolidLine,
                            Qt.RoundCap))
        painter.drawLine(QPointF(-4.5, 0), QPointF(4.5, 0))
        if self.text == "+":
            painter.drawLine(QPointF(0, -4.5), QPointF(0, 4.5))

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hover = False
        self.update()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._pressed = event.button() == Qt.LeftButton
        event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        inside = self.boundingRect().contains(event.pos())
        if self._pressed and inside and event.button() == Qt.LeftButton:
            self._pressed = False
            self.callback()  # may rebuild the scene and remove this very item: touch nothing after
            return
        self._pressed = False


class HeaderItem(QGraphicsItem):
    """The column title ("Hidden 1 · 4 · tanh"); drag it sideways to reorder hidden layers."""

    #: Widest title (scene units): narrower than the column spacing, so titles never overlap.
    MAX_WIDTH = style.COLUMN_GAP - 24
    #: Half the height of the title band (item units); the band is 2 * HALF_H high.
    HALF_H = 15.0

    def __init__(self, scene_ref, column: int, title: str, subtitle: str, movable: bool,
                 parent: QGraphicsItem, short: str = "", scale: float = 1.0):
        super().__init__(parent)
        self._scene_ref = scene_ref
        self.column, self.subtitle, self.movable = column, subtitle, movable
        self.full_title = title
        self._font = _font(9.5, bold=True)
        self._sub_font = _font(8.5)
        fm, sm = QFontMetricsF(self._font), QFontMetricsF(self._sub_font)
        grip = 12 if movable else 0
        # drawn ``scale`` times larger (presentation mode): the same column width holds
        # 1 / scale as much text, so a big title takes its short form sooner
        room = self.MAX_WIDTH / scale - grip - 18
        # Too long for the column ("Hidden 10 · 128 · Leaky ReLU", Korean names): the short
        # form "H10 · 128 · Leaky ReLU", elided if needed; the full title is the tooltip.
        for text in (title, short):
            if text and fm.horizontalAdvance(text) <= room:
                break
        else:
            text = fm.elidedText(short or title, Qt.ElideRight, room)
        self.title = text
        w = min(max(fm.horizontalAdvance(text) + grip, sm.horizontalAdvance(subtitle)) + 18,
                self.MAX_WIDTH / scale)
        h = self.HALF_H
        self._rect = QRectF(-w / 2, -h, w, 2 * h if not subtitle else 2 * h + 10)
        self.setScale(scale)
        self._press_scene_x = None
        self._dragging = False
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.OpenHandCursor if movable else Qt.ArrowCursor)
        tips = [title] if text != title else []
        if movable:
            tips.append(QApplication.translate(
                "NetworkScene", "Drag sideways to move this layer; click to select it"))
        if tips:
            self.setToolTip("\n".join(tips))

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.Antialiasing)
        selected = self._scene_ref.selected_column == self.column
        painter.setPen(QPen(style.ACCENT if selected else QColor("#d5d9df"), 1.0))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(self._rect, 6, 6)
        title_rect = QRectF(self._rect.left(), self._rect.top(), self._rect.width(), 30)
        if self.movable:  # six-dot grip at the left
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor("#9aa0a6"))
            x0, y0 = self._rect.left() + 8, title_rect.center().y() - 4
            for dx in (0, 4):
                for dy in (0, 4, 8):
                    painter.drawEllipse(QPointF(x0 + dx, y0 + dy), 1.1, 1.1)
            title_rect.adjust(10, 0, 0, 0)
        painter.setFont(self._font)
        painter.setPen(style.ACCENT if selected else style.TEXT)
        painter.drawText(title_rect, Qt.AlignCenter, self.title)
        if self.subtitle:
            painter.setFont(self._sub_font)
            painter.setPen(style.MUTED)
            painter.drawText(QRectF(self._rect.left(), self._rect.top() + 22,
                                    self._rect.width(), 16), Qt.AlignCenter, self.subtitle)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() != Qt.LeftButton:
            event.ignore()
            return
        self._press_scene_x = event.scenePos().x()
        self._dragging = False
        self._scene_ref.select_layer(self.column)
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._press_scene_x is None:
            return
        dx = event.scenePos().x() - self._press_scene_x
        if not self._dragging and abs(dx) >= 6:
            if not self.movable:
                self._press_scene_x = None
                self._scene_ref.refuse_move(self.column)
                return
            self._dragging = True
            self.setCursor(Qt.ClosedHandCursor)
        if self._dragging:
            self._scene_ref.drag_column(self.column, dx, event.scenePos().x())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        dragging, self._dragging, self._press_scene_x = self._dragging, False, None
        if dragging:
            self.setCursor(Qt.OpenHandCursor)
            self._scene_ref.drop_column(self.column, event.scenePos().x())

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        self._scene_ref.layer_context_menu(self.column, event.screenPos())


class ColumnBackground(SelectsColumn, QGraphicsItem):
    """The soft rounded band behind a column; highlighted when the layer is selected."""

    def __init__(self, scene_ref, column: int, rect: QRectF):
        super().__init__()
        self._scene_ref = scene_ref
        self.column = column
        self.rect = rect
        self.setZValue(-10)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.Antialiasing)
        selected = self._scene_ref.selected_column == self.column
        painter.setPen(QPen(style.ACCENT, 1.5) if selected else Qt.NoPen)
        painter.setBrush(style.COLUMN_SELECTED if selected else style.COLUMN_FILL)
        painter.drawRoundedRect(self.rect, 14, 14)


class LabelItem(QGraphicsItem):
    """A short text next to an input or output neuron (feature or class name)."""

    def __init__(self, text: str, align_right: bool, parent: QGraphicsItem):
        super().__init__(parent)
        self.text = text
        self._font = _font(8.5)
        w = min(QFontMetricsF(self._font).horizontalAdvance(text) + 4, 110)
        self._rect = QRectF(-w if align_right else 0, -9, w, 18)
        self._align = (Qt.AlignRight if align_right else Qt.AlignLeft) | Qt.AlignVCenter
        self.setToolTip(text)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setFont(self._font)
        painter.setPen(style.MUTED)
        text = QFontMetricsF(self._font).elidedText(self.text, Qt.ElideRight, self._rect.width())
        painter.drawText(self._rect, self._align, text)


class InsertionMarker(QGraphicsItem):
    """Vertical line showing where a dropped or moved layer will land."""

    def __init__(self):
        super().__init__()
        self.setZValue(50)
        self._top, self._bottom = -100.0, 100.0
        self.setVisible(False)

    def set_span(self, top: float, bottom: float) -> None:
        self.prepareGeometryChange()
        self._top, self._bottom = top, bottom

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-8, self._top - 8, 16, self._bottom - self._top + 16)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.Antialiasing)
        pen = QPen(style.ACCENT, 3.0, Qt.SolidLine, Qt.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(0, self._top), QPointF(0, self._bottom))
        painter.setBrush(style.ACCENT)
        painter.setPen(Qt.NoPen)
        for y in (self._top, self._bottom):
            painter.drawEllipse(QPointF(0, y), 5, 5)


class FeatureChip(ButtonItem):
    """A toggle for one input feature (x₁², sin x₁ ...), left of the input column:
    filled when the network gets that input. ``callback()`` switches it."""

    WIDTH, HEIGHT = 62.0, 20.0

    def __init__(self, label: str, on: bool, tooltip: str, callback, parent=None):
        super().__init__(label, tooltip, callback, parent)
        self.on = on
        self._font = _font(8.5, bold=on)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-self.WIDTH / 2, -self.HEIGHT / 2, self.WIDTH, self.HEIGHT)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        rect = self.boundingRect().adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setRenderHint(QPainter.Antialiasing)
        edge = style.ACCENT if self.on or self._hover else QColor("#c4c9d0")
        painter.setPen(QPen(edge, 1.2 if self.on else 1.0))
        painter.setBrush(QColor("#e3ecfb") if self.on else QColor("#ffffff"))
        painter.drawRoundedRect(rect, 9, 9)
        painter.setFont(self._font)
        painter.setPen(style.TEXT if self.on else style.MUTED)
        painter.drawText(rect, Qt.AlignCenter, self.text)
