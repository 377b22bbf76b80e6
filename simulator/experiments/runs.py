"""Earlier training runs (``document.runs``) for comparison: a colour, a label and the loss
curves of each, computed here so that the Runs panel and the loss plot agree."""

from __future__ import annotations

import numpy as np

from ..history import History
from ..palette import CLASS_COLORS

#: Colours of compared runs: the class colours after blue and orange, which the current
#: run's train and test curves already use.
RUN_COLORS = CLASS_COLORS[2:]


def run_color(k: int) -> tuple[int, int, int]:
    """The colour of run number ``k`` (0-based), cycling."""
    return RUN_COLORS[k % len(RUN_COLORS)]


def run_label(k: int, run, short: bool = False) -> str:
    """``#1  2-4-1 tanh · sgd lr 0.03 · 120 epochs``; ``short``: ``#1 2-4-1 tanh lr 0.03``.
    A run with a note (a comparison's ``lr 0.3``) ends with it; its short label is
    ``#1 lr 0.3``, what sets it apart."""
    spec, s = run.spec, run.settings
    note = getattr(run, "note", "")
    sizes = [spec["inputs"]] + [layer["units"] for layer in spec["layers"]]
    hidden = [layer["activation"] for layer in spec["layers"][:-1]]
    act = "/".join(dict.fromkeys(hidden)) or spec["layers"][-1]["activation"]
    if short:
        return f"#{k + 1} {note}" if note else \
            f"#{k + 1} {'-'.join(map(str, sizes))} {act} lr {s.learning_rate:g}"
    return (f"#{k + 1}  {'-'.join(map(str, sizes))} {act} · {s.optimizer} lr "
            f"{s.learning_rate:g} · {len(run.history)} epochs" + (f" · {note}" if note else ""))


def loss_series(run) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(epoch, train loss, test loss) of a run, NaN where a row has no value."""
    h = run.history if isinstance(run.history, History) else History(run.history)
    if not len(h):
        empty = np.zeros(0)
        return empty, empty, empty
    epoch = h.column("epoch")
    if not np.isfinite(epoch).all():
        epoch = np.arange(1, len(h) + 1, dtype=float)
    return epoch, h.column("train_loss"), h.column("test_loss")
