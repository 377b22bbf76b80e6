"""``python -m simulator grid``: a grid search from the command line (see simulator/cli.py).

    python -m simulator grid circle.annproj --hidden 4 8 4,4 --lr 0.01 0.1 --seeds 3 \
        --epochs 500 [--workers N] [--scheduler tcp://host:8786] --out results.csv

Prints the summary (mean and std over seeds, best first) and writes it as CSV.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..cli import MAX_EPOCHS, whole_number
from ..errors import SimulatorError
from .table import results_table, write_csv


def add_parser(sub) -> None:
    g = sub.add_parser("grid", help="grid search over hidden layouts and hyperparameters",
                       description="Train every combination of the given values on PROJECT's "
                                   "data, in worker processes (all cores) or on a Dask "
                                   "cluster, and write the results table as CSV. Axes not "
                                   "given keep the project's value.")
    g.add_argument("project", metavar="PROJECT", help="project file (.annproj)")
    g.add_argument("--hidden", nargs="+", required=True, metavar="LAYOUT",
                   help="hidden layouts: units per layer, layers separated by commas "
                        "(4 8 4,4; 0 = no hidden layer)")
    g.add_argument("--activation", nargs="+", default=[], metavar="NAME",
                   help="hidden activations (tanh relu sigmoid ...)")
    g.add_argument("--lr", nargs="+", type=_positive_float, default=[], metavar="RATE",
                   help="learning rates")
    g.add_argument("--batch", nargs="+", type=whole_number("batch size", 1), default=[],
                   metavar="N", help="batch sizes")
    g.add_argument("--optimizer", nargs="+", default=[], metavar="NAME",
                   help="optimizers (sgd momentum rmsprop adam)")
    g.add_argument("--seeds", type=whole_number("seeds", 1), default=1, metavar="K",
                   help="seeds per configuration (the project's seed, +1, ...)")
    g.add_argument("--epochs", type=whole_number("epochs", 1, MAX_EPOCHS), required=True,
                   metavar="N", help="epochs per run")
    g.add_argument("--patience", type=whole_number("patience", 0), default=0, metavar="N",
                   help="early stopping after N epochs without a better test loss (0: off)")
    g.add_argument("--workers", type=whole_number("workers", 1), metavar="N",
                   help="worker processes (default: all cores)")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on a Dask cluster (e.g. tcp://host:8786) instead of local "
                        "processes; needs the 'distributed' package")
    g.add_argument("--out", metavar="PATH", help="write the summary table as CSV")
    g.add_argument("--runs-out", metavar="PATH", help="write one row per run as CSV")
    g.add_argument("--quiet", action="store_true", help="no progress bar")


def _positive_float(text: str) -> float:
    try:
        x = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not 0 < x < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number, got {text}")
    return x


def run(args) -> int:
    """The ``grid`` command; raises SimulatorError for bad input (cli.main prints it)."""
    from ..project import load_project
    from .execute import GridExecution
    from .grid import Grid, GridData, parse_layout

    for path in (args.out, args.runs_out):
        if path and Path(path).suffix.lower() != ".csv":
            raise SimulatorError(f"'{path}' must end with .csv")
    grid = Grid(hidden=list(dict.fromkeys(parse_layout(h) for h in args.hidden)),
                activation=args.activation, learning_rate=args.lr, batch_size=args.batch,
                optimizer=args.optimizer, seeds=args.seeds, epochs=args.epochs,
                patience=args.patience)
    doc = load_project(args.project).to_document()
    data = GridData.from_document(doc)
    configs = grid.expand(doc.settings, data.hidden_activation)
    where = args.scheduler or f"{args.workers or 'all'} local processes"
    print(f"{Path(args.project).name}: {len(configs)} runs of {args.epochs} epochs on "
          f"'{doc.dataset.name}' ({where})", file=sys.stderr)
    bar = _Progress(len(configs), enabled=not args.quiet)
    results = []
    with GridExecution(configs, data, workers=args.workers, scheduler=args.scheduler,
                       keep_weights=False) as execution:
        for r in execution.results():
            results.append(r)
            bar.update(execution)
    bar.close()
    summary = results_table(results)
    _print_table(summary)
    failed = [r for r in results if r.status == "error"]
    if failed:
        print(f"{len(failed)} run(s) failed; first: {failed[0].message.splitlines()[0]}",
              file=sys.stderr)
    if args.out:
        write_csv(args.out, summary)
        print(f"wrote {args.out}")
    if args.runs_out:
        write_csv(args.runs_out, results_table(results, summary=False))
        print(f"wrote {args.runs_out}")
    return 0


def _num(v, fmt: str = ".4f") -> str:
    return "-" if v is None else format(v, fmt)


def _print_table(rows: list[dict]) -> None:
    """Best (lowest mean test loss, else train loss) first."""
    def key(r):
        v = r["test_loss_mean"] if r["test_loss_mean"] is not None else r["train_loss_mean"]
        return float("inf") if v is None else v
    print(f"{'layout':<10}{'act':<10}{'lr':>8}{'batch':>6} {'opt':<9}{'train':>16}"
          f"{'test':>16}{'test acc':>16}{'gap':>9}")
    for r in sorted(rows, key=key):
        pm = [f"{_num(r[f'{m}_mean'])}±{_num(r[f'{m}_std'], '.3f')}"
              for m in ("train_loss", "test_loss", "test_metric")]
        print(f"{r['layout']:<10}{r['activation']:<10}{r['learning_rate']:>8g}"
              f"{r['batch_size']:>6} {r['optimizer']:<9}{pm[0]:>16}{pm[1]:>16}{pm[2]:>16}"
              f"{_num(r['gap_mean']):>9}")


class _Progress:
    """``[######.......]  12/40 runs  3.1 s left`` on stderr: at most 10 times a second on a
    terminal, every 10% into a file or pipe."""

    WIDTH = 30

    def __init__(self, total: int, enabled: bool = True) -> None:
        self.total, self.enabled = max(1, total), enabled
        self.tty = enabled and sys.stderr.isatty()
        self._last, self._step, self._done = 0.0, -1, -1

    def update(self, execution) -> None:
        done = execution.done
        if not self.enabled or done == self._done:
            return
        now = time.monotonic()
        if self.tty and done < self.total and now - self._last < 0.1:
            return
        if not self.tty:
            step = done * 10 // self.total
            if step == self._step and done < self.total:
                return
            self._step = step
        self._last, self._done = now, done
        eta = execution.eta()
        filled = done * self.WIDTH // self.total
        line = (f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done:>{len(str(self.total))}}"
                f"/{self.total} runs" + (f"  {eta:.0f} s left" if eta is not None else ""))
        sys.stderr.write(("\r" + line) if self.tty else (line + "\n"))
        sys.stderr.flush()

    def close(self) -> None:
        if self.tty:
            sys.stderr.write("\n")
            sys.stderr.flush()
