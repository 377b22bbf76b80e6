"""Run comparison, Qt-free: a variant differs from the current configuration in exactly the
chosen setting, bad values are refused with a reason, the variant's job starts from the
same weights, the same value gives the same history, and the kept run (with its note)
survives a save and reopen."""

from __future__ import annotations

import math
import queue
import time

import numpy as np
import pytest

from simulator.document import Document
from simulator.errors import SpecError
from simulator.experiments import compare
from simulator.experiments.runs import run_label
from simulator.settings import DataSource, TrainingSettings
from simulator.spec import NetworkSpec
from simulator.training.loop import SnapshotSlot, TrainingLoop

SPEC = NetworkSpec.coerce({"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                                   {"units": 2, "activation": "tanh"},
                                                   {"units": 1, "activation": "tanh"}]})
SETTINGS = TrainingSettings(learning_rate=0.03, batch_size=10)

#: key -> a new value for SPEC / SETTINGS, and what the variant must then hold.
NEW_VALUES = {
    "learning_rate": (0.3, lambda sp, s: s.learning_rate == 0.3),
    "hidden_activation": ("relu", lambda sp, s: [lay.activation for lay in sp.layers]
                          == ["relu", "relu", "tanh"]),
    "output_activation": ("linear", lambda sp, s: sp.layers[-1].activation == "linear"),
    "optimizer": ("adam", lambda sp, s: s.optimizer == "adam"),
    "batch_size": (1, lambda sp, s: s.batch_size == 1),
    "regularization": (("l2", 0.001), lambda sp, s: (s.regularization, s.reg_rate)
                       == ("l2", 0.001)),
    "loss": ("sse", lambda sp, s: s.loss == "sse"),
}


@pytest.mark.parametrize("key", compare.SETTINGS)
def test_a_variant_differs_in_exactly_the_chosen_setting(key):
    value, holds = NEW_VALUES[key]
    v = compare.make_variant(SPEC, SETTINGS, key, value)
    assert holds(v.spec, v.settings)
    assert compare.differences(SPEC, SETTINGS, v.spec, v.settings) == [key]
    assert v.value == value and v.was == compare.current_value(key, SPEC, SETTINGS)
    # the original is untouched
    assert SETTINGS == TrainingSettings(learning_rate=0.03, batch_size=10)
    assert [lay.activation for lay in SPEC.layers] == ["tanh", "tanh", "tanh"]
    # the same value: no difference at all
    same = compare.make_variant(SPEC, SETTINGS, key, v.was)
    assert compare.differences(SPEC, SETTINGS, same.spec, same.settings) == []


def test_differences_name_what_else_differs():
    other = SETTINGS.replace(seed=3, learning_rate=0.1)
    assert compare.differences(SPEC, SETTINGS, SPEC.with_units(1, 5), other) == [
        "learning_rate", "seed", "spec"]


@pytest.mark.parametrize("key, value, says", [
    ("learning_rate", 0.0, "above 0"), ("learning_rate", math.nan, "above 0"),
    ("learning_rate", 1e9, "at most"), ("learning_rate", "fast", "a number"),
    ("batch_size", 0, "1 to"), ("batch_size", 2.5, "whole number"),
    ("batch_size", True, "whole number"),
    ("regularization", ("l2", 0.0), "above 0"), ("regularization", ("l3", 0.1), "not one"),
    ("regularization", "l2", "(kind, rate)"),
    ("hidden_activation", "softmax", "only allowed on the output"),
    ("hidden_activation", "step", "derivative is 0"),
    ("output_activation", "softmax", "two or more outputs"),
    ("loss", "bce", "sigmoid output"), ("optimizer", "perceptron", "single layer"),
    ("optimizer", "lbfgs", "not one of"), ("seed", 1, "cannot be compared"),
])
def test_bad_values_are_refused_with_a_reason(key, value, says):
    with pytest.raises(SpecError, match=None) as info:
        compare.make_variant(SPEC, SETTINGS, key, value)
    assert says in str(info.value)


def test_options_are_what_the_network_can_train():
    assert "perceptron" not in compare.options("optimizer", SPEC, SETTINGS)
    assert "adam" in compare.options("optimizer", SPEC, SETTINGS)
    assert compare.options("loss", SPEC, SETTINGS) == ("mse", "sse")  # no bce on tanh
    hidden = compare.options("hidden_activation", SPEC, SETTINGS)
    assert "relu" in hidden and "step" not in hidden and "softmax" not in hidden
    assert compare.options("learning_rate", SPEC, SETTINGS) == ()
    single = NetworkSpec.coerce({"inputs": 2, "layers": [{"units": 1, "activation": "step"}]})
    perceptron = SETTINGS.replace(optimizer="perceptron")
    assert compare.options("hidden_activation", single, perceptron) == ()
    assert compare.options("optimizer", single, perceptron) == ("perceptron",)
    assert "optimizer" not in compare.available(single, perceptron)
    assert "hidden_activation" not in compare.available(single, perceptron)
    assert "learning_rate" in compare.available(single, perceptron)


