"""The loop's finished epochs, packed by column for the next snapshot.

``EpochStats.to_dict()`` per epoch cost ~26 µs (``dataclasses.asdict`` copies every
list), on the compiled engine almost half the ~60 µs an epoch of the Playground network
takes; the rows then crossed the pipe as dicts and were unpickled on the GUI thread.
Instead the loop keeps one tuple of field values per epoch (``attrgetter``, ~1 µs) and
packs them by column when a snapshot leaves (``history_io.encode_columns``, a few µs a
row). The result equals ``history_io.encode`` of the ``to_dict()`` rows, table and
schema alike: a number that is not finite still becomes None, column by column.
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter

import numpy as np

from simulator import history_io
from simulator.history_io import MISSING, Block
from simulator.stats import EpochStats, _finite_or_none

#: EpochStats' fields in ``to_dict()`` order ("epoch" first).
FIELDS = tuple(f.name for f in fields(EpochStats))
_values = attrgetter(*FIELDS)


class PendingRows:
    """Rows finished since the last snapshot: ``add(stats, epoch)``, ``len``, ``take()``."""

    def __init__(self) -> None:
        self._rows: list[tuple] = []
        self._epochs: list[int] = []
        self._restored: list = []

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, stats: EpochStats, epoch: int) -> None:
        """The epoch's row (``stats.to_dict()`` with ``epoch`` as the run counts it, and
        so an early stop's ``restored_epoch``: the trainer counts from this job's start)."""
        self._rows.append(_values(stats))  # the values now: lists are the trainer's new ones
        self._epochs.append(int(epoch))
        restored = stats.restored_epoch
        self._restored.append(MISSING if restored is None else
                              int(restored) + int(epoch) - stats.epoch)

    def take(self) -> Block:
        """The rows so far as one block; none are left here."""
        rows, epochs, restored = self._rows, self._epochs, self._restored
        self._rows, self._epochs, self._restored = [], [], []
        by_key = {}
        if rows:
            by_key = dict(zip(FIELDS, map(_as_in_dict, zip(*rows, strict=True)), strict=True))
            by_key["epoch"] = epochs
            # like to_dict(): only rows of an early stop hold the key; where the first row
            # lacks it, first-seen order puts it last
            del by_key["restored_epoch"]
            if restored[0] is not MISSING:
                by_key = {k: v for k, v in _in_field_order(by_key, restored)}
            elif any(r is not MISSING for r in restored):
                by_key["restored_epoch"] = restored
        return Block(*history_io.encode_columns(len(rows), by_key))


def _in_field_order(by_key: dict, restored: list):
    """``by_key``'s columns with ``restored_epoch`` back at its field's place."""
    for name in FIELDS:
        yield name, restored if name == "restored_epoch" else by_key[name]


def _as_in_dict(values: tuple) -> list:
    """One field's values as ``to_dict()`` has them: non-finite floats (alone or in a list)
    become None. Checked for the whole column at once, mapped one by one only if needed."""
    types = set(map(type, values))
    if types <= {int, str, bool, _NONE}:
        return list(values)
    if types <= {float, int, _NONE} or types == {list}:
        numbers = [v for v in values if v is not None] if _NONE in types else values
        try:
            if np.isfinite(np.array(numbers, dtype=np.float64)).all():
                return list(values)
        except (TypeError, ValueError):  # lists of differing lengths, or not of numbers
            pass
    return [_finite_or_none(v) for v in values]


_NONE = type(None)
