"""The math docks in the real main window: listed in View > Panels, hidden until opened,
opened large, following the canvas selection."""

import numpy as np
from PySide6.QtCore import Qt

from ui.main_window import MainWindow


def _window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_math_docks_are_in_the_panels_menu_and_open_large(qtbot):
    w = _window(qtbot)
    titles = [a.text() for a in w.docks_menu.actions()]
    for key in ("matrix", "backprop", "gallery"):
        dock = w.docks[f"math-{key}"]
        assert dock.toggleViewAction().text() in titles
        assert not dock.isVisible()  # the first-run layout stays as it was
    dock = w.docks["math-backprop"]
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(dock.isVisible)
    assert dock.isFloating() and dock.width() >= 900 and dock.height() >= 500
    w.close()


def test_canvas_selection_and_the_views_follow_each_other(qtbot):
    w = _window(qtbot)
    scene = w.canvas.network_scene
    matrix, stepper = w.mathviews["matrix"], w.mathviews["backprop"]
    w.docks["math-matrix"].show()
    w.docks["math-backprop"].show()
    scene.select_column(2)                       # the second hidden layer / output
    assert matrix.layer.currentIndex() == 1
    matrix.layer.setCurrentIndex(0)
    matrix.layer.activated.emit(0)               # what a user's choice in the combo sends
    assert scene.selected_column == 1
    qtbot.mouseClick(stepper.next, Qt.LeftButton)  # step 2: forward through layer 2
    assert scene.selected_column == 1 + stepper.steps.groups[1].layer
    w.close()


def test_apply_in_the_window_is_undone_by_edit_undo(qtbot):
    w = _window(qtbot)
    w.docks["math-backprop"].show()
    stepper = w.mathviews["backprop"]
    before = [W.copy() for W, _ in w.document.weights]
    qtbot.mouseClick(stepper.apply, Qt.LeftButton)
    assert any(not np.array_equal(W, W0) for (W, _), W0 in zip(w.document.weights, before,
                                                               strict=True))
    w.undo_stack.undo()
    assert all(np.array_equal(W, W0) for (W, _), W0 in zip(w.document.weights, before,
                                                           strict=True))
    w.document.mark_dirty(False)  # else closing asks about unsaved changes (a modal box)
    w.close()


def test_a_slow_panel_recomputes_less_often_while_changes_stream_in(qtbot):
    """A recompute of d ms makes the next wait at least d / SHARE (the panels take at most
    that share of the GUI thread while training streams weights in)."""
    import time

    from PySide6.QtWidgets import QWidget

    from ui.mathviews import refresh

    class Slow(refresh.RefreshWhenShown, QWidget):
        def __init__(self):
            super().__init__()
            self.calls = 0
            self._init_refresh(50)

        def recompute(self):
            self._stale = False
            self.calls += 1
            time.sleep(0.03)

    panel = Slow()
    qtbot.addWidget(panel)
    panel.show()
    assert panel.calls == 1  # shown while stale
    panel._on_changed()
    qtbot.waitUntil(lambda: panel.calls == 2, timeout=2000)
    assert panel._timer.interval() >= 0.03 * 1000 / refresh.SHARE
