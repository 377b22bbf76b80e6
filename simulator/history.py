"""A training history that stays small: the newest rows as dicts, older ones as tables.

One row per epoch (``EpochStats.to_dict()``) as a dict takes ~1.5-2.2 KB; at the 1 000
epochs a second a small network trains, an hour would hold 5-8 GB. Every ``CHUNK`` rows
are therefore packed into a float64 table (``history_io.encode``, ~8 bytes a number,
about a seventh) as soon as they are complete. The project file stores those very
tables, so saving a long run costs only the newest rows.

It reads like the list of dicts it replaces (``len``, ``[i]``, slices, iteration,
``==`` with a list); packed rows are unpacked one chunk at a time when read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from . import history_io


class History(Sequence):
    """Per-epoch rows, oldest first. Rows are never changed once added."""

    def __init__(self, rows: Iterable[dict] = ()) -> None:
        self._chunks: list[tuple[dict, np.ndarray]] = []  # CHUNK rows each
        #: A short packed chunk read from a file (fewer than CHUNK rows), after _chunks; it
        #: is unpacked into _tail only when a row is added or read (loading builds no rows).
        self._open: tuple[dict, np.ndarray] | None = None
        self._tail: list[dict] = []
        self._unpacked: tuple[int, list[dict]] | None = None  # (chunk index, its rows)
        self._last: dict | None = None
        self.extend(rows)

    @classmethod
    def from_chunks(cls, chunks: list[tuple[dict, np.ndarray]]) -> History:
        """A history read from a file: every chunk but the last has CHUNK rows; all stay
        packed (ValueError, saying what, for a malformed chunk)."""
        h = cls()
        for k, (schema, table) in enumerate(chunks):
            history_io.check(schema, table)
            rows = schema["rows"]
            if rows != history_io.CHUNK and k != len(chunks) - 1:
                raise ValueError(f"table {k} has {rows} rows; every table but the last "
                                 f"holds {history_io.CHUNK}")
            if rows == history_io.CHUNK:
                h._chunks.append((schema, table))
            elif rows:
                h._open = (schema, table)
        if len(h):
            schema, table = h._open or h._chunks[-1]
            h._last = history_io.decode(schema, table, schema["rows"] - 1, checked=True)[0]
        return h

    # -- growing -------------------------------------------------------------------------
    def extend(self, rows: Iterable[dict]) -> None:
        for row in rows:
            self.append(row)

    def append(self, row: dict) -> None:
        if not isinstance(row, dict):
            raise TypeError(f"a history row must be a dict, got {type(row).__name__}")
        self._unpack_open()
        self._tail.append(row)
        self._last = row  # the row read most (status bar, plots), without unpacking
        if len(self._tail) == history_io.CHUNK:
            self._chunks.append(history_io.encode(self._tail))
            self._tail = []

    def copy(self) -> History:
        """An independent history sharing the (immutable) packed tables and rows."""
        h = History()
        h._chunks, h._open = list(self._chunks), self._open
        h._tail, h._last = list(self._tail), self._last
        return h

    def chunks(self) -> list[tuple[dict, np.ndarray]]:
        """The whole history as (schema, table) chunks, as project files store it."""
        if self._open is not None:
            return self._chunks + [self._open]
        return self._chunks + ([history_io.encode(self._tail)] if self._tail else [])

    def _unpack_open(self) -> None:
        if self._open is not None:
            self._tail = history_io.decode(*self._open, checked=True)
            self._open = None

    # -- reading ---------------------------------------------------------------------------
    def numbers(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """Every row's numbers under ``key``, read from the packed tables without building
        rows (plots of a long run want a few columns, not a million dicts):
        (values (rows, width) float64, NaN-padded; lengths (rows,) numbers per row, 0
        where a row has none)."""
        parts = [history_io.numbers(schema, table, key)
                 for schema, table in self._chunks + ([self._open] if self._open else [])]
        parts.append(_tail_numbers(self._tail, key))
        width = max(v.shape[1] for v, _ in parts)
        values = np.full((len(self), width), np.nan)
        lengths = np.zeros(len(self), dtype=np.intp)
        start = 0
        for v, m in parts:
            values[start:start + len(v), : v.shape[1]] = v
            lengths[start:start + len(v)] = m
            start += len(v)
        return values, lengths

    def column(self, key: str) -> np.ndarray:
        """The number under ``key`` in every row (NaN where a row has none)."""
        values, lengths = self.numbers(key)
        return np.where(lengths == 1, values[:, 0], np.nan)

    def __len__(self) -> int:
        open_rows = self._open[0]["rows"] if self._open is not None else 0
        return len(self._chunks) * history_io.CHUNK + open_rows + len(self._tail)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("history index out of range")
        if index == n - 1:
            return self._last
        k, i = divmod(index, history_io.CHUNK)
        if k == len(self._chunks):
            self._unpack_open()
            return self._tail[i]
        return self._chunk_rows(k)[i]

    def __iter__(self) -> Iterator[dict]:
        for k in range(len(self._chunks)):
            yield from self._chunk_rows(k)
        self._unpack_open()
        yield from list(self._tail)

    def __eq__(self, other) -> bool:
        if isinstance(other, (History, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other,
                                                                          strict=True))
        return NotImplemented

    __hash__ = None  # mutable

    def __repr__(self) -> str:
        return f"History({len(self)} rows, {len(self._chunks)} packed chunks)"

    def _chunk_rows(self, k: int) -> list[dict]:
        if self._unpacked is None or self._unpacked[0] != k:
            self._unpacked = (k, history_io.decode(*self._chunks[k], checked=True))
        return self._unpacked[1]


def _tail_numbers(rows: list[dict], key: str) -> tuple[np.ndarray, np.ndarray]:
    numbers = []
    for row in rows:
        v = row.get(key)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            numbers.append([v])
        elif isinstance(v, list) and all(isinstance(x, (int, float)) and not isinstance(x, bool)
                                         for x in v):
            numbers.append(v)
        else:
            numbers.append([])
    lengths = np.array([len(v) for v in numbers], dtype=np.intp)
    values = np.full((len(rows), max(lengths, default=1) or 1), np.nan)
    for i, v in enumerate(numbers):
        values[i, : len(v)] = v
    return values, lengths

