"""The compiled path's Python side: tables built once per run, one compiled call per epoch.

:func:`run` is the epoch-level half of ``Trainer._run`` for the compiled path: it
draws each epoch's permutation from the trainer's generator (the same draws as the
NumPy path), calls :func:`~simulator.compiled.epoch.run_epoch`, and applies the
trainer's own rules between epochs (divergence restore, early stopping, the epoch
limit, stop requests). It yields one ``BatchResult`` per epoch, always with stats.
While ``trainer.batch_steps`` is set, the next epoch runs on the NumPy path, batch by
batch, so a caller can stop after one batch ("step one batch" in the app).
"""

from __future__ import annotations

import math
import time

import numpy as np

from ..stats import BatchResult, EpochStats
from ..trainer import _all_finite
from . import epoch, kernels, losses, optimizers


class Tables:
    """The network and run as arrays the kernels read (built once per ``Trainer._run``)."""

    def __init__(self, trainer, X, Y, Xt, Yt, Xsat, task: str, threshold: float,
                 stride: int) -> None:
        net = trainer.net
        dt = net.dtype
        L = net.n_layers
        self.layers = np.zeros((L, 9), np.int64)
        starts = net._starts
        col = net.sizes[0]
        for l in range(L):
            fi, fo = net.W[l].shape
            self.layers[l] = (fi, fo, starts[2 * l], starts[2 * l + 1], int(net._bias[l]),
                              kernels.CODES[net._acts[l].name], col - fi, col,
                              int(net._wmask[l] is not None))
            col += fo
        self.counts = np.array(net._n_weights, np.float64)
        self.sat_thr = np.array([0.01 * a.max_df if a.max_df > 0 else -1.0 for a in net._acts])
        self.X, self.Y, self.Xsat = X, Y, Xsat
        k = Y.shape[1]
        self.Xt = Xt if Xt is not None else np.empty((0, X.shape[1]), dt)
        self.Yt = Yt if Yt is not None else np.empty((0, k), dt)
        self.P = np.empty_like(Y)
        self.Ys = np.empty_like(Y)
        self.threshold = float(threshold)
        self.task = epoch.CLASSIFICATION if task == "classification" else epoch.REGRESSION
        self.out = np.empty(3 + 4 * L, np.float64)
        self.L = L
        self.has_test = Xt is not None
        #: Batches per gradient-statistics sample (the NumPy path's rule).
        self.stride = int(stride)

        #: Arguments refreshed in place before each call (fewer allocations per epoch).
        self.ints = np.zeros(6, np.int64)
        self.floats = np.zeros(3)
        self._stat_ints = np.zeros(2, np.int64)
        self._opt = self._opt_args = None
        #: NumPy-path workspaces by row count (early stopping's forward pass).
        self.workspaces: dict[int, object] = {}

    def stat_ints(self, trainer) -> np.ndarray:
        self._stat_ints[0], self._stat_ints[1] = self.task, losses.CODES[trainer.loss]
        return self._stat_ints

    def opt_args(self, opt, theta):
        """``_optimizer_args`` of the trainer's optimizer, rebuilt when it is replaced."""
        if opt is not self._opt:
            self._opt, self._opt_args = opt, _optimizer_args(opt, theta)
        return self._opt_args


def _optimizer_args(opt, theta):
    """(code, s1, s2, hyper) for the optimizer object (its arrays are shared, not copied)."""
    empty = theta[:0]
    name = opt.name
    if name == "momentum":
        return optimizers.MOMENTUM, opt.v, empty, np.array([opt.mu, 0.0, 0.0])
    if name == "rmsprop":
        return optimizers.RMSPROP, opt.s, empty, np.array([opt.alpha, 0.0, opt.eps])
    if name == "adam":
        return optimizers.ADAM, opt.m, opt.v, np.array([opt.b1, opt.b2, opt.eps])
    return optimizers.CODES[name], empty, empty, np.zeros(3)


