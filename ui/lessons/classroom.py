"""Classroom mode: an instructor saves the open project as a lesson with their own text
and chooses controls to hide; students who open the lesson file see them hidden.

A hidden control is a dock (by key) or the training toolbar ("toolbar-training"). It is
a teaching aid, not a lock: View > Show All Controls brings everything back. While
controls are hidden their View > Panels entries are hidden too, so the lesson stays as
the instructor arranged it; opening any other project shows them again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from simulator.errors import SimulatorError
from simulator.lessons import (
    SUFFIX,
    Lesson,
    Question,
    lesson_from_dict,
    load_lesson,
    save_lesson,
)
from simulator.project import Project

from .. import engine_text
from .panel import view_names

TOOLBAR = "toolbar-training"
#: Order of the instructor-made lessons after the bundled ones.
OWN_ORDER = 100


def _t(text: str) -> str:
    return QCoreApplication.translate("Lessons", text)


def hideable(window) -> dict[str, str]:
    """key -> readable name of every control a lesson can hide in this window."""
    names = view_names()
    out = {key: names.get(key, dock.windowTitle()) for key, dock in window.docks.items()
           if key != "lessons"}
    out[TOOLBAR] = _t("Training toolbar")
    return out


class Classroom:
    """Applies a lesson's hidden controls to ``window`` and undoes it."""

    def __init__(self, window) -> None:
        self.window = window
        self.hidden: tuple[str, ...] = ()

    def hide(self, keys) -> None:
        self.show_all()
        w = self.window
        self.hidden = tuple(k for k in keys if k in w.docks or k == TOOLBAR)
        for key in self.hidden:
            widget = w.train_toolbar if key == TOOLBAR else w.docks[key]
            widget.hide()
            widget.toggleViewAction().setVisible(False)
        self.window.show_all_action.setEnabled(bool(self.hidden))

    def show_all(self) -> None:
        w = self.window
        for key in self.hidden:
            widget = w.train_toolbar if key == TOOLBAR else w.docks.get(key)
            if widget is not None:
                widget.toggleViewAction().setVisible(True)
                widget.show()
        self.hidden = ()
        w.show_all_action.setEnabled(False)


class SaveLessonDialog(QDialog):
    """Title, text and one question (each in Korean and/or English), speed and the
    controls to hide."""

    def __init__(self, window, parent=None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(_t("Save as lesson"))
        doc = window.document
        self.title_ko, self.title_en = QLineEdit(), QLineEdit(doc.title)
        self.text_ko, self.text_en = QPlainTextEdit(), QPlainTextEdit(doc.description)
        self.question_ko, self.question_en = QLineEdit(), QLineEdit()
        self.answer_ko, self.answer_en = QLineEdit(), QLineEdit()
        self.speed = QDoubleSpinBox()
        self.speed.setRange(0.0, 1000.0)
        self.speed.setSpecialValueText(_t("as fast as possible"))
        self.speed.setValue(doc.settings.epochs_per_second)
        form = QFormLayout()
        for label, ko, en in ((_t("Title"), self.title_ko, self.title_en),
                              (_t("Text"), self.text_ko, self.text_en),
                              (_t("Question"), self.question_ko, self.question_en),
                              (_t("Answer"), self.answer_ko, self.answer_en)):
            ko.setPlaceholderText(_t("Korean (optional)"))
            en.setPlaceholderText(_t("English (optional)"))
            form.addRow(label, ko)
            form.addRow("", en)
        form.addRow(_t("Speed (epochs/s)"), self.speed)
        box = QGroupBox(_t("Hide these controls from students"))
        grid = QGridLayout(box)
        self.hide_boxes: dict[str, QCheckBox] = {}
        for i, (key, name) in enumerate(hideable(window).items()):
            check = QCheckBox(name)
            self.hide_boxes[key] = check
            grid.addWidget(check, i // 2, i % 2)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(buttons)

    def lesson(self, window) -> Lesson:
        """The lesson as filled in; ProjectError (naming the field) when it is incomplete."""
        def texts(ko, en):
            get = (lambda w: w.toPlainText()) if isinstance(ko, QPlainTextEdit) \
                else (lambda w: w.text())
            return {lang: get(w).strip() for lang, w in (("ko", ko), ("en", en))
                    if get(w).strip()}
        open_keys = tuple(k for k, d in window.docks.items() if d.isVisible() and k != "lessons")
        hide = tuple(k for k, c in self.hide_boxes.items() if c.isChecked())
        d = Lesson(order=OWN_ORDER, title=texts(self.title_ko, self.title_en),
                   text=texts(self.text_ko, self.text_en), project="lesson.annproj",
                   open=tuple(k for k in open_keys if k not in hide),
                   tuck=tuple(k for k in window.docks if k not in open_keys and k != "lessons"),
                   speed=float(self.speed.value()),
                   questions=(Question(texts(self.question_ko, self.question_en),
                                       texts(self.answer_ko, self.answer_en)),),
                   hide=hide).to_dict()
        return lesson_from_dict(d, _t("the lesson"))


def save_as_lesson(window, ask_path=None, dialog: SaveLessonDialog | None = None) -> Path | None:
    """File > Save as Lesson…: the open project and the dialog's text as ``*.lesson.json``
    with the project's ``.annproj`` beside it. ``ask_path`` / ``dialog`` replace the
    modal parts in tests."""
    if dialog is None:
        dialog = SaveLessonDialog(window)
        if dialog.exec() != QDialog.Accepted:
            return None
    try:
        lesson = dialog.lesson(window)
    except SimulatorError as exc:
        window.files.show_error(_t("Cannot save lesson"), str(exc))
        return None
    if ask_path is None:
        path, _ = QFileDialog.getSaveFileName(window, _t("Save as lesson"), "lesson" + SUFFIX,
                                              _t("Lessons (*.lesson.json)"))
    else:
        path = ask_path()
    if not path:
        return None
    try:
        saved = save_lesson(lesson, path, Project.from_document(window.document))
    except SimulatorError as exc:
        window.files.show_error(_t("Cannot save lesson"), engine_text.translate(str(exc)))
        return None
    window.show_status(_t("Lesson saved: {0}").format(Path(saved).name))
    return saved


def open_lesson_file(window, path: str | Path | None = None) -> bool:
    """File > Open Lesson…: read a lesson file (checked completely) and open it."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(window, _t("Open lesson"), "",
                                              _t("Lessons (*.lesson.json)"))
        if not path:
            return False
    try:
        lesson = load_lesson(path)
    except SimulatorError as exc:
        window.files.show_error(_t("Cannot open lesson"), engine_text.translate(str(exc)))
        return False
    window.lessons.add(lesson)
    return window.open_lesson(lesson)
