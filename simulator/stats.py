"""What the trainer reports after each epoch, and the metrics it uses.

The metrics and reductions here work on NumPy and on CuPy arrays alike. On a
device they return 0-d device arrays instead of floats, so that the trainer can
read all of an epoch's numbers back in one transfer (:func:`fetch`).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import NamedTuple

import numpy as np

from .xp import get_array_module, lazy_float, on_device, to_numpy

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
    #: Set when early stopping ended training and restored the best weights: the epoch
    #: those weights are from (the network holds them after this row); None otherwise.
    restored_epoch: int | None = None
    #: Seconds spent training by this trainer so far (time paused between pulls excluded).
    elapsed: float = 0.0
    #: Batches in this epoch (fewer than usual when it was cut short).
    batches: int = 0
    #: The learning rate in effect at the end of the epoch.
    learning_rate: float = 0.0

    def to_dict(self) -> dict:
        """The row a history keeps. A number that is not finite (the loss of a diverged
        epoch that finished no batch, a statistic that overflowed) becomes None: no NaN
        or infinity reaches a plot or a file; ``status`` and ``message`` say what happened.
        ``restored_epoch`` is in the row only where it is set (rows stay as they were)."""
        row = {k: _finite_or_none(v) for k, v in asdict(self).items()}
        if row["restored_epoch"] is None:
            del row["restored_epoch"]
        return row


def _finite_or_none(v):
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if isinstance(v, list):
        return [_finite_or_none(x) for x in v]
    return v




class BatchResult(NamedTuple):
    """What ``Trainer.iter_batches`` yields after each batch."""

    #: 1-based epoch the batch belonged to.
    epoch: int
    #: 1-based index of the batch within its epoch.
    batch: int
    #: The batch's data loss, computed before its update; None on a device backend, where
    #: reading it would make every batch wait for the device (the epoch's stats have it).
    loss: float | None
    #: Set when this batch ended an epoch (or training): that epoch's stats.
    stats: EpochStats | None
    #: Positions in the training set (rows of X) of the batch just trained, and the
    #: network's outputs for them before its update: views valid until the next batch,
    #: on the device's array library; None on the compiled path (whole epochs).
    rows: object = None
    outputs: object = None


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


def accuracy(H, Y, threshold: float = 0.5):
    """Share of rows classified right: threshold one column, else compare argmax.

    A float for NumPy input, a 0-d array on a device (see the module docstring).
    """
    xp = get_array_module(H)
    if H.shape[1] == 1:
        right = xp.count_nonzero((H > threshold) == (Y > threshold))
    else:
        right = xp.count_nonzero(H.argmax(axis=1) == Y.argmax(axis=1))
    n = max(H.shape[0], 1)
    return right / n if on_device(xp) else int(right) / n


def r2(H, Y):
    """R^2 = 1 - SS_res / SS_tot per output column, averaged (scikit-learn's r2_score).

    A constant target column scores 1 if predicted exactly, else 0. A float for NumPy
    input, a 0-d array on a device.
    """
    xp = get_array_module(H)
    # Differences in the data's dtype, sums in float64 (no float64 copies of the data).
    d = Y - H
    ss_res = (d * d).sum(axis=0, dtype=np.float64)
    d = Y - Y.mean(axis=0, dtype=np.float64).astype(Y.dtype)
    ss_tot = (d * d).sum(axis=0, dtype=np.float64)
    ok = ss_tot > 0
    scores = xp.where(ok, 1.0 - ss_res / xp.where(ok, ss_tot, 1.0),
                      xp.where(ss_res == 0, 1.0, 0.0))
    return lazy_float(scores.mean())


def layer_sums(x, starts: np.ndarray):
    """Per layer, the sum of ``x`` over the layer's W segment of the flat parameter layout
    (``starts`` = start of W_0, b_0, W_1, b_1, ...), accumulated in float64 (a float32 sum
    of squared gradients overflows to inf long before the gradients do); stays on x's
    device."""
    xp = get_array_module(x)
    if not on_device(xp):
        return np.add.reduceat(x, starts, dtype=np.float64)[::2]
    # CuPy has no reduceat: one sum per layer, a few kernels once per epoch.
    return xp.stack([x[a:b].sum(dtype=xp.float64)
                     for a, b in zip(starts[::2], starts[1::2], strict=True)])


def fetch(xp, *values) -> list:
    """``values`` (floats, scalars, 1-d arrays) as host floats / NumPy arrays, in order.

    On a device backend ``xp`` the device values come back in ONE transfer (concatenated as
    float64 first); on NumPy the values are returned as they are (the CPU path computes
    exactly what it always did).
    """
    out = list(values)
    if not on_device(xp):
        return out
    on_dev = [i for i, v in enumerate(values)
              if not (v is None or isinstance(v, (float, int, np.generic)))]
    if not on_dev:
        return out
    flat = [xp.reshape(values[i], -1).astype(xp.float64) for i in on_dev]
    host = to_numpy(xp.concatenate(flat))
    o = 0
    for i, f in zip(on_dev, flat, strict=True):
        part = host[o:o + f.size]
        out[i] = float(part[0]) if values[i].ndim == 0 else part
        o += f.size
    return out


class DeviceBatchLog:
    """The epoch's batch losses and divergence watch, kept on the device.

    Per batch (no transfer): the loss goes into a device vector, a device flag records
    whether every loss so far was finite, and the divergence backup of theta is copied
    only while that flag holds, so after a non-finite batch it still holds the last
    weights whose loss was finite, as the NumPy loop's backup does. From that batch on
    the gradient is zeroed, so the gradient statistics keep the finite batches only
    (where the NumPy loop stops). The epoch's end reads :meth:`summary` together with
    the other statistics and, if a loss was not finite, restores the backup.
    """

    def __init__(self, xp, rows: int) -> None:
        self.xp = xp
        #: Batch losses of the epoch (at most one batch per row).
        self.losses = xp.empty(max(rows, 1), xp.float64)
        #: Every loss of the epoch so far was finite (0-d bool on the device), and its negation.
        self.finite = xp.ones((), bool)
        self._broken = xp.zeros((), bool)
        #: Rows of each batch of the epoch (host ints: the loop knows them).
        self.sizes: list[int] = []

    def start_epoch(self) -> None:
        self.finite[...] = True
        self.sizes.clear()

    def add(self, e, rows: int, theta, backup, grad) -> None:
        """After a batch's backward pass (loss ``e``), before its update."""
        xp = self.xp
        self.losses[len(self.sizes)] = e
        self.sizes.append(rows)
        xp.logical_and(self.finite, xp.isfinite(e), out=self.finite)
        xp.copyto(backup, theta, where=self.finite)
        xp.logical_not(self.finite, out=self._broken)
        xp.copyto(grad, 0.0, where=self._broken)

    def summary(self):
        """Device scalars ``(all finite, finite batches before the first bad one, mean loss
        per row over those batches)``; NaN loss when there are none."""
        xp, nb = self.xp, len(self.sizes)
        if nb == 0:
            return self.finite, xp.zeros((), xp.int64), xp.full((), np.nan)
        e = self.losses[:nb]
        good = xp.cumprod(xp.isfinite(e).astype(xp.int64)).sum()  # leading finite losses
        sizes = xp.asarray(self.sizes, xp.float64)
        keep = xp.arange(nb) < good
        rows = xp.where(keep, sizes, 0.0).sum()
        loss = xp.where(keep, e * sizes, 0.0).sum() / xp.maximum(rows, 1.0)
        return self.finite, good, xp.where(good > 0, loss, np.nan)
