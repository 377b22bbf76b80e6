"""Undo and redo: shortcuts, what undo tells the training worker, bounded memory."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack

from simulator.document import Document
from simulator.settings import DataSource, TrainingSettings
from ui.commands import edit


@pytest.fixture
def bare_window(qtbot, monkeypatch):
    from ui import main_window

    class GnomeKeys(QKeySequence):
        """The platform's Redo as GNOME and KDE define it (offscreen Qt says Ctrl+Y)."""
        Redo = QKeySequence("Ctrl+Shift+Z")

    monkeypatch.setattr(main_window, "QKeySequence", GnomeKeys)
    w = main_window.MainWindow(install_parts=False)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    return w


@pytest.mark.parametrize("keys", [(Qt.Key_Y, Qt.ControlModifier),
                                  (Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)])
def test_redo_shortcuts_work_without_ambiguity(bare_window, qtbot, qtlog, keys):
    doc, stack = bare_window.document, bare_window.undo_stack
    edit(stack, doc, "rate", lambda: doc.set_settings(learning_rate=0.3))
    qtbot.keyClick(bare_window, Qt.Key_Z, Qt.ControlModifier)
    assert doc.settings.learning_rate == 0.03
    qtbot.keyClick(bare_window, *keys)
    assert doc.settings.learning_rate == 0.3
    assert not [r for r in qtlog.records if "Ambiguous" in r.message]


def _xor_document():
    return Document(spec={"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                                  {"units": 1, "activation": "sigmoid"}]},
                    settings=TrainingSettings(learning_rate=1.0, batch_size=4, seed=1),
                    data_source=DataSource(name="xor_gate", train_ratio=1.0))


def _record(doc):
    seen = []
    for name in ("spec", "weights", "settings", "data", "history"):
        getattr(doc.events, name).connect(lambda *a, name=name: seen.append((name, *a)))
    return seen


def test_undo_during_training_sends_weights_only_for_weight_edits(qtbot):
    from ui.training.controller import TrainingController
    doc, stack = _xor_document(), QUndoStack()
    ctl = TrainingController(doc, mode="thread")
    sent = []
    send = ctl._send
    ctl._send = lambda *cmd: (sent.append(cmd[0]), send(*cmd))
    try:
        ctl.train()
        qtbot.waitUntil(lambda: ctl.epoch >= 5, timeout=20000)
        edit(stack, doc, "rate", lambda: doc.set_settings(learning_rate=0.3))
        qtbot.waitUntil(lambda: ctl.epoch >= 20, timeout=20000)
        stack.undo()
        stack.redo()
        assert doc.settings.learning_rate == 0.3
        assert "weights" not in sent  # the document's older weights never reach the worker
        old = float(doc.weights[0][0][0, 0])
        edit(stack, doc, "weight", lambda: doc.set_weight(0, 0, 0, 5.0))
        assert sent.count("weights") == 1
        stack.undo()  # undoing a weight edit is a weight edit: the worker gets it
        assert sent.count("weights") == 2 and float(doc.weights[0][0][0, 0]) == old
    finally:
        ctl.shutdown()


def test_refused_edit_emits_nothing():
    doc, stack = _xor_document(), QUndoStack()
    seen = _record(doc)
    message = edit(stack, doc, "bad", lambda: doc.set_spec(doc.spec.with_units(0, 5)))
    assert message and seen == [] and stack.count() == 0


def test_undo_of_a_settings_change_emits_no_weights_event():
    doc, stack = _xor_document(), QUndoStack()
    edit(stack, doc, "rate", lambda: doc.set_settings(learning_rate=0.3))
    seen = _record(doc)
    stack.undo()
    assert seen == [("settings", {"learning_rate"})]


def test_a_weight_edit_is_stored_as_a_diff_and_undoes_exactly():
    doc = Document(spec={"inputs": 2, "layers": [{"units": 1024, "activation": "tanh"},
                                                 {"units": 1024, "activation": "tanh"},
                                                 {"units": 1, "activation": "sigmoid"}]},
                   data_source=DataSource(name="xor_gate", train_ratio=1.0))
    stack = QUndoStack()
    before = [(W.copy(), b.copy()) for W, b in doc.weights]
    edit(stack, doc, "weight", lambda: doc.set_weight(1, 3, 4, 2.5))
    edit(stack, doc, "bias", lambda: doc.set_bias(1, 7, -1.5))
    after = [(W.copy(), b.copy()) for W, b in doc.weights]
    held = [stack.command(k).change.nbytes for k in range(stack.count())]
    assert max(held) < 64  # a few values and indices, not 2 x 4 MB of matrices
    stack.undo()
    stack.undo()
    assert _equal(doc.weights, before)
    stack.redo()
    stack.redo()
    assert _equal(doc.weights, after)


def test_the_undo_stack_is_bounded(bare_window):
    from ui.commands import UNDO_LIMIT
    assert 0 < bare_window.undo_stack.undoLimit() == UNDO_LIMIT


def _equal(a, b):
    return all(np.array_equal(x, y) for pa, pb in zip(a, b, strict=True)
               for x, y in zip(pa, pb, strict=True))
