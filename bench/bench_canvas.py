"""What the network canvas costs the GUI thread per training snapshot (a benchmark, not a
test): new weights (lines and bias markers restyled), new plot data (the neurons'
heatmaps), and the canvas repainted, each stage in CPU ms of the GUI thread
(``time.thread_time``), median over ``--snapshots``, and their share of the whole.

The main window is shown (1400 x 880, offscreen, default layout); each snapshot is the
document's weights, every one scaled by 1 + 5 % noise (so that lines change pens as in
training), with the plot data computed for them beforehand (not timed). To compare two
commits, run a copy of this file in an export of the other one (it imports the app of the
tree it lies in).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_canvas.py [--snapshots 60]
[--network deep]``
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from bench_gui import CONFIGS, SHORT, make_document  # noqa: E402 (fresh settings too)

STAGES = ("weights", "heatmaps", "paint")


def measure(app, network: str, snapshots: int) -> dict[str, float]:
    from simulator.inspector import compute_views, plot_points
    from ui.editor.view import NetworkCanvas
    from ui.main_window import MainWindow
    doc = make_document(CONFIGS[SHORT[network]])
    window = MainWindow(doc)
    window.resize(1400, 880)
    window.show()
    for _ in range(20):
        app.processEvents()
    canvas = window.findChild(NetworkCanvas)
    rng = np.random.default_rng(0)
    net = doc.build_network()
    base = [(W.copy(), b.copy()) for W, b in doc.weights]
    snaps = []
    for _ in range(snapshots + 5):
        weights = [(W * (1 + 0.05 * rng.standard_normal(W.shape)),
                    b + 0.05 * rng.standard_normal(b.shape)) for W, b in base]
        net.set_weights(weights)
        snaps.append((weights, compute_views(net, *plot_points(doc))))
    times = {s: [] for s in STAGES}
    for k, (weights, views) in enumerate(snaps):
        t0 = time.thread_time()
        doc.set_weights(weights, reason="training")
        t1 = time.thread_time()
        doc.inspector.set_views(views)
        t2 = time.thread_time()
        canvas.viewport().repaint()
        t3 = time.thread_time()
        if k >= 5:  # the first ones make pens and caches
            for s, dt in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2), strict=True):
                times[s].append(1000 * dt)
    doc.mark_dirty(False)
    window.close()
    window.deleteLater()
    app.processEvents()
    return {s: float(np.median(v)) for s, v in times.items()}


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--snapshots", type=int, default=60)
    p.add_argument("--network", action="append", choices=sorted(SHORT),
                   help="network to measure (repeatable; default: all three)")
    args = p.parse_args()
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ui.fonts import install_app_font
    install_app_font(app)
    import ui
    print(f"canvas CPU ms per snapshot (GUI thread, median of {args.snapshots}), "
          f"app from {Path(ui.__file__).resolve().parents[1]}")
    print(f"{'network':12s} {'weights':>8s} {'heatmaps':>9s} {'paint':>7s} {'total':>7s} "
          f"{'paint share':>11s}")
    for name in args.network or ("playground", "6x8", "deep"):
        m = measure(app, name, args.snapshots)
        total = sum(m.values())
        print(f"{name:12s} {m['weights']:8.2f} {m['heatmaps']:9.2f} {m['paint']:7.2f} "
              f"{total:7.2f} {m['paint'] / total:11.0%}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
