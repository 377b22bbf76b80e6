"""GUI benchmark (offscreen; a benchmark, not a test).

For each configuration, in one process:

1. headless: the engine alone (``Trainer.iter_batches`` in a plain loop, the same
   network, data and settings) for ``--seconds``; epochs per second.
2. GUI: the whole main window shown (canvas, every plot dock, heatmaps), training
   through the Train button's controller: one second of warm-up, then ``--seconds``
   measured while a 33 ms QTimer records its gaps; epochs per second (from the
   snapshots' training time), snapshots applied per second (the channel from the
   training process delivers one per GUI tick at best: ~30), the GUI process's CPU
   time per second (less sensitive to a busy machine than the wall-clock figures),
   and the frame-gap p50 / p99 / max.

``--history 100000`` starts the GUI runs from a 100,000-epoch history (the plots draw
a long run; the headless figure is unchanged); ``--size 1920x1080`` sets the window size;
``--show math-matrix`` (repeatable) opens that dock as well (the default layout keeps the
math views closed); ``--network deep`` (repeatable; ``playground``, ``6x8``, ``deep``)
picks the networks, by default the first two (``deep``: 10 hidden ReLU layers of 64,
~37 000 connections on the canvas, trained by the NumPy engine); ``--profile PREFIX``
writes the GUI thread's cProfile of the measured seconds to ``PREFIX-<network>.prof`` and
prints its top lines. Each run keeps the app's settings in a fresh file (the default
layout, whatever a previous run or the user saved).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py [--seconds 5]
[--history 100000] [--size 1920x1080] [--network deep] [--profile /tmp/gui]``
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from frame_gaps import FrameGaps  # noqa: E402 (bench/ is the script's folder)
from fresh_settings import use_fresh_settings  # noqa: E402

use_fresh_settings()

CONFIGS = {
    "playground 2-4-2-1 tanh": {"inputs": 2, "layers": [
        {"units": 4, "activation": "tanh"}, {"units": 2, "activation": "tanh"},
        {"units": 1, "activation": "tanh"}]},
    "6 hidden layers of 8 tanh": {"inputs": 2, "layers": [
        *[{"units": 8, "activation": "tanh"}] * 6, {"units": 1, "activation": "tanh"}]},
    "10 hidden layers of 64 relu": {"inputs": 2, "layers": [
        *[{"units": 64, "activation": "relu"}] * 10, {"units": 1, "activation": "tanh"}]},
}
#: ``--network`` names of the configurations.
SHORT = {"playground": "playground 2-4-2-1 tanh", "6x8": "6 hidden layers of 8 tanh",
         "deep": "10 hidden layers of 64 relu"}
TARGETS = {"playground 2-4-2-1 tanh": 600, "6 hidden layers of 8 tanh": 200,
           "10 hidden layers of 64 relu": 20}


def make_document(spec: dict):
    from simulator.document import Document
    from simulator.settings import DataSource, TrainingSettings
    relu = any(layer["activation"] == "relu" for layer in spec["layers"])
    settings = TrainingSettings(loss="mse", optimizer="sgd", learning_rate=0.01 if relu else 0.03,
                                batch_size=10, init="he" if relu else "xavier", seed=0)
    return Document(spec=spec, settings=settings,
                    data_source=DataSource(name="circle", params={"n_points": 500},
                                           train_ratio=0.5))


def headless(spec: dict, seconds: float) -> float:
    from simulator.network import Network
    from simulator.trainer import Trainer
    doc = make_document(spec)
    s = doc.settings
    net = Network.from_spec(doc.spec, init=s.init, seed=s.seed, backend=s.backend, dtype=s.dtype)
    net.set_weights(doc.weights)
    trainer = Trainer.from_settings(net, s, epoch_limit=0)
    train, test = doc.data.train, doc.data.test
    from simulator.compiled import threads
    blas = threads.limit(threads.blas_threads(net, s.batch_size))  # as the training loop does
    epochs = 0
    t0 = time.perf_counter()
    for r in trainer.iter_batches(train.X, train.Y, test.X, test.Y):
        if r.stats is not None:
            epochs += 1
            if time.perf_counter() - t0 >= seconds:
                break
    rate = epochs / (time.perf_counter() - t0)
    if blas is not None:
        blas.restore_original_limits()
    return rate


def past_history(doc, epochs: int) -> list[dict]:
    """``epochs`` history rows as the trainer writes them (one real epoch, repeated with a
    falling, noisy loss): the plots then start from a long run."""
    from simulator.network import Network
    from simulator.trainer import Trainer
    s = doc.settings
    net = Network.from_spec(doc.spec, init=s.init, seed=s.seed)
    trainer = Trainer.from_settings(net, s, epoch_limit=0)
    train = doc.data.train
    row = next(r for r in trainer.iter_batches(train.X, train.Y) if r.stats).stats.to_dict()
    rng = np.random.default_rng(0)
    rows = []
    for k in range(1, epochs + 1):
        noise = 1 + 0.2 * rng.random()
        rows.append(dict(row, epoch=k, train_loss=row["train_loss"] * noise / k ** 0.3,
                         grad_mean_abs=[g * noise for g in row["grad_mean_abs"]]))
    return rows


def gui(app, spec: dict, seconds: float, history: int = 0, size=(1400, 880),
        profile: str = "", show: tuple = ()) -> dict:
    """The GUI figures (see the module docstring); with ``profile``, the GUI thread's
    cProfile of the measured seconds is written to that file; ``show``: names of docks
    to open as well (``MainWindow.docks``)."""
    import cProfile

    from PySide6.QtCore import QEventLoop, QTimer

    from ui.main_window import MainWindow
    doc = make_document(spec)
    if history:
        doc.append_history(past_history(doc, history))
    window = MainWindow(doc)
    window.resize(*size)
    window.show()
    for name in show:
        window.docks[name].show()
        window.docks[name].raise_()
    for _ in range(20):
        app.processEvents()
    ctl = window.training
    frames = FrameGaps()
    snaps = [0]
    ctl.snapshot_applied.connect(lambda _s: snaps.__setitem__(0, snaps[0] + 1))
    ctl.train()
    warm = QEventLoop()  # one second of warm-up: first snapshot, curves and legends created
    QTimer.singleShot(1000, warm.quit)
    warm.exec()
    epoch0, elapsed0, snaps0 = ctl.epoch, ctl.elapsed, snaps[0]
    cpu0 = time.process_time()
    loop = QEventLoop()
    frames.start()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    loop.exec()
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    frames.stop()
    epochs, elapsed = ctl.epoch - epoch0, ctl.elapsed - elapsed0
    applied, cpu = snaps[0] - snaps0, time.process_time() - cpu0
    ctl.stop()
    doc.mark_dirty(False)  # no "save changes?" question on close
    window.close()
    window.deleteLater()
    app.processEvents()
    g = frames.take()
    return {"eps": epochs / elapsed if elapsed else 0.0, "epochs": epochs,
            "snaps": applied / seconds, "cpu": cpu / seconds,
            "p50": float(np.percentile(g, 50)), "p99": float(np.percentile(g, 99)),
            "max": float(g.max()), "frames": len(g)}


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=5.0)
    p.add_argument("--size", default="1400x880", help="window size, e.g. 1920x1080")
    p.add_argument("--history", type=int, default=0,
                   help="start from a run of this many epochs (e.g. 100000)")
    p.add_argument("--network", action="append", choices=sorted(SHORT),
                   help="network to measure (repeatable; default: playground and 6x8)")
    p.add_argument("--profile", default="", metavar="PREFIX",
                   help="write the GUI thread's cProfile to PREFIX-<network>.prof")
    p.add_argument("--show", action="append", default=[], metavar="DOCK",
                   help="open this dock too (repeatable; e.g. math-matrix, math-backprop)")
    args = p.parse_args()
    names = [SHORT[n] for n in args.network or ("playground", "6x8")]
    from simulator import compiled
    compiled.prepare()  # a fresh checkout compiles first (tens of seconds), not timed
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ui.fonts import install_app_font
    install_app_font(app)
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs, "
          f"{args.seconds:g} s per measurement, window {args.size}, offscreen"
          + (f", starting after {args.history} epochs" if args.history else ""))
    header = (f"{'configuration':28s} {'headless ep/s':>13s} {'GUI ep/s':>9s} {'ratio':>6s} "
              f"{'target':>7s} {'snap/s':>6s} {'GUI cpu':>7s} "
              f"{'gap p50':>8s} {'gap p99':>8s} {'gap max':>8s}")
    print(header)
    ok = True
    for name in names:
        spec = CONFIGS[name]
        h = headless(spec, args.seconds)
        size = tuple(int(v) for v in args.size.lower().split("x"))
        short = next(k for k, v in SHORT.items() if v == name)
        profile = f"{args.profile}-{short}.prof" if args.profile else ""
        g = gui(app, spec, args.seconds, args.history, size, profile, tuple(args.show))
        ratio = g["eps"] / h if h else 0.0
        good = g["eps"] >= TARGETS[name] and g["p99"] <= 50 and ratio >= 0.75
        ok &= good
        print(f"{name:28s} {h:13.0f} {g['eps']:9.0f} {ratio:6.2f} {TARGETS[name]:>7d} "
              f"{g['snaps']:6.1f} {g['cpu']:7.0%} "
              f"{g['p50']:7.1f}ms {g['p99']:7.1f}ms {g['max']:7.1f}ms"
              f"{'' if good else '  (target missed)'}", flush=True)
        if profile:
            import pstats
            pstats.Stats(profile).sort_stats("tottime").print_stats(25)
    app.processEvents()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
