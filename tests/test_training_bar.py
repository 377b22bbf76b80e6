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
