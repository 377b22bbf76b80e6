"""A training history that stays small: its rows as float64 tables, not dicts.

One row per epoch (``EpochStats.to_dict()``) as a dict takes ~1.5-2.2 KB; at the 1 000
epochs a second a small network trains, an hour would hold 5-8 GB. The rows are kept as
``history_io`` tables instead (~8 bytes a number, about a seventh), in chunks of
``CHUNK`` rows; the project file stores those very tables, so saving a long run costs
only the newest rows.

It reads like the list of dicts it replaces (``len``, ``[i]``, slices, iteration,
``==`` with a list); packed rows are unpacked one chunk at a time when read.

Two ways in. The training loop sends its rows already packed (a
:class:`~simulator.history_io.Block` per snapshot, ~270 rows at the compiled engine's
speed): :meth:`History.extend` keeps the block as it is, with no Python work per row.
Rows added one at a time (the command line's training) wait as dicts. A full chunk's
parts are joined into one table in a background thread (packing 8 192 dicts took
70-250 ms of Python: on the GUI thread, a frozen frame), and the chunk reads as its
parts until the table is ready.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from . import history_io
from .history_io import CHUNK, Block

_packer: ThreadPoolExecutor | None = None
#: Blocks the growing end holds before it joins them (reading it costs one step each).
TAIL_BLOCKS = 32


def _joined(parts: list) -> tuple[dict, np.ndarray]:
    """One (schema, table) of ``parts``: blocks and lists of row dicts, in order."""
    block = history_io.concat([p if isinstance(p, Block) else Block.from_rows(p)
                               for p in parts])
    return block.schema, block.table


def _pack(parts: list) -> Future:
    """:func:`_joined` in the packing thread (the parts are never changed)."""
    global _packer
    if _packer is None:
        _packer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="history-pack")
    return _packer.submit(_joined, parts)


class History(Sequence):
    """Per-epoch rows, oldest first. Rows are never changed once added."""

    def __init__(self, rows: Iterable[dict] = ()) -> None:
        #: Full chunks, packed: (schema, table) of CHUNK rows each.
        self._chunks: list[tuple[dict, np.ndarray]] = []
        #: Full chunks after them, being packed: (their parts, the future table).
        self._packing: list[tuple[list, Future]] = []
        #: The growing end after the full chunks, fewer than CHUNK rows: blocks (at most
        #: TAIL_BLOCKS and a few), then rows added one at a time, as dicts.
        self._tail: list[Block] = []
        self._pending: list[dict] = []
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
            if rows != CHUNK and k != len(chunks) - 1:
                raise ValueError(f"table {k} has {rows} rows; every table but the last "
                                 f"holds {CHUNK}")
            if rows == CHUNK:
                h._chunks.append((schema, table))
            elif rows:
                h._tail.append(Block(schema, table))
        return h

    # -- growing -------------------------------------------------------------------------
    def extend(self, rows: Iterable[dict] | Block) -> None:
        """Add rows: a :class:`~simulator.history_io.Block` (stacked as it is) or dicts."""
        if isinstance(rows, Block):
            self._extend_block(rows)
            return
        for row in rows:
            self.append(row)

    def append(self, row: dict) -> None:
        if not isinstance(row, dict):
            raise TypeError(f"a history row must be a dict, got {type(row).__name__}")
        self._pending.append(row)
        self._last = row  # the row read most (status bar, plots), without unpacking
        if self._tail_len() == CHUNK:
            self._packing.append((self._tail + [self._pending], _pack(self._tail +
                                                                     [self._pending])))
            self._tail, self._pending = [], []
        self._settle()

    def _extend_block(self, block: Block) -> None:
        if not len(block):
            return
        self._flush_pending()
        self._add_to_tail(block)
        self._last = None  # read from the tail when asked
        while self._tail_len() >= CHUNK:
            parts, need = [], CHUNK
            while need:
                first = self._tail[0]
                if len(first) <= need:
                    parts.append(self._tail.pop(0))
                else:
                    parts.append(history_io.take(first, 0, need))
                    self._tail[0] = history_io.take(first, need, len(first))
                need -= len(parts[-1])
            if len(parts) == 1:
                self._chunks.append((parts[0].schema, parts[0].table))
            else:
                self._packing.append((parts, _pack(parts)))
        self._settle()

    def _add_to_tail(self, block: Block) -> None:
        """Blocks are kept as they come (stacking the growing end onto each new one copied
        it all, ~2 ms a snapshot); every TAIL_BLOCKS, each run of stackable ones is joined
        in one concat (joining them one by one copied the run 32 times: up to 47 ms)."""
        self._tail.append(block)
        if len(self._tail) > TAIL_BLOCKS:
            runs = [[self._tail[0]]]
            for b in self._tail[1:]:
                if history_io.stackable(runs[-1][-1], b):
                    runs[-1].append(b)
                else:
                    runs.append([b])
            self._tail = [history_io.concat(run) for run in runs]

    def _flush_pending(self) -> None:
        if self._pending:
            rows, self._pending = self._pending, []
            self._add_to_tail(Block.from_rows(rows))

    def _tail_len(self) -> int:
        return sum(map(len, self._tail)) + len(self._pending)

    def _settle(self, wait: bool = False) -> None:
        """Move chunks whose table is ready (all of them if ``wait``) to the packed ones."""
        while self._packing and (wait or self._packing[0][1].done()):
            self._chunks.append(self._packing.pop(0)[1].result())

    def copy(self) -> History:
        """An independent history sharing the (immutable) packed tables, blocks and rows."""
        h = History()
        h._chunks, h._packing = list(self._chunks), list(self._packing)
        h._tail, h._pending, h._last = list(self._tail), list(self._pending), self._last
        return h

    def chunks(self) -> list[tuple[dict, np.ndarray]]:
        """The whole history as (schema, table) chunks, as project files store it."""
        self._settle(wait=True)
        if self._tail or self._pending:
            return self._chunks + [_joined(self._tail + [self._pending])]
        return list(self._chunks)

    # -- reading ---------------------------------------------------------------------------
    def numbers(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """Every row's numbers under ``key``, read from the packed tables without building
        rows (plots of a long run want a few columns, not a million dicts):
        (values (rows, width) float64, NaN-padded; lengths (rows,) numbers per row, 0
        where a row has none)."""
        self._settle()
        parts = [history_io.numbers(schema, table, key) for schema, table in self._chunks]
        parts += [_numbers(p, key) for ps, _ in self._packing for p in ps]
        parts += [b.numbers(key) for b in self._tail]
        parts.append(_numbers(self._pending, key))
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
        return (len(self._chunks) + len(self._packing)) * CHUNK + self._tail_len()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("history index out of range")
        if index == n - 1:
            if self._last is None:
                self._last = self._tail[-1][-1] if self._tail and not self._pending \
                    else self._block(index // CHUNK)[index % CHUNK]
            return self._last
        k, i = divmod(index, CHUNK)
        return self._block(k)[i]

    def __iter__(self) -> Iterator[dict]:
        for k in range(len(self._chunks) + len(self._packing)):
            yield from self._block(k)
        yield from self._tail_rows()

    def __eq__(self, other) -> bool:
        if isinstance(other, (History, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other,
                                                                          strict=True))
        return NotImplemented

    __hash__ = None  # mutable

    def __repr__(self) -> str:
        return f"History({len(self)} rows, {len(self._chunks)} packed chunks)"

    def _tail_rows(self) -> list[dict]:
        return [row for b in self._tail for row in b] + self._pending

    def _block(self, k: int) -> list[dict]:
        """The rows of the k-th block of CHUNK rows (the last one may be the short tail)."""
        if k >= len(self._chunks) + len(self._packing):
            return self._tail_rows()
        if k >= len(self._chunks):
            return [row for p in self._packing[k - len(self._chunks)][0] for row in p]
        if self._unpacked is None or self._unpacked[0] != k:
            self._unpacked = (k, history_io.decode(*self._chunks[k], checked=True))
        return self._unpacked[1]


def _numbers(part, key: str) -> tuple[np.ndarray, np.ndarray]:
    """As :func:`history_io.numbers` for a block or for rows (dicts) not yet packed."""
    if isinstance(part, Block):
        return part.numbers(key)
    numbers = []
    for row in part:
        v = row.get(key)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            numbers.append([v])
        elif isinstance(v, list) and all(isinstance(x, (int, float)) and not isinstance(x, bool)
                                         for x in v):
            numbers.append(v)
        else:
            numbers.append([])
    lengths = np.array([len(v) for v in numbers], dtype=np.intp)
    values = np.full((len(part), max(lengths, default=1) or 1), np.nan)
    for i, v in enumerate(numbers):
        values[i, : len(v)] = v
    return values, lengths
