"""Train > Compare… in the window: the dialog (real clicks), both runs from bit-equal
weights, the variant's curves on the loss plot while it trains, Stop / Reset / closing
the window ending it (no process left), the kept run in the Runs panel and in the saved
project, and the same value giving the same history."""

from __future__ import annotations

import os
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

import ui.experiments.compare as compare_ui
import ui.training.controller as controller_module
from simulator.experiments.runs import run_color
from tests.windows import shown_window


@pytest.fixture
def jobs(monkeypatch):
    """Every training job started, in order (the current run's and the variant's)."""
    started = []
    for module in (controller_module, compare_ui):
        real = module.ProcessRunner

        class Recording(real):
            def __init__(self, job, real=real):
                started.append(job)
                real.__init__(self, job)

        monkeypatch.setattr(module, "ProcessRunner", Recording)
    return started


@pytest.fixture
def window(qtbot, jobs):
    w = shown_window(qtbot, docks=["runs"])
    yield w
    w.compare.shutdown()
    w.training.shutdown()
    w.document.mark_dirty(False)


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    with open(f"/proc/{pid}/stat") as f:  # a zombie waiting to be reaped is gone too
        return f.read().split()[2] == "Z"


def click(widget) -> None:
    QTest.mouseClick(widget, Qt.LeftButton, pos=widget.rect().center())


def open_dialog(window):
    click(window.compare.button)  # the Runs panel's "Compare…"
    dlg = window.compare.dialog
    assert dlg is not None and dlg.isVisible()
    return dlg


def test_the_dialog_shows_the_current_value_and_refuses_bad_ones(qtbot, window):
    dlg = open_dialog(window)
    assert dlg.key() == "learning_rate"
    assert dlg.current.text() == "0.03"
    assert dlg.value() == 0.3  # the lecture's tenfold step by default
    assert dlg.ok.isEnabled()
    box = dlg.editors.currentWidget()
    box.lineEdit().selectAll()
    QTest.keyClicks(box.lineEdit(), "0")
    assert not dlg.ok.isEnabled() and "above 0" in dlg.hint.text()
    box.lineEdit().selectAll()
    QTest.keyClicks(box.lineEdit(), "0.03")
    assert dlg.ok.isEnabled() and "same curve" in dlg.hint.text()
    dlg.setting.setCurrentIndex(dlg.setting.findData("hidden_activation"))
    assert dlg.current.text() == "tanh" and dlg.value() != "tanh"
    dlg.setting.setCurrentIndex(dlg.setting.findData("regularization"))
    assert dlg.current.text() == "None" and dlg.value() == ("l2", 0.001)
    click(dlg.buttons.button(QDialogButtonBox.Cancel))
    assert window.compare.live is None and window.training.state == "stopped"


