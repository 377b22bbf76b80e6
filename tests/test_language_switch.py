"""View > Language switches Korean/English while the app runs: every text on screen
follows at once, and nothing the user has is lost (document, undo history, file path and
modified flag, training, layout, the selected lesson)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget

from tests.i18n_walk import shown_texts
from ui import i18n
from ui.commands import edit
from ui.main_window import MainWindow
from ui.retranslate import Relabeler

HANGUL = re.compile("[\uac00-\ud7a3]")
CATALOG = i18n.load_catalog()


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):
    yield
    i18n.switch(qapp, "en")


def _window(qtbot) -> MainWindow:
    w = MainWindow()
    w.files.ask_unsaved = lambda: "discard"  # closing at the end asks nothing
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    # the GPU check answers in a thread: its tooltips are not what is compared here
    qtbot.waitUntil(lambda: w.training_panel._backend_info is not None, timeout=10000)
    return w


def _choose(window: MainWindow, lang: str) -> None:
    """The user's way: the View > Language menu entry."""
    action = window.findChild(QAction, f"action-language-{lang}")
    assert action is not None and action in window.language_menu.actions()
    action.trigger()


def _left_over(window: MainWindow, old: str, new: str) -> list[tuple[str, str]]:
    """Texts still in ``old``: ones the catalog would still put into ``new``."""
    relabel = Relabeler(CATALOG, old, new)
    return [(where, text) for where, text in shown_texts(window)
            if (r := relabel.translate(text)) is not None and r[0] != text]


def _catalog_texts(window: MainWindow) -> Counter:
    """The widgets' and actions' texts that are catalog texts, in either language
    (plot items are left out: a plot draws its legend when it first redraws)."""
    known = set(CATALOG) | set(CATALOG.values())
    return Counter((where, text) for where, text in shown_texts(window)
                   if text in known and "/" not in where)


def test_live_switch_to_korean_and_back(qtbot, tmp_path):
    w = _window(qtbot)
    doc = w.document
    assert edit(w.undo_stack, doc, "Change learning rate",
                lambda: doc.set_settings(learning_rate=0.3)) is None
    doc.path = Path(tmp_path / "mine.annproj")
    doc.mark_dirty(True)
    spec, weights = doc.spec, [(W.copy(), b.copy()) for W, b in doc.weights]
    undo = (w.undo_stack.count(), w.undo_stack.index())
    layout, geometry = w.saveState(), w.saveGeometry()
    english = _catalog_texts(w)

    _choose(w, "ko")
    assert i18n.current_language() == "ko"
    assert _left_over(w, "en", "ko") == []
    titles = [a.text() for a in w.menuBar().actions()]
    assert all(HANGUL.search(t) for t in titles), titles
    assert all(HANGUL.search(d.windowTitle()) for d in w.docks.values())
    assert w.docks["plot-loss"].windowTitle() == CATALOG["Loss"]
    # nothing else changed
    assert doc.spec == spec and doc.settings.learning_rate == 0.3
    for (W, b), (W0, b0) in zip(doc.weights, weights, strict=True):
        assert (W == W0).all() and (b == b0).all()
    assert (w.undo_stack.count(), w.undo_stack.index()) == undo
    assert doc.path == tmp_path / "mine.annproj" and doc.dirty
    assert w.windowTitle().startswith("mine.annproj*")
    assert w.saveState() == layout and w.saveGeometry() == geometry
    assert HANGUL.search(w._undo.text())  # Edit > Undo names the command in Korean too
    assert w.undo_stack.text(undo[1] - 1) == CATALOG["Change learning rate"]
    assert w._undo.text().endswith(CATALOG["Change learning rate"])
    w.undo_stack.undo()
    assert doc.settings.learning_rate != 0.3  # the history still works

    w.undo_stack.redo()
    _choose(w, "en")
    assert _left_over(w, "ko", "en") == []
    assert _catalog_texts(w) == english  # the very texts it had, e.g. "Layers" not "Layer"
    assert w.undo_stack.text(undo[1] - 1) == "Change learning rate"
    assert doc.dirty and w.undo_stack.index() == undo[1]


def test_started_in_korean_switches_to_english_like_a_fresh_window(qtbot, qapp):
    i18n.switch(qapp, "ko")
    korean = _window(qtbot)
    _choose(korean, "en")
    fresh = _window(qtbot)
    assert _left_over(korean, "ko", "en") == []
    assert _catalog_texts(korean) == _catalog_texts(fresh)


def test_an_untitled_project_is_named_in_the_new_language(qtbot):
    w = _window(qtbot)
    w.document.mark_dirty(True)
    _choose(w, "ko")
    assert w.windowTitle().startswith(CATALOG["Untitled"] + "*")


def test_the_language_is_remembered_and_the_menu_checked(qtbot):
    from ui.settings_store import LANGUAGE, app_settings
    w = _window(qtbot)
    _choose(w, "ko")
    assert app_settings().value(LANGUAGE) == "ko"
    checked = [a.objectName() for a in w.language_menu.actions() if a.isChecked()]
    assert checked == ["action-language-ko"]
    assert w.choose_language("ko") is False  # already Korean: nothing to do


