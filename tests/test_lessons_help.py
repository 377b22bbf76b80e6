"""Help menu (About, keyboard shortcuts), engine messages in Korean, the train-share term."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

import resources
from ui import engine_text, i18n


@pytest.fixture
def window(qtbot):
    from ui.main_window import MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.training.shutdown()


@pytest.fixture
def korean(qapp):
    translator = i18n.CatalogTranslator(i18n.load_catalog(), qapp)
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def _menu_action(window, text):
    return next(a for a in window.help_menu.actions() if a.text() == text)


def test_about_names_version_licences_and_where_to_report(window):
    from PySide6.QtWidgets import QTextBrowser

    from ui import help_dialogs
    _menu_action(window, "&About").trigger()
    about = window.findChild(QTextBrowser, "about-text")
    text = about.toPlainText()
    assert help_dialogs.version() == "0.1.0"
    for needle in ("0.1.0", "NanumGothic", "SIL Open Font License 1.1", "CC BY 4.0",
                   "UCI", "issue tracker"):
        assert needle in text, needle
    assert resources.path("fonts", "LICENSE-NanumGothic.txt").exists()


def test_keyboard_shortcuts_lists_the_windows_real_shortcuts(window):
    from ui import help_dialogs
    rows = dict(help_dialogs.shortcuts(window))
    assert rows["Open"] == "Ctrl+O" and rows["Lessons"] == "F1"
    assert "Ctrl+Z" in rows["Undo"]
    _menu_action(window, "&Keyboard Shortcuts").trigger()
    from PySide6.QtWidgets import QTableWidget
    table = window.findChild(QTableWidget, "shortcuts-table")
    assert table is not None and table.rowCount() == len(rows)
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "Open" in names and "&" not in "".join(names)


def test_engine_messages_in_korean(korean):
    msg = "'notes.annproj' is not a project file: not a zip archive"
    assert engine_text.translate(msg) == \
        "'notes.annproj'은(는) 프로젝트 파일이 아닙니다: zip 압축 파일이 아닙니다"
    nested = "the project cannot be opened: 'a.annproj' does not exist"
    assert engine_text.translate(nested) == "프로젝트를 열 수 없습니다: 'a.annproj' 파일이 없습니다"
    lesson = "x.lesson.json: field 'speed': missing"
    assert engine_text.translate(lesson) == "x.lesson.json: 항목 'speed'이(가) 없습니다"
    free = "something the table does not know"
    assert engine_text.translate(free) == free


def test_engine_messages_stay_english_without_the_catalog():
    msg = "'notes.annproj' is not a project file: not a zip archive"
    assert engine_text.translate(msg) == msg


def test_open_dialog_shows_the_engine_message_translated(window, korean, tmp_path,
                                                         monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: shown.append(text)))
    bad = tmp_path / "notes.annproj"
    bad.write_text("hello", encoding="utf-8")
    assert not window.files.open_path(bad, ask=False)
    assert shown and "zip 압축 파일이 아닙니다" in shown[0] and "not a zip" not in shown[0]


def test_train_share_is_not_called_like_the_learning_rate(korean):
    catalog = i18n.load_catalog()
    assert "학습 비율" not in "".join(catalog.values())
    assert catalog["Training data"] == "훈련 데이터 비율"
    assert any(v.startswith("학습률") for k, v in catalog.items() if k.startswith("Learning rate"))
    assert QCoreApplication.translate("DataPanel", "Training data") == "훈련 데이터 비율"
