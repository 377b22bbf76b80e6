"""The training controller: GUI-thread side of training.

It starts a :class:`~simulator.training.loop.TrainingLoop` built from the document
in a child process (or a thread, see ``simulator/training/runner.py``), forwards
commands to it (pause, step, learning rate, a weight edited on the canvas...),
and on a 30 Hz QTimer (slower while the GUI thread is busy, see ``GUI_SHARE``) takes
the newest snapshot from the runner's one-slot mailbox and writes it into the
document (``set_weights(reason="training")``, ``append_history``, and its plot data
into ``document.inspector``, which plots and canvas observe). That timer is the only
throttle between the loop and the plots; nothing heavy runs here and nothing waits
longer than ``runner.HALT_WAIT``: stopping takes the loop's last snapshot and leaves a
stuck child to be killed in the background. A child that dies (killed, out of memory)
is reported, and Train starts a new one from the last weights the document received.
"""

from __future__ import annotations

import math
import os
import sys
import time
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from simulator.inspector import plot_points as _plot_points
from simulator.training.loop import FINAL, LIVE_SETTINGS, Job, Snapshot
from simulator.training.runner import ProcessRunner, ThreadRunner

from . import gc_pause

#: GIL switch interval while the worker runs; the default 5 ms starves the GUI thread.
SWITCH_INTERVAL = 0.0005
#: Milliseconds between two looks at the snapshot slot (30 Hz) ...
PULL_MS = 33
#: ... unless applying snapshots (and painting what they change) keeps the GUI thread
#: busy more than this share of the time: then the looks are spaced out, up to MAX_PULL_MS
#: apart, so that clicks and timers are answered (newest wins; no row is lost).
GUI_SHARE = 0.5
MAX_PULL_MS = 100
#: Looks (~1 s) to wait for a dead worker's exit status before reporting it without one.
EXIT_STATUS_PULLS = 30
#: Settings whose change needs a new Trainer (the worker restarts with the same weights).
REBUILD_SETTINGS = ("loss", "optimizer", "backend", "dtype")
#: "process" (default: no GIL shared with the GUI) or "thread"; ANN_SIM_TRAINING overrides.
DEFAULT_MODE = os.environ.get("ANN_SIM_TRAINING", "process")


