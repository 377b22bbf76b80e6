"""Overfitting, Qt-free: the best test-loss epoch, what early stopping restored (trainer,
loop, history), and the demo that must overfit and the fixes that must help (measured by
training them)."""

from __future__ import annotations

import math
import queue

import numpy as np
import pytest

import simulator as sim
from simulator import overfitting
from simulator.document import Document
from simulator.history import History
from simulator.overfitting import Best, EarlyStop, best_test, early_stop, final_gap, marks


def _rows(test, restored=None, train=None):
    restored = restored or [None] * len(test)
    train = train or [0.1] * len(test)
    return [{"epoch": i + 1, "train_loss": tr, "test_loss": te, "restored_epoch": r}
            for i, (tr, te, r) in enumerate(zip(train, test, restored, strict=True))]


# -- the numbers -----------------------------------------------------------------------------
def test_best_test_is_the_first_lowest_finite_test_loss():
    assert best_test([1, 2, 3, 4, 5, 6], [0.5, 0.3, None, 0.2, 0.4, 0.2]) == Best(4, 0.2)
    assert best_test(np.array([10, 11, 12.0]), np.array([np.nan, 0.7, 0.9])) == Best(11, 0.7)


def test_no_best_without_finite_test_losses():
    assert best_test([], []) is None
    assert best_test([1, 2], [None, None]) is None
    assert best_test(np.array([1.0]), np.array([np.nan])) is None
    assert marks(History()) == (None, None)


def test_early_stop_is_the_latest_row_that_restored_weights():
    rows = _rows([0.5, 0.4, 0.6, 0.7, 0.3, 0.2, 0.5], [None, None, None, 2, None, None, 6])
    assert early_stop([r["epoch"] for r in rows], [r["restored_epoch"] for r in rows]) == \
        EarlyStop(7, 6)
    assert early_stop([1, 2], [None, None]) is None
    assert marks(rows) == (Best(6, 0.2), EarlyStop(7, 6))


def test_marks_read_a_history_like_its_rows():
    rows = _rows([0.9, 0.4, None, 0.5], [None, None, None, 2])
    assert marks(History(rows)) == marks(rows) == (Best(2, 0.4), EarlyStop(4, 2))


def test_final_gap_hand_computed():
    train = [0.5, 0.4, 0.3, 0.2]
    rows = _rows([0.6, 0.5, 0.8, 0.9], train=train)
    overfit = final_gap(rows)
    assert overfit == pytest.approx(np.mean([0.1, 0.1, 0.5, 0.7]))  # the last GAP_ROWS (10)
    restored = _rows([0.6, 0.5, 0.8, 0.9], [None, None, None, 2], train)
    assert final_gap(restored) == pytest.approx(0.5 - 0.4)  # the weights of epoch 2
    assert final_gap(_rows([None, None])) is None and final_gap([]) is None


# -- what the trainer restored ----------------------------------------------------------------
def _opposite_targets(n=32):
    """Test targets opposite to the training ones: the test loss is best at epoch 1."""
    rng = np.random.default_rng(0)
    X = rng.standard_normal((n, 3))
    Y = X @ np.array([[0.5], [-1.0], [2.0]])
    return X, Y, X, -Y


LINEAR = {"inputs": 3, "layers": [{"units": 1, "activation": "linear"}]}


@pytest.mark.parametrize("engine", ["numpy", "compiled"])
def test_trainer_records_the_restored_epoch(engine):
    X, Y, Xt, Yt = _opposite_targets()
    net = sim.Network.from_spec(LINEAR, dtype="float64")
    trainer = sim.Trainer(net, learning_rate=0.05, batch_size=8, patience=3, engine=engine)
    history = trainer.fit(X, Y, epochs=50, X_test=Xt, Y_test=Yt)
    assert [s.restored_epoch for s in history] == [None, None, None, 1]
    assert history[-1].to_dict()["restored_epoch"] == 1
    assert "restored_epoch" not in history[0].to_dict()  # other rows stay as they were
    assert net.loss(Xt, Yt) == pytest.approx(history[0].test_loss, rel=1e-9)
    kept = sim.Trainer(sim.Network.from_spec(LINEAR), learning_rate=0.05, batch_size=8,
                       patience=3, restore_best=False, engine=engine)
    history = kept.fit(X, Y, epochs=50, X_test=Xt, Y_test=Yt)
    assert history[-1].status == "early_stopped" and history[-1].restored_epoch is None


