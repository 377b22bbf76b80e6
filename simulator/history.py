"""A training history that stays small: the newest rows as dicts, older ones as tables.

One row per epoch (``EpochStats.to_dict()``) as a dict takes ~1.5-2.2 KB; at the 1 000
epochs a second a small network trains, an hour would hold 5-8 GB. Every ``CHUNK`` rows
are therefore packed into a float64 table (``history_io.encode``, ~8 bytes a number,
about a seventh) as soon as they are complete. The project file stores those very
tables, so saving a long run costs only the newest rows.

It reads like the list of dicts it replaces (``len``, ``[i]``, slices, iteration,
``==`` with a list); packed rows are unpacked one chunk at a time when read.

Packing a chunk takes 70-250 ms of Python, which on the GUI thread was one frozen
frame every 8 192 epochs (every ~1.4 s on the compiled engine): a full chunk is
packed by a background thread and reads as its rows until the table is ready. The
plots read the newest rows' numbers 30 times a second, so those are computed once
per row (:class:`_Columns`), not once per redraw.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from . import history_io

_packer: ThreadPoolExecutor | None = None


def _pack(rows: list[dict]) -> Future:
    """``history_io.encode(rows)`` in the packing thread (rows are never changed)."""
    global _packer
    if _packer is None:
        _packer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="history-pack")
    return _packer.submit(history_io.encode, rows)


class History(Sequence):
    """Per-epoch rows, oldest first. Rows are never changed once added."""

    def __init__(self, rows: Iterable[dict] = ()) -> None:
        self._chunks: list[tuple[dict, np.ndarray]] = []  # CHUNK rows each
        #: Full chunks after the packed ones, being packed: (rows, future, their _Columns).
        self._packing: list[tuple[list[dict], Future, _Columns]] = []
        #: A short packed chunk read from a file (fewer than CHUNK rows), after _chunks; it
        #: is unpacked into _tail only when a row is added or read (loading builds no rows).
        self._open: tuple[dict, np.ndarray] | None = None
        self._tail: list[dict] = []
        self._tail_columns = _Columns()
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
            self._packing.append((self._tail, _pack(self._tail), self._tail_columns))
            self._tail, self._tail_columns = [], _Columns()
        self._settle()

    def _settle(self, wait: bool = False) -> None:
        """Move chunks whose table is ready (all of them if ``wait``) to the packed ones."""
        while self._packing and (wait or self._packing[0][1].done()):
            self._chunks.append(self._packing.pop(0)[1].result())

    def copy(self) -> History:
        """An independent history sharing the (immutable) packed tables and rows."""
        h = History()
        h._chunks, h._packing, h._open = list(self._chunks), list(self._packing), self._open
        h._tail, h._last = list(self._tail), self._last
        return h

    def chunks(self) -> list[tuple[dict, np.ndarray]]:
        """The whole history as (schema, table) chunks, as project files store it."""
        self._settle(wait=True)
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
        self._settle()
        parts = [history_io.numbers(schema, table, key)
                 for schema, table in self._chunks + ([self._open] if self._open else [])]
        parts += [columns.numbers(rows, key) for rows, _, columns in self._packing]
        parts.append(self._tail_columns.numbers(self._tail, key))
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
        return ((len(self._chunks) + len(self._packing)) * history_io.CHUNK + open_rows
                + len(self._tail))

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
        return self._block(k)[i]

    def __iter__(self) -> Iterator[dict]:
        for k in range(len(self._chunks) + len(self._packing)):
            yield from self._block(k)
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

    def _block(self, k: int) -> list[dict]:
        """The rows of the k-th block of CHUNK rows (the last one may be the short tail)."""
        if k >= len(self._chunks) + len(self._packing):
            self._unpack_open()
            return self._tail
        if k >= len(self._chunks):
            return self._packing[k - len(self._chunks)][0]
        return self._chunk_rows(k)

    def _chunk_rows(self, k: int) -> list[dict]:
        if self._unpacked is None or self._unpacked[0] != k:
            self._unpacked = (k, history_io.decode(*self._chunks[k], checked=True))
        return self._unpacked[1]


class _Columns:
    """The numbers of a growing block of at most CHUNK rows, by key, each row read once."""

    def __init__(self) -> None:
        self._by_key: dict[str, tuple[int, np.ndarray, np.ndarray]] = {}

    def numbers(self, rows: list[dict], key: str) -> tuple[np.ndarray, np.ndarray]:
        """As :func:`_tail_numbers` (rows may only have grown since the last call)."""
        done, values, lengths = self._by_key.get(key, (0, None, None))
        n = len(rows)
        if values is None or done < n:
            new, counts = _tail_numbers(rows[done:], key)
            if values is None:
                values = np.full((history_io.CHUNK, 1), np.nan)
                lengths = np.zeros(history_io.CHUNK, dtype=np.intp)
            if new.shape[1] > values.shape[1]:
                wider = np.full((history_io.CHUNK, new.shape[1]), np.nan)
                wider[:, : values.shape[1]] = values
                values = wider
            values[done:n, : new.shape[1]] = new
            lengths[done:n] = counts
            self._by_key[key] = (n, values, lengths)
        width = max(int(lengths[:n].max(initial=1)), 1)
        return values[:n, :width], lengths[:n]


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

