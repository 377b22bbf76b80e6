"""Undo and redo: shortcuts, what undo tells the training worker, bounded memory."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from ui.commands import edit


@pytest.fixture
def bare_window(qtbot, monkeypatch):
    from ui import main_window

    class GnomeKeys(QKeySequence):
        """The platform's Redo as GNOME and KDE define it (offscreen Qt says Ctrl+Y)."""
        Redo = QKeySequence("Ctrl+Shift+Z")

    monkeypatch.setattr(main_window, "QKeySequence", GnomeKeys)
    w = main_window.MainWindow(install_parts=False)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    return w


@pytest.mark.parametrize("keys", [(Qt.Key_Y, Qt.ControlModifier),
                                  (Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)])
def test_redo_shortcuts_work_without_ambiguity(bare_window, qtbot, qtlog, keys):
    doc, stack = bare_window.document, bare_window.undo_stack
    edit(stack, doc, "rate", lambda: doc.set_settings(learning_rate=0.3))
    qtbot.keyClick(bare_window, Qt.Key_Z, Qt.ControlModifier)
    assert doc.settings.learning_rate == 0.03
    qtbot.keyClick(bare_window, *keys)
    assert doc.settings.learning_rate == 0.3
    assert not [r for r in qtlog.records if "Ambiguous" in r.message]
