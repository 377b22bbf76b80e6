"""Files: the File menu (new, open, save, recent, examples, exports, screenshots),
the window title, unsaved-changes prompts and crash-recovery autosave.

``install(window)`` sets ``window.files`` (the :class:`FileManager`).
"""

from __future__ import annotations

from .manager import FileManager


def install(window) -> FileManager:
    manager = FileManager(window)
    window.files = manager
    # The unsaved-changes question must come before any other close hook (stopping
    # training...), so that "Cancel" really leaves everything as it was.
    window.on_close(manager.on_close, first=True)
    return manager
