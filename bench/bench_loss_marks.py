"""The loss plot's overfitting marks (a benchmark, not a test): what finding the best
test epoch and the early stop costs per redraw on a long run, against the same plot's
redraw without the marks, measured in the same run.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_loss_marks.py [--rows N]``
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402


def redraw_ms(plot, repeats: int) -> float:
    """Median milliseconds of one redraw (data, marks, ranges; no paint)."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        plot.redraw()
        plot.graphics.scene().prepareForPaint()
        times.append(time.perf_counter() - t0)
    return 1000 * float(np.median(times))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=30)
    args = ap.parse_args()
    from PySide6.QtWidgets import QApplication

    from simulator.document import Document
    from ui.plots import LossPlot
    app = QApplication.instance() or QApplication([])
    doc = Document()
    k = np.arange(1, args.rows + 1, dtype=np.float64)
    test = 0.2 + 1.0 / k + 1e-7 * k  # lowest near the middle, then rising
    doc.history = [{"epoch": int(e), "train_loss": 1.0 / e, "test_loss": t,
                    "metric": "accuracy", "restored_epoch": None}
                   for e, t in zip(k, test, strict=True)]
    plot = LossPlot(doc)
    plot.resize(600, 320)
    plot.show()
    app.processEvents()
    with_marks = redraw_ms(plot, args.repeats)
    show = plot.marks.show
    plot.marks.show = lambda *a, **kw: None
    without = redraw_ms(plot, args.repeats)
    plot.marks.show = show
    print(f"{args.rows:,} rows: redraw {with_marks:.1f} ms with the marks, {without:.1f} ms "
          f"without (ratio {with_marks / without:.2f}); best {plot.marks.shown[0]}")
    plot.close()


if __name__ == "__main__":
    main()
