"""Grid search throughput (a benchmark, not a test): process pool vs one process.

The issue's grid on the circle example: 5 hidden layouts x 4 learning rates x 3 hidden
activations x 5 seeds = 300 runs of 500 epochs. Timed both ways in the same run: one after
another in this process (the reference) and on a ProcessPoolExecutor with one worker per
core. Each pass trains the whole grid; a pool pass starts its own pool (start-up included,
once per pass, as the app does per grid). The load of a shared machine drifts, so the
passes alternate in the order pool, serial, serial, pool (``--rounds`` times) and each
way's passes are summed. Prints total seconds, runs/s and the speed-up, and checks that
every pass gives the same numbers bit for bit. Last, the time of one best / worst boundary
picture's grid (``experiments.boundaries.boundary``) for small and larger layouts: the
Grid dock computes them on a helper thread when they cost more than ~10 ms.

Run: ``.venv/bin/python bench/bench_grid.py [--epochs 500] [--seeds 5] [--workers N]
[--rounds 1]``
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.document import Document  # noqa: E402
from simulator.experiments import Grid, GridData, GridExecution, run_one  # noqa: E402
from simulator.experiments.execute import _one_blas_thread  # noqa: E402

LAYOUTS = [(2,), (4,), (8,), (4, 4), (8, 8)]
RATES = [0.003, 0.03, 0.3, 3.0]
ACTIVATIONS = ["tanh", "relu", "sigmoid"]


def pool_pass(configs, data, workers: int) -> list:
    """The whole grid on a pool started for this pass (start-up included)."""
    with GridExecution(configs, data, workers=workers, keep_weights=False) as run:
        return sorted(run.results(), key=lambda r: r.config.index)


def serial_pass(configs, data) -> list:
    return [run_one(c, data, keep_weights=False) for c in configs]


def numbers(results) -> list:
    return [(r.status, r.train_loss, r.test_loss) for r in results]


def boundary_ms(data, doc, layouts=((2,), (8, 8), (32, 32), (64, 64, 64)), repeat=20):
    """Milliseconds per boundary grid of a trained run, per layout."""
    from simulator.experiments.boundaries import Plane, boundary
    plane = Plane.from_document(doc)
    out = {}
    for hidden in layouts:
        run = run_one(Grid([hidden], epochs=2).expand(doc.settings)[0], data)
        boundary(run, data, plane)
        t0 = time.perf_counter()
        for _ in range(repeat):
            side = len(boundary(run, data, plane).grid_x)
        out[hidden] = ((time.perf_counter() - t0) / repeat * 1000, side)
    return out


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=500)
    p.add_argument("--seeds", type=int, default=5)
    p.add_argument("--workers", type=int, default=os.cpu_count())
    p.add_argument("--rounds", type=int, default=1,
                   help="repeat the order pool, serial, serial, pool this many times")
    args = p.parse_args()
    doc = Document()  # the circle example
    data = GridData.from_document(doc)
    configs = Grid(LAYOUTS, ACTIVATIONS, RATES, seeds=args.seeds,
                   epochs=args.epochs).expand(doc.settings)
    n = len(configs)
    print(f"{n} runs of {args.epochs} epochs on circle ({len(data.X)} training rows), "
          f"{args.workers} workers on {os.cpu_count()} cores; load average "
          f"{os.getloadavg()[0]:.2f}")

    _one_blas_thread()  # the same BLAS as the workers: a fair, bit-for-bit comparison
    # untimed: compile (or load from numba's cache) this process's kernels once, as a
    # worker does when it starts
    serial_pass(Grid(LAYOUTS, ACTIVATIONS, RATES, seeds=1, epochs=1).expand(doc.settings), data)
    seconds = {"pool": [], "serial": []}
    passes: dict[str, list] = {"pool": [], "serial": []}
    for what in ("pool", "serial", "serial", "pool") * args.rounds:
        t0 = time.perf_counter()
        results = pool_pass(configs, data, args.workers) if what == "pool" else \
            serial_pass(configs, data)
        seconds[what].append(time.perf_counter() - t0)
        passes[what].append(results)
        print(f"  {what:6} pass {seconds[what][-1]:6.2f} s  (load average "
              f"{os.getloadavg()[0]:.2f})", flush=True)

    reference = numbers(passes["serial"][0])
    same = all(numbers(rs) == reference for rs in passes["serial"] + passes["pool"])
    serial_s, pool_s = sum(seconds["serial"]), sum(seconds["pool"])
    runs = n * len(seconds["pool"])
    print(f"{'':14}{'seconds':>9}{'runs/s':>9}")
    print(f"{'one process':14}{serial_s:9.2f}{runs / serial_s:9.2f}")
    print(f"{'process pool':14}{pool_s:9.2f}{runs / pool_s:9.2f}")
    inner = [sum(r.seconds for rs in passes[w] for r in rs) / runs for w in ("serial", "pool")]
    print(f"seconds per run measured inside the run: {inner[0]:.4f} in one process, "
          f"{inner[1]:.4f} in a worker ({inner[1] / inner[0]:.2f}x: above 1, the workers "
          "do not get a core each)")
    print(f"speed-up {serial_s / pool_s:.2f}x with {args.workers} workers "
          f"({serial_s / pool_s / args.workers:.2f} per worker); identical results: {same}; "
          f"load average after {os.getloadavg()[0]:.2f}")
    for hidden, (ms, side) in boundary_ms(data, doc).items():
        print(f"boundary picture {','.join(map(str, hidden)):>8}: {ms:5.1f} ms "
              f"({side} x {side} grid)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
