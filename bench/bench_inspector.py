"""Plot data per snapshot (a benchmark, not a test): ``compute_views`` on 2-input data.

For each network: milliseconds per ``compute_views`` at the inspector's grid (GRID x GRID,
100 x 100; every neuron's heatmap taken from the same pass) and, as the reference in the
same run, at the former 48 x 48 grid; plus the pickled size the training process sends
through its pipe per snapshot.

Run: ``.venv/bin/python bench/bench_inspector.py [--repeat 40]``
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

import simulator.inspector as ins  # noqa: E402
from simulator.document import Document  # noqa: E402
from simulator.settings import DataSource  # noqa: E402

NETWORKS = {"2-4-2-1 (Playground)": [4, 2], "2-8x6-1": [8] * 6, "2-256-256-1": [256, 256]}


def median_ms(net, sample, extent, repeat: int) -> float:
    """Median milliseconds of one ``compute_views`` (after one warm-up call)."""
    ins.compute_views(net, sample, extent)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        ins.compute_views(net, sample, extent)
        times.append(time.perf_counter() - t0)
    return 1e3 * float(np.median(times))


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--repeat", type=int, default=40)
    args = p.parse_args()
    print(f"{'network':22} {'grid':>8} {'ms':>7} {'ms @48':>7} {'ratio':>6} {'KB sent':>8}")
    for name, hidden in NETWORKS.items():
        spec = {"inputs": 2, "layers": [{"units": u, "activation": "tanh"} for u in hidden]
                + [{"units": 1, "activation": "tanh"}]}
        doc = Document(spec=spec, data_source=DataSource(name="circle"))
        net = doc.build_network()
        sample, extent = ins.plot_points(doc)
        views = ins.compute_views(net, sample, extent)
        ms = median_ms(net, sample, extent, args.repeat)
        grid, ins.GRID = ins.GRID, 48
        try:
            ref = median_ms(net, sample, extent, args.repeat)
        finally:
            ins.GRID = grid
        side = views.grid_output.shape[1]
        kb = len(pickle.dumps(views, protocol=pickle.HIGHEST_PROTOCOL)) / 1024
        print(f"{name:22} {side:>4}x{side:<3} {ms:7.2f} {ref:7.2f} {ms / ref:6.2f} {kb:8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
