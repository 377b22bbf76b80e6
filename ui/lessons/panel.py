"""The Lessons dock: the list, the selected lesson's text and questions, Previous / Next
and "Open lesson".

Opening goes through the same all-or-nothing path as File > Open: the lesson and its
project are read and checked completely (``Lesson.document``) before the open project
is replaced, so a bad lesson only shows a message. Then the lesson's docks are opened,
the others tucked away, and its speed is already in the settings.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from simulator.errors import SimulatorError
from simulator.lessons import Lesson, in_language

from .. import engine_text
from ..retranslate import follow_language


def _t(text: str) -> str:
    return QCoreApplication.translate("Lessons", text)


def view_names() -> dict[str, str]:
    """Readable names of the dock keys lessons refer to (docks of other areas included,
    so a missing one can be named)."""
    return {
        "data": _t("Data"), "palette": _t("Layers"), "properties": _t("Layer properties"),
        "hyperparameters": _t("Hyperparameters"), "plot-output": _t("Network output"),
        "plot-loss": _t("Loss"), "plot-gradients": _t("Gradient magnitudes"),
        "plot-activation": _t("Activation function"), "plot-weights": _t("Weights"),
        "math-matrix": _t("Matrix view"), "math-backprop": _t("Backpropagation step by step"),
        "math-gallery": _t("Activation gallery"), "grid": _t("Grid search"),
        "explain": _t("Explanation"),
    }


def language() -> str:
    """"ko" when the Korean catalog is installed (the lesson texts follow the interface)."""
    return "ko" if _t("Lessons") != "Lessons" else "en"


class QuestionBox(QWidget):
    """One question; its answer stays hidden until "Show answer" is clicked."""

    def __init__(self, number: int, question: str, answer: str, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        # the question is text, not markup: "z < 0" must stay as written
        self.question = QLabel(f"<b>{_t('Question {0}').format(number)}</b> "
                               f"{html.escape(question)}")
        self.question.setTextFormat(Qt.RichText)
        self.question.setWordWrap(True)
        self.answer = QLabel(answer)
        self.answer.setTextFormat(Qt.PlainText)
        self.answer.setWordWrap(True)
        self.answer.setStyleSheet("color: #1f5fa8; padding-left: 12px;")
        self.answer.hide()
        self.button = QPushButton(_t("Show answer"))
        self.button.clicked.connect(self.toggle)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addWidget(self.question)
        layout.addLayout(row)
        layout.addWidget(self.answer)

    def toggle(self) -> None:
        shown = not self.answer.isVisible()
        self.answer.setVisible(shown)
        self.button.setText(_t("Hide answer") if shown else _t("Show answer"))


class LessonsPanel(QWidget):
    """List on top, the lesson below; ``opener(lesson) -> bool`` opens one."""

    def __init__(self, lessons: list[Lesson], opener, available, parent=None) -> None:
        super().__init__(parent)
        self.lessons = lessons
        self._opener = opener
        self._available = available  # key -> bool: does this window have that dock?
        self.lang = language()
        self.list = QComboBox()
        for lesson in lessons:
            self.list.addItem(self._item_text(lesson))
        # long titles must not widen the dock (and the window) beyond a laptop screen
        self.list.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.list.setMinimumContentsLength(16)
        self.list.currentIndexChanged.connect(self._show)
        self.text = QLabel()
        self.text.setObjectName("lesson-text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.PlainText)
        self.text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")  # size follows the app (presentation)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #a85a00;")
        self.questions = QVBoxLayout()
        self.prev_button = QPushButton(_t("◀ Previous"))
        self.next_button = QPushButton(_t("Next ▶"))
        self.open_button = QPushButton(_t("Open lesson"))
        self.open_button.setDefault(True)
        self.prev_button.clicked.connect(lambda: self.select(self.list.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.select(self.list.currentIndex() + 1))
        self.open_button.clicked.connect(self.open_current)

        # the list and the buttons stay in view; the text and questions scroll under them
        body = QWidget()
        col = QVBoxLayout(body)
        col.addWidget(self.title)
        col.addWidget(self.text)
        col.addWidget(self.missing)
        col.addLayout(self.questions)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.open_button, 1)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(scroll, 1)
        self._show(self.list.currentIndex())  # the combo selected the first one silently
        follow_language(self, self.retranslate)

    # -- selection -------------------------------------------------------------------------
    @property
    def current(self) -> Lesson | None:
        row = self.list.currentIndex()
        return self.lessons[row] if 0 <= row < len(self.lessons) else None

    def select(self, row: int) -> None:
        if 0 <= row < len(self.lessons):
            self.list.setCurrentIndex(row)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.lessons):
            return
        lesson, lang = self.lessons[row], self.lang
        self.title.setText(in_language(lesson.title, lang))
        self.text.setText(in_language(lesson.text, lang))
        names = view_names()
        missing = [names.get(k, k) for k in self.missing_views(lesson)]
        self.missing.setText("" if not missing else _t(
            "{0}: this view is not available in this version yet.").format(", ".join(missing)))
        self.missing.setVisible(bool(missing))
        while self.questions.count():
            widget = self.questions.takeAt(0).widget()
            if widget is not None:  # out of sight now, not when deleteLater gets to it
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        for i, q in enumerate(lesson.questions):
            self.questions.addWidget(QuestionBox(i + 1, in_language(q.question, lang),
                                                 in_language(q.answer, lang)))
        self.prev_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(self.lessons) - 1)

    def missing_views(self, lesson: Lesson) -> list[str]:
        """The lesson's docks to open that this window does not have."""
        return [k for k in lesson.open if not self._available(k)]

    def add(self, lesson: Lesson) -> None:
        """Add a lesson opened from a file (an instructor's) and select it."""
        for row, known in enumerate(self.lessons):
            if known.path is not None and known.path == lesson.path:
                self.lessons[row] = lesson
                self.select(row)
                self._show(row)
                return
        self.lessons.append(lesson)
        self.list.addItem(self._item_text(lesson))
        self.select(len(self.lessons) - 1)

    def _item_text(self, lesson: Lesson) -> str:
        return f"{lesson.order}. {in_language(lesson.title, self.lang)}"

    def retranslate(self) -> None:
        """The language changed: every title and the shown lesson in the new one; the
        selected lesson and the answers shown stay."""
        self.lang = language()
        for row, lesson in enumerate(self.lessons):
            self.list.setItemText(row, self._item_text(lesson))
        shown = [not box.answer.isHidden() for box in self.question_boxes()]
        self._show(self.list.currentIndex())
        for box, was_shown in zip(self.question_boxes(), shown, strict=False):
            if was_shown:
                box.toggle()

    def question_boxes(self) -> list[QuestionBox]:
        return [self.questions.itemAt(i).widget() for i in range(self.questions.count())]

    def open_current(self) -> bool:
        lesson = self.current
        return lesson is not None and self._opener(lesson)


