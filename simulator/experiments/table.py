"""Results of grid runs: one row per run, a summary per configuration, CSV export.

The gap is ``test loss - train loss`` after the last epoch (positive when the network
fits the training rows better than unseen ones: overfitting shows as a growing gap).
The summary averages each configuration over its seeds: ``mean`` and the sample standard
deviation ``std = sqrt(sum (x - mean)^2 / (k - 1))`` (0 for a single seed); runs that
failed or were cancelled are counted in ``failed`` and left out of the means.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field

import numpy as np

from ..atomic import atomic_write
from .grid import RunConfig, format_layout

#: Statuses of a run: the trainer's own (ok, diverged, early_stopped) plus error and cancelled.
FAILED = ("error", "cancelled")
#: Columns of the per-run table, in order.
RUN_COLUMNS = ("layout", "activation", "learning_rate", "batch_size", "optimizer", "seed",
               "status", "train_loss", "test_loss", "test_metric", "gap", "epochs",
               "seconds", "message")
#: Numbers averaged over seeds in the summary.
MEASURES = ("train_loss", "test_loss", "test_metric", "gap", "epochs", "seconds")
#: Columns of the summary table, in order.
SUMMARY_COLUMNS = (("layout", "activation", "learning_rate", "batch_size", "optimizer",
                    "runs", "failed")
                   + tuple(f"{m}_{s}" for m in MEASURES for s in ("mean", "std")))


@dataclass
class RunResult:
    """What one run gave: its final epoch's numbers (None where there are none)."""

    config: RunConfig
    status: str = "ok"
    message: str = ""
    train_loss: float | None = None
    test_loss: float | None = None
    #: "accuracy" (classification) or "r2" (regression).
    metric: str = "accuracy"
    train_metric: float | None = None
    test_metric: float | None = None
    epochs: int = 0
    seconds: float = 0.0
    #: The trained [(W, b), ...] (None when not kept or when the run failed).
    weights: list | None = field(default=None, repr=False)

    @property
    def gap(self) -> float | None:
        if self.train_loss is None or self.test_loss is None:
            return None
        return self.test_loss - self.train_loss

    @property
    def failed(self) -> bool:
        return self.status in FAILED

    def row(self) -> dict:
        """The run as a plain dict with :data:`RUN_COLUMNS` as keys."""
        c = self.config
        return {"layout": format_layout(c.hidden), "activation": c.activation,
                "learning_rate": c.learning_rate, "batch_size": c.batch_size,
                "optimizer": c.optimizer, "seed": c.seed, "status": self.status,
                "train_loss": self.train_loss, "test_loss": self.test_loss,
                "test_metric": self.test_metric, "gap": self.gap, "epochs": self.epochs,
                "seconds": self.seconds, "message": self.message}


def results_table(results, summary: bool = True) -> list[dict]:
    """Rows for ``results``: per run (sorted by run number) or, with ``summary``, one per
    configuration in grid order with mean and std over its seeds."""
    results = sorted(results, key=lambda r: r.config.index)
    if not summary:
        return [r.row() for r in results]
    groups: dict[tuple, list[RunResult]] = {}
    for r in results:
        groups.setdefault(r.config.group, []).append(r)
    rows = []
    for runs in groups.values():
        first = runs[0].row()
        row = {k: first[k] for k in SUMMARY_COLUMNS[:5]}
        good = [r.row() for r in runs if not r.failed]
        row["runs"], row["failed"] = len(runs), len(runs) - len(good)
        for m in MEASURES:
            row[f"{m}_mean"], row[f"{m}_std"] = _mean_std([g[m] for g in good])
        rows.append(row)
    return rows


def _mean_std(values) -> tuple[float | None, float | None]:
    xs = np.array([v for v in values if v is not None and math.isfinite(v)], dtype=np.float64)
    if xs.size == 0:
        return None, None
    return float(xs.mean()), float(xs.std(ddof=1)) if xs.size > 1 else 0.0


#: Run measures a higher value of is better; for every other one lower is better.
HIGHER_IS_BETTER = frozenset({"test_metric", "train_metric"})


def measure_of(result: RunResult, key: str) -> tuple[str, float | None]:
    """(name, value) of the measure ``key`` of a run: its own, or ("train_loss", the
    train loss) where the run has no value for ``key`` (no test split)."""
    v = getattr(result, key)
    return (key, v) if v is not None else ("train_loss", result.train_loss)


def ranked(results, key: str = "test_loss") -> list[RunResult]:
    """The finished runs, best first by ``key`` (a RunResult field: "test_loss",
    "train_loss", "test_metric", "gap"; the train loss where a run has no ``key``, e.g.
    data without a test split). Ties keep grid order; runs without a finite value
    (a diverged run's NaN loss) come last."""
    sign = -1.0 if key in HIGHER_IS_BETTER else 1.0

    def score(r: RunResult) -> float:
        v = measure_of(r, key)[1]
        return sign * v if v is not None and math.isfinite(v) else math.inf
    good = sorted((r for r in results if not r.failed), key=lambda r: r.config.index)
    return sorted(good, key=score)


