"""What the trainer reports after each epoch, and the metrics it uses (NumPy only)."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import NamedTuple

import numpy as np

STATUSES = ("ok", "diverged", "stopped", "early_stopped")
TASKS = ("auto", "classification", "regression")


@dataclass
class EpochStats:
    """One epoch's numbers. Per-layer lists run from the first hidden layer to the output."""

    #: Epochs trained so far by this trainer, counting this one (1-based).
    epoch: int
    #: Mean data loss over the epoch's batches (each taken before its update, as Keras does).
    train_loss: float
    #: Data loss on the test set after the epoch; None without test data.
    test_loss: float | None = None
    #: "accuracy" (classification) or "r2" (regression).
    metric: str = "accuracy"
    #: The metric on the epoch's batch outputs (same timing as train_loss).
    train_metric: float | None = None
    #: The metric on the test set after the epoch; None without test data.
    test_metric: float | None = None
    #: Per layer: mean |dE/dW| over present connections, averaged over the epoch's batches
    #: (above 20 000 parameters over every k-th batch, see ``trainer.STATS_PARAMS``).
    grad_mean_abs: list[float] = field(default_factory=list)
    #: Per layer: L2 norm of dE/dW, averaged over the epoch's batches as a root mean square
    #: (sqrt of the mean squared norm), which costs two array operations per batch.
    grad_norm: list[float] = field(default_factory=list)
    #: Per layer: mean |W| over present connections after the epoch.
    weight_mean_abs: list[float] = field(default_factory=list)
    #: Per layer: fraction of (sample, unit) pairs with |f'(z)| < 1% of max |f'|, on up to
    #: 64 fixed training rows after the epoch (step units count as saturated: f' = 0).
    saturation: list[float] = field(default_factory=list)
    #: "ok", "diverged", "stopped" or "early_stopped".
    status: str = "ok"
    #: Why training ended (empty while it goes on).
    message: str = ""
    #: Seconds spent training by this trainer so far (time paused between pulls excluded).
    elapsed: float = 0.0
    #: Batches in this epoch (fewer than usual when it was cut short).
    batches: int = 0
    #: The learning rate in effect at the end of the epoch.
    learning_rate: float = 0.0

    def to_dict(self) -> dict:
        """The row a history keeps. A number that is not finite (the loss of a diverged
        epoch that finished no batch, a statistic that overflowed) becomes None: no NaN
        or infinity reaches a plot or a file; ``status`` and ``message`` say what happened."""
        return {k: _finite_or_none(v) for k, v in asdict(self).items()}


def _finite_or_none(v):
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if isinstance(v, list):
        return [_finite_or_none(x) for x in v]
    return v


def layer_sums(values, starts) -> np.ndarray:
    """Per-layer sums of a flat parameter-shaped array (``starts``: where each W and b
    begins; the W sums are every other one), accumulated in float64: a float32 sum of
    squared gradients overflows to inf long before the gradients themselves do."""
    return np.add.reduceat(np.asarray(values), starts, dtype=np.float64)[::2]




class BatchResult(NamedTuple):
    """What ``Trainer.iter_batches`` yields after each batch."""

    #: 1-based epoch the batch belonged to.
    epoch: int
    #: 1-based index of the batch within its epoch.
    batch: int
    #: The batch's data loss, computed before its update.
    loss: float
    #: Set when this batch ended an epoch (or training): that epoch's stats.
    stats: EpochStats | None


def detect_task(Y: np.ndarray) -> str:
    """"classification" when Y looks like labels, else "regression".

    Labels are one column of 0/1 (or -1/+1, TensorFlow Playground's convention), or
    several columns in [0, 1] whose rows sum to 1 (one-hot or probabilities).
    """
    Y = np.asarray(Y)
    if Y.shape[1] == 1:
        values = np.unique(Y)
        if set(values.tolist()) <= {0.0, 1.0} or set(values.tolist()) <= {-1.0, 1.0}:
            return "classification"
        return "regression"
    if Y.min() >= 0 and Y.max() <= 1 and np.allclose(Y.sum(axis=1), 1.0, atol=1e-6):
        return "classification"
    return "regression"


def label_threshold(Y: np.ndarray) -> float:
    """Decision threshold for one-column labels: 0 for -1/+1 labels, 0.5 for 0/1."""
    return 0.0 if float(np.min(Y)) < 0 else 0.5


def accuracy(H: np.ndarray, Y: np.ndarray, threshold: float = 0.5) -> float:
    """Share of rows classified right: threshold one column, else compare argmax."""
    if H.shape[1] == 1:
        right = np.count_nonzero((H > threshold) == (Y > threshold))
    else:
        right = np.count_nonzero(H.argmax(axis=1) == Y.argmax(axis=1))
    return int(right) / max(H.shape[0], 1)


def r2(H: np.ndarray, Y: np.ndarray) -> float:
    """R^2 = 1 - SS_res / SS_tot per output column, averaged (scikit-learn's r2_score).

    A constant target column scores 1 if predicted exactly, else 0.
    """
    # Differences in the data's dtype, sums in float64 (no float64 copies of the data).
    d = Y - H
    ss_res = (d * d).sum(axis=0, dtype=np.float64)
    d = Y - Y.mean(axis=0, dtype=np.float64).astype(Y.dtype)
    ss_tot = (d * d).sum(axis=0, dtype=np.float64)
    ok = ss_tot > 0
    scores = np.where(ok, 1.0 - ss_res / np.where(ok, ss_tot, 1.0),
                      np.where(ss_res == 0, 1.0, 0.0))
    return float(scores.mean())
