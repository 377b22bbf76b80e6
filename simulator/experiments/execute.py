"""Running a grid on a ``concurrent.futures.Executor``: local processes or a Dask cluster.

The executor does the scheduling; this module only cuts the runs into chunks (a task per
run costs more than a tiny run), submits one task per chunk, and hands results back as the
tasks finish. Every run builds its network and trainer exactly as the app does
(``Network.from_spec`` + ``Trainer.from_settings(...).fit``), so a run gives the same numbers
bit for bit as training that configuration alone with the same seed.

Default executor: ``ProcessPoolExecutor`` with one worker per core, started from the
engine's fork server (never a copy of the GUI process), BLAS held to one thread per worker.
With ``scheduler="tcp://host:8786"`` the runs go to a Dask cluster through
``distributed.Client(address).get_executor()`` (the optional ``cluster`` extra).

Cancel: pending tasks are cancelled, an owned pool is shut down without waiting, and the
chunks already running see a shared flag after every epoch and end their remaining runs as
"cancelled" (on Dask, where there is no shared flag, chunks are kept short instead).
"""

from __future__ import annotations

import math
import os
import threading
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait

from ..errors import SimulatorError
from .grid import GridData, RunConfig
from .table import RunResult

#: Most runs in one task.
MAX_CHUNK = 8
#: Tasks per worker the runs are cut into (a few, so that fast workers take over slow ones).
TASKS_PER_WORKER = 4

#: Seconds to wait for a Dask scheduler to answer.
DASK_CONNECT_SECONDS = 10.0

#: Set in pool workers by the initializer: the shared cancel flag, a byte of shared memory
#: (not an Event: a worker still starting would open an Event's semaphores by name, and
#: they may be gone by then; shared memory travels as a file descriptor at the start).
_CANCEL = None
_BLAS_LIMIT = None


def _init_worker(cancel_flag) -> None:
    global _CANCEL
    _CANCEL = cancel_flag
    _one_blas_thread()


def _one_blas_thread() -> None:
    """One BLAS thread per worker: the workers already fill the cores, more threads only
    fight over them (threadpoolctl when installed; the variables reach BLAS libraries that
    are loaded later)."""
    global _BLAS_LIMIT
    if _BLAS_LIMIT is not None:
        return
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"
    try:
        from threadpoolctl import threadpool_limits
        _BLAS_LIMIT = threadpool_limits(1)
    except ImportError:
        _BLAS_LIMIT = False


def _cancelled() -> bool:
    return _CANCEL is not None and _CANCEL.value != 0


