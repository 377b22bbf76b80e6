"""Training histories as a table: per-epoch rows <-> one float64 array plus a JSON schema.

Project files store histories this way (format version 2). As JSON rows a 100,000-epoch
run of a 7-layer network was 91 MB of text and took 9 s to write; as a table it is
8 bytes per number. The round trip is exact: numbers bit for bit, ints stay ints,
``None`` stays ``None``, a key missing from a row stays missing.

Schema: ``{"rows": n, "columns": [column, ...]}``, one column per key in first-seen
order, each ``{"key": str, "kind": kind, ...}``:

- ``"float"`` / ``"int"``: one table column (``"width": 1``)
- ``"list"``: lists of floats, ``"width"`` table columns (NaN-padded); ``"lengths"`` (run
  lengths, see below) only when rows differ in length
- ``"text"``: no table column; ``"values"`` as run lengths ``[[text, count], ...]``
- ``"json"``: anything else that is JSON (mixed types); ``"values"``: one per row

``"state": true`` when some row lacks the key or holds None there: one more table
column, before the column's own, holds 0 (key missing), 1 (None) or 2 (a value) per row.
Run lengths (``"lengths"``, text ``"values"``) are ``[[value, count], ...]``.

Files hold a history as chunks of ``CHUNK`` rows, each its own (schema, table): the
chunks :class:`simulator.history.History` packs in memory as rows arrive, so saving a
long run costs only its newest rows (the recovery copy is written every minute while
training runs).

A :class:`Block` is rows in this form on their way: the training loop packs each
snapshot's rows by column (:func:`encode_columns`), the window reads them by column
and the history keeps them as they are (:func:`concat`, :func:`take` join and cut
blocks exactly).
"""

from __future__ import annotations

import math
from itertools import chain

import numpy as np

_MISSING, _NONE, _VALUE = 0, 1, 2
#: Rows per chunk (in memory and in files).
CHUNK = 8192

#: Limits for reading a schema from a file (anything larger is refused). A chunk holds at
#: most CHUNK rows; its keys and table columns are bounded too, so that checking and
#: decoding one chunk costs at most CHUNK x (MAX_KEYS + MAX_WIDTH) values whatever the
#: file declares (a chunk of 20,000,000 rows and no columns cost 1.4 GB as empty rows).
MAX_ROWS = CHUNK
#: Keys per chunk (a training row has about 15).
MAX_KEYS = 256
#: Table columns per chunk: four per-layer lists for 1024 layers, plus the scalar columns.
MAX_WIDTH = 4 * 1024 + MAX_KEYS
#: The largest epoch number a row may hold (a 32-bit count: spin boxes, the trainer).
MAX_EPOCH = 2**31 - 1


# -- chunks ------------------------------------------------------------------------------------
def encode_chunks(rows: list[dict]) -> list[tuple[dict, np.ndarray]]:
    """``rows`` as (schema, table) chunks of ``CHUNK`` rows (the last one shorter)."""
    return [encode(rows[i:i + CHUNK]) for i in range(0, len(rows), CHUNK)]


# -- encoding ------------------------------------------------------------------------------
def encode(rows: list[dict]) -> tuple[dict, np.ndarray]:
    """(schema, table) for history ``rows`` (dicts of numbers, text, None, number lists;
    NumPy numbers and arrays count as the plain ones). ValueError for anything else."""
    keys = dict.fromkeys(k for row in rows for k in row)
    return encode_columns(len(rows), {k: [row.get(k, MISSING) for row in rows] for k in keys})


