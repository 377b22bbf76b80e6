"""The training loop that runs off the GUI thread.

Qt-free on purpose: the loop owns its own Network and Trainer built from a
:class:`Job` (plain, picklable data copied from the document), pulls the
trainer's batch generator, applies commands between batches and publishes
:class:`Snapshot` objects into an *outbox*. It never touches a widget.

The outbox is one newest-wins mailbox (:class:`SnapshotSlot` in a thread, the
pipe and flag of ``runner.py`` in a process) with two methods: ``ready()`` says
the consumer took the previous snapshot, ``put(snap)`` hands over a new one. The
loop publishes a running snapshot only when the outbox is ready, and a state change
(paused, limit, stopped, diverged, error) always; so the consumer's pace (the GUI's
33 ms timer) is the only throttle, and every snapshot sent carries the newest weights
and rows (plot data: see below).
A step (one epoch or one batch) sends one snapshot, at its end.
History rows finished in between accumulate in the loop and travel with the next
snapshot, packed by column (``rows.py``): merged, never dropped.

Plot data (:func:`compute_views`) costs 0.7 ms for the Playground network but ~6 ms
for 2-8x6-1 and ~20 ms for ten layers of 64: computed for every snapshot it took a
fifth to half of the loop's time. A running snapshot therefore carries new views only
when the last ones are at least their cost / :data:`VIEWS_SHARE` old (the GUI keeps
showing the previous ones), unless they cost under :data:`VIEWS_FREE` (the smaller of
the last two costs counts); a state change always carries fresh ones.

Slow motion (``epochs_per_second`` > 0) paces whole epochs, except for the perceptron
rule: there it trains one sample at a time at that many samples per second (batch size
1, whatever the setting says), and every sample's snapshot is delivered (the loop waits
for the consumer to take the previous one), carrying ``views.step``
(``perceptron.SampleStep``: which sample, its t and o, whether it moved the line). The
lecture's rule is online, w ← w + η(t − o)x after each sample, and that is what the
student watches.

Memory stays bounded when nobody consumes: once :data:`MAX_PENDING_ROWS` rows wait,
the loop stops training until the outbox is ready again (it keeps answering
commands). Waiting rather than dropping or packing rows keeps the history complete
for a live consumer that was only busy; a consumer that died ends the child process
instead (``runner.py``), so nothing waits forever.
"""

from __future__ import annotations

import queue
import threading
import time
import traceback
from dataclasses import dataclass, field

import numpy as np

from simulator.history_io import Block, concat
from simulator.inspector import Views, compute_views
from simulator.perceptron import SampleStep, sample_step

from .rows import PendingRows

#: Most finished history rows that wait in the loop for a consumer; training pauses there.
MAX_PENDING_ROWS = 8192
#: Seconds between two looks at the outbox while the loop waits for a consumer.
CONSUMER_POLL = 0.005
#: The CPU time of the calling thread (the cost of plot data, preemption excluded).
_cpu_time = time.thread_time
#: Most of the loop's time that computing plot data may take while training runs ...
VIEWS_SHARE = 0.1
#: ... unless it costs less than this many seconds of CPU (with every snapshot: <= 6 %).
VIEWS_FREE = 0.002


@dataclass
class Job:
    """Everything the loop needs, copied out of the document (no shared mutable state)."""

    spec: dict
    weights: list
    settings: object  # simulator.settings.TrainingSettings
    X: np.ndarray
    Y: np.ndarray
    X_test: np.ndarray | None
    Y_test: np.ndarray | None
    #: Epochs already done in this run (the counter continues from here).
    epoch: int = 0
    #: Rows whose pre-activations feed the activation histograms.
    sample: np.ndarray | None = None
    #: (xmin, xmax, ymin, ymax) of the input plane for 2-input data, else None.
    extent: tuple | None = None
    #: Start without training (a step command follows).
    start_paused: bool = False


