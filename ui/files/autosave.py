"""Crash recovery: while there are unsaved changes, save a recovery copy every minute.

The copy lives in the app's data folder (QStandardPaths.AppDataLocation), next to a small
JSON note saying which file it belongs to. It is deleted after a clean save or a clean
close, so finding it at the next start means the app did not end normally.
"""

from __future__ import annotations

import json
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

    def save_now(self) -> bool:
        """Save the recovery copy if there are unsaved changes; True when written."""
        doc = self.document
        if not doc.dirty:
            return False
        try:
            folder = recovery_folder()
            folder.mkdir(parents=True, exist_ok=True)
            save_project(Project.from_document(doc), recovery_file())
            atomic.write_text(_note_file(), json.dumps({
                "path": str(doc.path) if doc.path else None,
                "saved_at": time.strftime("%Y-%m-%d %H:%M:%S")}))
        except (SimulatorError, OSError) as exc:
            self.last_error = str(exc)
            return False
        self.last_error = ""
        return True

    def stop(self) -> None:
        self.timer.stop()