def test_training_keeps_running_through_a_switch(qtbot):
    w = _window(qtbot)
    ctl = w.training
    ctl.train()
    qtbot.waitUntil(lambda: ctl.epoch >= 3, timeout=20000)
    _choose(w, "ko")
    assert ctl.state == "running"
    at = ctl.epoch
    qtbot.waitUntil(lambda: ctl.epoch > at + 3, timeout=20000)
    assert w.training_bar.act_train.text() == CATALOG["Pause"]
    ctl.stop()


def test_switching_with_dialogs_open(qtbot):
    from ui import help_dialogs
    w = _window(qtbot)
    about = help_dialogs.show_about(w)
    keys = help_dialogs.show_shortcuts(w)
    qtbot.addWidget(about)
    qtbot.addWidget(keys)
    _choose(w, "ko")
    assert keys.windowTitle() == CATALOG["Keyboard shortcuts"]
    table = keys.findChild(QTableWidget, "shortcuts-table")
    assert table.horizontalHeaderItem(0).text() == CATALOG["Command"]
    about.close()
    keys.close()
    later = help_dialogs.show_shortcuts(w)  # opened afterwards: Korean from the start
    qtbot.addWidget(later)
    assert later.windowTitle() == CATALOG["Keyboard shortcuts"]
    later.close()


def test_the_selected_lesson_stays_and_shows_in_the_new_language(qtbot):
    from simulator.lessons import in_language
    w = _window(qtbot)
    panel = w.lessons
    panel.select(2)
    panel.question_boxes()[0].toggle()  # an answer shown
    _choose(w, "ko")
    assert panel.list.currentIndex() == 2
    lesson = panel.lessons[2]
    assert panel.text.text() == in_language(lesson.text, "ko")
    assert panel.list.itemText(2).endswith(in_language(lesson.title, "ko"))
    assert not panel.question_boxes()[0].answer.isHidden()


def test_relabeler_keeps_filled_in_values_and_the_remembered_source():
    catalog = {"Epoch {0} of {1}": "{1} 중 {0} 에포크", "Train": "학습", "Training": "학습",
               "Data": "데이터"}
    to_ko = Relabeler(catalog, "en", "ko")
    assert to_ko.translate("Epoch 12 of 300") == ("300 중 12 에포크", None)
    assert to_ko.translate("Data…") == ("데이터…", "Data")
    assert to_ko.translate("user's own text") is None
    back = Relabeler(catalog, "ko", "en")
    assert back.translate("학습", memo="Train") == ("Train", "Train")
    assert back.translate("학습") == ("Training", "Training")  # no memo: the title
    assert back.translate("300 중 12 에포크") == ("Epoch 12 of 300", None)
    assert back.translate("데이터\n2 · x") == ("Data\n2 · x", None)


def test_no_app_without_windows_is_needed(qapp):
    assert i18n.switch(QApplication.instance(), "ko") is True
    assert i18n.switch(QApplication.instance(), "ko") is False


def _cut_texts(window, dock) -> list[str]:
    """Buttons and one-line labels narrower than their text."""
    from PySide6.QtWidgets import QAbstractButton, QLabel
    out = []
    for w in dock.widget().findChildren(QWidget):
        if not w.isVisible() or w.visibleRegion().isEmpty():
            continue
        one_line = isinstance(w, QLabel) and not w.wordWrap() and w.text() \
            and w.textFormat() != Qt.RichText and "<" not in w.text()
        if (one_line or isinstance(w, QAbstractButton) and w.text()) and \
                w.width() < w.minimumSizeHint().width() - 1:
            out.append(f"{dock.objectName()}/{type(w).__name__} {w.text()!r}: "
                       f"{w.width()} < {w.minimumSizeHint().width()} px")
    return out


def test_korean_texts_fit_a_laptop_screen_after_a_live_switch(qtbot):
    from tests.test_layout import MAIN_DOCKS, TASKBAR, problems
    w = _window(qtbot)
    w.resize(1366, 768 - TASKBAR)
    w.reset_layout()
    w.resize(1366, 768 - TASKBAR)
    _choose(w, "ko")
    qtbot.wait(30)
    found = []
    for key in MAIN_DOCKS:
        w.docks[key].raise_()
        qtbot.wait(5)
        found += problems(w, w.docks[key]) + _cut_texts(w, w.docks[key])
    assert not found, "\n".join(found)
    # the check itself: a squeezed button is caught
    w.docks["data"].raise_()
    w.data_panel.import_button.setFixedWidth(30)
    qtbot.wait(5)
    assert any("CSV" in p for p in _cut_texts(w, w.docks["data"]))



def test_texts_drawn_after_training_follow_a_switch(qtbot):
    """Texts that exist only once a run has trained (the loss plot's best-epoch mark and
    legend, the status bar) follow a switch without waiting for the next epoch."""
    w = _window(qtbot)
    ctl, marks = w.training, w.plots["loss"].marks
    w.document.set_settings(epoch_limit=40)
    ctl.train()
    qtbot.waitUntil(lambda: ctl.state != "running" and ctl.epoch >= 40, timeout=30000)
    qtbot.waitUntil(lambda: marks.best_line.isVisible(), timeout=5000)
    english = marks.best_line.label.format
    assert english.startswith("best test ")
    _choose(w, "ko")
    qtbot.waitUntil(lambda: HANGUL.search(marks.best_line.label.format), timeout=2000)
    assert _left_over(w, "en", "ko") == []
    _choose(w, "en")
    qtbot.waitUntil(lambda: marks.best_line.label.format == english, timeout=2000)
    assert _left_over(w, "ko", "en") == []