def test_the_loop_records_the_restored_epoch_in_the_runs_epoch_numbers():
    """A run continued from epoch 100: the trainer counts 1, 2, ..., the history 101, ..."""
    from simulator.training.loop import Job, TrainingLoop
    X, Y, Xt, Yt = _opposite_targets()
    settings = sim.TrainingSettings(learning_rate=0.05, batch_size=8, patience=3,
                                    dtype="float64")
    net = sim.Network.from_spec(LINEAR, dtype="float64")
    job = Job(spec=LINEAR, weights=net.get_weights(), settings=settings, X=X, Y=Y,
              X_test=Xt, Y_test=Yt, epoch=100)
    commands: queue.Queue = queue.Queue()
    rows = []

    class Outbox:
        def ready(self):
            return True

        def put(self, snap):
            rows.extend(snap.rows)
            if snap.status == "limit":  # early stopping paused the run: end the loop
                commands.put(("stop",))

    TrainingLoop(job, commands, Outbox()).run()
    assert [r["epoch"] for r in rows] == [101, 102, 103, 104]
    assert rows[-1]["status"] == "early_stopped" and rows[-1]["restored_epoch"] == 101
    assert marks(rows) == (Best(101, rows[0]["test_loss"]), EarlyStop(104, 101))


# -- the demo overfits, every fix helps ---------------------------------------------------------
EPOCHS = 500


def _train(doc: Document, epochs: int = EPOCHS) -> list[dict]:
    """Train the document's network headlessly as the app does (NumPy path)."""
    net = doc.build_network()
    trainer = sim.Trainer.from_settings(net, doc.settings, epoch_limit=0, engine="numpy")
    train, test = doc.data.train, doc.data.test
    rows = [s.to_dict() for s in trainer.iter_epochs(train.X, train.Y, epochs, test.X,
                                                     test.Y)]
    doc.set_weights(net.get_weights(), reason="training")
    return rows


def _demo() -> Document:
    doc = Document()
    overfitting.apply_demo(doc)
    return doc


def test_the_demo_is_few_noisy_points_and_a_large_network():
    doc = _demo()
    assert len(doc.data.train_indices) == 30 and doc.data_source.params["noise"] == 0.35
    assert [layer.units for layer in doc.spec.layers] == [10, 10, 10, 1]
    assert all(np.array_equal(W, W0) for (W, _), (W0, _) in zip(doc.weights,
                                                                 doc.initial_weights(),
                                                                 strict=True))
    assert doc.settings.regularization == "none" and doc.settings.patience == 0


def test_the_demo_overfits():
    """Train falls while test rises: the best test epoch is early, the gap grows."""
    rows = _train(_demo())
    best, _ = marks(rows)
    train = np.array([r["train_loss"] for r in rows])
    test = np.array([r["test_loss"] for r in rows])
    b = best.epoch - 1
    assert best.epoch < 0.3 * EPOCHS                      # measured: epoch 92 of 500
    assert test[-1] > 1.5 * best.loss                     # measured: 0.33 vs 0.161
    assert train[-10:].mean() < 0.5 * train[b]            # training loss still falls
    assert final_gap(rows) > 2 * (test[b] - train[b])     # measured: 0.31 vs 0.11