def encode_columns(n: int, by_key: dict[str, list]) -> tuple[dict, np.ndarray]:
    """What :func:`encode` gives for ``n`` rows held by column: ``by_key`` maps each key,
    in the rows' first-seen order, to its value in every row (:data:`MISSING` where a
    row lacks the key). A producer that has its numbers by column (the training loop)
    packs them without building a dict per row."""
    columns, blocks = [], []
    for key, values in by_key.items():
        values = list(values)
        if len(values) != n:
            raise ValueError(f"column '{key}' has {len(values)} values for {n} rows")
        col = {"key": str(key)}
        state = None
        if {type(None), _MissingValue} & set(map(type, values)):  # one pass in C
            state = [_MISSING if v is _MISSING_VALUE else _NONE if v is None else _VALUE
                     for v in values]
            col["state"] = True
            blocks.append(np.asarray(state, dtype=np.float64)[:, None])
            present = [v for v, st in zip(values, state, strict=True) if st == _VALUE]
        else:
            present = values
        kind = _kind(present)
        if kind == "json":  # NumPy values become plain ones first: the same file either way
            values = [v if v is _MISSING_VALUE else _plain(v) for v in values]
            present = [v for v in values if v is not None and v is not _MISSING_VALUE]
            kind = _kind(present)
        col["kind"] = kind
        if kind in ("float", "int"):
            block = np.full((n, 1), np.nan)
            where = slice(None) if state is None else np.asarray(state) == _VALUE
            block[where, 0] = present
            col["width"] = 1
            blocks.append(block)
        elif kind == "list":
            blocks.append(_list_block(col, values, state, n))
        elif kind == "text":
            col["values"] = _runs([v if isinstance(v, str) else "" for v in values])
        else:
            col["values"] = [None if v is _MISSING_VALUE else v for v in values]
        columns.append(col)
    table = np.concatenate(blocks, axis=1) if blocks else np.zeros((n, 0))
    return {"rows": n, "columns": columns}, table


class _MissingValue:  # marks a key a row does not have
    def __repr__(self) -> str:
        return "MISSING"


#: The value of a key a row does not have (:func:`encode_columns`).
MISSING = _MISSING_VALUE = _MissingValue()


def _list_block(col: dict, values: list, state: list | None, n: int) -> np.ndarray:
    lengths = list(map(len, values)) if state is None else \
        [len(v) if isinstance(v, list) else 0 for v in values]
    present = lengths if state is None else [m for m, st in zip(lengths, state, strict=True)
                                             if st == _VALUE]
    width = col["width"] = max(lengths, default=0)
    if state is None and lengths.count(width) == n:  # the common case, fast
        return np.array(values, dtype=np.float64).reshape(n, width)
    if any(m != width for m in present):
        col["lengths"] = _runs(lengths)
    block = np.full((n, width), np.nan)
    for i, v in enumerate(values):
        if isinstance(v, list):
            block[i, : len(v)] = v
    return block


def _kind(present: list) -> str:
    types = set(map(type, present))  # one pass in C: histories have millions of values
    if types == {int}:  # exact in float64 up to 2**53; larger ones go as JSON
        return "int" if -2**53 <= min(present) and max(present) <= 2**53 else "json"
    if types <= _FLOATS:
        return "float"  # (also for a column with no values at all)
    if types == {list} and set(map(type, chain.from_iterable(present))) <= _FLOATS:
        return "list"
    if types == {str}:
        return "text"
    return "json"


_FLOATS = {float, np.float64}


def _plain(v):
    """``v`` as JSON: NumPy numbers and arrays become Python ones; ValueError for values
    that are not numbers, text, None or lists of them."""
    if isinstance(v, np.ndarray):
        v = v.tolist()
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, np.generic):
        v = v.item()
    if v is not None and not isinstance(v, (bool, int, float, str)):
        raise ValueError(f"history values must be numbers, text or lists of numbers, got "
                         f"{type(v).__name__}")
    return v


def _runs(values: list) -> list[list]:
    """Run lengths: [[value, count], ...]."""
    if values and values.count(values[0]) == len(values) and len(set(map(type, values))) == 1:
        return [[values[0], len(values)]]  # one value throughout (the common case), in C
    out: list[list] = []
    for v in values:
        if out and out[-1][0] == v and type(out[-1][0]) is type(v):
            out[-1][1] += 1
        else:
            out.append([v, 1])
    return out


