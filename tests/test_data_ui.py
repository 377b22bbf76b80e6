"""The dataset panel, the import dialog and the editable data plot, with real input events."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget

from simulator import DataSource
from simulator.document import Document
from tests import qt_helpers as qh
from ui import data
from ui.data.table_model import VALUE_ROLE
from ui.fonts import install_app_font
from ui.main_window import MainWindow


@pytest.fixture
def win(qtbot, qapp):
    install_app_font(qapp)
    doc = Document(data_source=DataSource(name="circle", params={"n_points": 200}))
    window = MainWindow(document=doc, install_parts=False)
    window.setCentralWidget(QWidget())
    panel = data.install(window)
    qtbot.addWidget(window)
    window.resize(1200, 900)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    yield window, panel
    panel.detach()
    window.close()
    window.deleteLater()  # plot widgets must not outlive the test (pyqtgraph at exit)
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def state(doc):
    """What a data edit may change, comparable with ==."""
    return (doc.spec.to_dict(), doc.data_source.to_dict(), doc.settings.to_dict(),
            [(W.tolist(), b.tolist()) for W, b in doc.weights])


def click_thumbnail(qtbot, panel, name):
    button = panel.buttons[name]
    panel.chooser.setCurrentWidget(button.parentWidget())
    qtbot.mouseClick(button, Qt.LeftButton)


def test_choosing_a_builtin_resizes_the_network_and_undo_restores_it(win, qtbot):
    window, panel = win
    doc = window.document
    before, data0 = state(doc), doc.data
    assert panel.buttons["circle"].isChecked()
    click_thumbnail(qtbot, panel, "iris")
    assert doc.dataset.name == "iris" and doc.data_source.name == "iris"
    assert doc.spec.inputs == 4 and doc.spec.layers[-1].units == 3
    assert panel.buttons["iris"].isChecked() and not panel.buttons["circle"].isChecked()
    assert panel.rows_model.rowCount() == 150
    assert panel.rows_model.columnCount() == 1 + 4 + 1  # part, 4 features, class
    assert not panel.tabs.isTabEnabled(panel.plot_tab)  # 4 features: no 2-D plot
    assert window.undo_stack.count() == 1  # one step, spec change included

    window.undo_stack.undo()
    assert state(doc) == before and doc.data is data0
    assert panel.buttons["circle"].isChecked() and panel.rows_model.rowCount() == 200
    assert panel.tabs.isTabEnabled(panel.plot_tab)

    click_thumbnail(qtbot, panel, "xor_gate")  # 4-row tables train on every row
    assert doc.data_source.train_ratio == 1.0 and len(doc.data.train_indices) == 4
    assert doc.spec.inputs == 2 and doc.spec.layers[-1].units == 1
    assert panel.ratio.slider.value() == panel.ratio.slider.maximum()
    assert not panel.points.isEnabled() and not panel.regenerate_button.isEnabled()


def test_sliders_seed_and_regenerate_make_new_points(win, qtbot):
    window, panel = win
    doc = window.document
    X0 = doc.dataset.X.copy()
    panel.points.set_value(400, emit=True)  # what releasing the dragged slider does
    assert len(doc.dataset) == 400 and doc.data_source.params["n_points"] == 400
    assert panel.points.label.text() == "400"
    panel.points.slider.setFocus()
    qtbot.keyClick(panel.points.slider, Qt.Key_Right)  # one step (10 points) with the keys
    assert len(doc.dataset) == 410 and panel.points.label.text() == "410"
    panel.noise.set_value(0.25, emit=True)
    assert doc.data_source.params["noise"] == pytest.approx(0.25)
    noisy = doc.dataset.X.copy()
    qtbot.mouseClick(panel.regenerate_button, Qt.LeftButton)
    assert doc.data_source.params["seed"] == 1 and panel.seed.value() == 1
    assert not np.array_equal(doc.dataset.X, noisy)
    panel.ratio.set_value(80, emit=True)
    assert doc.data_source.train_ratio == pytest.approx(0.8)
    assert len(doc.data.train_indices) == 328
    panel.normalization.setCurrentIndex(panel.normalization.findData("standardize"))
    assert doc.data_source.normalization == "standardize"
    assert np.allclose(doc.data.train.X.mean(axis=0), 0, atol=1e-9)
    assert window.undo_stack.count() == 6
    for _ in range(6):
        window.undo_stack.undo()
    assert np.array_equal(doc.dataset.X, X0) and doc.data_source.params == {"n_points": 200}
    assert panel.points.value() == 200 and panel.noise.value() == 0
    assert panel.normalization.currentData() == "none"


def test_refused_edit_goes_to_the_status_bar_and_changes_nothing(win):
    window, panel = win
    doc = window.document
    before, data0 = state(doc), doc.data
    assert not panel.set_param("n_points", 5, "too few")  # below the generator's minimum
    assert state(doc) == before and doc.data is data0 and window.undo_stack.count() == 0
    assert "n_points" in window.statusBar().currentMessage()
    assert panel.points.value() == 200


def test_rows_table_shows_membership_and_handles_digits(win, qtbot):
    window, panel = win
    doc = window.document
    model = panel.rows_model
    train = set(doc.data.train_indices.tolist())
    parts = [model.data(model.index(r, 0), VALUE_ROLE) for r in range(model.rowCount())]
    assert parts == ["train" if r in train else "test" for r in range(len(doc.dataset))]
    assert model.data(model.index(0, 1)) == f"{doc.dataset.X[0, 0]:.6g}"
    click_thumbnail(qtbot, panel, "digits")
    assert (model.rowCount(), model.columnCount()) == (1797, 1 + 64 + 1)
    assert model.data(model.index(5, 65)) == doc.dataset.target_names[doc.dataset.labels[5]]
    panel.tabs.setCurrentIndex(panel.rows_tab)
    panel.table.scrollToBottom()
    QApplication.processEvents()


def write_cp949(path, text):
    path.write_bytes(text.encode("cp949"))
    return path


def test_import_dialog_previews_and_imports_a_cp949_korean_csv(win, qtbot, tmp_path):
    window, panel = win
    doc = window.document
    csv = write_cp949(tmp_path / "키와몸무게.csv",
                      "키,몸무게,성별\n170,65,남\n160,50,여\n182,80,남\n155,48,여\n175,70,남\n")
    dlg = panel.open_import_dialog()
    assert not dlg.ok_button.isEnabled()
    dlg.path_edit.setText(str(csv))  # (keyClicks cannot type Hangul)
    qtbot.keyClick(dlg.path_edit, Qt.Key_Return)
    pm = dlg.preview_model
    headers = [pm.headerData(j, Qt.Horizontal) for j in range(pm.columnCount())]
    assert headers == ["키", "몸무게", "성별"] and pm.rowCount() == 5
    assert pm.item(1, 2).text() == "여" and "cp949" in dlg.info.text()
    assert dlg.target_box.currentText() == "성별"
    assert dlg.ok_button.isEnabled() and not dlg.error_label.isVisible()
    metrics = QFontMetrics(dlg.preview_view.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "키몸무게성별남여")
    qtbot.mouseClick(dlg.ok_button, Qt.LeftButton)

    ds = doc.dataset
    assert doc.data_source.kind == "imported" and doc.data_source.name == "키와몸무게"
    assert ds.feature_names == ("키", "몸무게") and ds.class_names == ("남", "여")
    assert doc.spec.inputs == 2 and doc.spec.layers[-1].units == 1
    assert panel.rows_model.headerData(1, Qt.Horizontal) == "키"
    assert panel.rows_model.data(panel.rows_model.index(1, 3)) == "여"
    assert "키와몸무게" in panel.title_label.text()
    assert not any(b.isChecked() for b in panel.buttons.values())
    window.undo_stack.undo()
    assert doc.data_source.kind == "builtin" and doc.dataset.name == "circle"


def test_import_dialog_task_and_target_choices(win, qtbot, tmp_path):
    window, panel = win
    csv = tmp_path / "grades.csv"
    rows = "".join(f"{h};{40 + 6 * h},5;{g}\n" for h, g in enumerate([1, 1, 2, 2, 2, 3, 3, 3]))
    csv.write_text("hours;score;grade\n" + rows, encoding="utf-8")
    dlg = panel.open_import_dialog()
    dlg.set_path(csv)
    assert dlg.dataset.task == "classification"  # auto: few whole numbers
    dlg.task_box.setCurrentIndex(dlg.task_box.findData("regression"))
    assert dlg.dataset.task == "regression"
    dlg.target_box.setCurrentText("score")
    assert dlg.dataset.target_names == ("score",) and dlg.dataset.feature_names == (
        "hours", "grade")
    assert "regression" in dlg.summary.text()
    dlg.reject()


def test_bad_csv_shows_the_error_inline_and_leaves_the_document_alone(win, qtbot, tmp_path):
    window, panel = win
    doc = window.document
    before, data0 = state(doc), doc.data
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,label\n1,2,x\n3,oops,y\n5,6,x\n", encoding="utf-8")
    dlg = panel.open_import_dialog()
    dlg.set_path(bad)
    assert not dlg.ok_button.isEnabled() and dlg.dataset is None
    message = dlg.error_label.text()
    assert dlg.error_label.isVisible() and "row 3" in message and "'b'" in message
    assert dlg.preview_model.item(1, 1).background().color().name() != "#000000"
    assert dlg.preview_model.item(1, 1).background().style() != Qt.NoBrush
    assert dlg.preview_model.item(0, 1).background().style() == Qt.NoBrush
    qtbot.keyClick(dlg, Qt.Key_Return)  # Enter does not accept an invalid file
    assert dlg.isVisible()
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    dlg.set_path(binary)
    assert "binary" in dlg.error_label.text() and not dlg.ok_button.isEnabled()
    dlg.set_path(tmp_path / "missing.csv")
    assert "not found" in dlg.error_label.text() and not dlg.ok_button.isEnabled()
    dlg.reject()
    assert state(doc) == before and doc.data is data0 and window.undo_stack.count() == 0


def test_clicking_the_plot_adds_and_removes_points_with_undo(win, qtbot):
    window, panel = win
    doc = window.document
    plot = panel.plot
    panel.tabs.setCurrentIndex(panel.plot_tab)
    QApplication.processEvents()
    n0, data0 = len(doc.dataset), doc.data
    plot.set_chosen_class(0)
    qh.click(plot.view, plot.scene_point(1.0, -1.5))
    ds = doc.dataset
    assert len(ds) == n0 + 1 and ds.labels[-1] == 0
    assert ds.X[-1] == pytest.approx([1.0, -1.5], abs=0.1)
    plot.set_chosen_class(1)
    qh.click(plot.view, plot.scene_point(4.5, 4.5))
    assert len(doc.dataset) == n0 + 2 and doc.dataset.labels[-1] == 1
    assert doc.data_source.kind == "builtin" and doc.data_source.name == "circle"

    target = 17
    x, y = doc.dataset.X[target]
    qh.click(plot.view, plot.scene_point(x, y), Qt.RightButton)
    after = doc.dataset
    assert len(after) == n0 + 1
    assert not np.any(np.all(after.X == [x, y], axis=1))
    assert panel.rows_model.rowCount() == n0 + 1
    assert window.undo_stack.count() == 3
    window.undo_stack.undo()
    assert len(doc.dataset) == n0 + 2 and np.any(np.all(doc.dataset.X == [x, y], axis=1))
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert doc.data is data0 and len(doc.dataset) == n0
    assert len(plot.train_item.data) + len(plot.test_item.data) == n0

    # Clicking the chosen thumbnail again drops the hand-made points (undoable too).
    qh.click(plot.view, plot.scene_point(0.5, 0.5))
    assert len(doc.dataset) == n0 + 1
    click_thumbnail(qtbot, panel, "circle")
    assert len(doc.dataset) == n0 and np.array_equal(doc.dataset.X, data0.dataset.X)
    window.undo_stack.undo()
    assert len(doc.dataset) == n0 + 1


def test_plot_is_read_only_for_regression_and_import_in_file_menu(win, qtbot):
    window, panel = win
    click_thumbnail(qtbot, panel, "plane")
    assert panel.tabs.isTabEnabled(panel.plot_tab) and not panel.plot.class_box.isVisible()
    n = len(window.document.dataset)
    panel.tabs.setCurrentIndex(panel.plot_tab)
    QApplication.processEvents()
    qh.click(panel.plot.view, panel.plot.scene_point(0.0, 0.0))
    assert len(window.document.dataset) == n and window.undo_stack.count() == 1
    texts = [a.text() for a in window.file_menu.actions()]
    assert any("CSV" in t for t in texts)


def test_document_reset_refreshes_the_panel(win):
    window, panel = win
    other = Document(data_source=DataSource(name="wine"))
    window.document.replace_with(other)
    assert panel.buttons["wine"].isChecked() and panel.rows_model.rowCount() == 178
    assert panel.chooser.currentWidget() is panel.buttons["wine"].parentWidget()


def test_targets_out_of_the_output_range_are_named_with_a_remedy(win, qtbot):
    """The lecture's feature table (targets 7..12) under a tanh output: said, and fixed."""
    window, panel = win
    doc = window.document
    assert not panel.output_hint.box.isVisibleTo(panel)
    click_thumbnail(qtbot, panel, "features")
    assert doc.spec.layers[-1].activation == "tanh"
    assert panel.output_hint.box.isVisibleTo(panel)
    assert "7" in panel.output_hint.text() and "12" in panel.output_hint.text()
    assert "-1 … 1" in panel.output_hint.text() and "linear" in panel.output_fix.text()
    qtbot.mouseClick(panel.output_fix, Qt.LeftButton)
    assert doc.spec.layers[-1].activation == "linear"
    assert not panel.output_hint.box.isVisibleTo(panel)
    window.undo_stack.undo()
    assert panel.output_hint.box.isVisibleTo(panel)


def test_imported_tables_are_standardized_and_large_inputs_are_flagged(win, qtbot, tmp_path):
    window, panel = win
    doc = window.document
    rows = "".join(f"{(3 * k) % 17},{(5 * k) % 17},{k % 2}\n" for k in range(40))
    csv = tmp_path / "pixels.csv"
    csv.write_text("p1,p2,digit\n" + rows, encoding="utf-8")
    dlg = panel.open_import_dialog()
    dlg.set_path(csv)
    qtbot.mouseClick(dlg.ok_button, Qt.LeftButton)
    assert doc.data_source.normalization == "standardize"
    assert doc.data.largest_input < 3 and not panel.input_hint.box.isVisibleTo(panel)
    panel.set_normalization("none")  # pixel values 0..16 reach the network as they are
    assert panel.input_hint.box.isVisibleTo(panel) and "16" in panel.input_hint.text()
    qtbot.mouseClick(panel.input_fix, Qt.LeftButton)
    assert doc.data_source.normalization == "standardize"
    assert not panel.input_hint.box.isVisibleTo(panel)