def run(trainer, tables: Tables, epochs, backup, gabs, gsq, numpy_epoch):
    """The compiled training generator (see the module docstring).

    ``numpy_epoch(remaining)`` returns a NumPy-path generator used for batch steps.
    """
    net = trainer.net
    theta, grad, wmask = net.theta, net.grad, net._weight_mask
    n = tables.X.shape[0]
    done = 0
    trainer._stop = False
    t0 = time.perf_counter()
    while epochs is None or done < epochs:
        if trainer.batch_steps:
            trainer.elapsed += time.perf_counter() - t0
            status = yield from _numpy_epoch(numpy_epoch, None if epochs is None
                                             else epochs - done)
            if status != "ok":
                return
            done += 1
            t0 = time.perf_counter()
            continue
        perm = trainer._rng.permutation(n)
        status = message = ""
        if trainer._stop:  # as the NumPy path: the draw is made, no batch is run
            status, message = "stopped", "stopped on request"
            nb, ns, p, sum_loss, e = 0, 0, 0, 0.0, math.nan
            np.take(tables.Y, perm, axis=0, out=tables.Ys)
            gabs[...] = 0.0
            gsq[...] = 0.0
            _stats(trainer, tables, gabs, gsq, 0, 0)
        else:
            nb, ns, p, sum_loss, e, diverged = _train(trainer, tables, theta, grad, wmask,
                                                      perm, backup, gabs, gsq)
            if diverged:
                status, message = "diverged", trainer._diverged_message(e, nb + 1)
                trainer._opt.reset()
        if nb > 0:
            trainer.epoch += 1
            done += 1
        train_loss = sum_loss / max(p, 1) if nb else math.nan
        stats = _epoch_stats(trainer, tables, nb, train_loss)
        if not status and not _all_finite(stats):
            theta[...] = backup
            trainer._opt.reset()
            status, message = "diverged", trainer._diverged_message(math.inf, nb)
            _stats(trainer, tables, gabs, gsq, p, ns)
            stats = _epoch_stats(trainer, tables, nb, train_loss)
        if not status:
            status, message = trainer._early_stopping(stats, tables.X, tables.Y,
                                                      tables.workspaces)
        if not status and epochs is not None and done >= epochs and trainer.epoch_limit > 0 \
                and trainer.epoch >= trainer.epoch_limit:
            status, message = "stopped", f"reached the epoch limit ({trainer.epoch_limit})"
        stats.status = status or "ok"
        stats.message = message
        trainer.elapsed += time.perf_counter() - t0
        stats.elapsed = trainer.elapsed
        yield BatchResult(trainer.epoch, nb, e if nb else math.nan, stats)
        t0 = time.perf_counter()
        if status:
            return


def _numpy_epoch(numpy_epoch, remaining):
    """One epoch on the NumPy path, yielding per batch; returns its final status."""
    for item in numpy_epoch(remaining):
        yield item
        if item.stats is not None:
            return item.stats.status
    return "ok"


def _train(trainer, tables: Tables, theta, grad, wmask, perm, backup, gabs, gsq):
    opt = trainer._opt
    code, s1, s2, hyper = tables.opt_args(opt, theta)
    ints, floats = tables.ints, tables.floats
    ints[0] = int(trainer.batch_size)
    if code == optimizers.PERCEPTRON:  # the rule's delta, the chosen loss's value
        ints[1] = losses.PERCEPTRON_SSE if trainer.loss == "sse" else losses.PERCEPTRON
    else:
        ints[1] = losses.CODES[trainer.loss]
    ints[2] = code
    ints[3] = optimizers.REG_CODES[trainer.regularization]
    ints[4] = tables.stride
    ints[5] = opt.t if code == optimizers.ADAM else 0
    floats[0], floats[1], floats[2] = trainer.learning_rate, trainer.reg_rate, tables.threshold
    nb, ns, p, sum_loss, e, t, diverged = epoch.run_epoch(
        theta, grad, wmask, tables.layers, tables.X, tables.Y, perm, ints, floats, s1, s2,
        hyper, backup, gabs, gsq, tables.P, tables.Ys, tables.counts, tables.sat_thr,
        tables.stat_ints(trainer), tables.Xt, tables.Yt, tables.Xsat, tables.out)
    if code == optimizers.ADAM:
        opt.t = int(t)
    return int(nb), int(ns), int(p), float(sum_loss), float(e), bool(diverged)


def _stats(trainer, tables: Tables, gabs, gsq, p, ns) -> None:
    """Recompute ``tables.out`` for the current weights (after a restore, or no batch)."""
    epoch.epoch_stats(trainer.net.theta, tables.layers, tables.counts, tables.sat_thr,
                      tables.stat_ints(trainer), tables.threshold, gabs, gsq, tables.P,
                      tables.Ys, p, ns, tables.Xt, tables.Yt, tables.Xsat, tables.out)


def _epoch_stats(trainer, tables: Tables, nb: int, train_loss: float) -> EpochStats:
    """``tables.out`` as the EpochStats the NumPy path reports."""
    out, L = tables.out.tolist(), tables.L
    s = EpochStats(
        epoch=trainer.epoch, train_loss=float(train_loss),
        metric="accuracy" if tables.task == epoch.CLASSIFICATION else "r2",
        train_metric=out[0] if nb else None,
        grad_mean_abs=out[3:3 + L], grad_norm=out[3 + L:3 + 2 * L],
        weight_mean_abs=out[3 + 2 * L:3 + 3 * L], saturation=out[3 + 3 * L:],
        batches=nb, learning_rate=trainer.learning_rate)
    if tables.has_test:
        s.test_loss, s.test_metric = out[1], out[2]
    return s
