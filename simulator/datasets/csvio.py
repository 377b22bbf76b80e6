"""Reading CSV files into Datasets, with errors a spreadsheet user can act on.

Every problem raises :class:`~simulator.errors.DataError` naming the row (1-based, as a
spreadsheet numbers its rows, header included) and the column name. Nothing else escapes,
and no partial dataset is ever returned.

Rules (also in the docstring of :func:`load_csv`):

- encoding: a UTF-8 BOM means UTF-8; a UTF-16 BOM means UTF-16 (Excel's "Unicode text");
  otherwise UTF-8 is tried, then CP949 (Korean Excel's "CSV" export);
- delimiter: the first of tab, ``;``, ``,`` that splits the first lines into the same
  number (>= 2) of fields; otherwise the one that occurs most; a single column otherwise;
- header: the first row is a header when all its fields are text, or when it holds text
  in a column whose next rows are numbers; ``header=True/False`` overrides this;
- blank lines are skipped (they still count for the row numbers), spaces around fields
  are stripped, columns with no name and no values are dropped.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import DataError
from .dataset import MAX_CLASSES, Dataset, one_hot

#: Files larger than this are refused before reading (the row limit is checked separately).
MAX_BYTES = 64 * 1024 * 1024
#: Cells (rows x columns) read at most (a project file holds as many): each costs a pointer
#: while the rows are text and 8 bytes as a number (a 63 MB file of two-digit fields: +390
#: MB at the peak, was +1.7 GB with one string object per cell).
MAX_CELLS = 50_000_000
#: A numeric target with at most this many distinct whole-number values is taken as classes.
AUTO_CLASS_LIMIT = 10
#: Cell texts that mean "no value here".
MISSING = frozenset({"", "na", "n/a", "nan", "null", "none", "?", "-", "#n/a", "missing"})

_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\Z")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+\Z")
_INFINITY = frozenset({"inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DELIMITERS = ("\t", ";", ",")
_DELIMITER_NAMES = {"\t": "tab", ";": "semicolon", ",": "comma"}


@dataclass
class CsvPreview:
    """The first rows of a file as text, for the import dialog."""

    #: Column names (from the header, or "col1", "col2", ... when there is none).
    columns: list[str]
    #: The first data rows, each a list of stripped cell texts (ragged rows kept as they are).
    rows: list[list[str]]
    #: Whether the first line was taken as the header.
    has_header: bool
    #: The delimiter used: "\t", ";" or ",".
    delimiter: str
    #: The encoding used to decode the file, e.g. "utf-8", "utf-8-sig", "cp949".
    encoding: str


def read_csv_preview(path, rows: int = 20, *, delimiter: str | None = None,
                     header: bool | None = None, encoding: str | None = None) -> CsvPreview:
    """Header and the first ``rows`` data rows as strings. Raises DataError like load_csv."""
    if not isinstance(rows, int) or rows < 0:
        raise DataError(f"rows must be a whole number >= 0, got {rows!r}")
    table = _read_table(path, delimiter, header, encoding, max_rows=None, stop_after=rows)
    return CsvPreview(columns=table.columns, rows=[r for _, r in table.rows[:rows]],
                      has_header=table.has_header, delimiter=table.delimiter,
                      encoding=table.encoding)


def load_csv(path, target: str | int | list | tuple | None = None, task: str = "auto", *,
             delimiter: str | None = None, header: bool | None = None,
             max_rows: int = 100_000, encoding: str | None = None) -> Dataset:
    """Read a CSV file into a :class:`Dataset`; every problem raises DataError.

    ``target``: the column(s) to predict: a name, a 0-based index (negative counts from the
    end), or a list of them (several targets: regression only). None means the last column.
    All other columns are features and must hold numbers.

    ``task``: "classification", "regression" or "auto". Auto chooses classification when
    the (single) target column holds any text, or holds only whole numbers with at most
    10 distinct values and no more than half as many distinct values as rows (0/1 labels,
    ratings 1..5); regression otherwise, and always for several targets.
    Classes are sorted (numerically when all labels are numbers, else alphabetically);
    2 classes give one 0/1 column, 3 or more a one-hot table.

    ``delimiter``: "," ";" or "\\t"; None detects it. ``header``: True/False, None detects
    it. ``encoding``: a Python codec name; None tries UTF-8 (with or without BOM), UTF-16
    with BOM, then CP949. ``max_rows``: more data rows than this is an error.
    """
    if task not in ("auto", "classification", "regression"):
        raise DataError(f"task must be 'auto', 'classification' or 'regression', not {task!r}")
    if not isinstance(max_rows, int) or max_rows < 1:
        raise DataError(f"max_rows must be a positive whole number, got {max_rows!r}")
    table = _read_table(path, delimiter, header, encoding, max_rows=max_rows, stop_after=None)
    return _to_dataset(table, target, task)


# -- reading the text ----------------------------------------------------------------------
@dataclass
class _Table:
    name: str
    columns: list[str]
    #: (spreadsheet row number, stripped fields) per non-blank data row.
    rows: list[tuple[int, list[str]]]
    has_header: bool
    header_row: int
    delimiter: str
    encoding: str


def _read_table(path, delimiter, header, encoding, max_rows, stop_after) -> _Table:
    if delimiter is not None and delimiter not in _DELIMITERS:
        raise DataError(f"delimiter must be ',', ';' or a tab, not {delimiter!r}")
    if header not in (None, True, False):
        raise DataError(f"header must be True, False or None (detect), not {header!r}")
    try:
        p = Path(os.fspath(path))
    except TypeError:
        raise DataError(f"not a file path: {path!r}") from None
    data = _read_bytes(p)
    text, used = _decode(data, encoding, p.name)
    if not text.strip():
        raise DataError(f"'{p.name}' is empty")
    bad = _CONTROL.search(text)
    if bad:
        raise DataError(f"row {text.count(chr(10), 0, bad.start()) + 1}: '{p.name}' contains "
                        f"control characters (code {ord(bad.group()):#04x}); it looks like a "
                        f"binary file, not CSV text")
    delim = delimiter or _detect_delimiter(text)
    cap = None if max_rows is None else max_rows + 2  # one more than allowed, plus a header
    if stop_after is not None:
        cap = max(stop_after, 20) + 1
    records = _records(text, delim, cap)
    if not records:
        raise DataError(f"'{p.name}' is empty")
    first_num, first = records[0]
    if header is None:
        header = _looks_like_header(first, [r for _, r in records[1:21]])
    if header:
        data_rows = records[1:]
        columns = [c or f"col{j + 1}" for j, c in enumerate(first)]
        if not data_rows:
            raise DataError(f"'{p.name}' has a header row but no data rows")
    else:
        data_rows = records
        columns = [f"col{j + 1}" for j in range(len(first))]
    if max_rows is not None and len(data_rows) > max_rows:
        raise DataError(f"row {data_rows[max_rows][0]}: '{p.name}' has more than "
                        f"{max_rows:,} data rows (the limit)")
    columns, data_rows = _drop_empty_tail(columns, data_rows, first if header else None)
    return _Table(p.stem, columns, data_rows, bool(header), first_num if header else 0,
                  delim, used)


def _drop_empty_tail(columns: list[str], rows: list, header: list[str] | None):
    """Drop trailing columns with no name and no values (rows ending in a delimiter), all
    at once: one pass over the rows, however many there are (dropping them one by one
    re-sliced every row per column: 300,000 of them never finished)."""
    width = len(columns)
    drop = width - 1  # keep at least one column
    if header is not None:
        named = max((j for j in range(width) if header[j]), default=-1)
        drop = min(drop, width - 1 - named)
    for _num, r in rows:
        if drop == 0:
            break
        if len(r) != width:
            return columns, rows
        k = 0
        while k < drop and not r[width - 1 - k]:
            k += 1
        drop = k
    if drop <= 0:
        return columns, rows
    keep = width - drop
    return columns[:keep], [(n, r[:keep]) for n, r in rows]


def _read_bytes(p: Path) -> bytes:
    try:
        if p.is_dir():
            raise DataError(f"'{p}' is a folder, not a file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise DataError(f"'{p.name}' is too large ({size / 2**20:.0f} MiB; the limit is "
                            f"{MAX_BYTES // 2**20} MiB)")
        return p.read_bytes()
    except FileNotFoundError:
        raise DataError(f"file not found: '{p}'") from None
    except PermissionError:
        raise DataError(f"no permission to read '{p}'") from None
    except (OSError, ValueError) as exc:  # ValueError: e.g. a NUL character in the path
        raise DataError(f"cannot read '{p}': {exc}") from None


def _decode(data: bytes, encoding: str | None, name: str) -> tuple[str, str]:
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise DataError(f"'{name}' row {_line_of(data, exc.start)}: the bytes are not "
                            f"valid {encoding} text") from None
        except (LookupError, TypeError, ValueError):  # e.g. "klingon", "rot13", "base64"
            raise DataError(f"unknown text encoding {encoding!r}") from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise DataError(f"'{name}' row {_line_of(data, exc.start + 3)}: the file starts "
                            f"with a UTF-8 mark but is not valid UTF-8 text") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise DataError(f"'{name}' starts with a UTF-16 mark but is not valid "
                            f"UTF-16 text") from None
    if b"\x00" in data:
        raise DataError(f"'{name}' looks like a binary file (it contains NUL bytes), "
                        f"not a CSV text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_line = _line_of(data, exc.start)
        if exc.end == len(data) and exc.start >= len(data) - 3:
            _truncated(name, utf8_line)
        prefix = data[: exc.start].decode("utf-8")
        if any("\uac00" <= ch <= "\ud7a3" for ch in prefix):  # Hangul read fine as UTF-8
            raise DataError(f"'{name}' row {utf8_line}: invalid UTF-8 bytes in a UTF-8 "
                            f"file; the file seems damaged") from None
    try:
        return data.decode("cp949"), "cp949"
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.start == len(data) - 1:
            _truncated(name, _line_of(data, exc.start))
        raise DataError(f"'{name}' row {utf8_line}: cannot read the text: it is neither "
                        f"UTF-8 nor CP949 (EUC-KR). Is it a CSV file? If it is, save it "
                        f"again as 'CSV UTF-8'.") from None


def _truncated(name: str, line: int):
    raise DataError(f"'{name}' row {line}: the file ends in the middle of a character; "
                    f"it was probably cut short (an incomplete copy or download)")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _detect_delimiter(text: str) -> str:
    head = text[:65536]  # splitting the whole text built a list as large as the file
    lines = [ln for ln in head.splitlines()[:50] if ln.strip()][:20]
    counts = {d: [ln.count(d) for ln in lines] for d in _DELIMITERS}
    for d in _DELIMITERS:  # consistent field counts win; tab before ';' before ','
        c = counts[d]
        if c and c[0] > 0 and all(x == c[0] for x in c):
            return d
    best = max(_DELIMITERS, key=lambda d: (sum(counts[d]), d == ","))
    return best if sum(counts[best]) else ","


def _records(text: str, delim: str, cap: int | None) -> list[tuple[int, list[str]]]:
    """Non-blank rows as (spreadsheet row number, stripped fields); at most ``cap`` rows.

    Equal cell texts share one string object (a numeric table repeats its short texts a
    lot; one object each cost ~50 bytes a cell: +1.7 GB for a 63 MB file)."""
    out: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=False)
    row_num = cells = 0
    shared: dict[str, str] = {}
    try:
        for fields in reader:
            row_num += 1
            fields = [f.strip() for f in fields]
            if any(fields):
                if len(shared) < 100_000:
                    fields = [shared.setdefault(f, f) for f in fields]
                out.append((row_num, fields))
                cells += len(fields)
                if cells > MAX_CELLS:
                    raise DataError(f"row {row_num}: the file has more than {MAX_CELLS:,} "
                                    "values (rows x columns), the limit")
                if cap is not None and len(out) >= cap:
                    break
    except csv.Error as exc:
        raise DataError(f"row {row_num + 1}: cannot split the line into columns ({exc})") \
            from None
    return out


def _is_number(s: str) -> bool:
    return bool(_NUMBER.match(s))


def _looks_like_header(first: list[str], rest: list[list[str]]) -> bool:
    texty = [not _is_number(f) and f.lower() not in MISSING for f in first]
    if all(texty):
        return True
    for j, is_text in enumerate(texty):
        col = [r[j] for r in rest if j < len(r) and r[j].lower() not in MISSING]
        if is_text and col and all(_is_number(v) for v in col):
            return True
    return False


# -- turning text into numbers ---------------------------------------------------------------
def _to_dataset(t: _Table, target, task: str) -> Dataset:
    cols = t.columns
    counts = Counter(cols)  # (cols.count per column was quadratic: 76 s for 100,000)
    dup = next((c for c in cols if counts[c] > 1), None)
    if dup is not None:
        where = [j + 1 for j, c in enumerate(cols) if c == dup]
        raise DataError(f"row {t.header_row}: the column name '{dup}' appears more than "
                        f"once (columns {', '.join(map(str, where))}); rename one of them")
    if len(t.rows) == 0:
        raise DataError(f"'{t.name}' has no data rows")
    width = len(cols)
    for num, r in t.rows:
        if len(r) != width:
            raise DataError(f"row {num} has {len(r)} values, but the "
                            f"{'header' if t.has_header else 'first row'} has {width} "
                            f"columns")
    if width < 2:
        raise DataError(f"'{t.name}' has only one column ('{cols[0]}'); a dataset needs at "
                        f"least one feature column and one target column")
    targets = _target_columns(target, cols)
    target_set = set(targets)
    features = [j for j in range(width) if j not in target_set]
    if not features:
        raise DataError("every column is a target; at least one feature column is needed")
    if len(targets) > 1 and task == "classification":
        raise DataError("several target columns are only possible for regression")
    comma_ok = t.delimiter != ","

    X = np.empty((len(t.rows), len(features)))
    for i, (num, r) in enumerate(t.rows):
        for k, j in enumerate(features):
            X[i, k] = _number(r[j], num, cols[j], comma_ok, "feature")

    raw = [[r[j] for _, r in t.rows] for j in targets]
    nums = [num for num, _ in t.rows]
    for j, col in zip(targets, raw, strict=True):
        for num, s in zip(nums, col, strict=True):
            if s.lower() in MISSING:
                raise DataError(f"row {num}, column '{cols[j]}': the target value is missing "
                                f"({s or 'empty'}); fill it in or delete the row")
    if task == "auto":
        task = "regression" if len(targets) > 1 else _guess_task(raw[0], comma_ok)
    feature_names = tuple(cols[j] for j in features)
    desc = (f"Imported from {t.name} ({len(t.rows)} rows; {t.encoding}, "
            f"{_DELIMITER_NAMES[t.delimiter]}-separated).")
    if task == "regression":
        Y = np.empty((len(t.rows), len(targets)))
        for k, (j, col) in enumerate(zip(targets, raw, strict=True)):
            for i, (num, s) in enumerate(zip(nums, col, strict=True)):
                Y[i, k] = _number(s, num, cols[j], comma_ok, "target")
        if len(t.rows) > 1 and np.all(Y == Y[0]):
            raise DataError(f"every target value is the same ({Y[0].tolist()}): there is "
                            f"nothing to learn")
        return Dataset(X, Y, feature_names, tuple(cols[j] for j in targets), "regression",
                       t.name, desc)
    names, labels = _classes(raw[0], nums, cols[targets[0]], comma_ok)
    return Dataset(X, one_hot(labels, len(names)), feature_names, tuple(names),
                   "classification", t.name, desc)


def _target_columns(target, cols: list[str]) -> list[int]:
    if target is None:
        return [len(cols) - 1]
    items = list(target) if isinstance(target, (list, tuple)) else [target]
    if not items:
        raise DataError("no target column given")
    out: list[int] = []
    chosen: set[int] = set()
    index: dict[str, int] = {}
    for k, c in enumerate(cols):
        index.setdefault(c, k)
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (int, str)):
            raise DataError(f"a target column is a name or a 0-based index, not {item!r}")
        if isinstance(item, int):
            if not -len(cols) <= item < len(cols):
                raise DataError(f"target column index {item} is out of range: the file has "
                                f"{len(cols)} columns (0 to {len(cols) - 1})")
            j = item % len(cols)
        else:
            if item.strip() not in index:
                raise DataError(f"target column '{item}' not found; the columns are: "
                                f"{', '.join(cols[:50])}{' ...' if len(cols) > 50 else ''}")
            j = index[item.strip()]
        if j in chosen:
            raise DataError(f"target column '{cols[j]}' is given twice")
        out.append(j)
        chosen.add(j)
    return out


def _number(s: str, num: int, col: str, comma_ok: bool, what: str) -> float:
    if _NUMBER.match(s):
        v = float(s)
        if math.isinf(v):
            raise DataError(f"row {num}, column '{col}': {s} is too large a number")
        return v
    if comma_ok and _DECIMAL_COMMA.match(s):
        return float(s.replace(",", "."))
    low = s.lower()
    if low == "nan":
        raise DataError(f"row {num}, column '{col}': NaN (not a number) is not allowed; "
                        f"fill in the value or delete the row")
    if low in _INFINITY:
        raise DataError(f"row {num}, column '{col}': infinity ({s}) is not allowed")
    if low in MISSING:
        raise DataError(f"row {num}, column '{col}': the value is missing; fill it in or "
                        f"delete the row")
    hint = (" Only the target column may hold text (class names)." if what == "feature"
            else " A regression target must be numbers; use task='classification' for "
                 "class names.")
    raise DataError(f"row {num}, column '{col}': '{_short(s)}' is not a number.{hint}")


def _short(s: str) -> str:
    return s if len(s) <= 40 else s[:37] + "..."


def _guess_task(col: list[str], comma_ok: bool) -> str:
    values = []
    for s in col:
        if _NUMBER.match(s):
            values.append(float(s))
        elif comma_ok and _DECIMAL_COMMA.match(s):
            values.append(float(s.replace(",", ".")))
        elif s.lower() in _INFINITY or s.lower() == "nan":
            return "regression"  # let the number check report it with its row
        else:
            return "classification"
    distinct = set(values)
    if all(math.isfinite(v) and v.is_integer() for v in distinct) \
            and len(distinct) <= min(AUTO_CLASS_LIMIT, max(2, len(values) // 2)):
        return "classification"
    return "regression"


def _classes(col: list[str], nums: list[int], name: str, comma_ok: bool):
    """Sorted class names and each row's class number; numbers compare as numbers."""
    keys = []
    numeric = True
    for s in col:
        if _NUMBER.match(s):
            keys.append(float(s))
        elif comma_ok and _DECIMAL_COMMA.match(s):
            keys.append(float(s.replace(",", ".")))
        else:
            numeric = False
            break
    if numeric and all(math.isfinite(k) for k in keys):
        distinct = sorted(set(keys))
        names = [_format_number(v) for v in distinct]
        index = {v: i for i, v in enumerate(distinct)}
        labels = [index[k] for k in keys]
    else:
        distinct_s = sorted(set(col))
        names = distinct_s
        index_s = {v: i for i, v in enumerate(distinct_s)}
        labels = [index_s[s] for s in col]
    if len(names) < 2:
        raise DataError(f"column '{name}': every row has the same class '{names[0]}'; "
                        f"classification needs at least two classes")
    if len(names) > MAX_CLASSES:
        raise DataError(f"column '{name}' has {len(names)} different values, more than "
                        f"{MAX_CLASSES} classes; if it holds measurements, use "
                        f"task='regression'")
    return names, labels


def _format_number(v: float) -> str:
    return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
