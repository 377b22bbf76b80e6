"""Undoable edits of the document.

Every edit is a function that mutates the :class:`~simulator.document.Document`
through its setters. :func:`edit` runs it and pushes a QUndoCommand holding
whole-document snapshots from before and after, so undo and redo restore the
document exactly, weights included.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from simulator.document import Document
from simulator.errors import SimulatorError


class SnapshotCommand(QUndoCommand):
    """Undo puts back ``before``; redo puts back ``after`` (the edit already ran once)."""

    def __init__(self, document: Document, text: str, before: dict, after: dict):
        super().__init__(text)
        self._doc, self._before, self._after = document, before, after
        self._pushed = False

    def redo(self) -> None:
        if self._pushed:
            self._doc.restore(self._after)
        self._pushed = True  # QUndoStack.push calls redo() once; the edit is already done

    def undo(self) -> None:
        self._doc.restore(self._before)


def edit(stack: QUndoStack, document: Document, text: str,
         mutate: Callable[[], None]) -> str | None:
    """Apply ``mutate`` as one undoable step named ``text``.

    Returns None on success, or the reason when the document refused the edit;
    the document is then exactly as before and nothing is pushed.
    """
    before, was_dirty = document.snapshot(), document.dirty
    try:
        mutate()
    except SimulatorError as exc:
        document.restore(before)  # setters validate first; this undoes any partial step
        document.mark_dirty(was_dirty)  # a refused edit is not an unsaved change
        return str(exc)
    stack.push(SnapshotCommand(document, text, before, document.snapshot()))
    return None