def test_a_live_comparison_from_the_dialog_then_stop(qtbot, window, jobs, tmp_path):
    doc, ctl, plot = window.document, window.training, window.plots["loss"]
    doc.set_settings(epochs_per_second=60.0)  # slow enough to watch it grow
    dlg = open_dialog(window)
    click(dlg.ok)  # lr 0.03 vs 0.3, from new initial weights
    live = window.compare.live
    assert live is not None and ctl.state == "running"
    assert live.variant.settings.learning_rate == 0.3 and doc.settings.learning_rate == 0.03
    main_job, variant_job = jobs
    assert variant_job.settings.learning_rate == 0.3 and main_job.settings.learning_rate == 0.03
    initial = doc.initial_weights()
    for (Wm, bm), (Wv, bv), (W0, b0) in zip(main_job.weights, variant_job.weights, initial,
                                            strict=True):
        assert Wm.dtype == Wv.dtype and Wm.tobytes() == Wv.tobytes() == W0.tobytes()
        assert bm.tobytes() == bv.tobytes() == b0.tobytes()
    assert main_job.epoch == variant_job.epoch == 0

    # the variant's own numbers on the plot, growing while it trains
    # (waits for the plot itself: on a loaded machine a redraw can lag the history)
    def drawn():
        x = plot._live[0].getData()[0] if plot._live else None
        return 0 if x is None else len(x)
    qtbot.waitUntil(lambda: drawn() >= 5, timeout=20000)
    train, test = plot._live
    x, y = train.getData()
    n = len(x)
    assert n >= 5 and np.array_equal(x, np.arange(1, n + 1))
    assert np.array_equal(y, live.history.column("train_loss")[:n])
    assert np.array_equal(test.getData()[1], live.history.column("test_loss")[:n])
    assert train.opts["pen"].color().getRgb()[:3] == run_color(len(doc.runs))
    assert test.opts["pen"].style() == Qt.DashLine
    labels = [label.text for _s, label in plot.legend.items]
    assert "lr 0.3 (compare)" in labels
    # the variant's numbers are not the current run's
    assert not np.array_equal(y[:5], doc.history.column("train_loss")[:5])
    qtbot.waitUntil(lambda: drawn() >= n + 5, timeout=20000)

    pid = live.runner.pid
    click(window.train_toolbar.widgetForAction(window.training_bar.act_stop))
    qtbot.waitUntil(lambda: window.compare.live is None, timeout=5000)
    assert ctl.state == "stopped" and not ctl.worker_alive and not live.active
    qtbot.waitUntil(lambda: gone(pid), timeout=10000)
    assert plot._live is None and "lr 0.3 (compare)" not in [
        label.text for _s, label in plot.legend.items]
    kept = doc.runs[-1]
    assert kept.note == "lr 0.3" and kept.settings.learning_rate == 0.3
    assert [r["epoch"] for r in kept.history] == list(range(1, len(kept.history) + 1))
    assert len(kept.history) >= n + 5
    panel = window.runs_panel
    assert panel.list.count() == len(doc.runs) and panel.ticked() == [len(doc.runs) - 1]
    assert panel.list.item(len(doc.runs) - 1).text().endswith("· lr 0.3")
    ((overlay, _test),) = plot._overlays  # the kept curve stays on the plot, as a run
    assert np.array_equal(overlay.getData()[1], kept.history.column("train_loss"))
    assert "#1 lr 0.3" in [label.text for _s, label in plot.legend.items]
    assert not window.compare.act_stop.isEnabled()

    target = tmp_path / "compare.annproj"
    assert window.files.save_to(target)
    assert window.files.open_path(target, ask=False)
    (reopened,) = window.document.runs
    assert reopened.note == "lr 0.3"
    assert np.array_equal(reopened.history.column("train_loss"),
                          kept.history.column("train_loss"))
    assert window.runs_panel.list.item(0).text().endswith("· lr 0.3")


def wait_both_done(qtbot, window, epochs: int) -> None:
    qtbot.waitUntil(lambda: window.compare.live is None and window.training.epoch >= epochs,
                    timeout=30000)


def test_the_same_value_gives_the_same_history(qtbot, window):
    doc = window.document
    doc.set_settings(epoch_limit=40)
    assert window.compare.start("learning_rate", 0.03) is None
    wait_both_done(qtbot, window, 40)
    kept = doc.runs[-1]
    assert len(doc.history) == len(kept.history) == 40
    for key in ("train_loss", "test_loss", "train_metric", "test_metric"):
        assert np.array_equal(doc.history.column(key), kept.history.column(key))