@dataclass
class Snapshot:
    """What the GUI needs after some batches: weights, new history rows, plot data."""

    #: [(W, b), ...] NumPy copies.
    weights: list
    #: History rows (``EpochStats.to_dict()``) finished since the previous snapshot,
    #: packed (reads like a list of the dicts; by column: ``rows.column(key)``).
    rows: Block = field(default_factory=lambda: Block.from_rows([]))
    #: Epochs done in this run.
    epoch: int = 0
    #: Batches done in the current epoch.
    batch: int = 0
    #: "preparing" (the compiled engine loads), "running", "paused", "limit", "stopped",
    #: "diverged" or "error".
    status: str = "running"
    #: Explanation for "diverged" and "error".
    message: str = ""
    #: Plot data computed from the weights above; None if computing it failed, or, in a
    #: running snapshot, when the previous views are still recent (see VIEWS_SHARE).
    views: Views | None = None
    #: Seconds spent training in this job.
    seconds: float = 0.0
    #: Number of canvas weight edits the worker had applied when it took these weights;
    #: the GUI ignores weights older than its latest edit (no flicker back).
    edits: int = 0
    #: The training path: "compiled" or "numpy (why)" (``Trainer.engine_path``).
    engine: str = ""


#: Statuses after which the loop has returned (nothing more comes).
FINAL = ("stopped", "diverged", "error")


def merge(old: Snapshot | None, new: Snapshot) -> Snapshot:
    """``new`` with the rows of an unconsumed ``old`` in front (and its plot data when
    ``new`` has none): the newest state wins, no history row is lost."""
    if old is not None:
        new.rows = concat([old.rows, new.rows])
        if new.views is None:
            new.views = old.views
    return new


