"""Undoable edits of the document.

Every edit is a function that mutates the :class:`~simulator.document.Document`
through its setters. :func:`edit` runs it and pushes a QUndoCommand holding what the
edit changed (a :class:`~simulator.changes.Change`: the changed parts only, weights as
diffs), so undo and redo put back exactly those parts and leave the rest, e.g. the
weights training has moved on since a learning-rate change, alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from simulator.changes import Change
from simulator.document import Document
from simulator.errors import SimulatorError

#: Undo steps kept per window (older ones are dropped).
UNDO_LIMIT = 200


class ChangeCommand(QUndoCommand):
    """Undo puts back the old side of ``change``; redo the new one (the edit already ran)."""

    def __init__(self, document: Document, text: str, change: Change):
        super().__init__(text)
        self._doc, self.change = document, change
        self._pushed = False

    def redo(self) -> None:
        if self._pushed:
            self._doc.restore(self.change.state("new", self._doc.weights))
        self._pushed = True  # QUndoStack.push calls redo() once; the edit is already done

    def undo(self) -> None:
        self._doc.restore(self.change.state("old", self._doc.weights))


def edit(stack: QUndoStack, document: Document, text: str,
         mutate: Callable[[], None]) -> str | None:
    """Apply ``mutate`` as one undoable step named ``text``.

    Returns None on success, or the reason when the document refused the edit;
    the document is then exactly as before, no event said otherwise, and nothing is pushed.
    """
    before, was_dirty = document.snapshot(), document.dirty
    try:
        mutate()
    except SimulatorError as exc:
        document.restore(before)  # setters validate first; this undoes any partial step
        document.mark_dirty(was_dirty)  # a refused edit is not an unsaved change
        return str(exc)
    change = Change(before, document.snapshot())
    if not change.empty:
        stack.push(ChangeCommand(document, text, change))
    return None
