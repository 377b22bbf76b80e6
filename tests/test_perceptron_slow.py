"""Issue 12: the perceptron rule in slow motion moves the line after every sample,
w ← w + η(t − o)x, and each snapshot names the sample that moved it."""

from __future__ import annotations

import queue
import threading

import numpy as np

from simulator.document import Document
from simulator.settings import DataSource
from simulator.training.loop import Job, SnapshotSlot, TrainingLoop

STEP = {"inputs": 2, "layers": [{"units": 1, "activation": "step"}]}


def perceptron_document(name="and", speed=500.0, batch_size=4, optimizer="perceptron",
                        **source) -> Document:
    doc = Document(data_source=DataSource(name=name, train_ratio=1.0, **source))
    doc.set_spec(STEP if optimizer == "perceptron" else
                 {"inputs": 2, "layers": [{"units": 1, "activation": "sigmoid"}]})
    doc.set_settings(optimizer=optimizer, learning_rate=0.25, batch_size=batch_size,
                     init="uniform", seed=5, epochs_per_second=speed)
    doc.reset_weights()
    return doc


def run_loop(doc: Document, count: int, edit=None) -> list:
    """The first ``count`` snapshots a consumer takes from a running loop (a thread)."""
    train = doc.data.train
    job = Job(spec=doc.spec.to_dict(), weights=doc.weights, settings=doc.settings,
              X=train.X, Y=train.Y, X_test=None, Y_test=None)
    commands: queue.Queue = queue.Queue()
    slot = SnapshotSlot()
    loop = TrainingLoop(job, commands, slot)
    thread = threading.Thread(target=loop.run, daemon=True)
    thread.start()
    snaps = []
    try:
        while len(snaps) < count:
            snap = slot.take()
            if snap is None:
                threading.Event().wait(0.001)
                continue
            snaps.append(snap)
            if edit is not None:
                edit(commands, snaps)
    finally:
        commands.put(("stop",))
        thread.join(10)
    assert not thread.is_alive()
    return [s for s in snaps if s.status == "running"]


def rule(W, b, x, t, o, lr):
    """The lecture's perceptron rule, written out: w ← w + η(t − o)x, b ← b + η(t − o)."""
    return W + lr * (t - o) * x[:, None], b + lr * (t - o)


def test_each_slow_motion_snapshot_is_one_perceptron_update_of_its_sample():
    doc = perceptron_document("and")
    X, Y = doc.data.train.X, doc.data.train.Y
    snaps = run_loop(doc, 17)                      # 4 epochs of the 4 rows, one by one
    assert len(snaps) >= 16
    lr = doc.settings.learning_rate
    (W, b), = doc.weights
    moved = 0
    for snap in snaps:
        step = snap.views.step
        x, t = X[step.row].astype(np.float64), float(Y[step.row, 0])
        o = float(x @ W[:, 0] + b[0] > 0)          # the step unit's output before the update
        assert step.output == (o,) and step.target == (t,)
        assert step.misclassified == (o != t)
        W_next, b_next = rule(W.astype(np.float64), b.astype(np.float64), x, t, o, lr)
        (W_new, b_new), = snap.weights
        np.testing.assert_allclose(W_new, W_next, rtol=0, atol=1e-6)
        np.testing.assert_allclose(b_new, b_next, rtol=0, atol=1e-6)
        moved += step.misclassified
        W, b = W_new, b_new
    assert moved >= 2                              # the line really moved, sample by sample
    # every row once per epoch (the rule shuffles), the history one row per epoch
    rows = [s.views.step.row for s in snaps[:16]]
    assert [sorted(rows[k:k + 4]) for k in range(0, 16, 4)] == [[0, 1, 2, 3]] * 4
    done = [r for s in snaps for r in s.rows]
    assert done and all(r["batches"] == 4 for r in done)


def test_full_speed_and_other_optimizers_keep_their_batches():
    fast = run_loop(perceptron_document("and", speed=0.0, batch_size=4), 3)
    assert all(s.views is None or s.views.step is None for s in fast)
    assert all(r["batches"] == 1 for s in fast for r in s.rows)        # one batch of 4
    sgd = run_loop(perceptron_document("and", speed=500.0, batch_size=2, optimizer="sgd"), 3)
    assert all(s.views.step is None for s in sgd)
    assert all(r["batches"] == 2 for s in sgd for r in s.rows)         # epochs paced, not rows


def test_changing_the_speed_switches_between_samples_and_whole_batches():
    def to_fast(commands, snaps):
        if len(snaps) == 3:
            commands.put(("set", "epochs_per_second", 0.0))

    snaps = run_loop(perceptron_document("or", speed=500.0), 40, to_fast)
    assert snaps[0].views.step is not None
    rows = [r for s in snaps[8:] for r in s.rows]
    assert rows and rows[-1]["batches"] == 1 and snaps[-1].views.step is None


def test_the_data_plot_rings_the_sample_that_moved_the_line(qtbot):
    """Through the real controller: each applied snapshot rings its sample on the data plot
    (in the data's units, the row of the whole table) and says what the rule did."""
    from PySide6.QtGui import QUndoStack

    from ui.data.panel import DataPanel
    from ui.training.controller import TrainingController
    doc = perceptron_document("and", speed=20.0, normalization="standardize")
    panel = DataPanel(doc, QUndoStack())
    qtbot.addWidget(panel)
    ctl = TrainingController(doc, mode="thread")
    seen = []

    def check(snap):
        step = snap.views.step if snap.views is not None else None
        if step is None:
            return
        row = int(doc.data.train_indices[step.row])
        xs, ys = panel.plot.step_ring.getData()
        seen.append((list(xs), list(ys), list(doc.dataset.X[row]), step.misclassified,
                     panel.plot.step_text.text()))

    ctl.snapshot_applied.connect(check)
    try:
        ctl.train()
        qtbot.waitUntil(lambda: any(s[3] for s in seen) and len(seen) >= 3, timeout=20000)
    finally:
        ctl.shutdown()
    for xs, ys, point, wrong, text in seen:
        assert (xs, ys) == ([point[0]], [point[1]])     # the raw point, not the normalized
        assert ("misclassified" in text) == wrong and text.startswith("Row ")
    assert panel.plot.step_text.isVisibleTo(panel)
    doc.inspector.refresh()          # stopped: views of no update, no ring and no sentence
    assert len(panel.plot.step_ring.getData()[0]) == 0
    assert not panel.plot.step_text.isVisibleTo(panel)
    panel.detach()
