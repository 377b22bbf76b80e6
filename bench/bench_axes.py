"""What the plots cost the GUI thread per snapshot, with the axes keeping their drawn
ticks (ui/plots/axes.py) against pyqtgraph's path (every setRange, setLabel, setTicks
and move lays the ticks out again), measured in the same run (a benchmark, not a test).

The whole main window is shown (1400 x 880, offscreen), no training runs: each
"snapshot" appends the rows a 30 Hz snapshot brings (``--rows``, a growing, noisy
history as in bench_gui.py), then every plot redraws and paints. CPU time of the GUI
thread (``time.thread_time``), snapshots of both kinds alternating.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_axes.py [--snapshots 60]``
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from bench_gui import CONFIGS, SHORT, make_document, past_history  # noqa: E402

#: history rows a snapshot brings (bench_gui: 360-520, 90-110, 7)
ROWS = {"playground": 450, "6x8": 100, "deep": 7}


def measure(app, network: str, snapshots: int) -> tuple[float, float]:
    """Median GUI-thread ms per snapshot: (axes keeping their ticks, pyqtgraph's path)."""
    from ui.main_window import MainWindow
    from ui.plots.axes import Axis
    doc = make_document(CONFIGS[SHORT[network]])
    per = ROWS[network]
    rows = past_history(doc, per * (2 * snapshots + 10))
    window = MainWindow(doc)
    window.resize(1400, 880)
    window.show()
    for _ in range(20):
        app.processEvents()
    keep = Axis._drawn
    times: dict[bool, list[float]] = {True: [], False: []}
    for k in range(2 * snapshots + 10):
        kept = k % 2 == 0
        Axis._drawn = keep if kept else (lambda self: False)
        t0 = time.thread_time()
        doc.append_history(rows[k * per:(k + 1) * per])
        for panel in window.plots.values():
            if panel.isVisible():
                panel.flush()
                panel.graphics.viewport().repaint()
        if k >= 10:  # the first ones create curves and legends
            times[kept].append(time.thread_time() - t0)
    Axis._drawn = keep
    doc.mark_dirty(False)
    window.close()
    window.deleteLater()
    app.processEvents()
    return (float(np.median(times[True])) * 1000, float(np.median(times[False])) * 1000)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--snapshots", type=int, default=60, help="of each kind")
    args = p.parse_args()
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ui.fonts import install_app_font
    install_app_font(app)
    print(f"{'network':12s} {'rows':>5s} {'kept ms':>8s} {'pyqtgraph ms':>13s} {'ratio':>6s}")
    for network in ("playground", "6x8", "deep"):
        kept, fresh = measure(app, network, args.snapshots)
        print(f"{network:12s} {ROWS[network]:5d} {kept:8.2f} {fresh:13.2f} {kept / fresh:6.2f}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