def test_labels():
    assert compare.short_label("learning_rate", 0.3) == "lr 0.3"
    assert compare.short_label("batch_size", 1) == "batch 1"
    assert compare.short_label("regularization", ("l2", 0.001)) == "L2 0.001"
    assert compare.short_label("regularization", ("none", 0.0)) == "no regularization"
    assert compare.short_label("output_activation", "sigmoid") == "output sigmoid"
    assert compare.short_label("hidden_activation", "relu") == "relu"


def circle_document(**settings) -> Document:
    return Document(settings=TrainingSettings(**settings), data_source=DataSource(name="circle"))


def train(job, epochs: int) -> list[dict]:
    """Run the loop in this thread until ``epochs`` (the job's epoch limit), collecting rows."""
    slot = SnapshotSlot()
    loop = TrainingLoop(job, queue.Queue(), slot)
    rows = []

    def take():
        snap = slot.take()
        if snap is not None:
            rows.extend(snap.rows)
            return snap
        return None

    import threading
    thread = threading.Thread(target=loop.run, name="training")
    thread.start()
    deadline = time.monotonic() + 60
    while len(rows) < epochs and time.monotonic() < deadline:
        take()
        time.sleep(0.002)
    loop.stop_flag.set()
    thread.join(10)
    take()
    return rows


def test_the_same_value_gives_the_same_history_row_for_row():
    doc = circle_document(epoch_limit=40)
    weights = doc.weights
    a = compare.make_variant(doc.spec, doc.settings, "learning_rate", 0.03)
    b = compare.make_variant(doc.spec, doc.settings, "learning_rate", 0.3)
    job_a = compare.variant_job(doc, a, weights, 0)
    for (W, bias), (W0, b0) in zip(job_a.weights, weights, strict=True):  # copies, bit-equal
        assert W is not W0 and W.dtype == W0.dtype and np.array_equal(W, W0)
        assert np.array_equal(bias, b0)
    assert job_a.sample is None and job_a.extent is None  # no decision map for a variant
    main = train(compare.variant_job(doc, compare.make_variant(
        doc.spec, doc.settings, "batch_size", 10), weights, 0), 40)
    same = train(job_a, 40)
    other = train(compare.variant_job(doc, b, weights, 0), 40)
    for key in ("train_loss", "test_loss", "train_metric", "grad_norm"):
        assert [r[key] for r in main] == [r[key] for r in same]
    assert [r["epoch"] for r in same] == list(range(1, 41))  # stops at the limit exactly
    assert [r["train_loss"] for r in other] != [r["train_loss"] for r in main]
    assert other[0]["learning_rate"] == 0.3


def test_a_resumed_loop_at_its_epoch_limit_stays_there():
    """The comparison resumes its variant when the current run goes on; one that had just
    reached the epoch limit trained one epoch past it (1 in ~3 comparisons)."""
    doc = circle_document(epoch_limit=5)
    job = compare.variant_job(doc, compare.make_variant(doc.spec, doc.settings,
                                                        "learning_rate", 0.3), doc.weights, 0)
    commands, slot = queue.Queue(), SnapshotSlot()
    loop = TrainingLoop(job, commands, slot)
    import threading
    thread = threading.Thread(target=loop.run, name="training")
    thread.start()
    try:
        deadline = time.monotonic() + 30
        snaps = []
        while not (snaps and snaps[-1].status == "limit") and time.monotonic() < deadline:
            snap = slot.take()
            if snap is not None:
                snaps.append(snap)
            time.sleep(0.002)
        assert snaps[-1].epoch == 5
        commands.put(("resume",))
        time.sleep(0.3)
        assert loop.epoch == 5
        commands.put(("set", "epoch_limit", 7))
        commands.put(("resume",))
        deadline = time.monotonic() + 30
        while loop.epoch < 7 and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.2)
        assert loop.epoch == 7
    finally:
        loop.stop_flag.set()
        thread.join(10)


def test_the_kept_run_and_its_note_survive_save_and_open(tmp_path):
    from simulator.project import Project, load_project, save_project
    doc = circle_document()
    v = compare.make_variant(doc.spec, doc.settings, "batch_size", 1)
    rows = [{"epoch": e, "train_loss": 1.0 / e, "test_loss": 2.0 / e} for e in range(1, 6)]
    run = compare.variant_run(v, rows)
    doc.add_run(run)
    assert run.note == "batch 1" and run.settings.batch_size == 1
    assert run_label(0, run) == "#1  2-4-2-1 tanh · sgd lr 0.03 · 5 epochs · batch 1"
    assert run_label(0, run, short=True) == "#1 batch 1"
    path = tmp_path / "compare.annproj"
    save_project(Project.from_document(doc), path)
    back = load_project(path).to_document()
    (kept,) = back.runs
    assert kept.note == "batch 1" and kept.settings == run.settings and kept.spec == run.spec
    assert [r["train_loss"] for r in kept.history] == [r["train_loss"] for r in rows]
