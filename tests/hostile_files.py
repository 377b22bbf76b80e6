"""Hostile project files and CSVs: the bombs of issue 17 and a seeded mutator of the
bundled examples. Used by tests/test_fuzz.py and bench/bench_hostile.py."""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import numpy as np

EXAMPLES = Path(__file__).resolve().parent.parent / "resources" / "examples"


def _entries(example: str = "xor") -> dict[str, bytes]:
    with zipfile.ZipFile(EXAMPLES / f"{example}.annproj") as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _npy(a: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, a, allow_pickle=False)
    return buf.getvalue()


def _npy_header_only(shape: tuple) -> bytes:
    """A .npy file declaring ``shape`` float64 with the right number of bytes when the
    shape has no cells (rows without columns cost nothing to store)."""
    return _npy(np.zeros(shape))


def write_zip(path: Path, entries: dict[str, bytes], deflate: bool = True) -> Path:
    method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with zipfile.ZipFile(path, "w", compression=method) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def with_history(path: Path, schemas: list[dict], tables: list[bytes]) -> Path:
    """The XOR example whose current history is ``schemas`` with their ``tables``."""
    entries = _entries()
    meta = json.loads(entries["project.json"])
    meta["history"] = {"chunks": schemas}
    entries["project.json"] = json.dumps(meta).encode()
    for k, t in enumerate(tables):
        entries[f"history/current/{k}.npy"] = t
    return write_zip(path, entries)


def empty_rows_bomb(path: Path, rows: int = 20_000_000, chunks: int = 1) -> Path:
    """``chunks`` history tables of ``rows`` rows and no columns (a few KB on disk)."""
    schema = {"rows": rows, "columns": []}
    table = _npy_header_only((rows, 0))
    return with_history(path, [schema] * chunks, [table] * chunks)


def text_columns_bomb(path: Path, rows: int = 8192, columns: int = 20_000) -> Path:
    """One chunk of ``rows`` rows with ``columns`` text columns (no table cells)."""
    cols = [{"key": f"t{j}", "kind": "text", "values": [["a", rows]]} for j in range(columns)]
    return with_history(path, [{"rows": rows, "columns": cols}], [_npy_header_only((rows, 0))])


def wide_table_bomb(path: Path, rows: int = 8192, width: int = 8192) -> Path:
    """One chunk holding a rows x width float64 table of zeros (deflates to ~0.5 MB)."""
    cols = [{"key": "g", "kind": "list", "width": width}]
    return with_history(path, [{"rows": rows, "columns": cols}], [_npy(np.zeros((rows, width)))])


def bad_epoch(path: Path, value) -> Path:
    """The XOR example with a format-1 history whose one row has ``epoch: value``."""
    entries = _entries()
    meta = json.loads(entries["project.json"])
    meta["history"] = [{"epoch": value, "train_loss": 0.25, "status": "ok"}]
    entries["project.json"] = json.dumps(meta).encode()  # NaN/Infinity as JSON extensions
    return write_zip(path, entries)


# -- CSV bombs ---------------------------------------------------------------------------------
def duplicate_columns_csv(path: Path, columns: int = 100_000) -> Path:
    names = [f"c{j}" for j in range(columns - 1)] + [f"c{columns - 2}"]  # found last
    path.write_text(",".join(names) + "\n" + ",".join(["1"] * columns) + "\n")
    return path


def trailing_empty_csv(path: Path, empties: int = 300_000, rows: int = 3) -> Path:
    tail = "," * empties
    path.write_text("a,b" + tail + "\n" + "".join(f"{i},{i % 2}{tail}\n" for i in range(rows)))
    return path


def short_fields_csv(path: Path, megabytes: int = 63, rows: int = 90_000) -> Path:
    """A CSV of two-digit fields, ``megabytes`` MB in ``rows`` rows (under load_csv's
    100,000-row limit, so every field is read: ~230 columns)."""
    width = megabytes * 1024 * 1024 // rows // 3
    header = ",".join(f"c{j}" for j in range(width)) + "\n"
    lines = [",".join(str(10 + (i * 7 + j) % 90) for j in range(width - 1)) + f",{i % 2}\n"
             for i in range(rows)]
    path.write_text(header + "".join(lines))
    return path


# -- mutations of the examples ------------------------------------------------------------------
MUTATIONS = ("truncate", "bitflip", "json_value", "huge_size", "deep_nesting", "npy_header",
             "drop_entry", "wrong_type")


