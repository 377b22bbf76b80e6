"""What one undoable edit changed, kept small.

An undo step remembers only the parts of the document that the edit changed. Weight
arrays are never written in place by the document (every setter makes new arrays), so
the snapshots share them instead of copying; a weight edit is stored as the few
entries that differ (flat index, old and new values), not as two copies of every
matrix: one edited weight of a 4096 x 4096 layer costs a few bytes instead of 2 x 64 MB.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: An array is stored sparsely while at most 1/SPARSE_FRACTION of its entries changed.
SPARSE_FRACTION = 4
#: The parts of a snapshot besides the weights; data travels with its source.
PARTS = ("spec", "settings", "data")


@dataclass
class ArrayDiff:
    """One array before and after an edit: ``index`` into the flattened array with the
    ``old`` and ``new`` values there, or (``index`` None) both whole arrays."""

    index: np.ndarray | None
    old: np.ndarray
    new: np.ndarray

    @classmethod
    def between(cls, a: np.ndarray, b: np.ndarray) -> ArrayDiff | None:
        """None when ``b`` equals ``a``."""
        if a is b:
            return None
        if a.shape == b.shape and a.dtype == b.dtype:
            index = np.flatnonzero(a != b)
            if index.size == 0:
                return None
            if index.size <= a.size // SPARSE_FRACTION:
                return cls(index, a.ravel()[index], b.ravel()[index])
        return cls(None, a, b)

    def apply(self, current: np.ndarray, which: str) -> np.ndarray:
        """``current`` with the ``which`` ("old" or "new") side put back, as a new array."""
        values = self.old if which == "old" else self.new
        if self.index is None:
            return values
        out = current.copy()
        out.ravel()[self.index] = values
        return out

    @property
    def nbytes(self) -> int:
        return self.old.nbytes + self.new.nbytes + (0 if self.index is None else self.index.nbytes)


class Change:
    """The difference between two :meth:`Document.snapshot` results.

    :meth:`state` gives the parts to pass to :meth:`Document.restore`: only what the
    edit changed, so undoing a learning-rate change leaves the weights (which training
    may have moved on since) alone, and undoing one weight edit puts back that weight
    only.
    """

    def __init__(self, before: dict, after: dict) -> None:
        #: name -> (before, after) for the parts that differ (``data`` with its source).
        self.parts = {}
        for name in PARTS:
            a, b = before[name], after[name]
            if (a is not b) if name == "data" else (a != b):
                self.parts[name] = (a, b)
        if "data" in self.parts:
            self.parts["data_source"] = (before["data_source"], after["data_source"])
        Wa, Wb = before["weights"], after["weights"]
        #: Per layer (W diff, b diff), or None when no weight changed; whole lists when
        #: the layers themselves changed (topology edits).
        self.weights: list[tuple] | tuple | None = None
        if "spec" in self.parts:
            self.weights = (Wa, Wb)
        else:
            diffs = [(ArrayDiff.between(a[0], b[0]), ArrayDiff.between(a[1], b[1]))
                     for a, b in zip(Wa, Wb, strict=True)]
            if any(d is not None for pair in diffs for d in pair):
                self.weights = diffs

    @property
    def empty(self) -> bool:
        return not self.parts and self.weights is None

    def state(self, which: str, current_weights) -> dict:
        """The ``which`` side ("old" or "new") of every changed part, for ``restore``."""
        side = 0 if which == "old" else 1
        out = {name: pair[side] for name, pair in self.parts.items()}
        if isinstance(self.weights, tuple):
            out["weights"] = self.weights[side]
        elif self.weights is not None:
            out["weights"] = [
                tuple(arr if d is None else d.apply(arr, which) for d, arr in zip(pair, cur,
                                                                                   strict=True))
                for pair, cur in zip(self.weights, current_weights, strict=True)]
        return out

    @property
    def nbytes(self) -> int:
        """Bytes of weight data this change holds on its own (diffs; shared lists count 0)."""
        if not isinstance(self.weights, list):
            return 0
        return sum(d.nbytes for pair in self.weights for d in pair if d is not None)
