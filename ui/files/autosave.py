"""Crash recovery: while there are unsaved changes, save a recovery copy every minute.

The copy lives in the app's data folder (QStandardPaths.AppDataLocation), next to a small
JSON note saying which file it belongs to. It is deleted after a clean save or a clean
close, so finding it at the next start means the app did not end normally.

The copy is written in a thread from a snapshot taken on the GUI thread: training keeps
the project unsaved, and encoding a 100,000-epoch history takes about a second, which
must not freeze the window once a minute.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from simulator import atomic
from simulator.errors import SimulatorError
from simulator.project import Project, load_project, save_project

INTERVAL_MS = 60_000


def recovery_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    if not base:  # pragma: no cover - no writable location on this system
        base = str(Path.home() / ".ann-sim")
    return Path(base) / "recovery"


def recovery_file() -> Path:
    return recovery_folder() / "recovery.annproj"


def _note_file() -> Path:
    return recovery_folder() / "recovery.json"


def pending_recovery() -> dict | None:
    """``{"file", "path", "saved_at"}`` when a recovery copy exists, else None."""
    if not recovery_file().is_file():
        return None
    note = {}
    try:
        note = json.loads(_note_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    return {"file": recovery_file(), "path": note.get("path") if isinstance(note, dict) else None,
            "saved_at": note.get("saved_at") if isinstance(note, dict) else None}


def discard_recovery() -> None:
    for f in (recovery_file(), _note_file()):
        try:
            f.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass


def load_recovery():
    """The recovered Project (ProjectError when the copy itself is unreadable)."""
    return load_project(recovery_file())


class Autosaver(QObject):
    """Writes the recovery copy every ``interval_ms`` while the document is dirty."""

    def __init__(self, document, parent: QObject | None = None,
                 interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.document = document
        #: Last error message (the app keeps working; the status bar may show it).
        self.last_error = ""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        self._thread: threading.Thread | None = None

    def save_now(self) -> bool:
        """Start writing the recovery copy if there are unsaved changes (and no copy is
        being written); True when started. :meth:`wait` waits for it."""
        doc = self.document
        if not doc.dirty or self.busy:
            return False
        try:
            project = Project.from_document(doc)
        except SimulatorError as exc:
            self.last_error = str(exc)
            return False
        note = {"path": str(doc.path) if doc.path else None,
                "saved_at": time.strftime("%Y-%m-%d %H:%M:%S")}
        self._thread = threading.Thread(target=self._write, args=(project, note),
                                        name="autosave", daemon=True)
        self._thread.start()
        return True

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self) -> bool:
        """Wait for a copy being written; True when the last one was written."""
        if self._thread is not None:
            self._thread.join()
        return not self.last_error

    def _write(self, project: Project, note: dict) -> None:
        """The thread's work: files only, no Qt."""
        try:
            recovery_folder().mkdir(parents=True, exist_ok=True)
            save_project(project, recovery_file())
            atomic.write_text(_note_file(), json.dumps(note))
        except (SimulatorError, OSError) as exc:
            self.last_error = str(exc)
            return
        self.last_error = ""

    def discard(self) -> None:
        """Remove the recovery copy (after a copy being written is finished)."""
        self.wait()
        discard_recovery()

    def stop(self) -> None:
        self.timer.stop()
        self.wait()
