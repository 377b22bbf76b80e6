"""Undo and redo restore the document exactly."""

import numpy as np
from PySide6.QtGui import QUndoStack

from simulator import DataSource
from simulator.document import Document
from ui.commands import edit


def test_edit_undo_redo_and_refusal(qapp):
    doc = Document(data_source=DataSource(name="xor", params={"n_points": 50}))
    stack = QUndoStack()
    spec0, w0 = doc.spec.copy(), [(W.copy(), b.copy()) for W, b in doc.weights]
    assert edit(stack, doc, "remove layer", lambda: doc.set_spec(doc.spec.with_layer_removed(0))) \
        is None
    spec1 = doc.spec.copy()
    stack.undo()
    assert doc.spec == spec0
    assert all(np.array_equal(a[0], b[0]) for a, b in zip(doc.weights, w0, strict=True))
    stack.redo()
    assert doc.spec == spec1
    doc.mark_dirty(False)
    message = edit(stack, doc, "bad", lambda: doc.set_spec(doc.spec.with_units(0, 7)))
    assert message and "inputs" in message and stack.count() == 1 and doc.spec == spec1
    assert not doc.dirty