def run_one(config: RunConfig, data: GridData, keep_weights: bool = True,
            should_stop=_cancelled) -> RunResult:
    """Train one configuration as the app would; errors end up in the result, never raised."""
    from ..network import Network
    from ..trainer import Trainer
    start = time.perf_counter()
    try:
        settings = config.settings(data.settings)
        net = Network.from_spec(config.network_spec(data.spec), init=settings.init,
                                seed=settings.seed, backend="numpy", dtype=settings.dtype)
        trainer = Trainer.from_settings(net, settings, epoch_limit=0)
        last = None
        for last in trainer.iter_epochs(data.X, data.Y, config.epochs, data.X_test,
                                        data.Y_test):
            if should_stop():  # a byte of shared memory: free to read after every epoch
                return RunResult(config, "cancelled", "cancelled", epochs=last.epoch,
                                 seconds=time.perf_counter() - start)
    except (SimulatorError, ValueError, ArithmeticError, MemoryError) as exc:
        return RunResult(config, "error", f"{type(exc).__name__}: {exc}",
                         seconds=time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - one bad run must not stop the others
        return RunResult(config, "error", f"{type(exc).__name__}: {exc} | "
                         f"{traceback.format_exc(limit=3)}",
                         seconds=time.perf_counter() - start)
    return RunResult(config, last.status, last.message, last.train_loss, last.test_loss,
                     last.metric, last.train_metric, last.test_metric, last.epoch,
                     time.perf_counter() - start,
                     net.get_weights() if keep_weights else None)


def run_chunk(configs: list[RunConfig], data: GridData, keep_weights: bool = True,
              limit_blas: bool = False) -> list[RunResult]:
    """A task: the runs of one chunk, one after another (what a worker executes)."""
    if limit_blas:
        _one_blas_thread()
    out = []
    for c in configs:
        if _cancelled():
            out.append(RunResult(c, "cancelled", "cancelled"))
        else:
            out.append(run_one(c, data, keep_weights))
    return out


def chunked(configs: list, workers: int, size: int | None = None) -> list[list]:
    """Cut ``configs`` into tasks of ``size`` runs (default: ~TASKS_PER_WORKER per worker,
    at most MAX_CHUNK runs each)."""
    if size is None:
        size = min(MAX_CHUNK, math.ceil(len(configs) / max(1, workers * TASKS_PER_WORKER)))
    size = max(1, int(size))
    return [configs[i:i + size] for i in range(0, len(configs), size)]


class GridExecution:
    """Runs configurations on an executor; results come back as their tasks finish.

    ``executor``: any ``concurrent.futures.Executor`` (kept open: the caller owns it);
    otherwise ``scheduler`` (a Dask address) or a process pool of ``workers`` processes
    (default: all cores) is created here and closed by :meth:`close`.
    Use :meth:`results` (blocking generator, for scripts) or :meth:`poll` (never blocks,
    for a GUI timer); :meth:`cancel` may be called from any thread.
    """

    def __init__(self, configs: list[RunConfig], data: GridData, executor: Executor | None = None,
                 *, workers: int | None = None, scheduler: str | None = None,
                 chunk_size: int | None = None, keep_weights: bool = True) -> None:
        self.configs = list(configs)
        self.total = len(self.configs)
        self.done = 0
        self.started = time.perf_counter()
        self._client = None
        self._flag = None
        self._owned = executor is None
        self._cancelled = threading.Event()
        if executor is None:
            executor, workers = self._make_executor(workers, scheduler)
        self.workers = workers or os.cpu_count() or 1
        self.executor = executor
        limit_blas = self._owned
        self._futures: dict[Future, list[RunConfig]] = {}
        for chunk in chunked(self.configs, self.workers, chunk_size):
            fut = executor.submit(run_chunk, chunk, data, keep_weights, limit_blas)
            self._futures[fut] = chunk

    def _make_executor(self, workers: int | None, scheduler: str | None):
        if scheduler:
            try:
                from distributed import Client
            except ImportError:
                raise SimulatorError("a Dask scheduler needs the 'distributed' package "
                                     "(pip install ann-simulator[cluster])") from None
            try:
                self._client = Client(scheduler, timeout=DASK_CONNECT_SECONDS)
            except (OSError, TimeoutError, ValueError) as exc:
                raise SimulatorError(f"cannot reach the Dask scheduler at {scheduler}: "
                                     f"{exc}") from None
            n = sum(self._client.nthreads().values()) or 1
            return self._client.get_executor(), n
        from ..training.runner import _context
        workers = workers or os.cpu_count() or 1
        ctx = _context()
        self._flag = ctx.RawValue("b", 0)
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                                   initializer=_init_worker, initargs=(self._flag,))
        return pool, workers

    # -- results -----------------------------------------------------------------------
    @property
    def finished(self) -> bool:
        return not self._futures

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def eta(self) -> float | None:
        """Seconds left, from the pace so far (None before the first result)."""
        if not self.done:
            return None
        elapsed = time.perf_counter() - self.started
        return elapsed / self.done * (self.total - self.done)

    def poll(self) -> list[RunResult]:
        """Results of the tasks finished since the last call (never blocks)."""
        return self._collect([f for f in list(self._futures) if f.done()])

    def results(self, timeout: float = 0.1):
        """Yield results as tasks finish until all are done or the run is cancelled."""
        while self._futures and not self.cancelled:
            done, _ = wait(list(self._futures), timeout=timeout, return_when=FIRST_COMPLETED)
            yield from self._collect(done)
        self.close()

    def _collect(self, finished) -> list[RunResult]:
        out: list[RunResult] = []
        for fut in finished:
            chunk = self._futures.pop(fut, None)
            if chunk is None:
                continue
            if fut.cancelled():
                out += [RunResult(c, "cancelled", "cancelled") for c in chunk]
                continue
            exc = fut.exception()
            if exc is None:
                out += fut.result()
            else:  # the task itself failed (worker died, data not picklable...)
                msg = f"{type(exc).__name__}: {exc}"
                out += [RunResult(c, "error", msg) for c in chunk]
        self.done += len(out)
        return out

    # -- stopping ----------------------------------------------------------------------
    def cancel(self) -> None:
        """Stop: cancel what has not started, flag what runs, release the pool at once."""
        self._cancelled.set()
        if self._flag is not None:
            self._flag.value = 1
        for fut in list(self._futures):
            fut.cancel()
        self.close()

    def close(self) -> None:
        """Release an executor created here (without waiting for running tasks)."""
        if not self._owned or self.executor is None:
            return
        executor, self.executor = self.executor, None
        if self._client is None:
            executor.shutdown(wait=False, cancel_futures=True)
        else:  # Dask's executor cancels its futures on shutdown
            executor.shutdown(wait=False)
            client, self._client = self._client, None
            client.close(timeout=2)

    def __enter__(self) -> GridExecution:
        return self

    def __exit__(self, *exc) -> None:
        if self._futures:
            self.cancel()
        self.close()


def estimate_seconds(configs: list[RunConfig], data: GridData, workers: int,
                     probe_epochs: int = 4, max_probes: int = 8) -> float:
    """Rough wall time of the grid: each distinct (layout, batch size) is trained here for
    1 and for 1 + ``probe_epochs`` epochs; the difference is the time per epoch, the first
    the set-up. Scaled to the runs' epochs, divided over the workers (takes ~0.1 s)."""
    if not configs:
        return 0.0
    cost: dict[tuple, tuple[float, float]] = {}
    for c in configs:
        key = (c.hidden, c.batch_size)
        if key in cost or len(cost) >= max_probes:
            continue
        times = []
        for epochs in (1, 1 + probe_epochs):
            probe = RunConfig(0, c.hidden, c.activation, c.learning_rate, c.batch_size, "sgd",
                              c.seed, epochs)
            times.append(run_one(probe, data, keep_weights=False).seconds)
        cost[key] = (times[0], max(times[1] - times[0], 0.0) / probe_epochs)
    mean = tuple(sum(v[i] for v in cost.values()) / len(cost) for i in (0, 1))
    work = 0.0
    for c in configs:
        setup, per_epoch = cost.get((c.hidden, c.batch_size), mean)
        work += setup + per_epoch * c.epochs
    return work / max(1, min(workers, len(configs)))
