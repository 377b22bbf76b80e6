"""The Explanation dock: computed in a worker thread, drawn as named bars with the spread."""

from __future__ import annotations

import threading

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt

from simulator.palette import BLUE
from tests.windows import shown_window


@pytest.fixture
def window(qtbot):
    w = shown_window(qtbot)
    yield w
    w.document.mark_dirty(False)
    w.training.shutdown()


def _bars(plot):
    return [i for i in plot.getPlotItem().items if isinstance(i, pg.BarGraphItem)]


def test_shallow_lesson_explained_in_a_worker(window, qtbot, monkeypatch):
    lesson = next(x for x in window.lessons.lessons if x.order == 10)
    assert window.open_lesson(lesson)
    assert window.docks["explain"].isVisible()  # the lesson opens it
    window.document.set_weights([(np.array([[0.2], [0.8]], np.float32),
                                  np.zeros(1, np.float32))])
    from ui.explain import panel as module
    threads = []
    real = module.permutation_importance

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)
    monkeypatch.setattr(module, "permutation_importance", spy)
    panel = window.explain
    qtbot.mouseClick(panel.compute_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: panel.result is not None, timeout=10000)
    assert threads and threads[0] is not threading.main_thread()
    (bar,) = _bars(panel.importance_plot)
    ticks = dict(panel.importance_plot.getAxis("left")._tickLevels[0])
    opts = bar.opts
    top = int(np.argmax(opts["y"]))
    assert ticks[opts["y"][top]] == "x2"  # the most important feature is drawn on top
    assert opts["width"][top] > 5 * opts["width"][1 - top] > 0
    assert opts["brushes"][top].color().getRgb()[:3] == BLUE
    errors = [i for i in panel.importance_plot.getPlotItem().items
              if isinstance(i, pg.ErrorBarItem)]
    assert len(errors) == 1
    importance, sal = panel.result
    np.testing.assert_allclose(sal.gradient, [0.2, 0.8], atol=1e-6)
    assert "x2" in panel.status.text()


def test_new_data_clears_the_explanation_and_weights_mark_it_stale(window, qtbot):
    panel = window.explain
    panel.compute()
    qtbot.waitUntil(lambda: panel.result is not None, timeout=10000)
    window.document.reset_weights()
    assert "Compute again" in panel.status.text()
    window.open_lesson(window.lessons.lessons[1])
    assert panel.result is None and not _bars(panel.importance_plot)


def test_requests_while_running_keep_the_newest(window, qtbot):
    panel = window.explain
    panel.compute()
    panel.compute()  # while the first runs: remembered, not a second thread
    assert panel._pending
    qtbot.waitUntil(lambda: panel.result is not None and panel._future is None
                    and not panel._pending, timeout=10000)
