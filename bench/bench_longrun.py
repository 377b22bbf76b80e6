"""Long-run benchmark (issue 17; a benchmark, not a test): memory and responsiveness
over a long training run, in the GUI with every plot live and in the headless CLI.

1. GUI: the main window (offscreen, every dock shown) opens an example, and the Train
   button's controller trains it at full speed in the real training process until
   ``--epochs``. Every ``--every`` seconds one line: epochs done, the GUI process's
   and the training child's resident memory (VmRSS from /proc), the history's rows and
   the gaps of a 33 ms QTimer over that interval (p99, max): a frame the GUI could not
   draw on time shows there.
2. CLI (``--cli-epochs``, 0 to skip): ``python -m simulator train PROJECT --epochs N
   --quiet --save``, its RSS sampled from /proc every ``--every`` seconds and its peak
   (``wait4``'s ru_maxrss) at the end.

The load average (``/proc/loadavg``) is printed with every line: the machine may be
shared, and epochs per second fall with the load, memory does not.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_longrun.py
[--example circle] [--epochs 100000] [--cli-epochs 200000] [--every 5]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from frame_gaps import FrameGaps  # noqa: E402 (bench/ is the script's folder)
from fresh_settings import use_fresh_settings  # noqa: E402

use_fresh_settings()


def rss_mb(pid: int | str = "self", field: str = "VmRSS") -> float:
    """Resident memory of ``pid`` in MB (``field`` VmHWM: the peak), NaN if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        pass
    return float("nan")


def load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def gui_run(example: Path, epochs: int, every: float, size=(1400, 880)) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QDockWidget

    from simulator import compiled
    from simulator.project import load_project
    from ui.fonts import install_app_font
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_app_font(app)
    compiled.prepare()
    doc = load_project(example).to_document()
    doc.set_settings(epochs_per_second=0.0, epoch_limit=epochs)
    window = MainWindow(doc)
    window.resize(*size)
    window.show()
    for dock in window.findChildren(QDockWidget):
        dock.setFloating(True)  # every plot live: none hidden behind another's tab
        dock.show()
    for _ in range(20):
        app.processEvents()
    ctl = window.training
    frames = FrameGaps()
    print(f"GUI: {example.name}, {epochs} epochs at full speed, window {size[0]}x{size[1]}, "
          f"every dock shown; GUI RSS before training {rss_mb():.0f} MB")
    print(f"{'s':>6s} {'epoch':>7s} {'ep/s':>6s} {'GUI MB':>7s} {'child MB':>8s} "
          f"{'rows':>7s} {'gap p99':>8s} {'gap max':>8s} {'load':>5s}")
    t0 = time.perf_counter()
    ctl.train()
    child = ctl._runner.pid if ctl._runner is not None and hasattr(ctl._runner, "pid") else None
    frames.start()
    prev_epoch, prev_t = 0, t0
    while ctl.state == "running" and ctl.epoch < epochs:
        loop = QEventLoop()
        QTimer.singleShot(int(every * 1000), loop.quit)
        loop.exec()
        now = time.perf_counter()
        g = frames.take()
        rate = (ctl.epoch - prev_epoch) / (now - prev_t)
        prev_epoch, prev_t = ctl.epoch, now
        print(f"{now - t0:6.0f} {ctl.epoch:7d} {rate:6.0f} {rss_mb():7.0f} "
              f"{rss_mb(child) if child else float('nan'):8.0f} {len(doc.history):7d} "
              f"{np.percentile(g, 99):6.0f}ms {g.max():6.0f}ms {load():>5s}", flush=True)
    frames.stop()
    print(f"GUI: {ctl.epoch} epochs in {time.perf_counter() - t0:.0f} s, state {ctl.state}; "
          f"GUI peak RSS {rss_mb(field='VmHWM'):.0f} MB")
    ctl.stop()
    doc.mark_dirty(False)
    window.close()
    app.processEvents()


def cli_run(example: Path, epochs: int, every: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "trained.annproj"
        cmd = [sys.executable, "-m", "simulator", "train", str(example), "--epochs", str(epochs),
               "--quiet", "--save", str(out)]
        print(f"CLI: {' '.join(cmd[1:4])} {example.name} --epochs {epochs} --quiet --save")
        print(f"{'s':>6s} {'RSS MB':>7s} {'load':>5s}")
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL)
        while True:  # wait4: the exit status and the child's peak RSS (ru_maxrss, KB)
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            print(f"{time.perf_counter() - t0:6.0f} {rss_mb(proc.pid):7.0f} {load():>5s}",
                  flush=True)
            time.sleep(every)
        saved = f"saved {out.stat().st_size / 1e6:.1f} MB" if out.exists() else "nothing saved"
        print(f"CLI: exit {os.waitstatus_to_exitcode(status)} after "
              f"{time.perf_counter() - t0:.0f} s, peak RSS {usage.ru_maxrss / 1024:.0f} MB, "
              f"{saved}")
        proc.returncode = os.waitstatus_to_exitcode(status)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--example", default="circle")
    p.add_argument("--epochs", type=int, default=100_000)
    p.add_argument("--cli-epochs", type=int, default=200_000)
    p.add_argument("--every", type=float, default=5.0)
    p.add_argument("--skip-gui", action="store_true")
    args = p.parse_args()
    example = ROOT / "resources" / "examples" / f"{args.example}.annproj"
    print(f"{os.cpu_count()} CPUs, load {load()} at start")
    if not args.skip_gui:
        gui_run(example, args.epochs, args.every)
    if args.cli_epochs:
        cli_run(example, args.cli_epochs, args.every)
    return 0


if __name__ == "__main__":
    sys.exit(main())