def best_result(results, key: str = "test_loss") -> RunResult | None:
    """The finished run ranked first by ``key`` (see :func:`ranked`)."""
    good = ranked(results, key)
    return good[0] if good else None


def write_csv(path, rows: list[dict], columns=None) -> None:
    """Write ``rows`` (from :func:`results_table`) as CSV, atomically; None is written empty,
    floats with ``repr`` precision (a CSV read back gives the same numbers)."""
    columns = list(columns or (rows[0].keys() if rows else RUN_COLUMNS))
    with atomic_write(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(columns)
        for row in rows:
            w.writerow(["" if row.get(c) is None else row.get(c) for c in columns])


#: Axes a heatmap can be drawn over (keys of the summary rows).
AXES = ("layout", "activation", "learning_rate", "batch_size", "optimizer")


def heatmap(rows: list[dict], x: str, y: str, measure: str = "test_loss_mean"):
    """Values of ``measure`` over two axes: (x values, y values, matrix[y, x]).

    Each cell is the mean of ``measure`` over the summary rows with that x and y (the
    other axes averaged out); NaN where no row has a finite value. Values keep the order
    in which they first appear (grid order).
    """
    xs = list(dict.fromkeys(r[x] for r in rows))
    ys = list(dict.fromkeys(r[y] for r in rows))
    total = np.zeros((len(ys), len(xs)))
    count = np.zeros((len(ys), len(xs)))
    for r in rows:
        v = r.get(measure)
        if v is not None and math.isfinite(v):
            i, j = ys.index(r[y]), xs.index(r[x])
            total[i, j] += v
            count[i, j] += 1
    with np.errstate(invalid="ignore", divide="ignore"):
        return xs, ys, np.where(count > 0, total / np.maximum(count, 1), np.nan)


#: Most grid runs a project file keeps (a run is ~300 bytes of JSON).
MAX_SAVED_RUNS = 20_000
_STATUSES = ("ok", "diverged", "stopped", "early_stopped", "error", "cancelled")
_NUMBERS = ("train_loss", "test_loss", "train_metric", "test_metric")


def results_to_json(results) -> list[dict]:
    """Runs as plain JSON data (no weights; non-finite numbers as null)."""
    def num(v):
        return v if v is not None and math.isfinite(v) else None
    out = []
    for r in results[:MAX_SAVED_RUNS]:
        c = r.config
        out.append({"hidden": list(c.hidden), "activation": c.activation,
                     "learning_rate": c.learning_rate, "batch_size": c.batch_size,
                     "optimizer": c.optimizer, "seed": c.seed, "max_epochs": c.epochs,
                     "patience": c.patience, "status": r.status, "message": r.message[:500],
                     "metric": r.metric, **{k: num(getattr(r, k)) for k in _NUMBERS},
                     "epochs": r.epochs, "seconds": num(r.seconds) or 0.0})
    return out


def results_from_json(value) -> list[RunResult]:
    """The inverse of :func:`results_to_json`; raises ValueError naming the first bad run."""
    from ..settings import OPTIMIZERS
    from ..spec import ACTIVATIONS, MAX_UNITS
    if not isinstance(value, list) or len(value) > MAX_SAVED_RUNS:
        raise ValueError(f"grid results must be a list of at most {MAX_SAVED_RUNS} runs")
    keys = set(results_to_json([RunResult(RunConfig(0, (), "tanh", 0.1, 1, "sgd", 0, 1))])[0])
    out = []
    for i, d in enumerate(value):
        def bad(what, i=i):
            return ValueError(f"grid run {i + 1}: {what}")
        if not isinstance(d, dict) or set(d) != keys:
            raise bad(f"needs exactly the keys {sorted(keys)}")
        h = d["hidden"]
        if not isinstance(h, list) or len(h) > 16 or not all(
                type(u) is int and 1 <= u <= MAX_UNITS for u in h):
            raise bad("hidden must be a list of unit counts")
        for name, kind in (("batch_size", int), ("seed", int), ("max_epochs", int),
                           ("patience", int), ("epochs", int)):
            if type(d[name]) is not kind or d[name] < 0:
                raise bad(f"{name} must be a whole number >= 0")
        for name in ("learning_rate", "seconds", *_NUMBERS):
            v = d[name]
            if v is None and name in _NUMBERS:
                continue
            if type(v) not in (int, float) or not math.isfinite(v):
                raise bad(f"{name} must be a number")
        if (d["activation"] not in ACTIVATIONS or d["optimizer"] not in OPTIMIZERS
                or d["status"] not in _STATUSES or d["metric"] not in ("accuracy", "r2")
                or not isinstance(d["message"], str) or len(d["message"]) > 500):
            raise bad("activation, optimizer, status, metric or message is not valid")
        config = RunConfig(i, tuple(h), d["activation"], float(d["learning_rate"]),
                           d["batch_size"], d["optimizer"], d["seed"], d["max_epochs"],
                           d["patience"])
        out.append(RunResult(config, d["status"], d["message"],
                             *(None if d[k] is None else float(d[k])
                               for k in ("train_loss", "test_loss")),
                             d["metric"], d["train_metric"], d["test_metric"], d["epochs"],
                             float(d["seconds"])))
    return out
