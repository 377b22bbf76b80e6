"""CPU vs GPU: epochs/second of the same training on NumPy and on CuPy, in one run.

The lesson-11 network: 784 inputs, two ReLU hidden layers of growing width
(64 up to 4096), 10 softmax outputs, cross-entropy, plain SGD, float32, batch
1024, 8 batches (8 192 rows) per epoch, rows reshuffled every epoch, with every
statistic the app takes. One more row is TensorFlow Playground's 2-4-2-1 (batch
10, 25 batches per epoch): the small end of the crossover, which "auto" keeps
on the CPU.

Each (network, backend) pair is measured ``--rounds`` times, ``--seconds``
each, and the best figure is kept. Both backends start from the same weights;
after their first (warm-up) epoch the weights are compared, and the largest
difference is printed relative to the largest weight (float32 rounding is ~1e-7
per operation; CuPy adds in another order).

    python bench/bench_gpu.py [--widths 256,4096] [--seconds 2] [--rounds 2] [--json FILE]

Without CuPy or a CUDA device it measures NumPy alone and says so.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import simulator as sim  # noqa: E402
from simulator import xp  # noqa: E402

WIDTHS = (64, 128, 256, 512, 1024, 2048, 4096)
BATCH = 1024
BATCHES = 8
LR = 0.01


def mnist_like(width: int):
    """784-width-width-10 and random data of MNIST's shape (one-hot labels)."""
    spec = {"inputs": 784, "layers": [{"units": width, "activation": "relu"},
                                      {"units": width, "activation": "relu"},
                                      {"units": 10, "activation": "softmax"}]}
    rng = np.random.default_rng(0)
    X = rng.random((BATCH * BATCHES, 784), dtype=np.float32)
    Y = np.eye(10, dtype=np.float32)[rng.integers(0, 10, BATCH * BATCHES)]
    return f"784-{width}-{width}-10", spec, X, Y, dict(loss="cross_entropy", batch_size=BATCH)


def playground():
    """TensorFlow Playground's default: circle, 250 training points, 2-4-2-1 tanh, batch 10."""
    data = sim.datasets.load("circle", n_points=500, seed=0)
    X, Y = data.X[::2].astype(np.float32), data.Y[::2].astype(np.float32)
    spec = {"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                    {"units": 2, "activation": "tanh"},
                                    {"units": 1, "activation": "tanh"}]}
    return "2-4-2-1 (Playground)", spec, X, Y, dict(loss="mse", batch_size=10)


def trainer_for(spec, backend, settings):
    net = sim.Network.from_spec(spec, init="he", seed=0, backend=backend)
    return sim.Trainer(net, optimizer="sgd", learning_rate=LR, seed=0, **settings)


def epochs_per_second(trainer, X, Y, seconds: float) -> float:
    """Grow the number of epochs until one timed fit lasts ``seconds``. ``fit`` ends with
    the epoch's statistics read back, which waits for the device: the time is real."""
    k = 1
    while True:
        t = time.perf_counter()
        trainer.fit(X, Y, epochs=k)
        dt = time.perf_counter() - t
        if dt >= seconds:
            return k / dt
        k = max(k * 2, int(k * seconds / max(dt, 1e-6) * 1.1))


def measure(name, spec, X, Y, settings, backends, seconds, rounds) -> dict:
    row = {"network": name, "params": sim.network.dense_params(sim.NetworkSpec.coerce(spec))}
    trainers, first = {}, {}
    for b in backends:
        trainers[b] = trainer_for(spec, b, settings)
        trainers[b].fit(X, Y, epochs=1)  # warm-up: CuPy compiles its kernels here
        first[b] = trainers[b].net.get_weights()
    if "cupy" in backends:
        top = max(np.abs(w).max() for pair in first["numpy"] for w in pair)
        diff = max(np.abs(a - b).max() for pa, pb in zip(first["numpy"], first["cupy"],
                                                         strict=True)
                   for a, b in zip(pa, pb, strict=True))
        row["max_weight_diff_rel"] = float(diff / top)
    for b in backends:
        row[b] = max(epochs_per_second(trainers[b], X, Y, seconds) for _ in range(rounds))
    if "cupy" in backends:
        row["ratio"] = row["cupy"] / row["numpy"]
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--widths", default=",".join(map(str, WIDTHS)),
                    help="hidden widths, comma-separated (default: %(default)s)")
    ap.add_argument("--seconds", type=float, default=2.0, help="per measurement")
    ap.add_argument("--rounds", type=int, default=2, help="measurements per figure; best kept")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = ap.parse_args(argv)
    info = xp.cupy_info()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, NumPy {np.__version__}")
    if info.usable:
        import cupy
        backends = ("numpy", "cupy")
        print(f"GPU: {info.detail}, CuPy {cupy.__version__}")
    else:
        backends = ("numpy",)
        print(f"CuPy was NOT available ({info.state}: {info.detail}): only NumPy is measured, "
              "no GPU figure and no ratio.")
    print(f"epochs/second, float32, SGD lr {LR}, all statistics; MNIST-like rows: batch "
          f"{BATCH}, {BATCHES} batches per epoch")
    head = f"{'network':<22} {'params':>10} {'NumPy ep/s':>11}"
    if info.usable:
        head += f" {'CuPy ep/s':>10} {'CuPy/NumPy':>10} {'max dW/|W|':>10}"
    print(head)
    configs = [playground()] + [mnist_like(int(w)) for w in args.widths.split(",") if w]
    rows = []
    for cfg in configs:
        row = measure(*cfg, backends, args.seconds, args.rounds)
        rows.append(row)
        line = f"{row['network']:<22} {row['params']:>10,} {row['numpy']:>11.2f}"
        if info.usable:
            line += (f" {row['cupy']:>10.2f} {row['ratio']:>10.2f}"
                     f" {row['max_weight_diff_rel']:>10.1e}")
        print(line, flush=True)
    if info.usable:
        faster = [r["params"] for r in rows if r["ratio"] > 1.0]
        print("crossover: CuPy is faster from "
              + (f"{min(faster):,} parameters on (among these networks)" if faster
                 else "none of these networks"))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"device": info.detail if info.usable else None,
                       "cupy": info._asdict(), "numpy": np.__version__,
                       "cores": os.cpu_count(), "rows": rows}, f, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
