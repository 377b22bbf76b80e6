"""The Runs panel lists document.runs with a colour each; ticked runs overlay on the loss
plot (their own colour, a legend entry); deleting removes them from the project."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from simulator.experiments.runs import RUN_COLORS
from tests.windows import shown_window


@pytest.fixture
def window(qtbot):
    w = shown_window(qtbot, docks=["runs"])
    yield w
    w.document.mark_dirty(False)
    w.training.shutdown()


def make_runs(doc) -> None:
    for lr, units in ((0.1, 3), (1.0, 5)):
        doc.set_settings(learning_rate=lr)
        doc.append_history([{"epoch": e, "train_loss": 1.0 / e, "test_loss": 2.0 / e}
                            for e in range(1, 11)])
        doc.set_spec(doc.spec.with_units(1, units))  # a new layout archives the run


def test_ticked_runs_overlay_on_the_loss_plot_in_their_colours(window):
    panel, doc, plot = window.runs_panel, window.document, window.plots["loss"]
    make_runs(doc)
    assert panel.list.count() == 2
    assert panel.list.item(0).text() == "#1  2-4-2-1 tanh · sgd lr 0.1 · 10 epochs"
    assert panel.list.item(1).icon().pixmap(12, 12).toImage().pixelColor(6, 6).getRgb()[:3] \
        == RUN_COLORS[1]
    item = panel.list.item(1)
    rect = panel.list.visualItemRect(item)
    # click the check box at the row's left edge
    QTest.mouseClick(panel.list.viewport(), Qt.LeftButton,
                     pos=rect.topLeft() + QPoint(10, rect.height() // 2))
    assert panel.ticked() == [1]
    ((train, test),) = plot._overlays
    x, y = train.getData()
    assert np.array_equal(x, np.arange(1, 11)) and np.allclose(y, 1.0 / np.arange(1, 11))
    assert np.allclose(test.getData()[1], 2.0 / np.arange(1, 11))
    assert train.opts["pen"].color().getRgb()[:3] == RUN_COLORS[1]
    assert test.opts["pen"].style() == Qt.DashLine
    labels = [label.text for _sample, label in plot.legend.items]
    assert "#2 2-3-2-1 tanh lr 1" in labels

    panel.list.item(0).setSelected(True)
    panel.delete_selected()
    assert len(doc.runs) == 1 and doc.dirty and panel.list.count() == 1
    assert panel.ticked() == [0]  # the tick followed the run that stayed
    assert len(plot._overlays) == 1
    panel.list.item(0).setCheckState(Qt.Unchecked)
    assert plot._overlays == []
    assert not any(label.text.startswith("#") for _s, label in plot.legend.items)