@pytest.mark.parametrize("fix", list(overfitting.FIXES))
def test_every_fix_narrows_the_gap(fix):
    overfit = final_gap(_train(_demo()))
    doc = _demo()
    overfitting.apply_fix(doc, fix)
    rows = _train(doc)
    gap = final_gap(rows)
    assert gap < 0.6 * overfit  # measured: 0.31 -> more data 0.05, L2 0.15, early stop 0.11
    if fix == "early_stopping":
        best, stop = marks(rows)
        assert stop is not None and stop.restored == best.epoch < stop.stopped < EPOCHS


def test_a_fix_starts_from_the_demos_initial_weights():
    doc = _demo()
    start = doc.weights
    _train(doc, 20)
    overfitting.apply_fix(doc, "l2")
    assert all(np.array_equal(a, b) for (Wa, ba), (Wb, bb) in zip(start, doc.weights,
                                                                    strict=True)
               for a, b in ((Wa, Wb), (ba, bb)))
    assert doc.settings.regularization == "l2" and math.isclose(doc.settings.reg_rate, 0.01)


def test_more_data_never_lowers_the_points_and_needs_generated_data():
    doc = _demo()
    doc.set_data(doc.data_source.replace(params={**doc.data_source.params, "n_points": 900}))
    overfitting.apply_fix(doc, "more_data")
    assert doc.data_source.params["n_points"] == 900
    X, Y = np.random.default_rng(0).standard_normal((20, 2)), np.zeros((20, 1))
    doc.set_data(sim.DataSource("imported", "table", {}, 0.5),
                 sim.datasets.Dataset(X, Y, ("a", "b"), ("y",), "regression", "table", ""))
    with pytest.raises(sim.DataError, match="not generated"):
        overfitting.apply_fix(doc, "more_data")


def test_network_size_keeps_the_first_layers_and_the_output():
    from simulator.spec import LayerSpec, NetworkSpec
    spec = NetworkSpec(2, [LayerSpec(4, "relu"), LayerSpec(2, "tanh"), LayerSpec(1, "sigmoid")])
    assert overfitting.hidden_size(spec) == (2, 4)
    big = overfitting.with_hidden_size(spec, 3, 10)
    assert [(la.units, la.activation) for la in big.layers] == \
        [(10, "relu"), (10, "tanh"), (10, "tanh"), (1, "sigmoid")]
    small = overfitting.with_hidden_size(big, 1, 3)
    assert [(la.units, la.activation) for la in small.layers] == [(3, "relu"), (1, "sigmoid")]
    none = overfitting.with_hidden_size(small, 0, 3)
    assert overfitting.hidden_size(none) == (0, 0) and none.layers[-1].activation == "sigmoid"
    assert overfitting.with_hidden_size(none, 3, 10).sizes == overfitting.demo_spec().sizes
    assert overfitting.with_hidden_size(big, 3, 10) == big  # nothing to change


def test_the_tracker_sees_each_row_once_and_agrees_with_the_whole_series():
    rng = np.random.default_rng(0)
    epochs = np.arange(1, 301, dtype=np.float64)
    test = rng.uniform(0.1, 1.0, 300)
    test[rng.integers(0, 300, 40)] = np.nan
    test[[50, 120]] = 0.05  # a tie: the first one is the best
    restored = np.full(300, np.nan)
    restored[[99, 250]] = [60, 200]
    tracker = overfitting.MarkTracker()
    for n in (0, 1, 7, 51, 121, 200, 251, 300):
        got = tracker.update(epochs[:n], test[:n], restored[:n])
        assert got == (best_test(epochs[:n], test[:n]), early_stop(epochs[:n], restored[:n]))
        assert tracker.rows == n
    assert got == (Best(51, 0.05), EarlyStop(251, 200))
    assert tracker.update(epochs[:10], test[:10], restored[:10])[1] is None  # another series


def test_the_restored_epoch_survives_the_project_files_tables():
    rows = _rows([0.9, 0.4, 0.5, 0.6], [None, None, None, 2])
    back = History.from_chunks(History(rows).chunks())
    assert list(back) == rows and marks(back) == (Best(2, 0.4), EarlyStop(4, 2))