# -- decoding (the schema may come from a hostile file: every field is checked) ----------------
def table_shape(schema) -> tuple[int, int]:
    """(rows, table columns) the schema describes; ValueError if it is malformed."""
    if not isinstance(schema, dict) or set(schema) != {"rows", "columns"}:
        raise ValueError("a history table needs exactly the keys 'rows' and 'columns'")
    n = schema["rows"]
    if not _count(n) or n > MAX_ROWS:
        raise ValueError(f"'rows' must be a whole number from 0 to {MAX_ROWS}")
    columns = schema["columns"]
    if not isinstance(columns, list) or len(columns) > MAX_KEYS:
        raise ValueError(f"'columns' must be a list of at most {MAX_KEYS} columns")
    width = 0
    for col in columns:
        if not isinstance(col, dict) or not isinstance(col.get("key"), str):
            raise ValueError("every column needs a text 'key'")
        if col.get("state", False) not in (True, False):
            raise ValueError(f"column '{col['key']}': 'state' must be true or false")
        if col.get("kind") not in ("float", "int", "list", "text", "json"):
            raise ValueError(f"column '{col['key']}': unknown kind {col.get('kind')!r}")
        width += col.get("state", False) is True
        if col.get("kind") in ("float", "int", "list"):
            w = col.get("width")
            if not _count(w) or (col["kind"] != "list" and w != 1):
                raise ValueError(f"column '{col['key']}': bad width {w!r}")
            width += w
        if width > MAX_WIDTH:
            raise ValueError(f"more than {MAX_WIDTH} table columns")
    return n, width


def check(schema, table: np.ndarray) -> None:
    """ValueError (saying what) unless (schema, table) is a well-formed chunk: what
    :func:`decode` and :func:`numbers` rely on. Cheap: no rows are built."""
    n, width = table_shape(schema)
    if table.shape != (n, width):
        raise ValueError(f"the table is {table.shape}, the schema describes {(n, width)}")
    keys = set()
    for col, state, block in _layout(schema, table):
        key, kind = col["key"], col["kind"]
        if key in keys or not set(col) <= _FIELDS:
            raise ValueError(f"column '{key}' appears twice or has unknown fields")
        keys.add(key)
        if state is not None and not np.isin(state, (_MISSING, _NONE, _VALUE)).all():
            raise ValueError(f"column '{key}': state values must be 0, 1 or 2")
        if kind == "int" and not (np.isnan(block) | (np.abs(block) <= 2**53)).all():
            raise ValueError(f"column '{key}': whole numbers out of range")
        if key == "epoch":
            _check_epochs(kind, state, block)
        if kind == "list" and "lengths" in col:  # runs checked, not expanded: cost ~ file size
            _check_runs(col["lengths"], n, f"'{key}' lengths")
            if not all(_count(m) and m <= block.shape[1] for m, _c in col["lengths"]):
                raise ValueError(f"column '{key}': list lengths out of range")
        if kind == "text":
            _check_runs(col.get("values"), n, f"'{key}' values")
            if not all(isinstance(v, str) for v, _c in col["values"]):
                raise ValueError(f"column '{key}': text values must be text")
        if kind == "json":
            values = col.get("values")
            if not isinstance(values, list) or len(values) != n:
                raise ValueError(f"column '{key}': needs one value per row")
            for v in values:
                _plain(v)  # numbers, text or lists of numbers


_FIELDS = {"key", "kind", "state", "width", "lengths", "values"}


def _check_epochs(kind: str, state, block) -> None:
    """Epoch numbers are what the trainer continues from: whole numbers 0 ... MAX_EPOCH in
    every row (not text, None, NaN, lists or 3e9)."""
    if kind != "int" or state is not None:
        raise ValueError("'epoch' must be a whole number in every row")
    values = block[:, 0]
    if not ((values >= 0) & (values <= MAX_EPOCH)).all():
        bad = values[~((values >= 0) & (values <= MAX_EPOCH))][0]
        raise ValueError(f"'epoch' must be from 0 to {MAX_EPOCH}, got {bad:g}")


def _layout(schema: dict, table: np.ndarray):
    """(column, its state column or None, its table block or None) per column."""
    offset = 0
    for col in schema["columns"]:
        state = None
        if col.get("state") is True:
            state = table[:, offset]
            offset += 1
        block = None
        if col["kind"] in ("float", "int", "list"):
            block = table[:, offset:offset + col["width"]]
            offset += col["width"]
        yield col, state, block


