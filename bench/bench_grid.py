"""Grid search throughput (a benchmark, not a test): process pool vs one process.

The issue's grid on the circle example: 5 hidden layouts x 4 learning rates x 3 hidden
activations x 5 seeds = 300 runs of 500 epochs. Timed both ways in the same run: one after
another in this process (the reference) and on a ProcessPoolExecutor with one worker per
core (pool start-up included). On a machine shared with other jobs the load drifts, so the
grid is timed in 5 blocks (one per layout) in alternating order (pool, serial; serial,
pool; ...) and the block times summed. Prints total seconds, runs/s and the speed-up, and
checks that both give the same numbers bit for bit.

Run: ``.venv/bin/python bench/bench_grid.py [--epochs 500] [--seeds 5] [--workers N]``
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


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=500)
    p.add_argument("--seeds", type=int, default=5)
    p.add_argument("--workers", type=int, default=os.cpu_count())
    args = p.parse_args()
    doc = Document()  # the circle example
    data = GridData.from_document(doc)
    configs = Grid(LAYOUTS, ACTIVATIONS, RATES, seeds=args.seeds,
                   epochs=args.epochs).expand(doc.settings)
    n = len(configs)
    print(f"{n} runs of {args.epochs} epochs on circle ({len(data.X)} training rows), "
          f"{args.workers} workers on {os.cpu_count()} cores; load average "
          f"{os.getloadavg()[0]:.1f}")

    _one_blas_thread()  # the same BLAS as the workers: a fair, bit-for-bit comparison
    blocks = [[c for c in configs if c.hidden == h] for h in LAYOUTS]
    pool_s = serial_s = 0.0
    pooled, alone = [], []
    for i, block in enumerate(blocks):
        for what in (("pool", "serial") if i % 2 == 0 else ("serial", "pool")):
            t0 = time.perf_counter()
            if what == "pool":
                with GridExecution(block, data, workers=args.workers, keep_weights=False) as run:
                    pooled += sorted(run.results(), key=lambda r: r.config.index)
                pool_s += time.perf_counter() - t0
            else:
                alone += [run_one(c, data, keep_weights=False) for c in block]
                serial_s += time.perf_counter() - t0

    same = all((a.status, a.train_loss, a.test_loss) == (b.status, b.train_loss, b.test_loss)
               for a, b in zip(alone, pooled, strict=True))
    print(f"{'':14}{'seconds':>9}{'runs/s':>9}")
    print(f"{'one process':14}{serial_s:9.1f}{n / serial_s:9.2f}")
    print(f"{'process pool':14}{pool_s:9.1f}{n / pool_s:9.2f}")
    inner = [sum(r.seconds for r in rs) / n for rs in (alone, pooled)]
    print(f"seconds per run measured inside the run: {inner[0]:.3f} in one process, "
          f"{inner[1]:.3f} in a worker ({inner[1] / inner[0]:.2f}x: above 1, the workers "
          "do not get a core each)")
    print(f"speed-up {serial_s / pool_s:.2f}x with {args.workers} workers "
          f"({serial_s / pool_s / args.workers:.2f} per worker); identical results: {same}; "
          f"load average after {os.getloadavg()[0]:.1f}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
