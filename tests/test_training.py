"""The training controller and its worker: train, pause, step, reset, live settings,
divergence, and a clean exit when the window closes mid-training."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from simulator.document import Document
from simulator.settings import DataSource, TrainingSettings
from tests.windows import shown_window

ROOT = Path(__file__).resolve().parents[1]

XOR_SPEC = {"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                    {"units": 1, "activation": "sigmoid"}]}


def xor_document(**settings) -> Document:
    s = dict(loss="mse", optimizer="sgd", learning_rate=1.0, batch_size=4, seed=1)
    s.update(settings)
    return Document(spec=XOR_SPEC, settings=TrainingSettings(**s),
                    data_source=DataSource(name="xor_gate", train_ratio=1.0))


@pytest.fixture
def make_controller(qtbot):
    from ui.training.controller import TrainingController
    made = []

    def make(doc: Document, mode: str | None = None):
        ctl = TrainingController(doc, mode=mode)
        made.append(ctl)
        return ctl

    yield make
    for ctl in made:
        ctl.shutdown()
        assert not ctl.worker_alive


def test_xor_trains_to_target_loss(qtbot, make_controller):
    doc = xor_document()
    ctl = make_controller(doc)
    ctl.train()
    qtbot.waitUntil(lambda: bool(doc.history) and doc.history[-1]["train_loss"] < 0.02,
                    timeout=30000)
    ctl.stop()
    assert ctl.state == "stopped"
    pred = doc.build_network().predict(doc.data.train.X)
    assert ((pred[:, 0] > 0.5) == (doc.data.train.Y[:, 0] > 0.5)).all()
    epochs = [row["epoch"] for row in doc.history]
    assert epochs == list(range(1, len(epochs) + 1))  # every epoch arrives, in order


def test_thread_mode_trains_too(qtbot, make_controller):
    doc = xor_document()
    ctl = make_controller(doc, mode="thread")
    ctl.train()
    qtbot.waitUntil(lambda: len(doc.history) >= 50, timeout=20000)
    assert sys.getswitchinterval() == pytest.approx(0.0005)
    ctl.stop()
    assert sys.getswitchinterval() != pytest.approx(0.0005)
    assert doc.history[-1]["train_loss"] < doc.history[0]["train_loss"]


def test_objects_from_before_training_are_left_out_of_full_collections(qtbot,
                                                                       make_controller):
    """While a run trains, what existed when it started is frozen out of Python's full
    collections (~100 000 objects, 50-120 ms each on the GUI thread); pausing or stopping
    gives them back, and two windows training count as one."""
    import gc
    gc.unfreeze()  # tests/conftest.py freezes the survivors of each test
    one, two = make_controller(xor_document()), make_controller(xor_document())
    one.train()
    frozen = gc.get_freeze_count()
    assert frozen > 1000
    two.train()
    qtbot.waitUntil(lambda: one.epoch >= 5 and two.epoch >= 5, timeout=20000)
    one.pause()
    assert gc.get_freeze_count() > frozen // 2  # the other still trains
    two.stop()
    assert gc.get_freeze_count() == 0
    one.train()
    assert gc.get_freeze_count() > 0
    one.shutdown()
    assert gc.get_freeze_count() == 0


def test_pause_stops_the_epoch_counter(qtbot, make_controller):
    doc = xor_document()
    ctl = make_controller(doc)
    ctl.train()
    qtbot.waitUntil(lambda: ctl.epoch >= 20, timeout=20000)
    with qtbot.waitSignal(ctl.snapshot_applied, timeout=5000,
                          check_params_cb=lambda s: s.status == "paused"):
        ctl.pause()
    assert ctl.state == "paused" and ctl.worker_alive
    paused_at = ctl.epoch
    assert len(doc.history) == paused_at
    qtbot.wait(300)  # the event loop runs; nothing may arrive
    assert ctl.epoch == paused_at and len(doc.history) == paused_at
    ctl.train()  # resume continues the count
    qtbot.waitUntil(lambda: ctl.epoch > paused_at + 5, timeout=10000)
    assert [r["epoch"] for r in doc.history] == list(range(1, len(doc.history) + 1))


def test_step_epoch_and_step_batch(qtbot, make_controller):
    doc = xor_document(batch_size=1)  # 4 rows: 4 batches per epoch
    ctl = make_controller(doc)
    w0 = [W.copy() for W, _ in doc.weights]
    with qtbot.waitSignal(ctl.snapshot_applied, timeout=10000):
        ctl.step_epoch()
    assert ctl.epoch == 1 and len(doc.history) == 1
    assert doc.history[0]["batches"] == 4
    with qtbot.waitSignal(ctl.snapshot_applied, timeout=5000) as blocker:
        ctl.step_batch()
    assert blocker.args[0].batch == 1 and ctl.epoch == 1
    w1 = [W.copy() for W, _ in doc.weights]
    with qtbot.waitSignal(ctl.snapshot_applied, timeout=5000) as blocker:
        ctl.step_batch()
    assert blocker.args[0].batch == 2 and ctl.epoch == 1
    assert not all(np.array_equal(a, b) for a, b in zip(w1, [W for W, _ in doc.weights],
                                                       strict=True))
    for _ in range(2):  # the 4th batch ends epoch 2
        with qtbot.waitSignal(ctl.snapshot_applied, timeout=5000):
            ctl.step_batch()
    assert ctl.epoch == 2 and len(doc.history) == 2
    assert ctl.state == "paused"
    assert not all(np.array_equal(a, W) for a, (W, _) in zip(w0, doc.weights, strict=True))


def test_reset_restores_initial_weights_for_the_seed(qtbot, make_controller):
    doc = xor_document(seed=7)
    initial = [(W.copy(), b.copy()) for W, b in doc.initial_weights()]
    ctl = make_controller(doc)
    ctl.train()
    qtbot.waitUntil(lambda: ctl.epoch >= 30, timeout=20000)
    ctl.reset_weights()
    assert ctl.state == "stopped" and not ctl.worker_alive
    assert ctl.epoch == 0 and doc.history == [] and len(doc.runs) == 1
    for (W, b), (W0, b0) in zip(doc.weights, initial, strict=True):
        np.testing.assert_array_equal(W, W0)
        np.testing.assert_array_equal(b, b0)


def test_learning_rate_change_applies_while_training(qtbot, make_controller):
    doc = xor_document(learning_rate=0.1)
    ctl = make_controller(doc)
    ctl.train()
    qtbot.waitUntil(lambda: len(doc.history) >= 5, timeout=20000)
    doc.set_settings(learning_rate=0.5, batch_size=2)
    # it applies at the worker's next batch after the command arrives (a few ms; more
    # on a loaded machine), without restarting the worker
    qtbot.waitUntil(lambda: doc.history[-1]["learning_rate"] == pytest.approx(0.5),
                    timeout=10000)
    n = len(doc.history)
    qtbot.waitUntil(lambda: len(doc.history) >= n + 10, timeout=10000)
    assert ctl.state == "running" and ctl.worker_alive
    assert doc.history[0]["learning_rate"] == pytest.approx(0.1)
    assert all(row["learning_rate"] == pytest.approx(0.5) and row["batches"] == 2
               for row in doc.history[n:])


def test_divergence_is_reported_with_finite_weights(qtbot, make_controller):
    doc = Document(spec={"inputs": 2, "layers": [{"units": 8, "activation": "relu"},
                                                 {"units": 1, "activation": "linear"}]},
                   settings=TrainingSettings(loss="sse", learning_rate=10.0, batch_size=50),
                   data_source=DataSource(name="plane", train_ratio=0.8))
    ctl = make_controller(doc)
    with qtbot.waitSignal(ctl.diverged, timeout=20000) as blocker:
        ctl.train()
    assert "learning rate" in blocker.args[0]
    assert ctl.state == "stopped" and not ctl.worker_alive
    assert all(np.isfinite(W).all() and np.isfinite(b).all() for W, b in doc.weights)
    assert doc.history and doc.history[-1]["status"] == "diverged"


def test_divergence_banner_in_the_window(qtbot):
    from ui.main_window import MainWindow
    doc = Document(spec={"inputs": 2, "layers": [{"units": 8, "activation": "relu"},
                                                 {"units": 1, "activation": "linear"}]},
                   settings=TrainingSettings(loss="sse", learning_rate=10.0, batch_size=50),
                   data_source=DataSource(name="plane", train_ratio=0.8))
    window = MainWindow(doc)
    qtbot.addWidget(window)
    if getattr(window, "files", None) is not None:
        window.files.ask_unsaved = lambda: "discard"
    window.show()
    with qtbot.waitSignal(window.training.diverged, timeout=20000):
        window.training_bar.act_train.trigger()
    banner = window.training_panel.banner
    assert banner.isVisible()
    assert "learning rate" in banner.text.text().lower()
    doc.mark_dirty(False)


def test_topology_change_starts_a_new_run_from_the_trained_weights(qtbot, make_controller):
    doc = xor_document()
    ctl = make_controller(doc)
    ctl.train()
    qtbot.waitUntil(lambda: ctl.epoch >= 20, timeout=20000)
    doc.set_spec(doc.spec.with_units(1, 6))
    # A new layout starts a new run: the old curves are archived, the count starts at 0.
    assert not ctl.worker_alive and ctl.state == "stopped" and ctl.epoch == 0
    assert doc.history == [] and len(doc.runs) == 1 and len(doc.runs[0].history) >= 20
    trained = doc.weights[1][0][:4].copy()
    n = ctl.epoch
    ctl.train()
    qtbot.waitUntil(lambda: ctl.epoch >= n + 20, timeout=20000)
    ctl.stop()
    assert doc.weights[0][0].shape == (2, 6)
    assert not np.allclose(doc.weights[1][0][:4], trained)  # it trained on, from those


def test_weight_edit_reaches_the_worker(qtbot, make_controller):
    doc = xor_document(learning_rate=1e-5)  # so the edited value survives training
    ctl = make_controller(doc)
    ctl.train()
    qtbot.waitUntil(lambda: ctl.epoch >= 5, timeout=20000)
    seen = []
    doc.events.weights.connect(lambda reason: seen.append(float(doc.weights[0][0][0, 0])))
    doc.set_weight(0, 0, 0, 3.25)  # what the canvas does (reason "edit")
    n = ctl.epoch
    qtbot.waitUntil(lambda: len(seen) >= 5 and ctl.epoch >= n + 20, timeout=10000)
    # every snapshot after the edit carries it: no flicker back to the old weight
    assert all(abs(w - 3.25) < 1e-2 for w in seen), seen


CLOSE_SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    from ui.main_window import MainWindow
    window = MainWindow()
    window.files.ask_unsaved = lambda: "discard"
    window.show()
    window.training.train()
    def close():
        assert window.training.worker_alive and window.training.epoch > 0, "not training"
        window.document.mark_dirty(False)
        window.close()
        app.quit()
    def wait():
        if window.training.epoch >= 30:
            close()
        else:
            QTimer.singleShot(20, wait)
    QTimer.singleShot(20, wait)
    status = app.exec()
    window.deleteLater()
    app.processEvents()
    assert not window.training.worker_alive
    print("closed cleanly at epoch", window.training.epoch)
    sys.exit(status)
""")