def decode(schema: dict, table: np.ndarray, start: int = 0, stop: int | None = None,
           checked: bool = False) -> list[dict]:
    """The rows ``encode`` was given (rows ``start:stop`` of them); ValueError (saying
    what) for a malformed chunk. ``checked``: the chunk already passed :func:`check`."""
    if not checked:
        check(schema, table)
    n = schema["rows"]
    start, stop, _step = slice(start, stop).indices(n)
    keys: list[str] = []
    columns: list[list] = []  # per key: its value in every row (_MISSING_VALUE: no key)
    for col, state, block in _layout(schema, table):
        keys.append(col["key"])
        values = _values(col, None if block is None else block[start:stop], n, start, stop)
        if state is not None:
            values = [v if st == _VALUE else None if st == _NONE else _MISSING_VALUE
                      for v, st in zip(values, state[start:stop].astype(np.int8).tolist(),
                                       strict=True)]
        columns.append(values)
    if not keys:
        return [{} for _ in range(stop - start)]
    rows = zip(*columns, strict=True)
    if not any(_MISSING_VALUE in c for c in columns):  # every row has every key: fast
        return [dict(zip(keys, vals, strict=True)) for vals in rows]
    return [{k: v for k, v in zip(keys, vals, strict=True) if v is not _MISSING_VALUE}
            for vals in rows]


def _values(col: dict, block: np.ndarray | None, n: int, start: int, stop: int) -> list:
    """Rows start:stop of a column (``block`` is already those rows)."""
    kind = col["kind"]
    if kind == "float":
        return block[:, 0].tolist()
    if kind == "int":
        return [0 if math.isnan(v) else int(v) for v in block[:, 0].tolist()]
    if kind == "list":
        values = block.tolist()
        if "lengths" in col:
            lengths = _expand(col["lengths"], n, "lengths")[start:stop]
            values = [v[:m] for v, m in zip(values, lengths, strict=True)]
        return values
    if kind == "text":
        return _expand(col["values"], n, "values")[start:stop]
    return [_plain(v) for v in col["values"][start:stop]]


def numbers(schema: dict, table: np.ndarray, key: str) -> tuple[np.ndarray, np.ndarray]:
    """A column's numbers straight from a checked chunk, no rows built: (values, lengths)
    with values (rows, width) float64 (width 1 for a number column; NaN where a row has
    no number there) and lengths (rows,) the count of numbers in each row (0: missing,
    None, or not numbers)."""
    n = schema["rows"]
    for col, state, block in _layout(schema, table):
        if col["key"] != key:
            continue
        if block is None:  # text or JSON: not read as numbers here
            break
        values = block.copy()
        lengths = np.full(n, block.shape[1])
        if "lengths" in col:
            lengths = np.asarray(_expand(col["lengths"], n, "lengths"), dtype=np.intp)
        if state is not None:
            values[state != _VALUE] = np.nan
            lengths[state != _VALUE] = 0
        return values, lengths
    return np.full((n, 1), np.nan), np.zeros(n, dtype=np.intp)


def _check_runs(runs, n: int, what: str) -> None:
    if not isinstance(runs, list) or not all(
            isinstance(r, list) and len(r) == 2 and _count(r[1]) for r in runs):
        raise ValueError(f"{what} must be a list of [value, count] pairs")
    if sum(r[1] for r in runs) != n:
        raise ValueError(f"{what} must cover exactly {n} rows")


def _expand(runs, n: int, what: str) -> list:
    _check_runs(runs, n, what)
    out: list = []
    for value, count in runs:
        out.extend([value] * count)
    return out