class TrainingController(QObject):
    """Train / pause / step / stop / reset for one document."""

    #: "stopped" (no run under way), "running" or "paused".
    state_changed = Signal(str)
    #: Epochs done in the current run.
    epoch_changed = Signal(int)
    #: A snapshot was written into the document; argument: the Snapshot.
    snapshot_applied = Signal(object)
    #: Training diverged; argument: the engine's message. Finite weights are in the document.
    diverged = Signal(str)
    #: The worker failed; argument: the error text.
    failed = Signal(str)
    #: The epoch limit was reached; argument: the epoch.
    limit_reached = Signal(int)
    #: Early stopping ended the run; argument: the engine's message.
    early_stopped = Signal(str)
    #: A plain-language note for the status bar.
    note = Signal(str)

    def __init__(self, document, parent: QObject | None = None, mode: str | None = None) -> None:
        super().__init__(parent)
        self.document = document
        #: Where the loop runs: "process" or "thread" (see ``runner.py``).
        self.mode = mode or DEFAULT_MODE
        self.state = "stopped"
        #: Epochs done in the current run (continues across pause/stop, 0 after reset).
        self.epoch = _last_epoch(document.history)
        #: Seconds spent training in the current run.
        self.elapsed = 0.0
        self._elapsed_base = 0.0
        self._runner: ProcessRunner | ThreadRunner | None = None
        self._old_switch: float | None = None
        #: Canvas weight edits sent to the running worker (see Snapshot.edits).
        self._edits_sent = 0
        #: The worker sent its last snapshot (loop.FINAL): its end is no surprise.
        self._ended = False
        #: Looks at a dead worker so far, waiting for its exit status.
        self._dead_pulls = 0
        self._pull_timer = QTimer(self)
        self._pull_timer.setInterval(PULL_MS)
        self._pull_timer.timeout.connect(self._pull)
        #: (wall, GUI thread CPU) seconds at the previous look, for the pace (see GUI_SHARE).
        self._last_pull: tuple[float, float] | None = None
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.setInterval(30)
        self._idle_timer.timeout.connect(self.refresh_views)
        ev = document.events
        ev.weights.connect(self._on_weights_changed)
        ev.spec.connect(self._on_spec_changed)
        ev.data.connect(self._on_data_changed)
        ev.settings.connect(self._on_settings_changed)
        ev.history.connect(self._on_history_changed)
        ev.reset.connect(self._on_reset)
        self._idle_timer.start()

    # -- public actions ---------------------------------------------------------------
    @property
    def worker_alive(self) -> bool:
        return self._runner is not None and self._runner.alive

    @property
    def running(self) -> bool:
        return self.state == "running"

    def train(self) -> None:
        """Start or resume training."""
        if self.state == "running":
            return
        limit = self.document.settings.epoch_limit
        if limit and self.epoch >= limit:
            self.note.emit(self.tr("The epoch limit ({0}) is reached; raise it or reset the "
                                   "weights to train further.").format(limit))
            return
        if self.worker_alive:
            self._send("resume")
        else:
            self._start_worker(paused=False)
        self._set_state("running")

    def pause(self) -> None:
        if self.state == "running":
            self._send("pause")
            self._set_state("paused")

    def toggle(self) -> None:
        """Train/Pause (F5): train when stopped or paused, pause when running."""
        if self.state == "running":
            self.pause()
        else:
            self.train()

    def step_epoch(self) -> None:
        self._step("step_epoch")

    def step_batch(self) -> None:
        self._step("step_batch")

    def stop(self) -> None:
        """End the run's worker; weights and history stay, Train continues from them."""
        self._halt(keep_weights=True)
        self._set_state("stopped")

    def reset_weights(self, undo_stack=None) -> None:
        """Stop, archive the run and put fresh weights for the seed (undoable if a stack
        is given)."""
        self._halt(keep_weights=False)
        doc = self.document
        if undo_stack is not None:
            from ui.commands import edit
            edit(undo_stack, doc, self.tr("Reset weights"), doc.reset_weights)
        else:
            doc.reset_weights()
        self.epoch = 0
        self.elapsed = self._elapsed_base = 0.0
        self._set_state("stopped")
        self.epoch_changed.emit(0)

    def shutdown(self) -> None:
        """Stop and join the worker and the timers (window closing, app quitting)."""
        self._halt(keep_weights=True)
        self._idle_timer.stop()
        self._set_state("stopped")

    def refresh_views(self) -> None:
        """Recompute the document's plot data (only when no worker owns the net)."""
        if self.worker_alive:
            return
        try:
            self.document.inspector.refresh()
        except Exception as exc:  # noqa: BLE001 - a broken plot must not break editing
            self.note.emit(str(exc))

    # -- worker lifecycle ---------------------------------------------------------------
    def _start_worker(self, paused: bool) -> None:
        doc = self.document
        train, test = doc.data.train, doc.data.test
        sample, extent = _plot_points(doc)
        has_test = test is not None and len(test.X) > 0
        job = Job(spec=doc.spec.to_dict(), weights=[(W.copy(), b.copy()) for W, b in doc.weights],
                  settings=replace(doc.settings), X=train.X, Y=train.Y,
                  X_test=test.X if has_test else None, Y_test=test.Y if has_test else None,
                  epoch=self.epoch, sample=sample, extent=extent, start_paused=paused)
        self._elapsed_base = self.elapsed
        self._edits_sent = 0  # a new worker starts from the document's weights
        self._ended, self._dead_pulls = False, 0
        if self._old_switch is None:
            self._old_switch = sys.getswitchinterval()
            sys.setswitchinterval(SWITCH_INTERVAL)
        if self.mode == "process":
            try:
                self._runner = ProcessRunner(job)
            except (OSError, RuntimeError, ValueError) as exc:
                self.note.emit(self.tr("Could not start the training process ({0}); training "
                                       "in a thread instead.").format(exc))
                self.mode = "thread"
        if self.mode != "process":
            self._runner = ThreadRunner(job)
        self._last_pull = None
        self._pull_timer.setInterval(PULL_MS)
        self._pull_timer.start()

    def _send(self, *cmd) -> None:
        if self._runner is not None and self.worker_alive:
            self._runner.send(cmd)

    def _step(self, kind: str) -> None:
        if not self.worker_alive:
            self._start_worker(paused=True)
        elif self.state == "running":
            self._send("pause")
        self._send(kind)
        self._set_state("paused")

    def _halt(self, keep_weights: bool) -> None:
        """Stop the worker (a stuck one is killed behind, never waited for), then apply
        the last snapshot it sent (weights only if asked)."""
        runner, self._runner = self._runner, None
        snap = runner.halt() if runner is not None else None
        self._pull_timer.stop()
        if self._old_switch is not None:
            sys.setswitchinterval(self._old_switch)
            self._old_switch = None
        if snap is not None:
            self._apply(snap, weights=keep_weights)

    # -- snapshots ------------------------------------------------------------------------
    def _pull(self) -> None:
        runner = self._runner
        if runner is None:
            self._pull_timer.stop()
            return
        self._pace()
        snap = runner.take()
        if snap is not None:
            self._apply(snap)
        if self._runner is runner and not runner.alive and not self._ended:
            code = runner.exit_code()  # known once the fork server reaped it: a few ms
            self._dead_pulls += 1
            if code is not None or self._dead_pulls > EXIT_STATUS_PULLS:
                self._worker_died(code)

    def _pace(self) -> None:
        """Space the looks out by what the GUI thread spent since the last one (applying
        a snapshot, painting, anything else): interval = CPU / GUI_SHARE, within
        PULL_MS ... MAX_PULL_MS, half-way there each time (one slow frame is no trend)."""
        now = (time.perf_counter(), time.thread_time())
        last, self._last_pull = self._last_pull, now
        if last is None or now[0] <= last[0]:
            return
        wanted = min(max(1000 * (now[1] - last[1]) / GUI_SHARE, PULL_MS), MAX_PULL_MS)
        ms = (self._pull_timer.interval() + wanted) / 2
        self._pull_timer.setInterval(math.ceil(ms) if wanted > ms else math.floor(ms))

    def _worker_died(self, code: int | None) -> None:
        """The worker ended without a word (killed, out of memory): say so, stop."""
        self._halt(keep_weights=True)
        self._set_state("stopped")
        if code is not None and code < 0:
            how = self.tr("killed by signal {0}").format(-code)
        elif code is not None:
            how = self.tr("exit code {0}").format(code)
        else:
            how = self.tr("no exit status")
        message = self.tr("The training process ended unexpectedly ({0}). Training stopped; "
                          "press Train to continue from the last weights.").format(how)
        self.failed.emit(message)
        self.note.emit(message)

    def _apply(self, snap: Snapshot, weights: bool = True) -> None:
        doc = self.document
        weights = weights and snap.edits >= self._edits_sent  # else taken before our edit
        if weights and _shapes_match(snap.weights, doc):
            doc.set_weights(snap.weights, reason="training")
        if snap.rows:
            doc.append_history(snap.rows)
        if weights and snap.views is not None:
            doc.inspector.set_views(snap.views)
        self.epoch = snap.epoch
        self.elapsed = self._elapsed_base + snap.seconds
        self.epoch_changed.emit(self.epoch)
        self.snapshot_applied.emit(snap)
        self._ended |= snap.status in FINAL
        if snap.status in ("diverged", "error"):
            QTimer.singleShot(0, lambda: self._finish(snap))
        elif snap.status == "limit":
            self._set_state("paused")
            if snap.message:  # only early stopping ends a run with a reason
                self.early_stopped.emit(snap.message)
            else:
                self.limit_reached.emit(snap.epoch)

    def _finish(self, snap: Snapshot) -> None:
        """The worker ended by itself (diverged or failed)."""
        self._halt(keep_weights=True)
        self._set_state("stopped")
        if snap.status == "diverged":
            self.diverged.emit(snap.message)
        else:
            self.failed.emit(snap.message)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            if state == "running":
                gc_pause.training_started()
            elif self.state == "running":
                gc_pause.training_stopped()
            self.state = state
            self.state_changed.emit(state)

    # -- document events ------------------------------------------------------------------
    def _on_weights_changed(self, reason: str) -> None:
        if reason == "training":
            return
        if self.worker_alive:
            # "edit" is a real weight edit (or its undo); settings undo emits no weights event
            if reason == "edit" and _shapes_match(self.document.weights, self.document):
                self._send("weights", [(W.copy(), b.copy()) for W, b in self.document.weights])
                self._edits_sent += 1
            return
        self._idle_timer.start()

    def _on_spec_changed(self) -> None:
        self._interrupt(self.tr("The network changed: training paused. Press Train to "
                                "continue with the new topology."))

    def _on_data_changed(self) -> None:
        self._interrupt(self.tr("The data changed: training paused. Press Train to continue."))

    def _interrupt(self, message: str) -> None:
        if self.worker_alive:
            was_running = self.state == "running"
            self._halt(keep_weights=False)
            self._set_state("paused" if self.epoch else "stopped")
            if was_running:
                self.note.emit(message)
        self._idle_timer.start()

    def _on_settings_changed(self, changed: set) -> None:
        if not self.worker_alive:
            return
        s = self.document.settings
        for name in changed:
            if name in LIVE_SETTINGS:
                self._send("set", name, getattr(s, name))
        if changed & set(REBUILD_SETTINGS):
            was_running = self.state == "running"
            self._halt(keep_weights=True)
            if was_running:
                self._start_worker(paused=False)
            else:
                self._set_state("paused" if self.epoch else "stopped")

    def _on_history_changed(self, rows) -> None:
        if rows is None and not self.worker_alive:  # a new run (reset, new data or layout)
            self.epoch = _last_epoch(self.document.history)
            self.elapsed = self._elapsed_base = 0.0
            self._set_state("stopped")
            self.epoch_changed.emit(self.epoch)

    def _on_reset(self) -> None:
        self._halt(keep_weights=False)
        self._set_state("stopped")
        self.epoch = _last_epoch(self.document.history)
        self.elapsed = self._elapsed_base = 0.0
        self.epoch_changed.emit(self.epoch)
        self._idle_timer.start()


def _last_epoch(history: list) -> int:
    if not history:
        return 0
    return int(history[-1].get("epoch", len(history)))


def _shapes_match(weights, document) -> bool:
    shapes = document.spec.weight_shapes()
    return len(weights) == len(shapes) and all(
        W.shape == ws and b.shape == bs for (W, b), (ws, bs) in zip(weights, shapes, strict=True))
