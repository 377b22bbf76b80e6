"""The canvas widget: zoom around the cursor, pan, fit, and palette drops.

Drops carry ``LAYER_MIME`` (see ``palette.py``); the view handles drag enter,
move and drop itself, so a test can send real QDragMoveEvent / QDropEvent to
``viewport()`` with the palette's QMimeData.
"""

from __future__ import annotations

import json
import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsView

from ui.retranslate import follow_language

from .palette import LAYER_MIME
from .scene import NetworkScene

MIN_ZOOM, MAX_ZOOM = 0.1, 4.0
#: Fit to view never magnifies beyond this (small networks stay at a natural size).
FIT_MAX_ZOOM = 1.25
#: A network too wide to fit whole at WHOLE_ZOOM is shown at this zoom instead, inputs
#: first, panned for the rest: its column titles (9.5 pt) stay >= 7 pt on screen.
#: Presentation mode draws them larger (the scene's display scale), and so may shrink more.
READABLE_ZOOM = 0.75
#: Fit to view shows a network whole down to this zoom (titles >= 5.7 pt): the default
#: 2-4-2-1 network with its feature chips, output included, fits a 1366x768 laptop's
#: canvas (~614 px: 0.69) and a 1280x720 one (~528 px: 0.6). The output is the column
#: a student must not lose to panning.
WHOLE_ZOOM = 0.6
#: Room around the network when fitting (scene units).
FIT_MARGIN = 20


