"""Project files with a long history (a benchmark, not a test).

A 2-8x6-1 network's project with ``--epochs`` history rows (as the trainer writes them:
7 layers, per-layer lists of gradient and weight statistics; the document packs every
8 192 rows into a table as they arrive) is saved, saved again after 1 000 more epochs
(what the minute's recovery copy does while training runs), and loaded; also the memory
the history takes. The reference, measured in the same run, is what format 1 did: the
rows as indented JSON text, deflated, and a plain list of dicts in memory.

Run: ``.venv/bin/python bench/bench_files.py [--epochs 100000]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
import tracemalloc
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from bench_gui import CONFIGS, make_document, past_history  # noqa: E402


def timed(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=100_000)
    args = p.parse_args()
    from simulator.history import History
    from simulator.project import Project, load_project, save_project
    doc = make_document(CONFIGS["6 hidden layers of 8 tanh"])
    rows = past_history(doc, args.epochs + 1000)
    rng = np.random.default_rng(0)
    for r in rows:  # distinct values, as a real run has
        for key in ("grad_mean_abs", "grad_norm", "weight_mean_abs"):
            r[key] = rng.random(7).tolist()
    t_append, _ = timed(lambda: doc.append_history(rows[: args.epochs]))
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs; "
          f"{args.epochs} epochs of a 2-8x6-1 network")
    folder = Path(tempfile.mkdtemp())
    path = folder / "long.annproj"

    t_json, text = timed(lambda: json.dumps({"history": list(doc.history)}, indent=1).encode())
    t_zip, packed = timed(lambda: zlib.compress(text, 6))
    print(f"format 1 (JSON rows):  {len(text) / 1e6:6.1f} MB of JSON ({len(packed) / 1e6:.1f} MB "
          f"deflated), written in {t_json + t_zip:.2f} s; over the 64 MB limit: "
          f"{'cannot be opened' if len(text) > 64 * 1024**2 else 'opens'}")

    t_save, _ = timed(lambda: save_project(Project.from_document(doc), path))
    size = path.stat().st_size
    doc.append_history(rows[args.epochs:])
    t_warm, _ = timed(lambda: save_project(Project.from_document(doc), path))
    t_load, back = timed(lambda: load_project(path))
    assert len(back.history) == len(doc.history)
    ref = t_json + t_zip
    print(f"format 2 (tables):     {size / 1e6:6.1f} MB file; save {t_save:.2f} s "
          f"({ref / t_save:.0f}x faster), {t_warm:.2f} s after 1 000 more epochs "
          f"({ref / t_warm:.0f}x); load {t_load:.2f} s; appending the rows (packing them) "
          f"took {t_append:.2f} s")
    # memory: rows parsed from JSON are fresh objects, as a trained history holds them
    tracemalloc.start()
    as_dicts = json.loads(text)["history"]
    dict_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    tracemalloc.start()
    packed = History(json.loads(text)["history"])
    packed_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del as_dicts
    n = len(packed)
    print(f"memory per epoch:      list of dicts {dict_bytes / n:.0f} bytes, "
          f"History {packed_bytes / n:.0f} bytes ({dict_bytes / packed_bytes:.1f}x less)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