class LessonOpener:
    """Opens a lesson in ``window``: project (all or nothing), docks, speed."""

    def __init__(self, window, classroom) -> None:
        self.window = window
        self.classroom = classroom

    def __call__(self, lesson: Lesson) -> bool:
        w = self.window
        files = getattr(w, "files", None)
        if files is not None and not files.maybe_save():
            return False
        try:
            doc = lesson.document()
        except SimulatorError as exc:
            message = _t("The lesson could not be opened:\n{0}").format(
                engine_text.translate(str(exc)))
            if files is not None:
                files.show_error(_t("Cannot open lesson"), message)
            else:
                w.show_status(message)
            return False
        title = in_language(lesson.title, language())
        if files is not None:
            files._replace(doc, example_title=title)  # the File > Open path, untitled
        else:
            w.document.replace_with(doc)
            w.undo_stack.clear()
        self.arrange(lesson)
        w.show_status(_t("Lesson: {0}").format(title))
        return True

    def arrange(self, lesson: Lesson) -> None:
        docks = self.window.docks
        for key in lesson.tuck:
            if key in docks:
                docks[key].hide()
        for key in lesson.open:
            if key in docks:
                docks[key].show()
                docks[key].raise_()
        self.classroom.hide(lesson.hide)
        dock = docks.get("lessons")
        if dock is not None:
            dock.show()
            # room for the text and questions beside the lesson's plots (once laid out)
            QTimer.singleShot(0, lambda: self.window.resizeDocks(
                [dock], [max(320, self.window.height() // 2)], Qt.Vertical))
