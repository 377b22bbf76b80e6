"""Time and peak memory of reading hostile files (issue 17): project bombs, CSV bombs,
and the headless CLI's memory over a long run.

    python bench/bench_hostile.py [--cli-epochs 200000] [--timeout 120]

Each case runs in its own process (so its peak RSS is its own) under a time limit; the
figures go in docs/reliability.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import hostile_files as hf  # noqa: E402

CHILD = r"""
import resource, sys, time
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
import numpy, simulator.project, simulator.datasets
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
kind, path = sys.argv[1], sys.argv[2]
try:
    if kind == "project":
        simulator.project.load_project(path)
    else:
        simulator.datasets.load_csv(path)
    outcome = "loaded"
except Exception as exc:
    outcome = type(exc).__name__ + ": " + str(exc)[:70]
dt = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{dt:.2f}\t{(peak - base) / 1024:.0f}\t{outcome}")
"""


def run_case(kind: str, path: Path, timeout: float) -> str:
    t = time.perf_counter()
    try:
        out = subprocess.run([sys.executable, "-c", CHILD, kind, str(path)], cwd=ROOT,
                             capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s (killed)"
    if out.returncode:
        return f"exit {out.returncode} after {time.perf_counter() - t:.1f} s: " \
               f"{out.stderr.strip().splitlines()[-1:]}"
    dt, mb, outcome = out.stdout.strip().split("\t")
    return f"{dt} s, +{mb} MB peak RSS, {outcome}"


def cli_rss(epochs: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        save = Path(tmp) / "out.annproj"
        cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "simulator", "train",
               str(hf.EXAMPLES / "xor.annproj"), "--epochs", str(epochs), "--quiet",
               "--save", str(save)]
        t = time.perf_counter()
        out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        dt = time.perf_counter() - t
    rss = [ln for ln in out.stderr.splitlines() if "Maximum resident" in ln]
    kb = int(rss[0].split(":")[1]) if rss else 0
    return f"exit {out.returncode}, {dt:.1f} s, max RSS {kb / 1024:.0f} MB"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--cli-epochs", type=int, default=200_000)
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        cases = [
            ("project", "20M-row chunk, no columns", lambda p: hf.empty_rows_bomb(p)),
            ("project", "200 x 20M-row chunks", lambda p: hf.empty_rows_bomb(p, chunks=200)),
            ("project", "8192 rows x 20000 text columns", lambda p: hf.text_columns_bomb(p)),
            ("project", "8192 x 8192 float64 table", lambda p: hf.wide_table_bomb(p)),
            ("csv", "1e5 columns, one duplicate", lambda p: hf.duplicate_columns_csv(p)),
            ("csv", "300000 trailing empty columns", lambda p: hf.trailing_empty_csv(p)),
            ("csv", "63 MB of short fields", lambda p: hf.short_fields_csv(p)),
        ]
        for k, (kind, title, make) in enumerate(cases):
            if args.only and args.only not in title:
                continue
            path = make(d / f"case{k}.{'annproj' if kind == 'project' else 'csv'}")
            size = path.stat().st_size
            print(f"{title:34s} ({size / 1024:,.0f} KB): {run_case(kind, path, args.timeout)}",
                  flush=True)
    if args.cli_epochs and not args.only:
        print(f"CLI train xor {args.cli_epochs} epochs --save: {cli_rss(args.cli_epochs)}",
              flush=True)


if __name__ == "__main__":
    main()
