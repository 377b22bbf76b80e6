"""Project files with a long history (a benchmark, not a test).

A 2-8x6-1 network's project with ``--epochs`` history rows (as the trainer writes them:
7 layers, per-layer lists of gradient and weight statistics) is saved cold (nothing
encoded yet), saved again after 1 000 more epochs (what the minute's recovery copy does
while training runs), and loaded. The reference, measured in the same run, is what
format 1 did: the rows as indented JSON text, deflated.

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
    from simulator.project import Project, load_project, save_project
    doc = make_document(CONFIGS["6 hidden layers of 8 tanh"])
    rows = past_history(doc, args.epochs + 1000)
    rng = np.random.default_rng(0)
    for r in rows:  # distinct values, as a real run has
        for key in ("grad_mean_abs", "grad_norm", "weight_mean_abs"):
            r[key] = rng.random(7).tolist()
    doc.append_history(rows[: args.epochs])
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs; "
          f"{args.epochs} epochs of a 2-8x6-1 network")
    folder = Path(tempfile.mkdtemp())
    path = folder / "long.annproj"

    t_json, text = timed(lambda: json.dumps({"history": doc.history}, indent=1).encode())
    t_zip, packed = timed(lambda: zlib.compress(text, 6))
    print(f"format 1 (JSON rows):  {len(text) / 1e6:6.1f} MB of JSON ({len(packed) / 1e6:.1f} MB "
          f"deflated), written in {t_json + t_zip:.2f} s; over the 64 MB limit: "
          f"{'cannot be opened' if len(text) > 64 * 1024**2 else 'opens'}")

    t_cold, _ = timed(lambda: save_project(Project.from_document(doc), path))
    size = path.stat().st_size
    doc.append_history(rows[args.epochs:])
    t_warm, _ = timed(lambda: save_project(Project.from_document(doc), path))
    t_load, back = timed(lambda: load_project(path))
    assert len(back.history) == len(doc.history)
    ref = t_json + t_zip
    print(f"format 2 (tables):     {size / 1e6:6.1f} MB file; save {t_cold:.2f} s cold "
          f"({ref / t_cold:.0f}x faster), {t_warm:.2f} s after 1 000 more epochs "
          f"({ref / t_warm:.0f}x); load {t_load:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
