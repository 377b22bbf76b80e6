"""The main window: canvas in the centre, docks around it, one Document behind it all.

Each area of the app installs itself from its own package (``install(window)``),
so the window only provides the frame: the document, the undo stack, menus,
the training toolbar, the status bar and dock bookkeeping.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar, QWidget

from simulator.document import Document

from . import help_dialogs
from .commands import UNDO_LIMIT
from .settings_store import WINDOW_GEOMETRY, WINDOW_STATE, app_settings

WINDOW_TITLE = "ANN Simulator — 인공신경망 시뮬레이터"
#: Bump when docks are added or renamed: an older saved layout is then ignored
#: instead of hiding the new docks.
LAYOUT_VERSION = 1
#: Redo on every platform: Windows' Ctrl+Y and the Mac/Linux Ctrl+Shift+Z.
REDO_KEYS = ("Ctrl+Y", "Ctrl+Shift+Z")


class MainWindow(QMainWindow):
    """Frame of the app. ``document`` stays the same object for the window's life:
    opening a project replaces its contents (``Document.replace_with``)."""

    def __init__(self, document: Document | None = None, parent: QWidget | None = None,
                 install_parts: bool = True):
        super().__init__(parent)
        self.setWindowTitle(WINDOW_TITLE)
        self.resize(1400, 880)
        self.document = document or Document()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.docks: dict[str, QDockWidget] = {}
        self._build_menus()
        self.train_toolbar = QToolBar(self.tr("Training"), self)
        self.train_toolbar.setObjectName("toolbar-training")
        self.addToolBar(Qt.TopToolBarArea, self.train_toolbar)
        self.statusBar().showMessage(self.tr("Ready"))
        self._close_hooks: list = []
        if install_parts:
            self._install_parts()
        if not self._restore_layout() and install_parts:
            self._arrange_docks()

    # -- frame ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.train_menu = bar.addMenu(self.tr("&Train"))
        self.help_menu = bar.addMenu(self.tr("&Help"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        # Spelled out: QKeySequence.Redo is Ctrl+Shift+Z on Linux, and the same sequence
        # twice on one action makes Qt refuse both as "ambiguous".
        redo.setShortcuts([QKeySequence(k) for k in REDO_KEYS])
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)
        self.edit_menu.addSeparator()
        self.docks_menu = self.view_menu.addMenu(self.tr("&Panels"))
        shortcuts = QAction(self.tr("&Keyboard Shortcuts"), self)
        shortcuts.triggered.connect(lambda _c=False: help_dialogs.show_shortcuts(self))
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(lambda _c=False: help_dialogs.show_about(self))
        self.help_menu.addAction(shortcuts)
        self.help_menu.addAction(about)

    def _install_parts(self) -> None:
        """Each area adds its widgets, docks, menu entries and toolbar actions."""
        from . import parts
        for install in parts.INSTALLERS:
            install(self)

    def _arrange_docks(self) -> None:
        """First-run layout (a saved one replaces it): data and palette share the left
        column above the hyperparameters, the output map and loss sit on the right, the
        layer-wise plots side by side below the canvas."""
        d = self.docks
        for first, second in (("data", "palette"), ("plot-loss", "properties")):
            if first in d and second in d:
                self.tabifyDockWidget(d[first], d[second])
        for key in ("palette", "plot-loss"):
            if key in d:
                d[key].raise_()
        QTimer.singleShot(0, self._size_docks)  # sizes apply once the window is laid out

    def _size_docks(self) -> None:
        d = self.docks
        sides = [(key, width) for key, width in (("data", 340), ("plot-output", 430))
                 if key in d]
        if sides:
            self.resizeDocks([d[k] for k, _ in sides], [w for _, w in sides], Qt.Horizontal)
        if "plot-activation" in d:
            self.resizeDocks([d["plot-activation"]], [290], Qt.Vertical)
        if "plot-output" in d and "plot-loss" in d:  # the decision map is the star: square-ish
            self.resizeDocks([d["plot-output"], d["plot-loss"]], [400, 260], Qt.Vertical)

    def add_dock(self, widget: QWidget, key: str, title: str,
                 area: Qt.DockWidgetArea = Qt.RightDockWidgetArea) -> QDockWidget:
        """Dock ``widget``; ``key`` names it for the saved layout and the View menu."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{key}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks_menu.addAction(dock.toggleViewAction())
        self.docks[key] = dock
        return dock

    def show_status(self, message: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def on_close(self, hook, first: bool = False) -> None:
        """``hook()`` runs when the window closes (stop workers, autosave...); a hook
        returning False vetoes the close. ``first`` puts it before the others, e.g. the
        unsaved-changes question, so that "Cancel" leaves everything running."""
        if first:
            self._close_hooks.insert(0, hook)
        else:
            self._close_hooks.append(hook)

    # -- layout persistence ------------------------------------------------------------
    def _restore_layout(self) -> bool:
        """Put back the saved geometry and docks; False when there was no usable layout."""
        s = app_settings()
        geometry, state = s.value(WINDOW_GEOMETRY), s.value(WINDOW_STATE)
        if geometry is not None:
            self.restoreGeometry(geometry)
        return state is not None and self.restoreState(state, LAYOUT_VERSION)

    def _save_layout(self) -> None:
        s = app_settings()
        s.setValue(WINDOW_GEOMETRY, self.saveGeometry())
        s.setValue(WINDOW_STATE, self.saveState(LAYOUT_VERSION))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        for hook in list(self._close_hooks):
            if hook() is False:  # a hook may veto (e.g. the user cancelled "unsaved changes")
                event.ignore()
                return
        self._save_layout()
        event.accept()
