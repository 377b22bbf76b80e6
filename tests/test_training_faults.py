"""Faults around the training process: its owner killed (no orphan), the child killed,
stopped (SIGSTOP) or raising inside a step, and nobody consuming its snapshots.

The time bounds below are generous correctness checks ("it ends", "it does not hang"),
not timing measurements."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from simulator.document import Document
from simulator.settings import DataSource, TrainingSettings
from simulator.training import loop, runner
from simulator.training.loop import Job
from simulator.training.runner import ProcessRunner, ThreadRunner

ROOT = Path(__file__).resolve().parents[1]
XOR_SPEC = {"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                    {"units": 1, "activation": "sigmoid"}]}

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def xor_document() -> Document:
    return Document(spec=XOR_SPEC, settings=TrainingSettings(loss="mse", learning_rate=1.0,
                                                             batch_size=4, seed=1),
                    data_source=DataSource(name="xor_gate", train_ratio=1.0))


def xor_job(Y: np.ndarray | None = None) -> Job:
    doc = xor_document()
    train = doc.data.train
    return Job(spec=doc.spec.to_dict(), weights=doc.weights, settings=doc.settings,
               X=train.X, Y=train.Y if Y is None else Y, X_test=None, Y_test=None)


def gone(pid: int) -> bool:
    """No such process, or a zombie (it runs no more and holds no memory; who reaps
    an orphan depends on the machine's init)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def wait_until(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def take_until(r, predicate, seconds: float = 20.0) -> list:
    """Snapshots taken until one satisfies ``predicate``."""
    snaps, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        snap = r.take()
        if snap is not None:
            snaps.append(snap)
            if predicate(snap):
                return snaps
        time.sleep(0.01)
    raise AssertionError(f"no such snapshot within {seconds} s; got {len(snaps)}")


OWNER_SCRIPT = textwrap.dedent("""
    import time
    import multiprocessing.forkserver as forkserver
    from tests.test_training_faults import xor_job
    from simulator.training.runner import ProcessRunner
    r = ProcessRunner(xor_job())
    while r.take() is None:  # training runs
        time.sleep(0.01)
    print(r._proc.pid, forkserver._forkserver._forkserver_pid, flush=True)
    time.sleep(120)  # never takes another snapshot: the child must not pile them up either
""")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_training_process_ends_with_its_owner(tmp_path, sig):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    owner = subprocess.Popen([sys.executable, "-c", OWNER_SCRIPT], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    pids: list[int] = []
    try:
        pids += (int(v) for v in owner.stdout.readline().split())
        child, server = pids
        assert not gone(child) and not gone(server)
        time.sleep(0.3)
        owner.send_signal(sig)
        owner.wait(timeout=10)
        assert wait_until(lambda: gone(child), 5), "the training process outlived its owner"
        assert wait_until(lambda: gone(server), 5), "the fork server outlived its owner"
    finally:
        owner.kill()
        owner.wait()
        for pid in pids:  # no orphan from a failed run either
            if not gone(pid):
                os.kill(pid, signal.SIGKILL)


def test_rows_wait_in_a_bounded_backlog_when_nobody_takes_them(monkeypatch):
    monkeypatch.setattr(loop, "MAX_PENDING_ROWS", 40)
    r = ThreadRunner(xor_job())
    try:
        rows = [row["epoch"] for snap in take_until(r, lambda s: s.epoch > 0)
                for row in snap.rows]
        time.sleep(0.3)  # nobody takes: the loop stops at the bound
        assert len(r._loop.rows) <= 40
        stuck = r._loop.epoch
        time.sleep(0.2)
        assert r._loop.epoch == stuck
        # a consumer again: training goes on, and not one row went missing
        snaps = take_until(r, lambda s: s.epoch > stuck + 100)
        rows += [row["epoch"] for snap in snaps for row in snap.rows]
        assert rows == list(range(1, len(rows) + 1))
    finally:
        r.halt()


def test_halt_returns_the_final_snapshot_with_every_row(monkeypatch):
    monkeypatch.setattr(runner, "HALT_WAIT", 10.0)  # a busy machine may be slow to answer
    r = ProcessRunner(xor_job())
    snaps = take_until(r, lambda s: s.epoch >= 50)
    last = r.halt()
    assert last is not None and last.status == "stopped"
    rows = [row["epoch"] for snap in [*snaps, last] for row in snap.rows]
    assert rows == list(range(1, last.epoch + 1))
    assert r.join(10) and gone(r.pid) and r._proc.exitcode == 0


def test_a_stopped_child_is_halted_quickly_and_killed_behind(monkeypatch):
    monkeypatch.setattr(runner, "STOP_GRACE", 0.3)
    r = ProcessRunner(xor_job())
    take_until(r, lambda s: s.epoch >= 5)
    os.kill(r.pid, signal.SIGSTOP)
    try:
        t0 = time.monotonic()
        r.halt()
        assert time.monotonic() - t0 < 1.0  # returns at once (old code: 15 s)
        assert wait_until(lambda: gone(r.pid), 10), "the stopped child was never killed"
        assert r.join(10) and r._proc.exitcode == -signal.SIGKILL  # reaped
    finally:
        if not gone(r.pid):
            os.kill(r.pid, signal.SIGKILL)


def test_an_exception_inside_a_step_is_reported_from_the_process():
    doc = xor_document()
    r = ProcessRunner(xor_job(Y=np.zeros((len(doc.data.train.X), 3), np.float32)))
    snap = take_until(r, lambda s: s.status == "error")[-1]
    assert "Error" in snap.message.splitlines()[0]
    assert wait_until(lambda: (r.take(), not r.alive)[1], 10)
    assert r.halt() is None
    assert r.join(10) and r._proc.exitcode == 0


# -- through the app's controller -------------------------------------------------------
@pytest.fixture
def controller(qtbot):
    from ui.training.controller import TrainingController
    ctl = TrainingController(xor_document(), mode="process")
    yield ctl
    ctl.shutdown()


def test_a_killed_child_is_reported_and_train_works_again(qtbot, controller):
    ctl, doc = controller, controller.document
    ctl.train()
    qtbot.waitUntil(lambda: ctl.epoch >= 10, timeout=20000)
    pid = ctl._runner._proc.pid
    with qtbot.waitSignal(ctl.failed, timeout=10000) as blocker:
        os.kill(pid, signal.SIGKILL)
    assert "killed by signal 9" in blocker.args[0]
    assert "press Train" in blocker.args[0]
    assert ctl.state == "stopped" and not ctl.worker_alive
    n = len(doc.history)
    assert [row["epoch"] for row in doc.history] == list(range(1, n + 1))
    ctl.train()  # a new child, from the last weights the document received
    qtbot.waitUntil(lambda: len(doc.history) >= n + 20, timeout=20000)
    assert ctl.state == "running" and ctl._runner._proc.pid != pid
    assert [row["epoch"] for row in doc.history] == list(range(1, len(doc.history) + 1))


def test_stop_with_a_stopped_child_does_not_block_the_gui(qtbot, controller):
    ctl = controller
    ctl.train()
    qtbot.waitUntil(lambda: ctl.epoch >= 10, timeout=20000)
    proc = ctl._runner._proc
    os.kill(proc.pid, signal.SIGSTOP)
    try:
        t0 = time.monotonic()
        ctl.stop()
        assert time.monotonic() - t0 < 1.0  # old code: ~15 s on the GUI thread
        assert ctl.state == "stopped" and not ctl.worker_alive
        qtbot.waitUntil(lambda: gone(proc.pid), timeout=15000)
    finally:
        if not gone(proc.pid):
            os.kill(proc.pid, signal.SIGKILL)


def test_an_exception_inside_a_step_is_reported_and_train_works_again(qtbot, monkeypatch):
    """Thread mode, so the fault can be planted in the engine this process runs."""
    from simulator.trainer import Trainer
    from ui.training.controller import TrainingController
    real = Trainer.iter_batches

    def failing(self, *args, **kwargs):
        for k, item in enumerate(real(self, *args, **kwargs)):
            if k == 40:
                raise FloatingPointError("planted fault in batch 41")
            yield item

    monkeypatch.setattr(Trainer, "iter_batches", failing)
    doc = xor_document()
    ctl = TrainingController(doc, mode="thread")
    try:
        with qtbot.waitSignal(ctl.failed, timeout=10000) as blocker:
            ctl.train()
        assert blocker.args[0].startswith("FloatingPointError: planted fault")
        assert ctl.state == "stopped" and not ctl.worker_alive
        n = len(doc.history)  # the epochs before the fault stay, in order
        assert 0 < n <= 40 and [row["epoch"] for row in doc.history] == list(range(1, n + 1))
        monkeypatch.setattr(Trainer, "iter_batches", real)
        ctl.train()
        qtbot.waitUntil(lambda: len(doc.history) >= 30, timeout=20000)
        assert [row["epoch"] for row in doc.history] == list(range(1, len(doc.history) + 1))
    finally:
        ctl.shutdown()
