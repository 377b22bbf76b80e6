"""The live feed from the training process to the window: every row arrives once, in
order (a long run's history equals the engine's own, also after a reset mid-run), and
costly plot data is computed at a share of the loop's time."""

from __future__ import annotations

import queue

import pytest

from simulator.document import Document
from simulator.history_io import CHUNK
from simulator.settings import DataSource, TrainingSettings
from simulator.trainer import Trainer

SPEC = {"inputs": 2, "layers": [{"units": 3, "activation": "tanh"},
                                {"units": 1, "activation": "sigmoid"}]}


def circle_document(epochs: int) -> Document:
    """A small network on circle data with a test set: every column a row can have."""
    return Document(spec=SPEC, settings=TrainingSettings(
        loss="mse", optimizer="sgd", learning_rate=0.3, batch_size=10, seed=3,
        epoch_limit=epochs), data_source=DataSource(name="circle", params={"n_points": 60},
                                                    train_ratio=0.5))


def engine_rows(doc: Document, epochs: int) -> list[dict]:
    """The engine alone from the document's weights: what the history must hold."""
    net = doc.build_network()
    net.set_weights(doc.weights)
    trainer = Trainer.from_settings(net, doc.settings, epoch_limit=0)
    tr, te = doc.data.train, doc.data.test
    return [without_time(dict(s.to_dict(), epoch=k)) for k, s in
            enumerate(trainer.iter_epochs(tr.X, tr.Y, epochs, te.X, te.Y), 1)]


def without_time(row: dict) -> dict:
    return {k: v for k, v in row.items() if k != "elapsed"}  # seconds differ by run


@pytest.fixture
def controller(qtbot):
    from ui.training.controller import TrainingController
    made = []

    def make(doc, mode=None):
        made.append(TrainingController(doc, mode=mode))
        return made[-1]

    yield make
    for ctl in made:
        ctl.shutdown()


@pytest.mark.parametrize("mode", ["process", "thread"])
def test_a_long_run_arrives_row_for_row(qtbot, controller, mode):
    """More than a chunk of epochs (~30 snapshots of a few hundred rows each, merged
    when the window is late): the window's history is the engine's, none lost, none
    twice, the chunk boundary included."""
    n = CHUNK + 700
    doc = circle_document(n)
    expected = engine_rows(doc, n)
    ctl = controller(doc, mode)
    with qtbot.waitSignal(ctl.limit_reached, timeout=60000):
        ctl.train()
    assert len(doc.history) == n and len(doc.history.chunks()) == 2
    assert [without_time(r) for r in doc.history] == expected


def test_a_reset_mid_run_starts_a_clean_history(qtbot, controller):
    """Reset while training: the rows so far go to the archived run (continuous), the
    new run's history starts at epoch 1 and again equals the engine's."""
    n = 1000
    doc = circle_document(n)
    expected = engine_rows(doc, n)  # reset gives the seed's weights: the same run again
    doc.set_settings(epochs_per_second=400.0)  # slow motion: caught mid-run for sure
    ctl = controller(doc)
    ctl.train()
    qtbot.waitUntil(lambda: 0 < len(doc.history), timeout=20000)
    ctl.reset_weights()
    doc.set_settings(epochs_per_second=0.0)
    assert len(doc.history) == 0 and len(doc.runs) == 1
    archived = [without_time(r) for r in doc.runs[0].history]
    assert archived == expected[:len(archived)]
    with qtbot.waitSignal(ctl.limit_reached, timeout=60000):
        ctl.train()
    assert [without_time(r) for r in doc.history] == expected


def test_costly_plot_data_is_computed_at_a_share_of_the_loop(monkeypatch):
    """Plot data that costs a second of CPU (a fake clock says so) is not computed again
    for the next running snapshots (they show the previous plots), but a state change
    (the epoch limit here) always brings fresh plot data."""
    from simulator.training import loop as loop_module
    from simulator.training.loop import Job, TrainingLoop
    cpu = [0.0]
    real = loop_module.compute_views

    def costly(*args):
        cpu[0] += 1.0
        return real(*args)

    monkeypatch.setattr(loop_module, "compute_views", costly)
    monkeypatch.setattr(loop_module, "_cpu_time", lambda: cpu[0])
    doc = circle_document(300)
    tr = doc.data.train
    job = Job(spec=doc.spec.to_dict(), weights=doc.weights, settings=doc.settings,
              X=tr.X, Y=tr.Y, X_test=None, Y_test=None)
    commands: queue.Queue = queue.Queue()
    snaps = []

    class AlwaysReady:  # takes every snapshot at once: one per epoch
        def ready(self):
            return True

        def put(self, snap):
            snaps.append(snap)
            if snap.status == "limit":
                commands.put(("stop",))

    TrainingLoop(job, commands, AlwaysReady()).run()
    running = [s for s in snaps if s.status == "running"]
    # the first two (the smaller of the last two costs counts), then none for a while
    assert len(running) > 100 and all(s.views is not None for s in running[:2])
    assert all(s.views is None for s in running[2:])
    assert [s.status for s in snaps[-2:]] == ["limit", "stopped"]
    assert all(s.views is not None for s in snaps[-2:])
    assert sum(len(s.rows) for s in snaps) == 300  # rows travel with every snapshot alike


def test_cheap_plot_data_comes_with_every_snapshot(monkeypatch):
    from simulator.training import loop as loop_module
    cpu = [0.0]
    real = loop_module.compute_views

    def cheap(*args):
        cpu[0] += loop_module.VIEWS_FREE / 2
        return real(*args)

    monkeypatch.setattr(loop_module, "compute_views", cheap)
    monkeypatch.setattr(loop_module, "_cpu_time", lambda: cpu[0])
    loop = loop_module.TrainingLoop.__new__(loop_module.TrainingLoop)
    loop.net, loop._views_due = circle_document(1).build_network(), 0.0
    loop._views_cost = 0.0
    loop.job = loop_module.Job(spec=SPEC, weights=[], settings=None, X=None, Y=None,
                               X_test=None, Y_test=None)
    assert all(loop._views("running") is not None for _ in range(20))
    # one computation stretched by the machine (the process descheduled): no gap follows
    spike = [5.0]

    def once_slow(*args):
        cpu[0] += spike.pop() if spike else loop_module.VIEWS_FREE / 2
        return real(*args)

    monkeypatch.setattr(loop_module, "compute_views", once_slow)
    assert all(loop._views("running") is not None for _ in range(20)) and not spike


def test_a_busy_gui_thread_looks_for_snapshots_less_often(qtbot, monkeypatch):
    """Applying and painting snapshots that keep the GUI thread 90 % busy: the looks are
    spaced out (up to MAX_PULL_MS), and come back to 30 a second once it is idle."""
    from ui.training import controller as module
    clock = {"wall": 0.0, "cpu": 0.0}
    monkeypatch.setattr(module.time, "perf_counter", lambda: clock["wall"])
    monkeypatch.setattr(module.time, "thread_time", lambda: clock["cpu"])
    ctl = module.TrainingController(circle_document(10))
    timer = ctl._pull_timer

    def looks(busy: float, n: int) -> int:
        for _ in range(n):
            step = timer.interval() / 1000
            clock["wall"] += step
            clock["cpu"] += busy * step
            ctl._pace()
        return timer.interval()

    assert looks(0.2, 5) == module.PULL_MS
    assert looks(0.9, 20) == module.MAX_PULL_MS
    assert looks(0.0, 20) == module.PULL_MS
    ctl.shutdown()
