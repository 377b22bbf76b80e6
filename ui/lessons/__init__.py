"""Lessons: one lecture topic each (resources/lessons), in a dock, from Help > Lessons and
from a one-time welcome on the first start.

``install(window)`` sets ``window.lessons`` (the :class:`LessonsPanel`) and
``window.open_lesson(lesson) -> bool``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMessageBox

import resources
from simulator.errors import SimulatorError
from simulator.lessons import Lesson, in_language, lesson_files, load_lesson

from ..files import autosave
from ..settings_store import LESSONS_WELCOME, LESSONS_WELCOMED, app_settings
from . import classroom, presentation
from .panel import LessonOpener, LessonsPanel, language

__all__ = ["LessonsPanel", "bundled_lessons", "install", "offer_welcome"]


def _t(text: str) -> str:
    return QCoreApplication.translate("Lessons", text)


def bundled_lessons() -> tuple[list[Lesson], list[str]]:
    """The lessons shipped with the app, by order, and a message per file that failed."""
    lessons, problems = [], []
    for path in lesson_files(resources.path("lessons")):
        try:
            lessons.append(load_lesson(path))
        except SimulatorError as exc:
            problems.append(str(exc))
    return sorted(lessons, key=lambda x: x.order), problems


def install(window) -> LessonsPanel:
    lessons, problems = bundled_lessons()
    window.show_all_action = QAction(_t("Show &All Controls"), window)
    window.show_all_action.setObjectName("action-show-all-controls")
    window.show_all_action.setStatusTip(_t("Show the controls this lesson hides"))
    window.show_all_action.setEnabled(False)
    window.view_menu.addAction(window.show_all_action)
    window.classroom = classroom.Classroom(window)
    window.show_all_action.triggered.connect(lambda _c=False: window.classroom.show_all())
    # any other project brings the hidden controls back (a lesson hides them again after)
    window.document.events.reset.connect(window.classroom.show_all)
    opener = LessonOpener(window, window.classroom)
    panel = LessonsPanel(lessons, opener, lambda key: key in window.docks)
    # hidden: Help > Lessons or the welcome shows it
    window.add_dock(panel, "lessons", _t("Lessons"), Qt.RightDockWidgetArea, hidden=True)
    window.lessons = panel
    window.open_lesson = opener
    action = QAction(_t("&Lessons"), window)
    action.setObjectName("action-lessons")
    action.setShortcut(QKeySequence("F1"))
    action.setStatusTip(_t("One lesson per lecture topic: text, questions and a prepared project"))
    action.triggered.connect(lambda _c=False: show_lessons(window))
    first = window.help_menu.actions()[0] if window.help_menu.actions() else None
    window.help_menu.insertAction(first, action)
    _file_actions(window)
    window.presentation = presentation.Presentation(window)
    big = QAction(_t("&Presentation Mode (big fonts)"), window)
    big.setObjectName("action-presentation")
    big.setCheckable(True)
    big.setShortcut(QKeySequence("Ctrl+Shift+F"))
    big.toggled.connect(window.presentation.set_active)
    window.view_menu.addAction(big)
    if problems:
        window.show_status("; ".join(problems), 15000)
    return panel


def _file_actions(window) -> None:
    """File > Open Lesson… and Save as Lesson…, after Save As."""
    menu = window.file_menu
    acts = menu.actions()
    anchor = getattr(getattr(window, "files", None), "act_save_as", None)
    before = acts[acts.index(anchor) + 1] if anchor in acts and acts[-1] is not anchor else None
    for text, slot, name in ((_t("Open &Lesson…"), lambda: classroom.open_lesson_file(window),
                              "action-open-lesson"),
                             (_t("Save as &Lesson…"), lambda: classroom.save_as_lesson(window),
                              "action-save-lesson")):
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda _c=False, slot=slot: slot())
        menu.insertAction(before, action)


def show_lessons(window, row: int | None = None) -> None:
    dock = window.docks["lessons"]
    dock.show()
    dock.raise_()
    if row is not None:
        window.lessons.select(row)


def welcome_wanted() -> bool:
    """The welcome appears once, never offscreen (tests, CI), not beside the crash
    recovery question, and not when the setting ``lessons/welcome`` is false (what tests
    and classroom installs set)."""
    s = app_settings()
    if s.value(LESSONS_WELCOMED, False, type=bool):
        return False
    if not s.value(LESSONS_WELCOME, True, type=bool):
        return False
    if autosave.pending_recovery() is not None:
        return False  # "restore unsaved work?" comes first; the welcome waits for next time
    return QGuiApplication.platformName() not in ("offscreen", "minimal")


def offer_welcome(window, ask=None, force: bool = False) -> bool:
    """First start: offer lesson 1. ``ask(title) -> bool`` replaces the dialog (tests).
    Remembered in QSettings: it is offered once. True when lesson 1 was opened."""
    if not (force or welcome_wanted()) or not window.lessons.lessons:
        return False
    app_settings().setValue(LESSONS_WELCOMED, True)
    first = window.lessons.lessons[0]
    title = in_language(first.title, language())
    if ask is None:
        answer = QMessageBox.question(
            window, _t("Welcome"),
            _t("Welcome to the ANN Simulator. Start with lesson 1, \"{0}\"? "
               "All lessons are in Help > Lessons.").format(title),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        wanted = answer == QMessageBox.Yes
    else:
        wanted = bool(ask(title))
    if not wanted:
        return False
    show_lessons(window, 0)
    return window.open_lesson(first)
