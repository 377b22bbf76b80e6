"""Where the training loop runs: a separate process (default) or a thread.

Both runners give their owner the same things: ``send(cmd)``; ``take()``, the
newest snapshot or None (rows of older ones merged into it), which never blocks;
``alive``; ``halt()``, which stops the loop, returns its last snapshot within
:data:`HALT_WAIT` seconds and never blocks longer; and ``exit_code()``, how a loop
that ended without a final snapshot ended. Qt-free: the GUI's controller and the
grid search's processes use them alike.

Why a process by default: on a 2-core machine a Python training thread and the
GUI thread share one GIL. Every C++ call the GUI makes while painting releases
and re-takes it, waiting behind the training loop each time; measured here,
the plots painted at 5 frames/s and training kept 40-50% of its speed. A child
process has its own interpreter: the GUI keeps its frame rate and training keeps
~90% of its headless speed. The child is forked from a clean fork server that
has NumPy and the engine preloaded (``forkserver``), so a start costs ~20 ms and
never copies the Qt process; ``spawn`` is the fallback where forkserver is not
available.

Channels (process). Snapshots: one newest-wins mailbox, a pipe plus a shared
``free`` byte. The loop sends a running snapshot only while ``free`` says the
owner took the previous one (state changes always), so at most one waits in the
pipe; the owner's ``take()`` reads whatever has arrived without blocking (its
own framing over a non-blocking pipe, enlarged to 1 MiB so a snapshot goes in
one write), keeps the newest, merges the rows and frees the mailbox. There is no
relay thread: the GUI's timer is the one consumer and the one throttle.
Commands: a second pipe, read in the child by a small thread into the loop's
``queue.Queue``. Only the owner holds its writing end, so when the owner dies
(SIGKILL, SIGTERM, a crash) the thread reads EOF and the child exits at once;
the fork server, the child's real parent, notices its client's death too and
exits, so nothing is left behind. Nobody consuming while the owner lives only
pauses the loop (``loop.MAX_PENDING_ROWS``); memory stays bounded either way.

Halting: ``halt()`` sends "stop" and waits at most :data:`HALT_WAIT` for the final
snapshot (a loop answers at its next batch boundary, usually within a millisecond).
A background thread then waits for the child to exit, escalating to SIGTERM after
:data:`STOP_GRACE` seconds and to SIGKILL (which also ends a SIGSTOPped child)
after as long again, and reaps it: the caller's thread never waits on a stuck child.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import pickle
import queue
import select
import signal
import struct
import sys
import threading
import time

from .loop import FINAL, Job, Snapshot, SnapshotSlot, TrainingLoop, merge

#: Longest time ``halt()`` waits for the loop's final snapshot (the GUI thread calls it).
HALT_WAIT = 0.1
#: Seconds a halted child has to exit by itself before SIGTERM, then again before SIGKILL.
STOP_GRACE = 1.0
#: Longest time one ``take()`` waits for the rest of a snapshot already arriving.
READ_BUDGET = 0.01
#: Pipe buffer for snapshots (Linux caps it at /proc/sys/fs/pipe-max-size, 1 MiB).
PIPE_SIZE = 1 << 20
#: Bytes asked of one read (os.read allocates that much before it knows what came).
READ_CHUNK = 1 << 16
_HEADER = struct.Struct("!Q")  # length of the pickled snapshot that follows
#: Windows pipes carry whole messages (and cannot be read without blocking): there the
#: Connection API frames the snapshots.
_WINDOWS = os.name == "nt"

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


class _Commands(queue.Queue):
    """The loop's command queue; it asks ``empty()`` after every batch."""

    def empty(self) -> bool:
        return not self.queue  # without the lock: a deque's length reads atomically (10x)


class ThreadRunner:
    """The loop in a Python thread of this process."""

    def __init__(self, job: Job) -> None:
        self.slot = SnapshotSlot()
        self._commands = _Commands()
        self._loop = TrainingLoop(job, self._commands, self.slot)
        self._thread = threading.Thread(target=self._loop.run, name="training", daemon=True)
        self._thread.start()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive() or not self.slot.ready()

    def send(self, cmd: tuple) -> None:
        self._commands.put(cmd)

    def take(self) -> Snapshot | None:
        return self.slot.take()

    def exit_code(self) -> int | None:
        return None  # a thread has none (and run() reports every exception it meets)

    def halt(self) -> Snapshot | None:
        """Stop; a thread cannot be killed, so one stuck in a batch ends after it, unseen."""
        self._loop.stop_flag.set()
        self._commands.put(("stop",))
        self._thread.join(timeout=HALT_WAIT)
        return self.slot.take()


# -- process ---------------------------------------------------------------------------
class _Mailbox:
    """Child side of the snapshot channel (the loop's outbox)."""

    def __init__(self, conn, free) -> None:
        self.fd, self.free = conn.fileno(), free
        self._conn = conn  # keeps the descriptor open

    def ready(self) -> bool:
        return self.free.value == 1

    def put(self, snap: Snapshot) -> None:
        data = pickle.dumps(snap, protocol=pickle.HIGHEST_PROTOCOL)
        self.free.value = 0
        try:
            if _WINDOWS:
                self._conn.send_bytes(data)
                return
            view = memoryview(_HEADER.pack(len(data)) + data)
            while view:
                view = view[os.write(self.fd, view):]
        except OSError:  # BrokenPipeError: the owner is gone
            os._exit(0)


def _read_commands(conn, commands: queue.Queue) -> None:
    """Child thread: commands into the loop's queue; EOF means the owner died."""
    while True:
        try:
            cmd = conn.recv()
        except (EOFError, OSError):
            os._exit(0)  # nobody will ever read our snapshots: do not train on
        commands.put(cmd)


