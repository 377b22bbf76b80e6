"""Engine benchmark: batches/second of Trainer.fit vs a bare NumPy loop vs PyTorch CPU,
and the compiled path (simulator/compiled) against the NumPy path of Trainer.fit.

Every configuration trains in float32 with tanh hidden layers, a linear output,
MSE and plain SGD, 50 batches per epoch, reshuffled every epoch. The engine's
figure includes everything it does per batch (statistics, divergence backup).
The "playground" row is TensorFlow Playground's default (circle, 250 training
and 250 test points, 2-4-2-1 tanh, lr 0.03, batch 10), reported in epochs/second
with the test loss computed after every epoch, as the app does.

    python bench/bench_engine.py [--seconds 2] [--rounds 3] [--only NAME]
    python bench/bench_engine.py --only compiled     # circle networks + crossover
    python bench/bench_engine.py --only grid [--workers 2]

``compiled``: TensorFlow Playground's circle problem (500 points, 50 % train, tanh,
mse, SGD lr 0.03, batch 10, train and test loss and all statistics every epoch) on
2-4-2-1 and 2-8x6-1, NumPy ``Trainer.fit`` against the compiled path in the same run,
then the crossover: 2-w-w-1 for growing w. ``grid``: 300 runs x 500 epochs (5 hidden
layouts x 4 learning rates x 3 activations x 5 seeds) on the compiled path, one
process, then a ProcessPoolExecutor with ``--workers`` processes.

The three contenders are measured in turn, ``--rounds`` times, and the best
figure of each is kept, so a burst of load from another process penalizes
none of them in particular.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import simulator as sim  # noqa: E402

try:
    import torch
except ImportError:  # the comparison column is simply left out
    torch = None

LR = 0.01
BATCHES = 50
#: name, layer sizes (inputs first), batch size
CONFIGS = [
    ("2-8-8-1", [2, 8, 8, 1], 10),
    ("2-8x8-1", [2] + [8] * 8 + [1], 32),
    ("784-128-64-10", [784, 128, 64, 10], 64),
    ("784-512-512-10", [784, 512, 512, 10], 256),
]


def make_data(sizes, n, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, sizes[0])).astype(np.float32)
    Y = rng.standard_normal((n, sizes[-1])).astype(np.float32) * 0.5
    return X, Y


def spec_for(sizes, out_act="linear"):
    layers = [{"units": u, "activation": "tanh"} for u in sizes[1:-1]]
    layers.append({"units": sizes[-1], "activation": out_act})
    return {"inputs": sizes[0], "layers": layers}


def timed(run_epochs, seconds):
    """Epochs per second of ``run_epochs(k)``, growing k until a run lasts ``seconds``."""
    run_epochs(1)  # warm-up: allocations, caches, BLAS threads
    k = 1
    while True:
        t = time.perf_counter()
        run_epochs(k)
        dt = time.perf_counter() - t
        if dt >= seconds:
            return k / dt
        k = max(k * 2, int(k * seconds / max(dt, 1e-6) * 1.1))


# -- the engine -----------------------------------------------------------------------
def engine_eps(sizes, X, Y, bs, seconds, out_act="linear", lr=LR, test=None, engine="numpy"):
    net = sim.Network.from_spec(spec_for(sizes, out_act), init="xavier", seed=0)
    trainer = sim.Trainer(net, loss="mse", optimizer="sgd", learning_rate=lr, batch_size=bs,
                          engine=engine)
    Xt, Yt = test if test is not None else (None, None)
    return timed(lambda k: trainer.fit(X, Y, epochs=k, X_test=Xt, Y_test=Yt), seconds)


# -- a bare NumPy loop doing the same math ---------------------------------------------
def bare_eps(sizes, X, Y, bs, seconds, out_act="linear", lr=LR, test=None):
    """Idiomatic float32 NumPy: per batch forward, backward, SGD; nothing else."""
    rng = np.random.default_rng(0)
    Ws, bs_ = [], []
    for fi, fo in zip(sizes[:-1], sizes[1:], strict=True):
        lim = np.sqrt(6.0 / (fi + fo))
        Ws.append(rng.uniform(-lim, lim, (fi, fo)).astype(np.float32))
        bs_.append(np.zeros(fo, np.float32))
    L = len(Ws)
    n = X.shape[0]
    lr = np.float32(lr)

    def forward(A):
        Hs = [A]
        for l in range(L):
            Z = A @ Ws[l] + bs_[l]
            A = Z if (l == L - 1 and out_act == "linear") else np.tanh(Z)
            Hs.append(A)
        return Hs

    def run(k):
        for _ in range(k):
            perm = rng.permutation(n)
            Xs, Ys = X[perm], Y[perm]
            for p in range(0, n, bs):
                Xb, Yb = Xs[p:p + bs], Ys[p:p + bs]
                Hs = forward(Xb)
                D = (Hs[-1] - Yb) * np.float32(2.0 / Yb.size)
                if out_act != "linear":
                    D *= 1 - Hs[-1] * Hs[-1]
                for l in range(L - 1, -1, -1):
                    dW = Hs[l].T @ D
                    db = D.sum(axis=0)
                    if l > 0:
                        D = (D @ Ws[l].T) * (1 - Hs[l] * Hs[l])
                    Ws[l] -= lr * dW
                    bs_[l] -= lr * db
            if test is not None:
                H = forward(test[0])[-1]
                float(np.mean((H - test[1]) ** 2))

    return timed(run, seconds)


# -- PyTorch CPU ------------------------------------------------------------------------
def torch_eps(sizes, X, Y, bs, seconds, out_act="linear", lr=LR, test=None):
    torch.manual_seed(0)
    mods = []
    for i, (fi, fo) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        mods.append(torch.nn.Linear(fi, fo))
        if i < len(sizes) - 2 or out_act != "linear":
            mods.append(torch.nn.Tanh())
    model = torch.nn.Sequential(*mods)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    lossf = torch.nn.MSELoss()
    Xt_, Yt_ = torch.from_numpy(X), torch.from_numpy(Y)
    tX = tY = None
    if test is not None:
        tX, tY = torch.from_numpy(test[0]), torch.from_numpy(test[1])
    n = X.shape[0]
    g = torch.Generator().manual_seed(0)

    def run(k):
        for _ in range(k):
            perm = torch.randperm(n, generator=g)
            Xs, Ys = Xt_[perm], Yt_[perm]
            for p in range(0, n, bs):
                opt.zero_grad(set_to_none=False)
                loss = lossf(model(Xs[p:p + bs]), Ys[p:p + bs])
                loss.backward()
                opt.step()
            if tX is not None:
                with torch.no_grad():
                    float(lossf(model(tX), tY))

    return timed(run, seconds)


def circle(n, seed=0):
    """TensorFlow Playground's circle: label +1 inside radius 2.5, -1 in the ring 3.5..5."""
    rng = np.random.default_rng(seed)
    r = np.concatenate([rng.uniform(0, 2.5, n // 2), rng.uniform(3.5, 5.0, n - n // 2)])
    a = rng.uniform(0, 2 * np.pi, n)
    X = np.stack([r * np.cos(a), r * np.sin(a)], axis=1).astype(np.float32)
    Y = np.where(r < 3, 1.0, -1.0).astype(np.float32).reshape(-1, 1)
    order = rng.permutation(n)
    return X[order], Y[order]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    ap.add_argument("--rounds", type=int, default=3, help="measurements per contender (best kept)")
    ap.add_argument("--only", default=None, help="run only the configuration with this name")
    ap.add_argument("--workers", type=int, default=2, help="processes for the grid")
    args = ap.parse_args(argv)
    if args.only == "compiled":
        return bench_compiled(args)
    if args.only == "grid":
        return bench_grid(args)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, NumPy {np.__version__}"
          + (f", PyTorch {torch.__version__} ({torch.get_num_threads()} threads)" if torch else
             ", PyTorch not installed"))
    head = f"{'config':<16}{'batch':>6}{'engine':>10}{'bare':>10}{'ratio':>7}"
    if torch:
        head += f"{'torch':>10}{'eng/torch':>10}"
    print("batches/second, float32, tanh hidden, linear output, MSE, SGD, 50 batches/epoch")
    print(head)
    for name, sizes, bs in CONFIGS:
        if args.only and args.only != name:
            continue
        X, Y = make_data(sizes, bs * BATCHES)
        e, b, t = best_of(args, sizes, (X, Y), bs)
        e, b, t = e * BATCHES, b * BATCHES, t * BATCHES
        line = f"{name:<16}{bs:>6}{e:>10.0f}{b:>10.0f}{e / b:>7.2f}"
        if torch:
            line += f"{t:>10.0f}{e / t:>10.2f}"
        print(line, flush=True)

    if args.only in (None, "playground"):
        X, Y = circle(500)
        train, test = (X[:250], Y[:250]), (X[250:], Y[250:])
        sizes = [2, 4, 2, 1]
        kw = dict(out_act="tanh", lr=0.03, test=test)
        print("\nTensorFlow Playground default (circle, 250 train + 250 test, 2-4-2-1 tanh, "
              "MSE, SGD lr 0.03, batch 10 = 25 batches/epoch, test loss every epoch)")
        e, b, t = best_of(args, sizes, train, 10, **kw)
        line = f"epochs/second: engine {e:.0f}, bare {b:.0f} (ratio {e / b:.2f})"
        if torch:
            line += f", torch {t:.0f}"
        print(line)
    if args.only is None:
        bench_compiled(args)
        bench_grid(args)


def compiled_eps(*a, **kw):
    return engine_eps(*a, engine="compiled", **kw)


def bench_compiled(args) -> None:
    """Circle networks, NumPy Trainer.fit vs the compiled path; then the crossover."""
    X, Y = circle(500)
    train, test = (X[:250], Y[:250]), (X[250:], Y[250:])
    kw = dict(out_act="tanh", lr=0.03, test=test)
    print("\nCompiled path vs NumPy Trainer.fit, epochs/second (circle, 250 train + 250 test, "
          "tanh, mse, SGD lr 0.03, batch 10, test loss and statistics every epoch)")
    for name, sizes in (("2-4-2-1", [2, 4, 2, 1]), ("2-8x6-1", [2] + [8] * 6 + [1])):
        best = [0.0, 0.0]
        for _ in range(args.rounds):
            for i, run in enumerate((engine_eps, compiled_eps)):
                best[i] = max(best[i], run(sizes, *train, 10, args.seconds, **kw))
        print(f"{name:<10} numpy {best[0]:>8.0f}  compiled {best[1]:>8.0f}  "
              f"ratio {best[1] / best[0]:>6.2f}", flush=True)
    print("\nCrossover: 2-w-w-1 tanh, linear output, batch 10, 50 batches/epoch "
          "(weights = 2w + w^2 + w)")
    for w in (16, 24, 32, 40, 48, 64, 128):
        sizes = [2, w, w, 1]
        Xc, Yc = make_data(sizes, 500)
        best = [0.0, 0.0]
        for _ in range(args.rounds):
            for i, run in enumerate((engine_eps, compiled_eps)):
                best[i] = max(best[i], run(sizes, Xc, Yc, 10, args.seconds / 2))
        print(f"w={w:<4} weights {2 * w + w * w + w:>6}  numpy {best[0] * 50:>8.0f} b/s  "
              f"compiled {best[1] * 50:>8.0f} b/s  ratio {best[1] / best[0]:>5.2f}", flush=True)


GRID_LAYOUTS = ([4], [8], [4, 2], [4, 4], [8, 8])
GRID_LRS = (0.003, 0.01, 0.03, 0.1)
GRID_ACTS = ("tanh", "relu", "sigmoid")
GRID_SEEDS = 5
GRID_EPOCHS = 500


def grid_runs():
    return [(h, lr, act, seed) for h in GRID_LAYOUTS for lr in GRID_LRS for act in GRID_ACTS
            for seed in range(GRID_SEEDS)]


def grid_task(runs):
    """Train each (hidden, lr, activation, seed) for 500 epochs; final test losses."""
    X, Y = circle(500)
    out = []
    for hidden, lr, act, seed in runs:
        layers = [{"units": u, "activation": act} for u in hidden]
        layers.append({"units": 1, "activation": "tanh"})
        net = sim.Network.from_spec({"inputs": 2, "layers": layers}, seed=seed)
        trainer = sim.Trainer(net, loss="mse", optimizer="sgd", learning_rate=lr,
                              batch_size=10, seed=seed, engine="compiled")
        out.append(trainer.fit(X[:250], Y[:250], GRID_EPOCHS, X[250:], Y[250:])[-1].test_loss)
    return out


def _grid_worker_init():
    from simulator import compiled
    from simulator.compiled import threads
    global _LIMIT
    _LIMIT = threads.limit(1)
    compiled.prepare(("float32",))


def bench_grid(args) -> None:
    from concurrent.futures import ProcessPoolExecutor
    runs = grid_runs()
    print(f"\nGrid: {len(runs)} runs x {GRID_EPOCHS} epochs on circle (compiled path, "
          "test loss every epoch)")
    grid_task(runs[:1])  # kernels loaded
    t, cpu = time.perf_counter(), time.process_time()
    ref = grid_task(runs)
    one, cpu = time.perf_counter() - t, time.process_time() - cpu
    print(f"one process:  {one:6.1f} s  ({len(runs) / one:.1f} runs/s; CPU time {cpu:.1f} s)",
          flush=True)
    chunks = [runs[i::args.workers * 6] for i in range(args.workers * 6)]
    t = time.perf_counter()
    with ProcessPoolExecutor(args.workers, initializer=_grid_worker_init) as pool:
        parts = list(pool.map(grid_task, chunks))
    many = time.perf_counter() - t
    same = sorted(ref) == sorted(v for p in parts for v in p)
    print(f"{args.workers} processes: {many:6.1f} s  ({len(runs) / many:.1f} runs/s, "
          f"speed-up {one / many:.2f}; same results: {same})")


def best_of(args, sizes, data, bs, **kw):
    """Best epochs/second of engine, bare loop and torch (0 without torch) over the rounds."""
    best = [0.0, 0.0, 0.0]
    runners = [engine_eps, bare_eps] + ([torch_eps] if torch else [])
    for _ in range(args.rounds):
        for i, run in enumerate(runners):
            best[i] = max(best[i], run(sizes, *data, bs, args.seconds, **kw))
    return best


if __name__ == "__main__":
    main()
