"""The loss plot's overfitting marks, and the demo and its fixes as undoable commands."""

from __future__ import annotations

import numpy as np
import pytest

from simulator import overfitting, palette
from simulator.document import Document
from simulator.overfitting import Best, EarlyStop
from tests.windows import shown_window


def _plot(qtbot, doc):
    from ui.plots import LossPlot
    plot = LossPlot(doc)
    qtbot.addWidget(plot)
    plot.resize(600, 320)
    plot.show()
    return plot


def _row(k, train, test, restored=None):
    return {"epoch": k, "train_loss": train, "test_loss": test, "metric": "accuracy",
            "restored_epoch": restored, "status": "early_stopped" if restored else "ok"}


def _dot(plot):
    x, y = plot.marks.best_dot.getData()
    return float(x[0]), float(y[0])


def test_the_best_test_mark_sits_on_the_lowest_test_loss_and_moves_live(qtbot):
    doc = Document()
    plot = _plot(qtbot, doc)
    plot.flush()
    assert not plot.marks.best_line.isVisible() and not plot.marks.best_dot.isVisible()
    test = [0.9, 0.5, None, 0.3, 0.35, 0.6]  # lowest at epoch 4
    doc.append_history([_row(k, 1.0 / k, t) for k, t in enumerate(test, 1)])
    plot.flush()
    best = overfitting.marks(doc.history)[0]
    assert best == Best(4, 0.3) and plot.marks.shown[0] == best
    assert plot.marks.best_line.value() == 4 and _dot(plot) == (4.0, 0.3)
    assert plot.marks.best_line.isVisible() and not plot.marks.stop_line.isVisible()
    assert plot.marks.best_line.label.toPlainText() == "best test 0.3 @ epoch 4"
    assert plot.marks.best_line.pen.color().getRgb()[:3] == palette.BEST_EPOCH
    doc.append_history([_row(7, 0.1, 0.25)])  # a new lowest: the mark follows
    plot.flush()
    assert plot.marks.best_line.value() == 7 and _dot(plot) == (7.0, 0.25)
    assert plot.marks.best_line.label.toPlainText() == "best test 0.25 @ epoch 7"


def test_a_new_run_gets_its_own_marks(qtbot):
    """Rows of a new, longer run arriving before the next redraw: its own best epoch."""
    doc = Document()
    plot = _plot(qtbot, doc)
    doc.append_history([_row(k, 0.1, 0.1 if k == 5 else 0.5) for k in range(1, 11)])
    plot.flush()
    assert plot.marks.shown[0] == Best(5, 0.1)
    doc.archive_run()
    doc.append_history([_row(k, 0.1, 0.2 if k == 15 else 0.6) for k in range(1, 31)])
    plot.flush()
    assert plot.marks.shown[0] == Best(15, 0.2) and plot.marks.best_line.value() == 15


@pytest.mark.parametrize("best_at", [3, 50, 97])
def test_the_labels_stay_inside_a_narrow_plot(qtbot, best_at):
    """Wherever the best epoch is, its label and the early stop's are read whole."""
    doc = Document()
    plot = _plot(qtbot, doc)
    plot.resize(280, 260)
    test = [0.5 + 0.001 * abs(k - best_at) for k in range(1, 101)]
    doc.append_history([_row(k, 1.0 / k, t, restored=best_at if k == 100 else None)
                        for k, t in enumerate(test, 1)])
    plot.flush()
    qtbot.wait(20)
    box = plot.plot.vb.sceneBoundingRect().adjusted(-1, -1, 1, 1)
    for line in (plot.marks.best_line, plot.marks.stop_line):
        assert line.isVisible()
        label = line.label.mapRectToScene(line.label.boundingRect())
        assert box.contains(label), (line.label.toPlainText(), label, box)


def test_no_test_set_no_mark_and_no_nan_reaches_the_plot(qtbot):
    doc = Document()
    plot = _plot(qtbot, doc)
    doc.append_history([_row(k, 1.0 / k, None) for k in range(1, 6)])
    plot.flush()
    assert plot.marks.shown == (None, None) and not plot.marks.best_dot.isVisible()
    x, y = plot.marks.best_dot.getData()
    assert x is None or np.isfinite(x).all() and np.isfinite(y).all()


def test_log_axis_keeps_the_dot_on_the_test_curve(qtbot):
    doc = Document()
    plot = _plot(qtbot, doc)
    doc.append_history([_row(k, 1.0 / k, t) for k, t in enumerate([0.5, 0.02, 0.4], 1)])
    plot.log_y.setChecked(True)
    plot.flush()
    x, y = plot.marks.best_dot.getData()  # drawn in log10 units, as the curves are
    assert x[0] == 2 and 10 ** y[0] == pytest.approx(0.02)


