"""Real mouse input for QGraphicsView tests.

pytest-qt's ``mouseMove`` does not start drags (pytest-qt #260), so these build
QMouseEvents and send them to ``view.viewport()`` at ``view.mapFromScene``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView


def _send(view: QGraphicsView, kind, pos: QPoint, button, buttons, modifiers=Qt.NoModifier):
    vp = view.viewport()
    local = QPointF(pos)
    event = QMouseEvent(kind, local, QPointF(vp.mapToGlobal(pos)), button, buttons, modifiers)
    QApplication.sendEvent(vp, event)


def view_point(view: QGraphicsView, scene_point) -> QPoint:
    return view.mapFromScene(QPointF(scene_point))


def press(view, scene_point, button=Qt.LeftButton, modifiers=Qt.NoModifier):
    _send(view, QEvent.MouseButtonPress, view_point(view, scene_point), button, button, modifiers)


def release(view, scene_point, button=Qt.LeftButton, modifiers=Qt.NoModifier):
    _send(view, QEvent.MouseButtonRelease, view_point(view, scene_point), button, Qt.NoButton,
          modifiers)


def click(view, scene_point, button=Qt.LeftButton, modifiers=Qt.NoModifier):
    press(view, scene_point, button, modifiers)
    release(view, scene_point, button, modifiers)


def double_click(view, scene_point, button=Qt.LeftButton):
    pos = view_point(view, scene_point)
    press(view, scene_point, button)
    release(view, scene_point, button)
    _send(view, QEvent.MouseButtonDblClick, pos, button, button)
    release(view, scene_point, button)


def drag(view, start, end, steps: int = 8, button=Qt.LeftButton, modifiers=Qt.NoModifier):
    """Press at ``start``, move in ``steps`` with the button held, release at ``end``
    (scene coordinates)."""
    a, b = QPointF(start), QPointF(end)
    press(view, a, button, modifiers)
    for k in range(1, steps + 1):
        p = a + (b - a) * (k / steps)
        _send(view, QEvent.MouseMove, view_point(view, p), Qt.NoButton, button, modifiers)
    release(view, b, button, modifiers)


def hover(view, scene_point):
    _send(view, QEvent.MouseMove, view_point(view, scene_point), Qt.NoButton, Qt.NoButton)
