"""The File menu: new, open, save, recent files, examples, exports, screenshots, quit.

Opening never half-replaces the project: the file is read and checked completely
(``load_project`` then ``Project.to_document``) before ``document.replace_with`` runs,
so a bad file leaves the open project exactly as it was and only shows a message.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

import resources
from simulator import atomic
from simulator.document import Document
from simulator.errors import SimulatorError
from simulator.export import export_history, export_weights
from simulator.project import SUFFIX, Project, load_project, save_project

from .. import engine_text
from ..retranslate import follow_language
from ..settings_store import LAST_FOLDER, RECENT_FILES, SCREENSHOT_SCALE, app_settings
from . import autosave, screenshots

MAX_RECENT = 10
APP_TITLE = "ANN Simulator — 인공신경망 시뮬레이터"


def example_files() -> list[Path]:
    return sorted(resources.path("examples").glob(f"*{SUFFIX}"))


class FileManager(QObject):
    """Owns the File menu actions and the document's file state for one window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        #: Title of the bundled example that is open (its file is never overwritten).
        self.example_title = ""
        self.autosaver = autosave.Autosaver(self.document, self)
        self.clean_leftovers()
        self._build_menu()
        ev = self.document.events
        ev.dirty.connect(lambda _dirty: self.update_title())
        ev.path.connect(lambda _path: self.update_title())
        ev.reset.connect(self.update_title)
        follow_language(self.window, self.update_title)
        self.update_title()

    def clean_leftovers(self) -> list[Path]:
        """Remove hidden temporary files that a save killed halfway left behind (up to the
        size of a project each), in the recovery folder and the recent files' folders:
        only our own temporary names, only ones untouched for an hour."""
        folders = {autosave.recovery_folder()} | {Path(p).parent for p in self.recent_files()}
        return atomic.clean_stale(sorted(folders))

    # -- hooks that tests replace (modal dialogs) --------------------------------------------
    def ask_unsaved(self) -> str:
        """'save', 'discard' or 'cancel' for "save changes?"."""
        box = QMessageBox(QMessageBox.Warning, self.tr("Unsaved changes"),
                          self.tr("The project has unsaved changes. Save them first?"),
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
                          self.window)
        box.setDefaultButton(QMessageBox.Save)
        answer = box.exec()
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(answer, "cancel")

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.window, title, engine_text.translate(message))

    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open project"), self._last_folder(),
            self.tr("ANN Simulator projects (*.annproj);;All files (*)"))
        return path

    def ask_save_path(self, caption: str, name: str, filters: str) -> tuple[str, str]:
        return QFileDialog.getSaveFileName(self.window, caption,
                                           str(Path(self._last_folder()) / name), filters)

    # -- menu -----------------------------------------------------------------------------
    def _action(self, text, slot, shortcut=None, tip="") -> QAction:
        a = QAction(text, self.window)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        if tip:
            a.setStatusTip(tip)
        a.triggered.connect(lambda _checked=False: slot())
        return a

    def _build_menu(self) -> None:
        w, m = self.window, self.window.file_menu
        tr = self.tr
        self.act_new = self._action(tr("&New"), self.new_project, QKeySequence.New,
                                    tr("Start a new project with the default network"))
        self.act_open = self._action(tr("&Open…"), self.open_dialog, QKeySequence.Open,
                                     tr("Open a project file (.annproj)"))
        self.act_save = self._action(tr("&Save"), self.save, QKeySequence.Save,
                                     tr("Save the project"))
        self.act_save_as = self._action(tr("Save &As…"), self.save_as, QKeySequence.SaveAs,
                                        tr("Save the project under a new name"))
        self.act_quit = self._action(tr("&Quit"), w.close, QKeySequence.Quit,
                                     tr("Close the window (asks about unsaved changes)"))
        m.addAction(self.act_new)
        m.addAction(self.act_open)
        self.recent_menu = m.addMenu(tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.examples_menu = m.addMenu(tr("&Examples"))
        self._fill_examples()
        m.addSeparator()
        m.addAction(self.act_save)
        m.addAction(self.act_save_as)
        m.addSeparator()
        self.act_export_weights = self._action(
            tr("Export &Weights…"), self.export_weights_dialog,
            tip=tr("Save the weights as NumPy (.npz), JSON, CSV tables or ONNX"))
        self.act_export_history = self._action(
            tr("Export Training &History (CSV)…"), self.export_history_dialog,
            tip=tr("Save the loss and accuracy of every epoch as a CSV table"))
        m.addAction(self.act_export_weights)
        m.addAction(self.act_export_history)
        self.screenshot_menu = m.addMenu(tr("Export &Screenshot"))
        self.screenshot_menu.aboutToShow.connect(
            lambda: self._fill_targets(self.screenshot_menu, self.screenshot_dialog, True))
        self.clipboard_menu = m.addMenu(tr("&Copy Screenshot"))
        self.clipboard_menu.aboutToShow.connect(
            lambda: self._fill_targets(self.clipboard_menu, self.copy_screenshot, False))
        self.act_bundle = self._action(
            tr("Export &Figure Bundle…"), self.figure_bundle_dialog,
            tip=tr("Every plot, the network picture, the config and the weights in one folder"))
        m.addAction(self.act_bundle)
        m.addSeparator()
        m.addAction(self.act_quit)
        # the menus fill themselves when opened; fill once now so shortcuts and tests see them
        self._fill_recent()
        self._fill_targets(self.screenshot_menu, self.screenshot_dialog, True)
        self._fill_targets(self.clipboard_menu, self.copy_screenshot, False)

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = self.recent_files()
        for i, p in enumerate(paths):
            label = f"&{i + 1} {Path(p).name}" if i < 9 else Path(p).name
            a = menu.addAction(label)
            a.setToolTip(p)
            a.setStatusTip(p)
            a.triggered.connect(lambda _c=False, p=p: self.open_path(p))
        if paths:
            menu.addSeparator()
            menu.addAction(self.tr("Clear list"), self.clear_recent)
        else:
            menu.addAction(self.tr("(no recent files)")).setEnabled(False)

    def _fill_examples(self) -> None:
        menu = self.examples_menu
        menu.clear()
        for path in example_files():
            try:
                title = load_project(path).title or path.stem
            except SimulatorError:
                continue
            a = menu.addAction(title)
            a.setData(str(path))
            a.triggered.connect(lambda _c=False, p=path: self.open_example(p))
        if menu.isEmpty():
            menu.addAction(self.tr("(no examples found)")).setEnabled(False)

    def _fill_targets(self, menu: QMenu, slot, with_scale: bool) -> None:
        menu.clear()
        for key, title, widget in screenshots.targets(self.window):
            a = menu.addAction(title.replace("&", "&&") + ("…" if with_scale else ""))
            a.setData(key)
            a.triggered.connect(lambda _c=False, wd=widget, t=title: slot(wd, t))
        if with_scale:
            menu.addSeparator()
            scale_menu = menu.addMenu(self.tr("PNG scale (print quality)"))
            group = QActionGroup(scale_menu)
            current = self.screenshot_scale()
            for s in screenshots.SCALES:
                a = scale_menu.addAction(f"{s:g}×")
                a.setCheckable(True)
                a.setChecked(s == current)
                group.addAction(a)
                a.triggered.connect(
                    lambda _c=False, s=s: app_settings().setValue(SCREENSHOT_SCALE, s))

    # -- title and dirty flag ------------------------------------------------------------------
    def display_name(self) -> str:
        doc = self.document
        if doc.path:
            return Path(doc.path).name
        return self.example_title or doc.title or self.tr("Untitled")

    def update_title(self) -> None:
        doc = self.document
        if not (doc.dirty or doc.path or self.example_title or doc.title):
            self.window.setWindowTitle(APP_TITLE)  # a fresh, untouched project
            return
        star = "*" if doc.dirty else ""
        self.window.setWindowTitle(f"{self.display_name()}{star} — {APP_TITLE}")

    # -- new / open ----------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current project (saved, discarded or clean)."""
        if not self.document.dirty:
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_project(self) -> bool:
        if not self.maybe_save():
            return False
        if not self._replace(Document(), example_title=""):
            return False
        self.window.show_status(self.tr("New project"))
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path = self.ask_open_path()
        return bool(path) and self.open_path(path, ask=False)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Open ``path``; a bad file shows a message and changes nothing."""
        if ask and not self.maybe_save():
            return False
        path = Path(path)
        try:
            new_doc = load_project(path).to_document()
        except SimulatorError as exc:
            self.show_error(self.tr("Cannot open project"),
                            self.tr("The file could not be opened:\n{0}").format(exc))
            if not path.exists():
                self._forget_recent(path)
            return False
        new_doc.path = path
        if not self._replace(new_doc, example_title=""):
            return False
        self.add_recent(path)
        self._remember_folder(path)
        self.window.show_status(self.tr("Opened {0}").format(path.name))
        return True

    def open_example(self, path: str | Path) -> bool:
        """Open a bundled example as an untitled copy (Save asks for a new name)."""
        if not self.maybe_save():
            return False
        try:
            new_doc = load_project(path).to_document()
        except SimulatorError as exc:
            self.show_error(self.tr("Cannot open example"), str(exc))
            return False
        new_doc.path = None
        if not self._replace(new_doc, example_title=new_doc.title or Path(path).stem):
            return False
        self.window.show_status(self.tr("Example: {0}").format(new_doc.title))
        return True

    def _replace(self, new_doc: Document, example_title: str) -> bool:
        """Put ``new_doc`` in place; all or nothing: if a view cannot show it, the project
        that was open comes back exactly as it was (and its undo history with it)."""
        before = copy.copy(self.document)  # the fields replace_with swaps, shallow
        try:
            self.document.replace_with(new_doc)
        except Exception as exc:  # a view's bug must not leave half a project behind
            self.document.replace_with(before)
            self.show_error(self.tr("Cannot open project"),
                            self.tr("The project could not be shown:\n{0}: {1}")
                            .format(type(exc).__name__, exc))
            return False
        self.example_title = example_title
        self.window.undo_stack.clear()
        self.document.events.path.emit(self.document.path)
        self.autosaver.discard()
        self.update_title()
        return True

    # -- save ------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        doc = self.document
        name = Path(doc.path).name if doc.path else (_file_name(doc.title) + SUFFIX)
        path, _ = self.ask_save_path(self.tr("Save project as"), name,
                                     self.tr("ANN Simulator projects (*.annproj)"))
        if not path:
            return False
        path = Path(path)
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        path = Path(path)
        try:
            save_project(Project.from_document(self.document), path)
        except SimulatorError as exc:
            self.show_error(self.tr("Cannot save project"), str(exc))
            return False
        self.example_title = ""
        self.document.set_path(path)
        self.document.mark_dirty(False)
        self.add_recent(path)
        self._remember_folder(path)
        self.autosaver.discard()
        self.update_title()
        self.window.show_status(self.tr("Saved {0}").format(path.name))
        return True

    def on_close(self) -> bool:
        """Window close hook: False vetoes the close (the user cancelled)."""
        if not self.maybe_save():
            return False
        self.autosaver.stop()
        self.autosaver.discard()
        return True

    # -- recovery ----------------------------------------------------------------------------
    def offer_recovery(self, ask=None) -> bool:
        """If the last session did not end cleanly, offer its recovery copy. True if restored."""
        pending = autosave.pending_recovery()
        if pending is None:
            return False
        if ask is None:
            answer = QMessageBox.question(
                self.window, self.tr("Restore unsaved work?"),
                self.tr("ANN Simulator did not close normally. Restore the unsaved project "
                        "from {0}?").format(pending["saved_at"] or self.tr("the last autosave")),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
            restore = answer == QMessageBox.Yes
        else:
            restore = bool(ask(pending))
        if not restore:
            self.autosaver.discard()
            return False
        try:
            new_doc = autosave.load_recovery().to_document()
        except SimulatorError as exc:
            self.show_error(self.tr("Cannot restore"), str(exc))
            self.autosaver.discard()
            return False
        new_doc.path = Path(pending["path"]) if pending["path"] else None
        if not self._replace(new_doc, example_title=""):
            return False
        self.document.mark_dirty(True)  # restored work is not saved yet
        self.autosaver.save_now()  # keep the copy until it is saved
        return True

    # -- recent files --------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = app_settings().value(RECENT_FILES, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])][:MAX_RECENT]

    def add_recent(self, path: str | Path) -> None:
        p = str(Path(path).resolve())
        paths = [p] + [x for x in self.recent_files() if x != p]
        app_settings().setValue(RECENT_FILES, paths[:MAX_RECENT])

    def _forget_recent(self, path: Path) -> None:
        p = str(Path(path).resolve())
        app_settings().setValue(RECENT_FILES, [x for x in self.recent_files() if x != p])

    def clear_recent(self) -> None:
        app_settings().setValue(RECENT_FILES, [])

    def _last_folder(self) -> str:
        return str(app_settings().value(LAST_FOLDER, str(Path.home())))

    def _remember_folder(self, path: Path) -> None:
        app_settings().setValue(LAST_FOLDER, str(Path(path).resolve().parent))

    # -- exports -------------------------------------------------------------------------------
    def export_weights_dialog(self) -> bool:
        filters = {self.tr("NumPy archive (*.npz)"): ".npz", self.tr("JSON (*.json)"): ".json",
                   self.tr("CSV tables in a folder (*.csv)"): ".csv",
                   self.tr("CSV tables in a zip (*.zip)"): ".zip",
                   self.tr("ONNX model (*.onnx)"): ".onnx"}
        path, chosen = self.ask_save_path(self.tr("Export weights"),
                                          _file_name(self.display_name()) + "-weights.npz",
                                          ";;".join(filters))
        if not path:
            return False
        return self.export_weights_to(_with_suffix(path, filters.get(chosen, ".npz"),
                                                   tuple(filters.values())))

    def export_weights_to(self, path: str | Path) -> bool:
        try:  # a .csv export writes a folder next to the name given: name the real one
            written = export_weights(self.document.spec, self.document.weights, path,
                                     self.document.data.features)
        except SimulatorError as exc:
            self.show_error(self.tr("Cannot export weights"), str(exc))
            return False
        self.window.show_status(self.tr("Weights exported to {0}").format(written))
        return True

    def export_history_dialog(self) -> bool:
        if not self.document.history:
            self.window.show_status(self.tr("No training history yet: train first."))
            return False
        path, _ = self.ask_save_path(self.tr("Export training history"),
                                     _file_name(self.display_name()) + "-history.csv",
                                     self.tr("CSV table (*.csv)"))
        if not path:
            return False
        try:
            export_history(self.document.history, _with_suffix(path, ".csv", (".csv",)))
        except SimulatorError as exc:
            self.show_error(self.tr("Cannot export history"), str(exc))
            return False
        self.window.show_status(self.tr("History exported to {0}").format(Path(path).name))
        return True

    def screenshot_scale(self) -> float:
        try:
            value = float(app_settings().value(SCREENSHOT_SCALE, 2.0))
        except (TypeError, ValueError):
            value = 2.0
        return value if value in screenshots.SCALES else 2.0

    def screenshot_dialog(self, widget, title: str) -> bool:
        png, svg = self.tr("PNG image (*.png)"), self.tr("SVG drawing (*.svg)")
        path, chosen = self.ask_save_path(self.tr("Export screenshot: {0}").format(title),
                                          _file_name(title) + ".png", f"{png};;{svg}")
        if not path:
            return False
        path = _with_suffix(path, ".svg" if chosen == svg else ".png", (".png", ".svg"))
        return self.save_screenshot(widget, path)

    def save_screenshot(self, widget, path: str | Path, scale: float | None = None) -> bool:
        try:
            screenshots.save_picture(widget, path, scale or self.screenshot_scale())
        except (OSError, ValueError, RuntimeError) as exc:
            self.show_error(self.tr("Cannot save screenshot"), str(exc))
            return False
        self.window.show_status(self.tr("Screenshot saved: {0}").format(Path(path).name))
        return True

    def copy_screenshot(self, widget, title: str = "") -> None:
        screenshots.copy_to_clipboard(widget, self.screenshot_scale())
        self.window.show_status(self.tr("Screenshot copied to the clipboard"))

    def figure_bundle_dialog(self) -> bool:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Export figure bundle "
                                                                       "into folder"),
                                                  self._last_folder())
        if not folder:
            return False
        name = _file_name(self.display_name().removesuffix(SUFFIX))
        return self.figure_bundle_to(screenshots.figure_folder(folder, name))

    def figure_bundle_to(self, folder: str | Path) -> bool:
        QApplication.setOverrideCursor(self.window.cursor())
        try:
            files = screenshots.export_figure_bundle(self.window, folder,
                                                     self.screenshot_scale())
        except (SimulatorError, OSError, ValueError, RuntimeError) as exc:
            self.show_error(self.tr("Cannot export figure bundle"), str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.window.show_status(self.tr("{0} files written to {1}").format(len(files), folder),
                                15000)
        return True


def _file_name(text: str) -> str:
    """A file-name-safe version of a title (Korean kept)."""
    import re
    name = re.sub(r"[\\/:*?\"<>|\s]+", "-", text.split("/")[0].strip()).strip("-.")
    return name[:60] or "project"


def _with_suffix(path: str | Path, default: str, allowed: tuple[str, ...]) -> Path:
    path = Path(path)
    if path.suffix.lower() in allowed:
        return path
    return path.with_name(path.name + default)
