"""The main window: canvas in the centre, docks around it, one Document behind it all.

Each area of the app installs itself from its own package (``install(window)``),
so the window only provides the frame: the document, the undo stack, menus,
the training toolbar, the status bar and dock bookkeeping.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QToolBar, QWidget

from simulator.document import Document

from . import help_dialogs, i18n
from .commands import UNDO_LIMIT
from .retranslate import follow_language
from .settings_store import LANGUAGE, WINDOW_GEOMETRY, WINDOW_STATE, app_settings

WINDOW_TITLE = "ANN Simulator — 인공신경망 시뮬레이터"
#: Bump when docks are added or renamed: an older saved layout is then ignored
#: instead of hiding the new docks.
LAYOUT_VERSION = 2
#: Default window size where the screen has room; smaller screens get their available area.
DEFAULT_SIZE = (1840, 1040)
#: Screens at least this wide put the layer-wise plots side by side under the canvas;
#: narrower ones (a 1366 x 768 laptop) tab them, so each plot keeps a readable width.
WIDE_SCREEN = 1700
#: The docks that each start a group in their area, in order; any other dock (including
#: docks other parts add later) is tabbed onto the last group of its area.
DOCK_GROUPS = {Qt.LeftDockWidgetArea: ("data",),
               Qt.RightDockWidgetArea: ("plot-output", "plot-loss"),
               Qt.BottomDockWidgetArea: ("plot-activation", "plot-gradients", "plot-weights")}
#: The dock shown in front of each tab group at first.
FRONT_DOCKS = ("data", "plot-output", "plot-loss", "plot-activation")
#: Widths of the side columns: (narrow screen, wide screen).
SIDE_WIDTHS = {"data": (340, 380), "plot-output": (400, 520)}
#: Redo on every platform: Windows' Ctrl+Y and the Mac/Linux Ctrl+Shift+Z.
REDO_KEYS = ("Ctrl+Y", "Ctrl+Shift+Z")


class MainWindow(QMainWindow):
    """Frame of the app. ``document`` stays the same object for the window's life:
    opening a project replaces its contents (``Document.replace_with``)."""

    def __init__(self, document: Document | None = None, parent: QWidget | None = None,
                 install_parts: bool = True):
        super().__init__(parent)
        self.setWindowTitle(WINDOW_TITLE)
        # Side columns run the full height; the bottom plots sit under the canvas only.
        self.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)
        self.setCorner(Qt.BottomRightCorner, Qt.RightDockWidgetArea)
        self.setDockOptions(self.dockOptions() | QMainWindow.GroupedDragging)
        self.resize(*self.default_size())
        self.document = document or Document()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.docks: dict[str, QDockWidget] = {}
        self._home_areas: dict[str, Qt.DockWidgetArea] = {}
        #: Docks the default layout keeps closed (see add_dock).
        self._start_hidden: set[str] = set()
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
        undo, redo = self._undo_actions()
        undo.setShortcut(QKeySequence.Undo)
        # Spelled out: QKeySequence.Redo is Ctrl+Shift+Z on Linux, and the same sequence
        # twice on one action makes Qt refuse both as "ambiguous".
        redo.setShortcuts([QKeySequence(k) for k in REDO_KEYS])
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)
        self.edit_menu.addSeparator()
        self.docks_menu = self.view_menu.addMenu(self.tr("&Panels"))
        shortcuts = QAction(self.tr("&Keyboard Shortcuts"), self)
        shortcuts.triggered.connect(lambda _c=False: help_dialogs.show_shortcuts(self))
        self._build_language_menu()
        reset = QAction(self.tr("&Reset layout"), self)
        reset.setObjectName("action-reset-layout")
        reset.triggered.connect(self.reset_layout)
        self.view_menu.addAction(reset)
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(lambda _c=False: help_dialogs.show_about(self))
        self.help_menu.addAction(shortcuts)
        self.help_menu.addAction(about)

    def _build_language_menu(self) -> None:
        """View > Language: switches at once (``i18n.switch``) and is remembered."""
        menu = self.view_menu.addMenu(self.tr("&Language"))
        current = i18n.current_language()
        for lang, label in (("en", "English"), ("ko", "한국어")):
            action = menu.addAction(label)
            action.setObjectName(f"action-language-{lang}")
            action.setCheckable(True)
            action.setChecked(lang == current)
            action.triggered.connect(lambda _=False, lang=lang: self.choose_language(lang))
        self.language_menu = menu

    def choose_language(self, lang: str) -> bool:
        """Show the interface in ``lang`` now and from the next start; True when it changed.
        The document, its undo history, a training run (it keeps running), the runs and
        the layout stay as they are: only texts change."""
        app_settings().setValue(LANGUAGE, lang)
        for action in self.language_menu.actions():
            action.setChecked(action.objectName() == f"action-language-{lang}")
        return i18n.switch(QApplication.instance(), lang)

    def _undo_actions(self) -> tuple[QAction, QAction]:
        """Edit > Undo / Redo named after the next command; made here rather than by
        QUndoStack.createUndoAction, whose "Undo" prefix cannot change language."""
        undo, redo = QAction(self), QAction(self)
        stack = self.undo_stack
        undo.triggered.connect(stack.undo)
        redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(lambda _t: self._name_undo_actions())
        stack.redoTextChanged.connect(lambda _t: self._name_undo_actions())
        self._undo, self._redo = undo, redo
        self._name_undo_actions()
        follow_language(self, self._name_undo_actions)
        return undo, redo

    def _name_undo_actions(self) -> None:
        stack = self.undo_stack
        if not all(shiboken6.isValid(o) for o in (self, stack, self._undo, self._redo)):
            return  # the window is going away
        for action, prefix, text, can in (
                (self._undo, self.tr("&Undo"), stack.undoText(), stack.canUndo()),
                (self._redo, self.tr("&Redo"), stack.redoText(), stack.canRedo())):
            action.setText(f"{prefix} {text}" if text else prefix)
            action.setEnabled(can)

    def _install_parts(self) -> None:
        """Each area adds its widgets, docks, menu entries and toolbar actions."""
        from . import parts
        for install in parts.INSTALLERS:
            install(self)

    def default_size(self) -> tuple[int, int]:
        """DEFAULT_SIZE, shrunk to the screen's available area (taskbar excluded)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return DEFAULT_SIZE
        avail = screen.availableGeometry()
        return min(DEFAULT_SIZE[0], avail.width()), min(DEFAULT_SIZE[1], avail.height())

    def _wide(self) -> bool:
        return self.width() >= WIDE_SCREEN

    def _arrange_docks(self) -> None:
        """Default layout (a saved one replaces it): the data, hyperparameters and layer
        palette tabbed in the left column, the output map above the loss on the right, the
        layer-wise plots under the canvas (side by side on wide screens, tabbed on
        laptops). A dock another part adds joins the last group of its area as a tab."""
        groups: dict = {}
        for key, dock in self.docks.items():
            area = self._home_areas[key]
            dock.setFloating(False)
            dock.setVisible(key not in self._start_hidden)
            groups.setdefault(area, []).append(key)
        for area, keys in groups.items():
            leaders = [k for k in DOCK_GROUPS[area] if k in keys]
            if area == Qt.BottomDockWidgetArea and not self._wide():
                leaders = leaders[:1]
            leaders = leaders or keys[:1]
            orientation = Qt.Horizontal if area == Qt.BottomDockWidgetArea else Qt.Vertical
            self.addDockWidget(area, self.docks[leaders[0]])
            for prev, key in zip(leaders, leaders[1:], strict=False):
                self.splitDockWidget(self.docks[prev], self.docks[key], orientation)
            for key in keys:
                if key not in leaders:
                    self.tabifyDockWidget(self.docks[leaders[-1]], self.docks[key])
        for key in self._start_hidden:
            self.docks[key].hide()
        for key in FRONT_DOCKS:
            if key in self.docks:
                self.docks[key].raise_()
        self._size_docks()
        QTimer.singleShot(0, self._size_docks)  # again once the window is laid out

    def _size_docks(self) -> None:
        d, wide = self.docks, self._wide()
        sides = [(key, widths[wide]) for key, widths in SIDE_WIDTHS.items() if key in d]
        if sides:
            self.resizeDocks([d[k] for k, _ in sides], [w for _, w in sides], Qt.Horizontal)
        if "plot-activation" in d:
            height = max(190, self.height() // 4)
            self.resizeDocks([d["plot-activation"]], [height], Qt.Vertical)
        if "plot-output" in d and "plot-loss" in d:  # the decision map is the star: square-ish
            width = SIDE_WIDTHS["plot-output"][wide]
            self.resizeDocks([d["plot-output"], d["plot-loss"]],
                             [width, max(200, self.height() - width - 120)], Qt.Vertical)

    def reset_layout(self) -> None:
        """View > Reset layout: the default size (on this screen) and dock arrangement."""
        self.showNormal()
        self.resize(*self.default_size())
        self._arrange_docks()
        self.show_status(self.tr("Layout reset to the default"))

    def add_dock(self, widget: QWidget, key: str, title: str,
                 area: Qt.DockWidgetArea = Qt.RightDockWidgetArea,
                 hidden: bool = False) -> QDockWidget:
        """Dock ``widget``; ``key`` names it for the saved layout and the View menu.
        A ``hidden`` dock is not in the default layout (View > Panels or a lesson opens it)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{key}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks_menu.addAction(dock.toggleViewAction())
        self.docks[key] = dock
        self._home_areas[key] = area if area in DOCK_GROUPS else Qt.RightDockWidgetArea
        if hidden:
            self._start_hidden.add(key)
            dock.hide()
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
