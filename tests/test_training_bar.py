"""The training toolbar and status bar follow the open project."""

from __future__ import annotations

import pytest

from simulator.document import Document
from simulator.settings import DataSource


@pytest.fixture
def window(qtbot):
    from ui.main_window import MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    w.files.ask_unsaved = lambda: "discard"
    yield w
    w.document.mark_dirty(False)
    w.training.shutdown()


def test_status_bar_shows_the_opened_projects_losses(window):
    bar = window.training_bar
    window.document.append_history([{"epoch": 1, "train_loss": 0.25, "test_loss": 0.5}])
    assert "0.2500" in bar.status_train.text() and "0.5000" in bar.status_test.text()
    window.document.replace_with(Document(data_source=DataSource(name="xor")))
    assert "0.25" not in bar.status_train.text() and "0.5" not in bar.status_test.text()
    assert "—" in bar.status_train.text()


def test_early_stopping_is_set_in_the_hyperparameter_panel(window):
    panel, doc = window.training_panel, window.document
    assert not panel.restore_best.isEnabled()  # nothing to restore while it is off
    panel.patience.setValue(5)
    assert doc.settings.patience == 5 and panel.restore_best.isEnabled()
    panel.restore_best.setChecked(False)
    assert doc.settings.restore_best is False
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert (doc.settings.patience, doc.settings.restore_best) == (0, True)
    assert panel.patience.value() == 0 and panel.restore_best.isChecked()