def _count(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


# -- blocks: rows in transit and the growing end of a history ------------------------------------
class Block:
    """Some history rows as one checked (schema, table): what the training loop sends per
    snapshot and what :class:`simulator.history.History` appends, without a dict per row.

    Reads like the rows (``len``, ``[i]``, iteration; decoded once, when first read) and
    by column (:meth:`numbers`, :meth:`column`). Never changed once made."""

    __slots__ = ("schema", "table", "_rows")

    def __init__(self, schema: dict, table: np.ndarray) -> None:
        self.schema, self.table = schema, table
        self._rows: list[dict] | None = None

    @classmethod
    def from_rows(cls, rows) -> Block:
        return cls(*encode(list(rows)))

    def __reduce__(self):  # pickled without the decoded rows
        return Block, (self.schema, self.table)

    def __len__(self) -> int:
        return self.schema["rows"]

    def rows(self) -> list[dict]:
        if self._rows is None:
            self._rows = decode(self.schema, self.table, checked=True)
        return self._rows

    def __iter__(self):
        return iter(self.rows())

    def __getitem__(self, index):
        if isinstance(index, int) and self._rows is None and index in (-1, len(self) - 1):
            return take(self, len(self) - 1, len(self)).rows()[0]  # the newest, alone
        return self.rows()[index]

    def __eq__(self, other) -> bool:
        if isinstance(other, (Block, list, tuple)):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"Block({len(self)} rows)"

    def numbers(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """As :func:`numbers`."""
        return numbers(self.schema, self.table, key)

    def column(self, key: str) -> np.ndarray:
        """The number under ``key`` in every row (NaN where a row has none)."""
        values, lengths = self.numbers(key)
        return np.where(lengths == 1, values[:, 0], np.nan)



def stackable(a: Block, b: Block) -> bool:
    """Whether :func:`concat` joins ``a`` and ``b`` by stacking their tables (same keys,
    in the same order, of the same kinds), with no row decoded."""
    return [(c["key"], c["kind"]) for c in a.schema["columns"]] == \
        [(c["key"], c["kind"]) for c in b.schema["columns"]]


def take(block: Block, start: int, stop: int) -> Block:
    """Rows ``start:stop`` of ``block`` as a block of their own (runs cut, not expanded)."""
    start, stop, _ = slice(start, stop).indices(len(block))
    columns = []
    for col in block.schema["columns"]:
        col = dict(col)
        if col["kind"] == "text":
            col["values"] = _cut_runs(col["values"], start, stop)
        elif col["kind"] == "json":
            col["values"] = col["values"][start:stop]
        if "lengths" in col:
            col["lengths"] = _cut_runs(col["lengths"], start, stop)
        columns.append(col)
    return Block({"rows": stop - start, "columns": columns},
                 np.ascontiguousarray(block.table[start:stop]))


def concat(blocks: list[Block]) -> Block:
    """The rows of ``blocks`` in order, as one block. Tables stack when the blocks have
    the same columns (a state column or a wider list added where one block needs it);
    otherwise (a key or kind differs) the rows are decoded and encoded again."""
    blocks = [b for b in blocks if len(b)]
    if len(blocks) == 1:
        return blocks[0]
    if not blocks:
        return Block(*encode([]))
    if not all(stackable(blocks[0], b) for b in blocks[1:]):
        return Block(*encode([row for b in blocks for row in b]))
    keys = [c["key"] for c in blocks[0].schema["columns"]]
    kinds = [c["kind"] for c in blocks[0].schema["columns"]]
    layouts = [list(_layout(b.schema, b.table)) for b in blocks]
    sizes = [len(b) for b in blocks]
    columns, parts = [], []
    for j, key in enumerate(keys):
        cols = [lay[j][0] for lay in layouts]
        col = {"key": key}
        if any(c.get("state") for c in cols):
            col["state"] = True
            parts.append(np.concatenate([
                lay[j][1] if lay[j][1] is not None else np.full(n, float(_VALUE))
                for lay, n in zip(layouts, sizes, strict=True)])[:, None])
        kind = col["kind"] = kinds[j]
        if kind in ("float", "int", "list"):
            width = col["width"] = max(c["width"] for c in cols)
            parts.append(np.concatenate([_widened(lay[j][2], width) for lay in layouts]))
            if kind == "list" and any("lengths" in c or c["width"] != width for c in cols):
                col["lengths"] = _joined_runs([c.get("lengths", [[c["width"], n]])
                                               for c, n in zip(cols, sizes, strict=True)])
        elif kind == "text":
            col["values"] = _joined_runs([c["values"] for c in cols])
        else:
            col["values"] = [v for c in cols for v in c["values"]]
        columns.append(col)
    table = np.concatenate(parts, axis=1) if parts else np.zeros((sum(sizes), 0))
    return Block({"rows": sum(sizes), "columns": columns}, table)


def _widened(block: np.ndarray, width: int) -> np.ndarray:
    if block.shape[1] == width:
        return block
    out = np.full((len(block), width), np.nan)
    out[:, : block.shape[1]] = block
    return out


def _joined_runs(parts: list[list]) -> list[list]:
    out: list[list] = []
    for runs in parts:
        for value, count in runs:
            if out and out[-1][0] == value and type(out[-1][0]) is type(value):
                out[-1][1] += count
            else:
                out.append([value, count])
    return out


def _cut_runs(runs: list, start: int, stop: int) -> list[list]:
    """The run lengths of rows start:stop."""
    out, pos = [], 0
    for value, count in runs:
        lo, hi = max(pos, start), min(pos + count, stop)
        if lo < hi:
            out.append([value, hi - lo])
        pos += count
        if pos >= stop:
            break
    return out
