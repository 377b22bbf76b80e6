"""Classroom mode: save a project as a lesson with hidden controls; they stay hidden when
the lesson file is opened again; View > Show All Controls brings them back."""

from __future__ import annotations

import json

import pytest

from simulator.lessons import load_lesson


@pytest.fixture
def window(qtbot):
    from ui.main_window import MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    w.errors = []
    w.files.show_error = lambda title, message: w.errors.append((title, message))
    w.files.ask_unsaved = lambda: "discard"
    w.show()
    yield w
    w.document.mark_dirty(False)
    w.training.shutdown()


def _dialog(window, hide=("hyperparameters", "toolbar-training"), question="왜 그럴까요?"):
    from ui.lessons.classroom import SaveLessonDialog
    d = SaveLessonDialog(window)
    d.title_ko.setText("나의 XOR 수업")
    d.text_en.setPlainText("Watch the boundary bend.")
    d.question_ko.setText(question)
    d.answer_ko.setText("은닉층 때문입니다.")
    d.speed.setValue(5.0)
    for key in hide:
        d.hide_boxes[key].setChecked(True)
    return d


def test_hidden_controls_stay_hidden_after_save_and_reopen(window, tmp_path):
    from ui.lessons import classroom
    window.open_lesson(window.lessons.lessons[1])
    path = classroom.save_as_lesson(window, ask_path=lambda: str(tmp_path / "mine"),
                                    dialog=_dialog(window))
    assert path == tmp_path / "mine.lesson.json" and (tmp_path / "mine.annproj").exists()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["hide"] == ["hyperparameters", "toolbar-training"]
    assert saved["title"]["ko"] == "나의 XOR 수업" and saved["speed"] == 5.0

    window.files.new_project()  # another project: nothing hidden
    assert window.docks["hyperparameters"].toggleViewAction().isVisible()

    assert classroom.open_lesson_file(window, path)
    dock = window.docks["hyperparameters"]
    assert not dock.isVisible() and not dock.toggleViewAction().isVisible()
    assert not window.train_toolbar.isVisible()
    assert window.document.data_source.name == "xor_gate"
    assert window.document.settings.epochs_per_second == 5.0
    assert window.lessons.current.path == path
    assert window.lessons.title.text() == saved["title"]["en"]  # the interface language

    assert window.show_all_action.isEnabled()
    window.show_all_action.trigger()  # a teaching aid, not a lock
    assert dock.isVisible() and dock.toggleViewAction().isVisible()
    assert window.train_toolbar.isVisible() and not window.show_all_action.isEnabled()


def test_incomplete_lesson_is_refused_with_the_field(window, tmp_path):
    from ui.lessons import classroom
    assert classroom.save_as_lesson(window, ask_path=lambda: str(tmp_path / "x"),
                                    dialog=_dialog(window, question="")) is None
    assert window.errors and "questions[0].question" in window.errors[0][1]
    assert not list(tmp_path.iterdir())


def test_bad_lesson_file_is_refused(window, tmp_path):
    from ui.lessons import classroom
    bad = tmp_path / "bad.lesson.json"
    bad.write_text("[]", encoding="utf-8")
    before = window.document.spec.to_dict()
    assert not classroom.open_lesson_file(window, bad)
    assert "bad.lesson.json" in window.errors[0][1]
    assert window.document.spec.to_dict() == before


def test_file_menu_has_the_lesson_actions(window):
    names = [a.objectName() for a in window.file_menu.actions()]
    i = names.index("action-open-lesson")
    assert names[i + 1] == "action-save-lesson"
    assert window.file_menu.actions()[i - 1] is window.files.act_save_as
    assert load_lesson  # the module API the menu uses


def test_presentation_mode_scales_fonts_and_plot_axes(window, qapp):
    import pyqtgraph as pg

    from ui.lessons.presentation import SCALE
    action = next(a for a in window.view_menu.actions()
                  if a.objectName() == "action-presentation")
    before = qapp.font().pointSizeF()
    plot = window.plots["loss"].findChild(pg.GraphicsView)
    item = next(i for i in plot.scene().items() if isinstance(i, pg.PlotItem))
    tick_before = item.getAxis("bottom").style["tickFont"]
    action.trigger()
    assert qapp.font().pointSizeF() == pytest.approx(before * SCALE)
    assert item.getAxis("bottom").style["tickFont"].pointSizeF() == pytest.approx(before * SCALE)
    qapp.processEvents()  # widgets take the application font from a posted event
    assert window.lessons.open_button.font().pointSizeF() == pytest.approx(before * SCALE)
    action.trigger()
    assert qapp.font().pointSizeF() == pytest.approx(before)
    assert item.getAxis("bottom").style["tickFont"] == tick_before  # exactly as before
