"""Where the training loop runs: a separate process (default) or a thread.

Both runners give the controller the same four things: ``send(cmd)``,
``take()`` (the newest snapshot or None; never more than one waits), ``alive``
and ``halt()`` (stop and join; always returns). Qt-free.

Why a process by default: on a 2-core machine a Python training thread and the
GUI thread share one GIL. Every C++ call the GUI makes while painting releases
and re-takes it, waiting behind the training loop each time; measured here,
the plots painted at 5 frames/s and training kept 40-50% of its speed. A child
process has its own interpreter: the GUI keeps its frame rate and training keeps
~95% of its headless speed. The child is forked from a clean fork server that
has NumPy and the engine preloaded (``forkserver``), so a start costs ~20 ms and
never copies the Qt process; ``spawn`` is the fallback where forkserver is not
available.

Channel (process): commands go through a ``multiprocessing.Queue`` plus a shared
counter the loop reads between batches (a memory read, not a system call);
snapshots come back through a pipe, sent only while the shared ``free`` flag says
the GUI consumed the previous one (state changes are always sent; rows merge).
A relay thread in the GUI process receives them into a :class:`SnapshotSlot`.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import queue
import sys
import threading

from .loop import Job, Snapshot, SnapshotSlot, TrainingLoop

_CTX = None


def _context():
    global _CTX
    if _CTX is None:
        methods = mp.get_all_start_methods()
        if "forkserver" in methods:
            _CTX = mp.get_context("forkserver")
            _CTX.set_forkserver_preload(["numpy", "simulator.network", "simulator.trainer",
                                         "simulator.training.loop"])
        else:
            _CTX = mp.get_context("spawn")
    return _CTX


class ThreadRunner:
    """The loop in a Python thread of this process."""

    def __init__(self, job: Job) -> None:
        self.slot = SnapshotSlot()
        self._commands: queue.Queue = queue.Queue()
        self._loop = TrainingLoop(job, self._commands, self.slot)
        self._thread = threading.Thread(target=self._loop.run, name="training", daemon=True)
        self._thread.start()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def send(self, cmd: tuple) -> None:
        self._commands.put(cmd)

    def take(self) -> Snapshot | None:
        return self.slot.take()

    def halt(self) -> None:
        self._loop.stop_flag.set()
        self._commands.put(("stop",))
        self._thread.join(timeout=30)


# -- process ---------------------------------------------------------------------------
class _ChildCommands:
    """Child side of the command channel: a cheap "anything new?" test, then the Queue."""

    def __init__(self, q, counter) -> None:
        self.q, self.counter, self.seen = q, counter, 0

    def empty(self) -> bool:
        return self.counter.value == self.seen

    def get_nowait(self):
        item = self.q.get_nowait()
        self.seen += 1
        return item

    def get(self, timeout=None):
        item = self.q.get(timeout=timeout)
        self.seen += 1
        return item


class _ChildSlot:
    """Child side of the snapshot channel."""

    def __init__(self, conn, free) -> None:
        self.conn, self.free = conn, free

    def empty(self) -> bool:
        return self.free.value == 1

    def put(self, snap: Snapshot) -> None:
        self.free.value = 0
        self.conn.send(snap)


def _child_main(job: Job, q, counter, conn, free) -> None:
    """Entry point of the training process."""
    try:
        TrainingLoop(job, _ChildCommands(q, counter), _ChildSlot(conn, free)).run()
    finally:
        conn.close()


@contextlib.contextmanager
def _main_module_hidden():
    """Start the child without re-running ``__main__`` in it.

    multiprocessing re-imports the parent's main module in the child; a script that
    opens the window without an ``if __name__ == "__main__":`` guard would then open
    another one there. The child needs nothing from ``__main__`` (its entry point is
    :func:`_child_main`), so hide it while the start data are taken.
    """
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    missing = object()
    saved = {k: main.__dict__.get(k, missing) for k in ("__file__", "__spec__")}
    main.__dict__.pop("__file__", None)
    main.__spec__ = None
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is missing:
                main.__dict__.pop(k, None)
            else:
                main.__dict__[k] = v


class ProcessRunner:
    """The loop in a child process; see the module docstring."""

    def __init__(self, job: Job) -> None:
        ctx = _context()
        self.slot = SnapshotSlot()
        self._q = ctx.Queue()
        self._counter = ctx.RawValue("q", 0)
        self._free = ctx.RawValue("b", 1)
        recv, send = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_child_main, name="ann-sim-training", daemon=True,
                                 args=(job, self._q, self._counter, send, self._free))
        with _main_module_hidden():
            self._proc.start()
        send.close()  # the child holds the only writer: EOF reaches us when it exits
        self._recv = recv
        self._relay = threading.Thread(target=self._relay_main, name="training-relay",
                                       daemon=True)
        self._relay.start()

    def _relay_main(self) -> None:
        while True:
            try:
                snap = self._recv.recv()
            except (EOFError, OSError):
                break
            self.slot.put(snap)

    @property
    def alive(self) -> bool:
        return self._proc.is_alive() or self._relay.is_alive() or not self.slot.empty()

    def send(self, cmd: tuple) -> None:
        if self._proc.is_alive():
            self._q.put(cmd)
            self._counter.value += 1

    def take(self) -> Snapshot | None:
        snap = self.slot.take()
        if snap is not None:
            self._free.value = 1
        return snap

    def halt(self) -> None:
        self.send(("stop",))
        self._proc.join(timeout=10)
        if self._proc.is_alive():  # a batch that never ends: do not hang the GUI
            self._proc.terminate()
            self._proc.join(timeout=5)
        self._relay.join(timeout=5)
        self._recv.close()
        self._q.cancel_join_thread()
        self._q.close()