def test_the_early_stop_mark_after_an_early_stopped_run(qtbot):
    """A real run: the demo with early stopping, trained by the training loop in a thread
    through the controller, as the Train button does."""
    from ui.training.controller import TrainingController
    doc = Document()
    overfitting.apply_demo(doc)
    overfitting.apply_fix(doc, "early_stopping")
    doc.set_settings(epochs_per_second=0.0)
    plot = _plot(qtbot, doc)
    ctl = TrainingController(doc, mode="thread")
    stopped = []
    ctl.early_stopped.connect(stopped.append)
    ctl.train()
    qtbot.waitUntil(lambda: bool(stopped), timeout=60000)
    ctl.shutdown()
    plot.flush()
    best, stop = overfitting.marks(doc.history)
    assert stop == EarlyStop(len(doc.history), best.epoch)  # the test loss is what it watches
    assert doc.history[-1]["status"] == "early_stopped"
    assert plot.marks.shown == (best, stop) and plot.marks.stop_line.isVisible()
    assert plot.marks.stop_line.value() == stop.stopped
    assert plot.marks.stop_line.label.toPlainText() == \
        f"early stop: weights of epoch {stop.restored} restored"
    assert plot.marks.stop_line.pen.color().getRgb()[:3] == palette.EARLY_STOP
    assert plot.marks.best_line.value() == stop.restored < stop.stopped


# -- the demo and its fixes: one click, one undo step ------------------------------------------
@pytest.fixture
def window(qtbot):
    w = shown_window(qtbot, size=(1366, 728))
    yield w
    w.document.mark_dirty(False)
    w.training.shutdown()


def _state(doc) -> tuple:
    """Everything an edit may change, comparable exactly."""
    return (doc.spec.to_dict(), doc.settings.to_dict(), doc.data_source.to_dict(),
            [(W.tobytes(), b.tobytes()) for W, b in doc.weights],
            doc.dataset.X.tobytes(), doc.dataset.Y.tobytes(),
            tuple(doc.data.train_indices))


def _click(qtbot, button):
    from PySide6.QtCore import Qt
    qtbot.mouseClick(button, Qt.LeftButton, pos=button.rect().center())


def test_the_demo_is_one_click_and_one_undo_step(qtbot, window):
    from PySide6.QtWidgets import QToolButton
    doc, stack = window.document, window.undo_stack
    before, steps = _state(doc), stack.count()
    button = window.data_panel.findChild(QToolButton, "overfitting-demo")
    assert button.isVisible()
    _click(qtbot, button)
    assert stack.count() == steps + 1 and stack.undoText() == "Overfitting demo"
    assert doc.data_source.params == overfitting.DEMO_DATA.params
    assert overfitting.hidden_size(doc.spec) == (3, 10)
    assert doc.settings.epoch_limit == 1000 and doc.settings.regularization == "none"
    demo = _state(doc)
    stack.undo()
    assert _state(doc) == before
    stack.redo()
    assert _state(doc) == demo
    # the Data dock shows the demo's knobs
    panel = window.data_panel
    assert (panel.points.value(), panel.noise.value(), panel.ratio.value()) == \
        (60, pytest.approx(0.35), 50)
    assert (panel.network_size.layers.value(), panel.network_size.units.value()) == (3, 10)


@pytest.mark.parametrize("fix", list(overfitting.FIXES))
def test_every_fix_is_one_undoable_command(qtbot, window, fix):
    doc, stack = window.document, window.undo_stack
    window.data_panel.overfit.apply_demo()
    before, steps = _state(doc), stack.count()
    window.data_panel.overfit.fixes[fix].trigger()
    assert stack.count() == steps + 1 and _state(doc) != before
    stack.undo()
    assert _state(doc) == before


def test_the_train_menu_offers_the_demo_and_the_fixes(window):
    menu = next(a.menu() for a in window.train_menu.actions() if a.menu()
                and a.text() == "&Overfitting")
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names == ["action-overfitting-demo", "action-fix-more-data", "action-fix-l2",
                     "action-fix-early-stopping"]


def test_a_fix_during_training_starts_the_new_run_from_fresh_weights(qtbot, window):
    """The worker is stopped first: its snapshots do not overwrite the new run's weights."""
    doc, ctl = window.document, window.training
    window.data_panel.overfit.apply_demo()
    doc.set_settings(epochs_per_second=0.0)
    ctl.train()
    qtbot.waitUntil(lambda: len(doc.history) > 20, timeout=30000)
    window.data_panel.overfit.fixes["l2"].trigger()
    assert ctl.state == "stopped" and not ctl.worker_alive
    qtbot.wait(150)  # a few snapshot pulls: none may arrive
    fresh = doc.initial_weights()
    assert all(np.array_equal(W, W0) for (W, _), (W0, _) in zip(doc.weights, fresh,
                                                                 strict=True))
    assert len(doc.history) == 0 and doc.runs  # the overfitting run is kept for comparison


def test_network_size_boxes_edit_the_hidden_layers_undoably(qtbot, window):
    doc, stack = window.document, window.undo_stack
    size = window.data_panel.network_size
    before = _state(doc)
    assert (size.layers.value(), size.units.value()) == overfitting.hidden_size(doc.spec)
    size.layers.setValue(3)
    size.units.setValue(12)
    assert overfitting.hidden_size(doc.spec) == (3, 12)
    assert [la.units for la in doc.spec.layers[:-1]] == [12, 12, 12]
    stack.undo()
    stack.undo()
    assert _state(doc) == before and size.layers.value() == overfitting.hidden_size(
        doc.spec)[0]