def test_closing_during_training_exits_cleanly(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), PYTHONPATH=str(ROOT))
    script = tmp_path / "close_while_training.py"
    script.write_text(CLOSE_SCRIPT)
    proc = subprocess.run([sys.executable, str(script)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "closed cleanly" in proc.stdout
    assert "QThread" not in proc.stderr
    assert "Fatal Python error" not in proc.stderr


def test_history_rows_have_per_layer_gradients(qtbot, make_controller):
    doc = xor_document()
    ctl = make_controller(doc)
    with qtbot.waitSignal(ctl.snapshot_applied, timeout=10000):
        ctl.step_epoch()
    row = doc.history[-1]
    assert len(row["grad_mean_abs"]) == 2
    assert all(math.isfinite(v) and v > 0 for v in row["grad_mean_abs"])


@pytest.fixture
def xor_window(qtbot):
    window = shown_window(qtbot, xor_document())
    yield window
    window.document.mark_dirty(False)
    window.training.shutdown()


def test_epoch_limit_from_the_toolbar_pauses_there(qtbot, xor_window):
    window, bar, ctl = xor_window, xor_window.training_bar, xor_window.training
    bar.limit.setValue(25)  # "Stop at epoch": an undoable settings edit
    assert window.document.settings.epoch_limit == 25
    with qtbot.waitSignal(ctl.limit_reached, timeout=20000) as blocker:
        bar.act_train.trigger()
    assert blocker.args == [25]
    assert ctl.state == "paused" and ctl.epoch == 25 and len(window.document.history) == 25
    assert "25" in window.statusBar().currentMessage()
    bar.act_train.trigger()  # at the limit: refused with a note, nothing runs
    assert ctl.state == "paused" and ctl.epoch == 25
    bar.limit.setValue(40)  # raising the limit lets it continue to the new one
    with qtbot.waitSignal(ctl.limit_reached, timeout=20000) as blocker:
        bar.act_train.trigger()
    assert blocker.args == [40] and [r["epoch"] for r in window.document.history] == \
        list(range(1, 41))


def test_slow_motion_speed_paces_the_epochs(qtbot, xor_window):
    """5 epochs per second: a learner can follow every epoch (XOR runs thousands of
    epochs a second as fast as possible)."""
    window, bar, ctl = xor_window, xor_window.training_bar, xor_window.training
    i = bar.speed.findData(5.0)
    bar.speed.setCurrentIndex(i)
    bar.speed.activated.emit(i)  # what choosing it with the mouse sends
    assert window.document.settings.epochs_per_second == 5.0
    bar.act_train.trigger()
    qtbot.waitUntil(lambda: ctl.epoch >= 2, timeout=10000)
    qtbot.wait(600)
    # never faster than asked (a slow machine may be slower, not faster)
    assert ctl.epoch <= 2 + 0.6 * 5 + 2, ctl.epoch
    i = bar.speed.findData(0.0)
    bar.speed.setCurrentIndex(i)
    bar.speed.activated.emit(i)  # back to full speed, live
    at = ctl.epoch
    qtbot.waitUntil(lambda: ctl.epoch >= at + 200, timeout=20000)


def test_every_snapshot_carries_fresh_plot_data(qtbot, make_controller):
    """One channel, one throttle: the GUI's timer takes a snapshot per tick at most, and
    each one brings plot data computed from its own weights (no second, slower rate)."""
    doc = xor_document()
    ctl = make_controller(doc)
    snaps = []
    ctl.snapshot_applied.connect(snaps.append)
    ctl.train()
    qtbot.waitUntil(lambda: len(snaps) >= 15, timeout=20000)
    ctl.stop()
    running = [s for s in snaps if s.status == "running"]
    assert len(running) >= 10 and all(s.views is not None for s in running)


def test_a_step_sends_one_snapshot_at_its_end():
    """Even to a consumer that is always ready, an epoch step shows one picture: the
    epoch done (not the batches on the way, which would read "running")."""
    import queue

    from simulator.training.loop import Job, TrainingLoop
    doc = xor_document(batch_size=1)  # 4 batches per epoch
    job = Job(spec=doc.spec.to_dict(), weights=doc.weights, settings=doc.settings,
              X=doc.data.train.X, Y=doc.data.train.Y, X_test=None, Y_test=None,
              start_paused=True)
    commands: queue.Queue = queue.Queue()
    snaps = []

    class AlwaysReady:  # takes every snapshot at once; steps twice, then stops
        def ready(self):
            return True

        def put(self, snap):
            snaps.append((snap.status, snap.epoch, len(snap.rows)))
            if snap.status == "paused":
                commands.put(("step_epoch",) if len(snaps) < 2 else ("stop",))

    commands.put(("step_epoch",))
    TrainingLoop(job, commands, AlwaysReady()).run()  # in this thread, till "stop"
    assert snaps == [("paused", 1, 1), ("paused", 2, 1), ("stopped", 2, 0)]
