"""Random use (issue 17): a seeded monkey drives the real main window with random valid
actions: add, remove and move layers, change units and activations, cut and restore
connections, edit weights and biases, change hyperparameters and the split, reset
weights, undo/redo chains, save and open. After every action nothing has raised (Qt
slots: pytest-qt; Qt criticals fail the test), and the canvas shows the document's
network (same columns, sizes, weights and cut connections). Finally undoing everything
returns the project as it was at the start (or at the last open). 1 000 actions in CI;
``MONKEY_ACTIONS=100000 pytest -m soak tests/test_monkey.py`` for the long run.
(Training actions belong to the training tests: the worker is another process.)"""

from __future__ import annotations

import gc
import os
import random

import numpy as np
import pytest

from simulator.settings import LEARNING_RATES, LOSSES, OPTIMIZERS
from simulator.spec import ACTIVATIONS
from ui.commands import edit
from ui.editor import style

HIDDEN_ACTIVATIONS = [a for a in ACTIVATIONS if a not in ("softmax", "step")]


@pytest.fixture
def window(qtbot):
    from ui.main_window import MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    w.files.show_error = lambda title, message: pytest.fail(f"{title}: {message}")
    w.files.ask_unsaved = lambda: "discard"
    w.show()
    yield w
    w.document.mark_dirty(False)
    training = getattr(w, "training", None)
    if training is not None:
        training.shutdown()
    w.close()
    del w
    # Collect this window's Qt objects now, on the GUI thread: a collection that a later
    # test's Python thread happens to run deadlocks in ~QObject (seen once in the suite).
    gc.collect()


def _state(doc):
    return (doc.spec.to_dict(), [(W.tobytes(), b.tobytes()) for W, b in doc.weights],
            doc.settings.to_dict(), doc.data_source.to_dict())


def _check_canvas(window):
    doc, scene = window.document, window.canvas.scene()
    sizes = doc.spec.sizes
    assert [scene.layer_item(c).units for c in range(len(sizes))] == list(sizes)
    assert len(scene.groups) == len(doc.spec.layers)
    for k, ((W, _b), layer) in enumerate(zip(doc.weights, doc.spec.layers, strict=True)):
        rows = min(W.shape[0], style.MAX_VISIBLE)
        cols = min(W.shape[1], style.MAX_VISIBLE)
        for i in range(rows):
            for j in range(cols):
                item = scene.connection_item(k, i, j)
                connected = layer.mask is None or bool(layer.mask[i, j])
                assert item.connected == connected, (k, i, j)
                if connected:
                    assert item.value == pytest.approx(float(W[i, j]), rel=1e-6, abs=1e-12)


def _action(rng: random.Random, window, tmp_path):
    doc, ctl = window.document, window.editor.controller
    stack = window.undo_stack
    n_layers = len(doc.spec.layers)
    hidden = list(range(n_layers - 1))
    kind = rng.choice(["insert", "remove", "move", "units", "activation", "connection",
                       "weight", "bias", "settings", "split", "reset", "undo", "undo",
                       "redo", "save_open"])
    if kind == "insert" and n_layers < 6:
        ctl.insert_layer(rng.randrange(n_layers), rng.choice(HIDDEN_ACTIVATIONS),
                         rng.randint(1, 6))
    elif kind == "remove" and hidden:
        ctl.remove_layer(rng.choice(hidden))
    elif kind == "move" and len(hidden) > 1:
        ctl.move_layer(rng.choice(hidden), rng.choice(hidden))
    elif kind == "units":
        column = rng.randrange(len(doc.spec.sizes))  # input and output columns are refused
        ctl.set_units(column, rng.randint(1, 8))
    elif kind == "activation" and hidden:
        ctl.set_layer_fields(rng.choice(hidden), activation=rng.choice(HIDDEN_ACTIVATIONS))
    elif kind in ("connection", "weight", "bias"):
        k = rng.randrange(n_layers)
        W, _b = doc.weights[k]
        i, j = rng.randrange(W.shape[0]), rng.randrange(W.shape[1])
        if kind == "connection":
            ctl.toggle_connection(k, i, j)
        elif kind == "weight" and ctl.is_connected(k, i, j):
            ctl.set_weight(k, i, j, rng.uniform(-3, 3))
        elif kind == "bias":
            ctl.set_bias(k, j, rng.uniform(-3, 3))
    elif kind == "settings":
        changes = rng.choice([{"learning_rate": rng.choice(LEARNING_RATES)},
                              {"optimizer": rng.choice(OPTIMIZERS[:4])},
                              {"loss": rng.choice(LOSSES[:2])},
                              {"batch_size": rng.randint(1, 64)},
                              {"seed": rng.randrange(2**31)}])
        edit(stack, doc, "monkey", lambda: doc.set_settings(**changes))
    elif kind == "split":
        window.findChild(_panel_type()).split.setValue(rng.choice(range(10, 101, 5)))
    elif kind == "reset":
        edit(stack, doc, "monkey", doc.reset_weights)
    elif kind == "undo" and stack.canUndo():
        for _ in range(rng.randint(1, 5)):
            stack.undo()
    elif kind == "redo" and stack.canRedo():
        for _ in range(rng.randint(1, 3)):
            stack.redo()
    elif kind == "save_open" and rng.random() < 0.1:
        path = tmp_path / "monkey.annproj"
        assert window.files.save_to(path)
        before = _state(doc)
        assert window.files.open_path(path, ask=False)
        assert _state(doc) == before
        return "opened"
    return kind


def _panel_type():
    from ui.training.panel import TrainingPanel
    return TrainingPanel


def _run(window, tmp_path, n: int, seed: int):
    rng = random.Random(seed)
    stack = window.undo_stack
    start = _state(window.document)
    for step in range(n):
        if _action(rng, window, tmp_path) == "opened":
            start = _state(window.document)  # opening starts a new undo history
        try:
            _check_canvas(window)
        except AssertionError as exc:
            raise AssertionError(f"after action {step + 1} (seed {seed}): {exc}") from exc
        for W, b in window.document.weights:
            assert np.isfinite(W).all() and np.isfinite(b).all()
    while stack.canUndo():
        stack.undo()
    assert _state(window.document) == start
    _check_canvas(window)


@pytest.mark.qt_log_level_fail("CRITICAL")
def test_random_use_keeps_document_and_canvas_in_agreement(window, tmp_path):
    _run(window, tmp_path, 1000, seed=17)


@pytest.mark.soak
@pytest.mark.qt_log_level_fail("CRITICAL")
def test_random_use_soak(window, tmp_path):
    _run(window, tmp_path, int(os.environ.get("MONKEY_ACTIONS", "100000")), seed=1717)
