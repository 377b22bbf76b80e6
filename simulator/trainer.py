"""Training loop: mini-batches, optimizer, per-epoch statistics, stop/early-stop/divergence.

Everything runs through one generator, ``Trainer._run``: :meth:`Trainer.iter_batches`
yields after every batch; ``iter_epochs`` and ``fit`` run the same loop without the
mid-epoch yields (a yield per batch costs ~5% on tiny networks). The UI
pulls it from a worker thread: pausing is not pulling, stopping is
:meth:`Trainer.request_stop` (checked before each batch), and the plain
attributes ``learning_rate``, ``batch_size``, ``regularization`` and ``reg_rate``
may be changed between pulls; the next batch uses the new values.

Per batch the loop does: forward, backward, a copy of theta (the divergence
backup), gradient statistics, regularization, the optimizer step: a fixed,
small number of array operations, because theta and grad are flat arrays.

On a device backend (CuPy) nothing in a batch waits for the device: the batch
loss stays a device scalar, the divergence watch runs on the device
(``stats.DeviceBatchLog``) and the epoch's statistics come back in one transfer
(``stats.fetch``); a non-finite batch is therefore noticed at the epoch's end,
with the same restored weights and reported numbers as on NumPy.

The reported ``train_loss`` is the mean of the batch losses, each taken before
its update (Keras' convention): a full pass over the training set after each
epoch would cost a third of the epoch again on large networks.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator

import numpy as np

from . import losses, optimizers
from .errors import DataError
from .network import Network
from .settings import ENGINES, REGULARIZATIONS, TrainingSettings
from .stats import (
    TASKS,
    BatchResult,
    DeviceBatchLog,
    EpochStats,
    accuracy,
    detect_task,
    fetch,
    label_threshold,
    layer_sums,
    r2,
)
from .xp import get_array_module, on_device, to_numpy

#: Rows used for the saturation statistic (a fixed, evenly spaced subset of the training set);
#: few enough that the extra forward pass costs about 1% of an epoch on the largest networks.
SATURATION_ROWS = 64
#: Gradient statistics read and write every parameter (4 array passes). Up to this many
#: parameters they are taken on every batch; above it on every k-th batch only,
#: k = ceil(parameters / STATS_PARAMS), so they stay a few percent of the work.
STATS_PARAMS = 20_000
#: Inputs per row from which batches are gathered one by one instead of from a shuffled copy.
WIDE_INPUTS = 64


class Trainer:
    """Trains a :class:`Network` on (X, Y) with one loss and one optimizer."""

    def __init__(self, net: Network, loss: str = "mse", optimizer: str = "sgd",
                 learning_rate: float = 0.1, batch_size: int = 4, seed: int | None = 0, *,
                 regularization: str = "none", reg_rate: float = 0.0, task: str = "auto",
                 patience: int = 0, restore_best: bool = True, epoch_limit: int = 0,
                 engine: str = "auto") -> None:
        self.net = net
        #: Step size; read before every batch.
        self.learning_rate = float(learning_rate)
        #: Rows per batch (1 = online, >= n = full batch); read before every batch.
        self.batch_size = int(batch_size)
        #: "none", "l1" or "l2"; read before every batch.
        self.regularization = regularization
        #: Penalty strength; read before every batch.
        self.reg_rate = float(reg_rate)
        #: Early stopping: epochs without improvement of the test loss (without test data:
        #: the training loss after the epoch) before stopping; 0 disables it.
        self.patience = int(patience)
        #: On early stopping, go back to the weights of the best epoch.
        self.restore_best = restore_best
        #: Stop after this many epochs in total (0 = no limit) when ``epochs`` is not given.
        self.epoch_limit = int(epoch_limit)
        if task not in TASKS:
            raise ValueError(f"task must be one of {', '.join(TASKS)}, got '{task}'")
        #: "classification", "regression" or "auto" (decided from Y at the start of training).
        self.task = task
        #: Epochs trained so far (continues across calls).
        self.epoch = 0
        #: Seconds spent inside training so far.
        self.elapsed = 0.0
        #: Set from any thread to stop before the next batch.
        self._stop = False
        self._rng = np.random.default_rng(seed)
        self._loss_name = ""
        self._opt = None
        self.loss = loss
        self.optimizer = optimizer
        if regularization not in REGULARIZATIONS:
            raise ValueError(f"regularization must be one of {', '.join(REGULARIZATIONS)}")
        #: Early stopping: (monitored loss, epoch) of the best epoch of this training, whose
        #: weights are kept in ``_best_theta``; None before the first monitored epoch.
        self.best: tuple[float, int] | None = None
        self._best_theta = None
        self._wait = 0
        if engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}, got '{engine}'")
        #: "auto", "compiled" or "numpy": the training path (see simulator.compiled).
        self.engine = engine
        #: The path the latest run took: "compiled", or "numpy (why)".
        self.engine_path = ""
        #: Read at each epoch start: run the epoch batch by batch on the NumPy path (so the
        #: caller can stop after one batch) even when the run is compiled.
        self.batch_steps = False

    @classmethod
    def from_settings(cls, net: Network, settings: TrainingSettings, **overrides) -> Trainer:
        """A trainer configured from the UI's :class:`TrainingSettings`."""
        settings.validate()
        kw = dict(loss=settings.loss, optimizer=settings.optimizer,
                  learning_rate=settings.learning_rate, batch_size=settings.batch_size,
                  seed=settings.seed, regularization=settings.regularization,
                  reg_rate=settings.reg_rate, patience=settings.patience,
                  restore_best=settings.restore_best, epoch_limit=settings.epoch_limit)
        kw.update(overrides)
        return cls(net, **kw)

    # -- configuration that needs checking -------------------------------------------
    @property
    def loss(self) -> str:
        return self._loss_name

    @loss.setter
    def loss(self, name: str) -> None:
        self._lossfn = losses.check(name, self.net.activations[-1])
        self._loss_name = name

    @property
    def optimizer(self) -> str:
        return self._opt.name

    @optimizer.setter
    def optimizer(self, name: str) -> None:
        """Switching optimizer starts its running state (momentum, Adam moments) afresh."""
        if name == "perceptron":
            optimizers.check_perceptron(self.net._spec)
        else:
            optimizers.check_gradient(name, self.net._spec)
        self._opt = optimizers.create(name, self.net.theta)

    def request_stop(self) -> None:
        """Ask the running generator to stop before its next batch (safe from another thread)."""
        self._stop = True

    # -- the loop ----------------------------------------------------------------------
    def fit(self, X, Y, epochs: int | None = None, X_test=None, Y_test=None) -> list[EpochStats]:
        """Train and return the per-epoch stats; the last one says why training ended."""
        return list(self.iter_epochs(X, Y, epochs, X_test, Y_test))

    def iter_epochs(self, X, Y, epochs: int | None = None, X_test=None,
                    Y_test=None) -> Iterator[EpochStats]:
        """Yield an :class:`EpochStats` after every epoch (generator form of ``fit``)."""
        for r in self._run(X, Y, X_test, Y_test, epochs, every_batch=False):
            yield r.stats

    def iter_batches(self, X, Y, X_test=None, Y_test=None,
                     epochs: int | None = None) -> Iterator[BatchResult]:
        """Yield a :class:`BatchResult` after every batch; ``stats`` is set when an epoch ends.

        On the compiled path (see ``engine_path``) each result is a whole epoch (``stats``
        set), unless ``batch_steps`` is set when the epoch starts.

        ``epochs=None`` trains until stopped (or ``epoch_limit``). Each epoch shuffles the
        rows with the trainer's seeded generator. When training ends for any reason other
        than running out of epochs, the last result carries stats whose ``status`` says
        why; a stop or divergence mid-epoch counts that partial epoch (see ``batches``).
        A stop requested between epochs yields the current state once more, under the
        last epoch's number with ``batches == 0``.
        """
        return self._run(X, Y, X_test, Y_test, epochs, every_batch=True)

    def _run(self, X, Y, X_test, Y_test, epochs, every_batch: bool,
             numpy_only: bool = False) -> Iterator[BatchResult]:
        """The one training loop; ``every_batch=False`` skips the mid-epoch yields."""
        net, xp = self.net, self.net.xp
        X = net._as_input(X)
        Y = net._as_target(Y, X.shape[0])
        _check_finite(X, Y, "training")
        has_test = X_test is not None
        if has_test:
            Xt = net._as_input(X_test)
            Yt = net._as_target(Y_test, Xt.shape[0])
            _check_finite(Xt, Yt, "test")
        Y_np = to_numpy(Y)
        task = detect_task(Y_np) if self.task == "auto" else self.task
        threshold = label_threshold(Y_np)
        n = X.shape[0]
        if epochs is None and self.epoch_limit > 0:
            epochs = max(0, self.epoch_limit - self.epoch)

        theta, grad = net.theta, net.grad
        P = xp.empty_like(Y)                          # outputs of each batch, for train_metric
        sat_rows = np.unique(np.linspace(0, n - 1, min(n, SATURATION_ROWS)).astype(np.intp))
        Xsat = X[xp.asarray(sat_rows)]
        backup = theta.copy()      # last state whose loss was finite
        tmp = xp.empty_like(theta)
        gabs = xp.zeros_like(theta)  # sum over the epoch's batches of |grad|
        gsq = xp.zeros(theta.shape, dtype=np.float64)  # sum over the batches of grad^2
        sq = xp.empty_like(gsq)      # (float64: a float32 square overflows at |g| > 2e19)
        stride = max(1, math.ceil(theta.size / STATS_PARAMS))  # batches per statistics sample
        fast = None if numpy_only else self._compiled_run(
            X, Y, Xt if has_test else None, Yt if has_test else None, Xsat, task, threshold,
            stride, epochs, backup, gabs, gsq)
        if fast is not None:  # whole epochs in compiled code (simulator/compiled)
            yield from fast
            return
        # Wide rows are gathered batch by batch (still in cache for the first matmul, ~2% faster
        # at 784 inputs); narrow ones are shuffled once per epoch and sliced (fewer calls).
        # Same permutation either way, so the same numbers.
        wide = X.shape[1] >= WIDE_INPUTS
        workspaces: dict[int, object] = {}
        lossfn = losses.perceptron(self._lossfn) if self._opt.name == "perceptron" \
            else self._lossfn
        # Device backends keep per-batch losses on the device (no transfer per batch).
        log = DeviceBatchLog(xp, n) if on_device(xp) else None
        self._stop = False
        done = 0
        t0 = time.perf_counter()

        while epochs is None or done < epochs:
            # Fancy indexing into fresh arrays: about 3x faster than take(..., out=).
            perm = xp.asarray(self._rng.permutation(n))
            Ys = Y[perm]
            Xs = None if wide else X[perm]
            gabs[...] = 0.0
            gsq[...] = 0.0
            sum_loss, nb, ns, p = 0.0, 0, 0, 0
            status = message = ""
            if log is not None:
                log.start_epoch()
            while p < n:
                if self._stop:
                    status, message = "stopped", "stopped on request"
                    break
                bs = min(max(1, int(self.batch_size)), n - p)
                ws = workspaces.get(bs) or self._workspace(workspaces, bs)
                Yb = Ys[p:p + bs]
                Xb = X[perm[p:p + bs]] if wide else Xs[p:p + bs]
                net._forward(Xb, ws)
                e = net._backward(Xb, Yb, lossfn, ws)
                if log is None:
                    if not math.isfinite(e):
                        status, message = "diverged", self._diverged_message(e, nb + 1)
                        break
                    xp.copyto(backup, theta)
                    sum_loss += e * bs
                else:  # checked on the device, read at the epoch's end
                    log.add(e, bs, theta, backup, grad)
                xp.copyto(P[p:p + bs], ws.H[-1])
                if nb % stride == 0:
                    # Gradient statistics of the data loss (before the penalty is added):
                    # elementwise sums over the sampled batches, reduced per layer at the end.
                    xp.abs(grad, out=tmp)
                    xp.add(gabs, tmp, out=gabs)
                    xp.multiply(grad, grad, out=sq, dtype=np.float64)  # (squared in float64)
                    xp.add(gsq, sq, out=gsq)
                    ns += 1
                if self.reg_rate and self.regularization != "none":
                    optimizers.regularize(self.regularization, self.reg_rate, theta, grad,
                                          net._weight_mask, tmp)
                self._opt.step(theta, grad, self.learning_rate)
                nb += 1
                p += bs
                if every_batch and p < n:
                    self.elapsed += time.perf_counter() - t0
                    yield BatchResult(self.epoch + 1, nb, e if log is None else None, None,
                                      perm[p - bs:p], P[p - bs:p])
                    t0 = time.perf_counter()
            if nb > 0:  # a stop between epochs reports the current state under the same number
                self.epoch += 1
                done += 1
            if status == "diverged":
                theta[...] = backup
                self._opt.reset()
            test = (Xt, Yt) if has_test else None
            if log is None:
                train_loss, watch = (sum_loss / max(p, 1) if nb else math.nan), ()
            else:
                finite, good, train_loss = log.summary()
                watch = (finite, good)
            stats, watch = self._epoch_stats(nb, ns, train_loss, gabs, gsq, P[:p], Ys[:p], task,
                                             threshold, Xsat, test, tmp, workspaces, watch)
            if watch and not watch[0]:  # device: a batch's loss was not finite
                good = round(watch[1])
                self.epoch -= 1  # counted above; as on NumPy, it counts if a batch was finite
                done -= 1
                status, message = "diverged", self._diverged_message(math.nan, good + 1)
                nb, ns, p = good, -(-good // stride), sum(log.sizes[:good])
                if nb > 0:
                    self.epoch += 1
                    done += 1
                theta[...] = backup
                self._opt.reset()
                stats, _ = self._epoch_stats(nb, ns, stats.train_loss, gabs, gsq, P[:p],
                                             Ys[:p], task, threshold, Xsat, test, tmp,
                                             workspaces)
            if not status and not _all_finite(stats):
                theta[...] = backup
                self._opt.reset()
                status, message = "diverged", self._diverged_message(math.inf, nb)
                stats, _ = self._epoch_stats(nb, ns, stats.train_loss, gabs, gsq, P[:p],
                                             Ys[:p], task, threshold, Xsat, test, tmp,
                                             workspaces)
            if not status:
                status, message = self._early_stopping(stats, X, Y, workspaces)
            if not status and epochs is not None and done >= epochs and self.epoch_limit > 0 \
                    and self.epoch >= self.epoch_limit:
                status, message = "stopped", f"reached the epoch limit ({self.epoch_limit})"
            stats.status = status or "ok"
            stats.message = message
            self.elapsed += time.perf_counter() - t0
            stats.elapsed = self.elapsed
            last = None if log is not None else e if nb else math.nan
            trained = (perm[p - bs:p], P[p - bs:p]) if nb else (None, None)
            yield BatchResult(self.epoch, nb, last, stats, *trained)
            t0 = time.perf_counter()
            if status:
                return

    # -- helpers -----------------------------------------------------------------------
    def _compiled_run(self, X, Y, Xt, Yt, Xsat, task, threshold, stride, epochs, backup, gabs,
                      gsq):
        """The compiled path's generator for this run, or None (``engine_path`` says why)."""
        from . import compiled  # noqa: PLC0415 - numba is imported only when it is used
        path = compiled.choose(self.net, self.engine, self.loss, self._opt.name)
        if path == "compiled":
            try:
                compiled.prepare((self.net.dtype.name,))
            except Exception as exc:  # noqa: BLE001 - any compile failure: train with NumPy
                path = f"numpy ({compiled.fail(exc)})"
        self.engine_path = path
        if path != "compiled":
            return None
        engine = compiled.load()
        tables = engine.Tables(self, X, Y, Xt, Yt, Xsat, task, threshold, stride)
        return engine.run(self, tables, epochs, backup, gabs, gsq, lambda left: self._run(
            X, Y, Xt, Yt, left, True, numpy_only=True))

    def _workspace(self, cache: dict, n: int):
        """The buffers for n rows, built once per size (a few sizes per run in practice)."""
        if len(cache) > 16:  # batch size dragged through many values: start over
            cache.clear()
        ws = cache[n] = self.net._workspace(n)
        return ws

    def _epoch_stats(self, nb, ns, train_loss, gabs, gsq, P, Yp, task, threshold, Xsat, test,
                     tmp, cache, extra=()) -> tuple[EpochStats, list]:
        """The epoch's :class:`EpochStats`, and ``extra`` (device values) read along with it.

        Everything is reduced where it lives; on a device the numbers come back in one
        transfer (``stats.fetch``), on NumPy they are used as they are.
        """
        net, xp = self.net, self.net.xp
        starts, counts = net._starts, net._n_weights
        L = net.n_layers
        nbd = max(ns, 1)  # batches that contributed gradient statistics
        xp.abs(net.theta, out=tmp)

        def score(H, Y):
            return accuracy(H, Y, threshold) if task == "classification" else r2(H, Y)

        test_loss = test_metric = None
        if test is not None:
            Xt, Yt = test
            ws = cache.get(Xt.shape[0]) or self._workspace(cache, Xt.shape[0])
            H = net._forward(Xt, ws)
            test_loss = self._lossfn.value(ws.Z[-1], H, Yt)
            test_metric = score(H, Yt)
        gsum, gsq_sum, wsum, train_loss, train_metric, test_loss, test_metric, *rest = fetch(
            xp, layer_sums(gabs, starts), layer_sums(gsq, starts), layer_sums(tmp, starts),
            train_loss, score(P, Yp) if nb else None, test_loss, test_metric,
            *self._saturation(Xsat, cache), *extra)
        s = EpochStats(
            epoch=self.epoch, train_loss=float(train_loss),
            metric="accuracy" if task == "classification" else "r2",
            train_metric=train_metric,
            grad_mean_abs=[float(gsum[l]) / counts[l] / nbd for l in range(L)],
            # Root mean square over the batches of ||dE/dW||: sqrt(sum_b ||g_b||^2 / batches).
            grad_norm=[float(v) for v in np.sqrt(gsq_sum / nbd)],
            weight_mean_abs=[float(wsum[l]) / counts[l] for l in range(L)],
            saturation=[float(v) for v in rest[:L]],
            batches=nb, learning_rate=self.learning_rate)
        if test is not None:
            s.test_loss, s.test_metric = float(test_loss), test_metric
        return s, rest[L:]

    def _saturation(self, Xsat, cache) -> list:
        """Per layer, the share of saturated (row, unit) pairs (device scalars on a device)."""
        net, xp = self.net, self.net.xp
        ws = cache.get(Xsat.shape[0]) or self._workspace(cache, Xsat.shape[0])
        net._forward(Xsat, ws)
        out = []
        for l, act in enumerate(net._acts):
            if act.max_df == 0.0:  # step: f' = 0 everywhere, always saturated
                out.append(1.0)
                continue
            d = act.df(ws.Z[l], ws.H[l], ws.T[l])
            xp.abs(d, out=d)
            out.append(xp.count_nonzero(d < 0.01 * act.max_df) / d.size)
        return out

    def _early_stopping(self, stats: EpochStats, X, Y, cache) -> tuple[str, str]:
        """Watch the test loss, or without test data the training loss of the weights as
        they are after the epoch (one forward pass over the training set: the epoch's
        ``train_loss`` is a mean over batches taken at different weights, so it is the loss
        of no weights that could be restored). The best weights are stored right here,
        at the moment their loss is measured; a restore is recorded in
        ``stats.restored_epoch``."""
        if self.patience <= 0:
            return "", ""
        if stats.test_loss is not None:
            value, which = stats.test_loss, "test loss"
        else:
            ws = cache.get(X.shape[0]) or self._workspace(cache, X.shape[0])
            H = self.net._forward(X, ws)
            value = float(self._lossfn.value(ws.Z[-1], H, Y))
            which = "training loss (whole training set after each epoch)"
        if self._best_theta is None or value < self.best[0]:
            self.best = (value, stats.epoch)
            self._best_theta = self.net.theta.copy()
            self._wait = 0
            return "", ""
        self._wait += 1
        if self._wait < self.patience:
            return "", ""
        best, epoch = self.best
        msg = (f"early stop: the {which} has not improved for {self.patience} epochs "
               f"(best {best:.4g} at epoch {epoch})")
        if self.restore_best:
            self.net.theta[...] = self._best_theta
            stats.restored_epoch = epoch
            msg += "; weights restored to that epoch"
        self._best_theta, self._wait = None, 0
        return "early_stopped", msg

    def _diverged_message(self, e: float, batch: int) -> str:
        what = "NaN" if math.isnan(e) else "infinite"
        lr = self.learning_rate
        return (f"training diverged at epoch {self.epoch + 1}, batch {batch}: the loss became "
                f"{what}. The learning rate ({lr:g}) is probably too high for this network and "
                f"data. Weights were restored to the last finite state. Try a smaller learning "
                f"rate (e.g. {lr / 10:g}), normalized inputs, or xavier/he initialization.")


def _all_finite(s: EpochStats) -> bool:
    values = [s.train_loss, s.test_loss or 0.0] + s.weight_mean_abs
    return all(math.isfinite(v) for v in values)


def _check_finite(X, Y, what: str) -> None:
    xp = get_array_module(X)
    if not (to_numpy(xp.isfinite(X).all()) and to_numpy(xp.isfinite(Y).all())):
        raise DataError(f"the {what} data contains NaN or infinite values; clean or "
                        "impute them before training")