class NetworkCanvas(QGraphicsView):
    """The network canvas. Public API other parts may use:

    - ``scene()`` / ``network_scene``: the :class:`NetworkScene`
    - ``fit_to_view()``, ``zoom_in()``, ``zoom_out()``, ``zoom`` (current factor)
    - ``selection_changed(column)`` (signal of the scene, re-exported)
    """

    #: Scene column selected (0 = inputs), -1 for none.
    selection_changed = Signal(int)

    def __init__(self, document, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.network_scene = NetworkScene(document, controller, self)
        self.setScene(self.network_scene)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing
                            | QPainter.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        # the dot grid is drawn once per zoom or pan, not on every snapshot (it was a
        # third of a repaint: ~2 ms of ~1 300 points on a laptop-sized canvas)
        self.setCacheMode(QGraphicsView.CacheBackground)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setDragMode(QGraphicsView.NoDrag)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMinimumSize(320, 240)
        self.setFrameShape(QGraphicsView.NoFrame)
        # Pan with middle/space drag (scroll bars would span the panning room, not the net)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self._pan_from: QPointF | None = None
        self._space = False
        self._auto_fit = True
        self.network_scene.layout_changed.connect(self._on_layout_changed)
        self.network_scene.selection_changed.connect(self.selection_changed)
        follow_language(self, self.network_scene.retranslate)

    # -- public ----------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def fit_to_view(self) -> None:
        """Show the whole network (never magnified beyond ``FIT_MAX_ZOOM``). A network too
        big to fit at ``WHOLE_ZOOM`` (11 columns in a laptop's canvas) is shown at
        ``READABLE_ZOOM`` instead, inputs at the left; the rest is reached by panning
        (middle or space + left drag, horizontal wheel) or by zooming out with the wheel."""
        rect = self.network_scene.itemsBoundingRect()
        if rect.isEmpty():
            return
        rect = rect.adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN)
        self.setSceneRect(rect.adjusted(-3000, -3000, 3000, 3000))  # room to pan and zoom
        self.fitInView(rect, Qt.KeepAspectRatio)
        readable = READABLE_ZOOM / self.network_scene.factor
        if self.zoom >= min(readable, WHOLE_ZOOM):
            self.set_zoom(min(self.zoom, FIT_MAX_ZOOM))
            self.centerOn(rect.center())
        else:  # too wide: readable size, inputs at the left edge, pan for the rest
            self.set_zoom(readable)
            half_width = self.viewport().width() / self.zoom / 2
            self.centerOn(QPointF(rect.left() + half_width, rect.center().y()))
        self._auto_fit = True

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        self.scale(factor / self.zoom, factor / self.zoom)

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom * factor)
        self._auto_fit = False

    def zoom_at(self, factor: float, view_pos: QPointF) -> None:
        """Zoom by ``factor`` keeping the scene point under ``view_pos`` where it is."""
        anchor = self.mapToScene(view_pos.toPoint())
        old = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.NoAnchor)
        self.zoom_by(factor)
        self.setTransformationAnchor(old)
        moved = self.mapFromScene(anchor) - view_pos.toPoint()
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + moved.x())
        v.setValue(v.value() + moved.y())

    def zoom_in(self) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.AnchorViewCenter)
        self.zoom_by(1.25)
        self.setTransformationAnchor(anchor)

    def zoom_out(self) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.AnchorViewCenter)
        self.zoom_by(0.8)
        self.setTransformationAnchor(anchor)

    # -- events ---------------------------------------------------------------------------
    def _on_layout_changed(self) -> None:
        pinned = self.network_scene.pinned_button()
        if pinned is None:
            self.fit_to_view()  # automatic after every topology edit
            return
        # A +/- click: no re-fit, and the button stays under the pointer for the next click.
        old, new = pinned
        m = FIT_MARGIN
        rect = self.network_scene.itemsBoundingRect().adjusted(-m, -m, m, m)
        self.setSceneRect(rect.adjusted(-3000, -3000, 3000, 3000))
        moved = self.mapFromScene(new) - self.mapFromScene(old)
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + moved.x())
        v.setValue(v.value() + moved.y())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit_to_view()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._auto_fit:
            self.fit_to_view()

    def wheelEvent(self, event) -> None:  # noqa: N802
        dy = event.angleDelta().y()
        if dy == 0:
            super().wheelEvent(event)
            return
        self.zoom_at(1.0015 ** dy, event.position())  # one notch (120) ~ 20 %
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.OpenHandCursor)
            event.accept()
            return
        if event.key() in (Qt.Key_Delete, Qt.Key_Backspace):
            self.delete_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def delete_selection(self) -> bool:
        """Delete the selected hidden layer (refused with a message for input/output)."""
        scene = self.network_scene
        column = scene.selected_column
        if column < 0:
            self.controller.refuse(self.tr("select a hidden layer first"))
            return False
        if column == 0:
            self.controller.refuse(self.tr("the input layer follows the data's features"))
            return False
        return self.controller.remove_layer(column - 1)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MiddleButton or (self._space and event.button() == Qt.LeftButton):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)
        if event.button() == Qt.LeftButton and self.itemAt(event.position().toPoint()) is None:
            self.network_scene.select_layer(-1)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - round(delta.x()))
            v.setValue(v.value() - round(delta.y()))
            self._auto_fit = False
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._pan_from is not None and event.button() in (Qt.MiddleButton, Qt.LeftButton):
            self._pan_from = None
            if self._space:
                self.viewport().setCursor(Qt.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # -- palette drops ------------------------------------------------------------------------
    @staticmethod
    def _layer_payload(mime) -> dict | None:
        if mime is None or not mime.hasFormat(LAYER_MIME):
            return None
        try:
            data = json.loads(bytes(mime.data(LAYER_MIME)).decode("utf-8"))
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    @staticmethod
    def _accept_copy(event) -> None:
        """Always a copy: a Move would make the palette's list delete its entry."""
        event.setDropAction(Qt.CopyAction)
        event.accept()

    def _drop_gap(self, event) -> int:
        return self.network_scene.gap_at(self.mapToScene(event.position().toPoint()).x())

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self._layer_payload(event.mimeData()) is not None:
            self._accept_copy(event)
            self.network_scene.show_marker(self._drop_gap(event))
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if self._layer_payload(event.mimeData()) is not None:
            self._accept_copy(event)
            self.network_scene.show_marker(self._drop_gap(event))
        else:
            super().dragMoveEvent(event)

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self.network_scene.show_marker(None)
        super().dragLeaveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        payload = self._layer_payload(event.mimeData())
        if payload is None:
            super().dropEvent(event)
            return
        self.network_scene.show_marker(None)
        self._accept_copy(event)
        gap = self._drop_gap(event)
        units = payload.get("units", 4)
        activation = payload.get("activation", "tanh")
        self.controller.insert_layer(gap, activation, int(units) if isinstance(units, int) else 4)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        """White paper with a faint dot grid (skipped when zoomed far out)."""
        super().drawBackground(painter, rect)
        if self.zoom < 0.45:
            return
        step = 24.0
        painter.setPen(QPen(QColor("#dfe3e8"), 1.6 / self.zoom))
        x0 = math.floor(rect.left() / step) * step
        y0 = math.floor(rect.top() / step) * step
        points = [QPointF(x, y)
                  for x in _frange(x0, rect.right(), step)
                  for y in _frange(y0, rect.bottom(), step)]
        if len(points) < 20000:
            painter.drawPoints(points)


def _frange(start: float, stop: float, step: float):
    x = start
    while x <= stop:
        yield x
        x += step
