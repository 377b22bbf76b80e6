"""The real main window for tests: shown, with docks opened, closing it asks nothing."""

from __future__ import annotations


def shown_window(qtbot, document=None, docks=(), size=None):
    """A MainWindow of ``document`` (a new one if None), registered with ``qtbot``, its
    "save changes?" question answered "discard", resized to ``size`` if given, shown,
    and the docks named in ``docks`` opened (``MainWindow.docks``)."""
    from ui.main_window import MainWindow
    w = MainWindow(document) if document is not None else MainWindow()
    qtbot.addWidget(w)
    w.files.ask_unsaved = lambda: "discard"
    if size is not None:
        w.resize(*size)
    w.show()
    for name in docks:
        w.docks[name].show()
    return w