def _child_main(job: Job, commands_conn, snaps_conn, free) -> None:
    """Entry point of the training process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the owner to decide
    commands = _Commands()
    threading.Thread(target=_read_commands, args=(commands_conn, commands),
                     name="training-commands", daemon=True).start()
    TrainingLoop(job, commands, _Mailbox(snaps_conn, free)).run()


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
        self._free = ctx.RawValue("b", 1)
        cmd_r, self._cmd_w = ctx.Pipe(duplex=False)
        self._snap_r, snap_w = ctx.Pipe(duplex=False)
        if not _WINDOWS:
            import fcntl
            for conn in (self._cmd_w, snap_w):  # bigger pipes: fewer blocked writes
                with contextlib.suppress(OSError, AttributeError):
                    fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, PIPE_SIZE)
        self._proc = ctx.Process(target=_child_main, name="ann-sim-training", daemon=True,
                                 args=(job, cmd_r, snap_w, self._free))
        with _main_module_hidden():
            self._proc.start()
        cmd_r.close()  # the child holds the only reader and the only writer it needs:
        snap_w.close()  # EOF reaches each side when the other one is gone
        if not _WINDOWS:
            os.set_blocking(self._snap_r.fileno(), False)
        self._buf = bytearray()
        self._pending: Snapshot | None = None
        self._eof = False
        self._finished = False  # the loop sent its last snapshot (loop.FINAL)
        self._reaper: threading.Thread | None = None

    @property
    def pid(self) -> int | None:
        return self._proc.pid

    @property
    def alive(self) -> bool:
        """Snapshots may still come (the child's end of the pipe is open) or wait here."""
        return not self._eof or self._pending is not None

    def send(self, cmd: tuple) -> None:
        if self._eof or self._cmd_w.closed:
            return
        try:
            self._cmd_w.send(cmd)
        except OSError:  # the child is gone; take() sees the EOF
            pass

    def take(self) -> Snapshot | None:
        if self._reaper is not None:  # halted: the reaper owns the pipe
            return None
        self._read(0.0)
        snap, self._pending = self._pending, None
        return snap

    def exit_code(self) -> int | None:
        """The child's exit code once it ended and was reaped (negative: the signal that
        killed it), else None; never waits."""
        return self._proc.exitcode

    def halt(self) -> Snapshot | None:
        """Stop the loop; the last snapshot within HALT_WAIT, the child reaped behind."""
        if self._reaper is not None:
            return None
        self.send(("stop",))
        deadline = time.perf_counter() + HALT_WAIT
        while not (self._finished or self._eof):
            left = deadline - time.perf_counter()
            if left <= 0:
                break
            self._read(left)
        snap, self._pending = self._pending, None
        self._reaper = threading.Thread(target=self._reap, name="training-reaper", daemon=True)
        self._reaper.start()
        return snap

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the reaper after ``halt()`` (tests, scripts); True when the child is gone."""
        if self._reaper is not None:
            self._reaper.join(timeout)
        return self._proc.exitcode is not None

    # -- internals ------------------------------------------------------------------------
    def _read(self, wait: float) -> None:
        """Read what has arrived into ``_pending`` without blocking; with ``wait`` > 0,
        wait up to that long for a snapshot. The rest of a snapshot already arriving is
        waited for up to READ_BUDGET (a child stopped mid-write cannot hold us)."""
        if _WINDOWS:
            return self._read_messages(wait)
        fd = self._snap_r.fileno()
        now = time.perf_counter()
        end, partial_end = now + wait, now + READ_BUDGET
        got = False
        while not self._eof:
            try:
                chunk = os.read(fd, READ_CHUNK)
            except BlockingIOError:
                chunk = None
            except OSError:
                chunk = b""
            if chunk == b"":
                self._eof = True
            elif chunk:
                self._buf += chunk
                while len(self._buf) >= _HEADER.size:  # complete snapshots out of the buffer
                    end_of = _HEADER.size + _HEADER.unpack_from(self._buf)[0]
                    if len(self._buf) < end_of:
                        break
                    self._arrived(self._buf[_HEADER.size:end_of])
                    del self._buf[:end_of]
                    got = True
            else:
                now = time.perf_counter()
                limit = max(end, partial_end) if self._buf else end
                if now >= limit or (got and not self._buf):
                    return
                select.select([fd], [], [], limit - now)

    def _read_messages(self, wait: float) -> None:
        """Windows: a message pipe, so poll() says a whole snapshot can be read."""
        got = False
        try:
            while not self._eof and self._snap_r.poll(0.0 if got else wait):
                self._arrived(self._snap_r.recv_bytes())
                got = True
        except (EOFError, OSError):
            self._eof = True

    def _arrived(self, data) -> None:
        snap = pickle.loads(data)
        self._pending = merge(self._pending, snap)
        self._finished |= snap.status in FINAL
        self._free.value = 1

    def _reap(self) -> None:
        """Background: wait for the child to exit (terminate, then kill), then reap it.
        What it still sends is read and dropped, so a full pipe cannot hold it up."""
        proc = self._proc
        for escalate in (proc.terminate, proc.kill):
            end = time.perf_counter() + STOP_GRACE
            while not self._eof and (left := end - time.perf_counter()) > 0:
                self._read(left)
                self._pending = None
            proc.join(max(0.0, end - time.perf_counter()))
            if proc.exitcode is not None:
                break
            escalate()
        proc.join()
        self._cmd_w.close()
        self._snap_r.close()