def test_from_the_current_weights_both_go_on_from_here(qtbot, window, jobs):
    doc, ctl = window.document, window.training
    doc.set_settings(epoch_limit=20)
    ctl.train()
    qtbot.waitUntil(lambda: ctl.epoch >= 20 and ctl.state == "paused", timeout=20000)
    doc.set_settings(epoch_limit=35)
    jobs.clear()
    assert window.compare.start("batch_size", 5, fresh=False) is None
    main_job, variant_job = jobs
    assert main_job.epoch == variant_job.epoch == 20
    for (Wm, _), (Wv, _) in zip(main_job.weights, variant_job.weights, strict=True):
        assert Wm.tobytes() == Wv.tobytes()
    wait_both_done(qtbot, window, 35)
    kept = doc.runs[-1]
    assert kept.note == "batch 5" and not any(r.note == "" for r in doc.runs)  # no reset
    assert [r["epoch"] for r in kept.history] == list(range(1, 36))
    shared = kept.history.column("train_loss")[:20]  # the rows both runs share
    assert np.array_equal(shared, doc.history.column("train_loss")[:20])
    assert not np.array_equal(kept.history.column("train_loss")[20:],
                              doc.history.column("train_loss")[20:])


def test_reset_ends_the_comparison_and_keeps_both_in_view(qtbot, window):
    doc, ctl = window.document, window.training
    doc.set_settings(epochs_per_second=60.0)
    window.compare.start("optimizer", "adam")
    live = window.compare.live
    qtbot.waitUntil(lambda: len(live.history) >= 3 and ctl.epoch >= 3, timeout=20000)
    pid = live.runner.pid
    click(window.train_toolbar.widgetForAction(window.training_bar.act_reset))
    qtbot.waitUntil(lambda: window.compare.live is None, timeout=5000)
    qtbot.waitUntil(lambda: gone(pid), timeout=10000)
    main_run, kept = doc.runs
    assert kept.note == "adam" and main_run.note == "" and not doc.history
    assert window.runs_panel.ticked() == [0, 1]  # the comparison stays on the plot


def test_closing_the_window_leaves_no_process(qtbot, window):
    window.document.set_settings(epochs_per_second=60.0)
    window.compare.start("learning_rate", 0.3)
    live = window.compare.live
    qtbot.waitUntil(lambda: len(live.history) >= 2, timeout=20000)
    pids = [live.runner.pid, window.training._runner.pid]
    window.close()
    assert not live.active and window.compare.live is None
    assert window.document.runs[-1].note == "lr 0.3"  # kept before "save changes?"
    deadline = time.monotonic() + 10
    while not all(gone(p) for p in pids) and time.monotonic() < deadline:
        qtbot.wait(50)
    assert all(gone(p) for p in pids)


def test_a_diverging_variant_is_kept_and_the_current_run_goes_on(qtbot, window):
    doc, ctl = window.document, window.training
    doc.set_output_activation("linear")  # unbounded outputs: a large step diverges
    doc.set_settings(epochs_per_second=100.0)
    window.compare.start("learning_rate", 3.0)
    qtbot.waitUntil(lambda: window.compare.live is None, timeout=20000)
    kept = doc.runs[-1]
    assert kept.note == "lr 3" and kept.history[-1]["status"] == "diverged"
    assert "diverged" in window.statusBar().currentMessage()
    assert ctl.state == "running"  # the current run is not the one that diverged
    epoch = ctl.epoch
    qtbot.waitUntil(lambda: ctl.epoch > epoch, timeout=10000)


def test_when_the_current_run_diverges_the_variant_trains_on(qtbot, window):
    doc, ctl = window.document, window.training
    doc.set_output_activation("linear")
    doc.set_settings(learning_rate=3.0, epochs_per_second=100.0)
    window.compare.start("learning_rate", 0.03)
    live = window.compare.live
    qtbot.waitUntil(lambda: ctl.state == "stopped", timeout=20000)  # diverged
    qtbot.wait(100)
    assert window.compare.live is live and live.active
    assert "goes on" in window.statusBar().currentMessage()
    n = len(live.history)
    qtbot.waitUntil(lambda: len(live.history) > n + 3, timeout=10000)
    assert window.compare.act_stop.isEnabled()
    window.compare.act_stop.trigger()  # Train > Stop comparison
    assert window.compare.live is None and not live.active
    assert doc.runs[-1].note == "lr 0.03" and len(doc.runs[-1].history) > n + 3