class SnapshotSlot:
    """The outbox of a loop in a thread: holds the newest snapshot (rows merged)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._snap: Snapshot | None = None

    def put(self, snap: Snapshot) -> None:
        with self._lock:
            self._snap = merge(self._snap, snap)

    def take(self) -> Snapshot | None:
        with self._lock:
            snap, self._snap = self._snap, None
        return snap

    def ready(self) -> bool:
        """The consumer took the previous snapshot."""
        return self._snap is None


# Commands the GUI sends (tuples on a queue.Queue): ("pause",), ("resume",), ("stop",),
# ("step_epoch",), ("step_batch",), ("weights", list), ("set", name, value).
LIVE_SETTINGS = ("learning_rate", "batch_size", "regularization", "reg_rate",
                 "epoch_limit", "epochs_per_second", "patience", "restore_best")


class TrainingLoop:
    """Runs a :class:`Job` until stopped; see the module docstring."""

    def __init__(self, job: Job, commands: queue.Queue, outbox) -> None:
        self.job = job
        self.commands = commands
        #: Where snapshots go: ``ready()`` and ``put(snap)`` (see the module docstring).
        self.outbox = outbox
        #: Set from any thread to end the loop at the next batch boundary.
        self.stop_flag = threading.Event()
        self.limit = int(job.settings.epoch_limit)
        self.speed = float(job.settings.epochs_per_second)
        #: The batch size setting (the trainer runs 1 while the perceptron is in slow motion).
        self.batch_size = int(job.settings.batch_size)
        #: The sample the latest batch trained when it was one perceptron update, else None.
        self.sample: SampleStep | None = None
        #: Slow motion: when pacing (re)started, and the steps paced since.
        self._pace_from, self._paced = 0.0, 0
        #: Epochs done in this run, and the finished history rows not yet published.
        self.epoch = job.epoch
        self.rows = PendingRows()
        #: When plot data may next be computed for a running snapshot (perf_counter).
        self._views_due = 0.0
        self._views_cost = 0.0  # CPU seconds the previous plot data took (0: none yet)

    # -- entry point -------------------------------------------------------------------
    def run(self) -> None:
        try:
            self._run()
        except Exception as exc:  # reported to the GUI, never lost in a dead thread
            weights = self.job.weights
            try:
                weights = self.net.get_weights()
            except Exception:  # noqa: BLE001 - the net may not exist yet
                pass
            # the epochs finished before the fault are history like any other
            self.outbox.put(Snapshot(weights, self.rows.take(), self.epoch, status="error",
                                     message=f"{type(exc).__name__}: {exc}\n"
                                             f"{traceback.format_exc(limit=6)}"))

    def _build(self) -> None:
        from simulator.network import Network
        from simulator.trainer import Trainer
        job, s = self.job, self.job.settings
        self.net = Network.from_spec(job.spec, init=s.init, seed=s.seed, backend=s.backend,
                                     dtype=s.dtype)
        self.net.set_weights(job.weights)
        self.trainer = Trainer.from_settings(self.net, s, epoch_limit=0)  # the loop counts
        from simulator.compiled import threads
        self._blas = threads.limit(threads.blas_threads(self.net, s.batch_size))
        self._prepare_engine()

    def _prepare_engine(self) -> None:
        """Load (on an installation's first run: compile) the compiled kernels before the
        clock starts; a compile ahead is announced by a "preparing" snapshot."""
        from simulator import compiled
        self.engine = ""  # the "preparing" snapshot names no path yet
        t = self.trainer
        why = compiled.declined(self.net, t.engine, t.loss, t.optimizer)
        dtype = self.net.dtype.name
        if why or compiled.prepared(dtype):
            self.engine = f"numpy ({why})" if why else "compiled"
            return
        if not compiled.cached():
            self.epoch, self.batch, self.seconds = self.job.epoch, 0, 0.0
            self.edits = 0
            self._publish("preparing")
        try:
            compiled.prepare((dtype,))
        except Exception as exc:  # noqa: BLE001 - the trainer falls back to NumPy
            compiled.fail(exc)
        self.engine = compiled.choose(self.net, t.engine, t.loss, t.optimizer)

    def _run(self) -> None:
        self._build()
        job = self.job
        #: Weight edits applied so far (echoed in every snapshot).
        self.edits = 0
        self.batch = 0
        self.seconds = 0.0
        running = not job.start_paused
        step: str | None = None  # "epoch" or "batch" while a step is under way
        batches = None
        run_start = time.perf_counter()
        self._restart_pace()  # after the build: loading the compiled kernels is no training
        while True:
            # -- commands (blocking while paused) ---------------------------------------
            if not running and step is None:
                if self.stop_flag.is_set():
                    break
                try:
                    cmd = self.commands.get(timeout=0.25)
                except queue.Empty:
                    continue
                running, step = self._handle(cmd, running, step)
                if running or step:
                    run_start = time.perf_counter()
                    self._restart_pace()
                continue
            if not self.commands.empty():
                was = running
                while True:
                    try:
                        cmd = self.commands.get_nowait()
                    except queue.Empty:
                        break
                    running, step = self._handle(cmd, running, step)
                if not running and step is None:
                    self.seconds += time.perf_counter() - run_start
                    if self.stop_flag.is_set():
                        break
                    self._publish("paused")
                    continue
                if running and not was:
                    run_start = time.perf_counter()
                    self._restart_pace()
            if self.stop_flag.is_set():
                break
            if len(self.rows) >= MAX_PENDING_ROWS and not self.outbox.ready():
                time.sleep(CONSUMER_POLL)  # nobody takes snapshots: wait, keep every row
                continue
            # -- one batch ------------------------------------------------------------------
            if batches is None:
                batches = self.trainer.iter_batches(job.X, job.Y, job.X_test, job.Y_test)
            by_sample = running and step is None and self._slow_perceptron()
            # The compiled path yields whole epochs; a batch step needs the NumPy path's batches.
            self.trainer.batch_steps = step == "batch" or by_sample
            self.trainer.batch_size = 1 if by_sample else self.batch_size
            try:
                item = next(batches)
            except StopIteration:
                batches = None
                continue
            self.batch += 1
            stats = item.stats
            self.sample = self._sample(item) if by_sample or step == "batch" else None
            if stats is None:
                if step == "batch":
                    step, running = None, False
                    self.seconds += time.perf_counter() - run_start
                    self._publish("paused")
                    continue
                if by_sample:  # every sample shown, at the slow-motion pace
                    self._pace_one()
                    self._wait_for_consumer()
                    self._publish("running",
                                  seconds=self.seconds + time.perf_counter() - run_start)
                    continue
                if step is None and self.outbox.ready():  # a step shows only its end
                    self._publish("running",
                                  seconds=self.seconds + time.perf_counter() - run_start)
                continue
            # -- end of an epoch --------------------------------------------------------------
            self.epoch += 1
            self.batch = 0
            self.rows.add(stats, self.epoch)
            now = time.perf_counter()
            if stats.status == "diverged":
                self.seconds += now - run_start
                self._publish("diverged", stats.message)
                return
            if stats.status == "early_stopped":
                running, step, batches = False, None, None
                self.seconds += now - run_start
                self._publish("limit", stats.message)
                continue
            if step is not None or (self.limit and self.epoch >= self.limit):
                status = "paused" if step is not None else "limit"
                running, step = False, None
                self.seconds += now - run_start
                self._publish(status)
                continue
            if self.speed > 0:
                self._pace_one()
            if by_sample:
                self._wait_for_consumer()
            if self.outbox.ready():
                self._publish("running",
                              seconds=self.seconds + time.perf_counter() - run_start)
        self._publish("stopped")

    # -- helpers ---------------------------------------------------------------------------
    def _handle(self, cmd: tuple, running: bool, step):
        kind = cmd[0]
        if kind == "pause":
            return False, None
        if kind == "resume":  # at the epoch limit only a step trains on (no epoch past it)
            return not (self.limit and self.epoch >= self.limit), None
        if kind == "stop":
            self.stop_flag.set()
            return False, None
        if kind in ("step_epoch", "step_batch"):
            return False, kind[5:]
        if kind == "weights":
            self.net.set_weights(cmd[1])
            self.edits += 1
            self.sample = None  # the edit, not a sample, made these weights
            if not running:
                self._publish("paused")
            return running, step
        if kind == "set":
            name, value = cmd[1], cmd[2]
            if name == "epoch_limit":
                self.limit = int(value)
            elif name == "epochs_per_second":
                self.speed = float(value)
                self._restart_pace()  # the next step is due 1 / speed from now
            elif name == "batch_size":
                self.batch_size = int(value)
            elif hasattr(self.trainer, name):
                setattr(self.trainer, name, value)
            return running, step
        raise ValueError(f"unknown training command {cmd!r}")

    def _slow_perceptron(self) -> bool:
        """Slow motion of the perceptron rule: one sample per paced step."""
        return self.speed > 0 and self.trainer.optimizer == "perceptron"

    def _sample(self, item) -> SampleStep | None:
        """The latest batch as one perceptron update, if it was one (one row)."""
        if self.trainer.optimizer != "perceptron" or item.rows is None or len(item.rows) != 1:
            return None
        return sample_step(item.rows, item.outputs, self.job.Y)

    def _restart_pace(self) -> None:
        self._pace_from, self._paced = time.perf_counter(), 0

    def _pace_one(self) -> None:
        """Wait until the next slow-motion step (epoch, or perceptron sample) is due."""
        self._paced += 1
        self._pace(self._pace_from + self._paced / self.speed)

    def _wait_for_consumer(self) -> None:
        """Until the previous snapshot is taken (or a command or stop comes): in the
        perceptron's slow motion no sample's update may be skipped."""
        while not (self.outbox.ready() or self.stop_flag.is_set()
                   or not self.commands.empty()):
            time.sleep(CONSUMER_POLL)

    def _pace(self, until: float) -> None:
        """Sleep until ``until`` (slow-motion speed), waking early for commands."""
        while not self.stop_flag.is_set():
            left = until - time.perf_counter()
            if left <= 0 or not self.commands.empty():
                return
            time.sleep(min(left, 0.02))

    def _publish(self, status: str, message: str = "", seconds: float | None = None) -> None:
        views = self._views(status)
        if views is not None:
            views.step = self.sample  # the perceptron's slow motion: the sample just learnt
        snap = Snapshot(self.net.get_weights(), self.rows.take(), self.epoch, self.batch,
                        status, message, views,
                        self.seconds if seconds is None else seconds,
                        self.edits, self.trainer.engine_path or self.engine)
        self.outbox.put(snap)

    def _views(self, status: str) -> Views | None:
        """Plot data for a snapshot: always for a state change, for a running one only
        when due (VIEWS_SHARE of the loop's time at most)."""
        now = time.perf_counter()
        if status == "running" and now < self._views_due:
            return None
        cpu = _cpu_time()
        try:
            views = compute_views(self.net, self.job.sample, self.job.extent)
        except Exception:  # noqa: BLE001 - plots are optional, training is not
            views = None
        # the smaller of the last two costs: one measurement stretched by the machine
        # (a cold cache, the process descheduled) does not cost the next snapshots their
        # plot data; a network whose plot data is costly is throttled from the second on
        spent = _cpu_time() - cpu
        cost, self._views_cost = min(spent, self._views_cost), spent
        if cost > VIEWS_FREE:
            self._views_due = time.perf_counter() + cost * (1 - VIEWS_SHARE) / VIEWS_SHARE
        return views