def mutate_project(rng: random.Random, kind: str) -> bytes:
    """A damaged copy of a random bundled example, as bytes."""
    example = rng.choice(sorted(p.stem for p in EXAMPLES.glob("*.annproj")))
    entries = _entries(example)
    meta = json.loads(entries["project.json"])
    if kind in ("truncate", "bitflip"):
        data = bytearray(_zip_bytes(entries))
        if kind == "truncate":
            return bytes(data[: rng.randrange(len(data))])
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
        return bytes(data)
    if kind == "json_value":
        _set_random(rng, meta, rng.choice([None, -1, 3e9, 2**63, "x", [], {}, float("nan"),
                                           float("inf"), True, 1e308, -0.0, ""]))
    elif kind == "wrong_type":
        _set_random(rng, meta, rng.choice([[1, 2], {"a": 1}, "text", 7, None]))
    elif kind == "huge_size":
        choice = rng.randrange(4)
        if choice == 0:
            meta["spec"]["layers"][0]["units"] = rng.choice([10**6, 10**9, 2**62])
        elif choice == 1:
            meta["history"] = {"chunks": [{"rows": rng.choice([8192, 10**7, 2**40]),
                                           "columns": []}] * rng.randint(1, 300)}
            entries["history/current/0.npy"] = _npy_header_only((8192, 0))
        elif choice == 2:
            name = rng.choice([n for n in entries if n.endswith(".npy")])
            entries[name] = _npy_header_shape(entries[name], rng.choice([(10**9, 2),
                                                                         (2**31, 2**31)]))
        else:
            meta["title"] = "x" * rng.choice([10**5 + 1, 10**6])
    elif kind == "deep_nesting":
        depth = rng.choice([100, 10_000, 100_000])
        _set_random(rng, meta, json.loads("[" * min(depth, 900) + "]" * min(depth, 900)))
        if depth > 900:  # beyond what json.loads builds: give the raw text
            text = json.dumps(meta)
            text = text.replace('"title": ', '"title": ' + "[" * depth + "]" * depth + ", \"_\": ",
                                1)
            entries["project.json"] = text.encode()
            return _zip_bytes(entries)
    elif kind == "npy_header":
        name = rng.choice([n for n in entries if n.endswith(".npy")])
        data = bytearray(entries[name])
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(min(len(data), 128))
            data[i] = rng.randrange(256)
        entries[name] = bytes(data)
    elif kind == "drop_entry":
        del entries[rng.choice(sorted(entries))]
    entries["project.json"] = json.dumps(meta).encode() if "project.json" in entries else b""
    return _zip_bytes(entries)


def _zip_bytes(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _npy_header_shape(data: bytes, shape: tuple) -> bytes:
    """``data`` (a .npy file) with its header claiming ``shape``; the body unchanged."""
    arr = np.load(io.BytesIO(data), allow_pickle=False)
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, {"descr": np.lib.format.dtype_to_descr(
        arr.dtype), "fortran_order": False, "shape": shape})
    body_start = len(data) - arr.nbytes
    return header.getvalue() + data[body_start:]


def _set_random(rng: random.Random, obj, value) -> None:
    """Replace one randomly chosen value somewhere inside ``obj`` (a dict or list)."""
    path = []
    node = obj
    while isinstance(node, (dict, list)) and node:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = rng.choice(keys)
        path.append((node, key))
        if rng.random() < 0.4:
            break
        node = node[key]
    if path:
        parent, key = path[-1]
        parent[key] = value


def mutate_csv(rng: random.Random, text: str) -> str:
    """A damaged copy of CSV ``text``."""
    kind = rng.randrange(6)
    if kind == 0:
        return text[: rng.randrange(len(text) + 1)]
    if kind == 1:
        chars = list(text)
        for _ in range(rng.randint(1, 10)):
            chars[rng.randrange(len(chars))] = rng.choice(',;\t"\n\r x1.-e\x00é한')
        return "".join(chars)
    if kind == 2:
        lines = text.splitlines()
        i = rng.randrange(len(lines))
        lines[i] += "," * rng.choice([1, 100, 10_000])
        return "\n".join(lines)
    if kind == 3:
        return text.replace(",", rng.choice([";", "\t", ",,", '","']), rng.randint(1, 50))
    if kind == 4:
        return '"' * rng.randint(1, 3) + text
    lines = text.splitlines()
    return "\n".join(lines[:1] * rng.randint(1, 5) + lines[1:])


# -- running a reader under a deadline and a memory budget ------------------------------------
def bounded(fn, seconds: float = 5.0, megabytes: float = 1024.0):
    """Run ``fn()`` in a thread; its exception (or None) after checking that it ended
    within ``seconds`` and that its peak traced allocation (tracemalloc: Python objects
    and NumPy arrays) stayed under ``megabytes``. A reader that hangs fails the test
    instead of hanging it (the thread is a daemon and is left behind)."""
    import threading
    import tracemalloc

    result: dict = {}

    def work():
        try:
            fn()
            result["exc"] = None
        except BaseException as exc:  # noqa: BLE001 - reported to the caller
            result["exc"] = exc

    started = tracemalloc.is_tracing()
    if not started:
        tracemalloc.start()
    tracemalloc.reset_peak()
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(seconds)
    _now, peak = tracemalloc.get_traced_memory()
    if not started:
        tracemalloc.stop()
    assert not thread.is_alive(), f"still running after {seconds} s"
    assert peak < megabytes * 2**20, f"peak allocation {peak / 2**20:.0f} MB"
    return result["exc"]
