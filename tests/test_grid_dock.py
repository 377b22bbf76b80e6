"""The Grid search dock: run count, a real grid in worker processes streaming into the
table and heatmap, double-click applying a run (undoable), Cancel, CSV export."""

from __future__ import annotations

import csv
import math
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from simulator.document import Document
from simulator.palette import BLUE, ORANGE
from tests.windows import shown_window
from ui.experiments.results_model import COLUMNS


@pytest.fixture
def window(qtbot):
    w = shown_window(qtbot, docks=["grid"])
    yield w
    w.grid_dock.shutdown()
    w.document.mark_dirty(False)
    w.training.shutdown()


def fill(dock, hidden="3; 4,2", rates="0.03 0.3", seeds=2, epochs=20):
    dock.hidden.setText(hidden)
    dock.activations.setText("tanh")
    dock.rates.setText(rates)
    dock.seeds.setValue(seeds)
    dock.epochs.setValue(epochs)
    dock.workers.setValue(2)


def test_fields_show_the_run_count_or_what_is_wrong(window, qtbot):
    dock = window.grid_dock
    fill(dock)
    assert dock.summary.text().startswith("8 runs")
    assert dock.start_button.isEnabled()
    qtbot.waitUntil(lambda: "about" in dock.summary.text(), timeout=10000)  # the estimate
    assert not dock._timer.isActive()  # idle again: no polling without work
    dock.rates.setText("0.1 fast")
    assert "Learning rates" in dock.summary.text() and not dock.start_button.isEnabled()
    dock.rates.setText("0.1")
    dock.hidden.setText("4x")
    assert "hidden layout '4x'" in dock.summary.text() and not dock.start_button.isEnabled()


def test_a_grid_streams_into_the_table_and_double_click_applies_a_run(window, qtbot,
                                                                       tmp_path):
    dock, doc = window.grid_dock, window.document
    fill(dock)
    QTest.mouseClick(dock.start_button, Qt.LeftButton)
    assert dock.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dock.execution is None and dock._starting is None, timeout=30000)
    assert len(dock.results) == 8 and all(r.status == "ok" for r in dock.results)
    assert dock.model.rowCount() == 4 and dock.progress.value() == 8
    assert dock.progress_label.text().startswith("Finished 8 of 8 runs")

    # sort by test loss: the best configuration on top
    column = [k for k, _ in COLUMNS].index("test_loss")
    dock.table.sortByColumn(column, Qt.AscendingOrder)
    top = dock.proxy.mapToSource(dock.proxy.index(0, 0)).row()
    means = [r["test_loss_mean"] for r in dock.model.rows]
    assert means[top] == min(means)

    # heatmap (x = learning rate, y = layout): best cell blue, worst orange
    hm = dock.heatmap
    assert hm.xs == [0.03, 0.3] and hm.ys == ["3", "4,2"]
    i, j = np.unravel_index(np.nanargmin(hm.values), hm.values.shape)
    k, m = np.unravel_index(np.nanargmax(hm.values), hm.values.shape)
    assert hm.cell_color(i, j).getRgb()[:3] == BLUE
    assert hm.cell_color(k, m).getRgb()[:3] == ORANGE

    # double-click the top row: its best seed's network, settings and trained weights
    row = dock.model.rows[top]
    rect = dock.table.visualRect(dock.proxy.index(0, 0))
    QTest.mouseClick(dock.table.viewport(), Qt.LeftButton, pos=rect.center())
    QTest.mouseDClick(dock.table.viewport(), Qt.LeftButton, pos=rect.center())
    runs = [r for r in dock.results if r.row()["layout"] == row["layout"]
            and r.config.learning_rate == row["learning_rate"]]
    best = min(runs, key=lambda r: r.test_loss)
    assert doc.spec.sizes == [2, *best.config.hidden, 1]
    assert doc.settings.learning_rate == best.config.learning_rate
    assert doc.settings.seed == best.config.seed
    for (W, b), (W2, b2) in zip(doc.weights, best.weights, strict=True):
        assert np.array_equal(W, W2) and np.array_equal(b, b2)
    window.undo_stack.undo()
    assert doc.spec.sizes == [2, 4, 2, 1] and doc.settings.learning_rate == 0.03

    dock.export_csv(str(tmp_path / "grid.csv"))
    rows = list(csv.DictReader(open(tmp_path / "grid.csv", encoding="utf-8")))
    assert len(rows) == 4 and {r["runs"] for r in rows} == {"2"}


def test_cancel_stops_within_a_second_and_the_app_stays_usable(window, qtbot):
    dock = window.grid_dock
    fill(dock, hidden="8,8", rates="0.1", seeds=40, epochs=100_000)
    dock.start()
    qtbot.waitUntil(lambda: dock.execution is not None, timeout=20000)
    qtbot.wait(300)
    t0 = time.perf_counter()
    QTest.mouseClick(dock.cancel_button, Qt.LeftButton)
    assert time.perf_counter() - t0 < 1.0
    assert dock.execution is None and dock.start_button.isEnabled()
    assert dock.progress_label.text().startswith("Cancelled")
    fill(dock)  # a new grid runs at once
    dock.start()
    qtbot.waitUntil(lambda: dock.execution is None and dock._starting is None, timeout=30000)
    assert len(dock.results) == 8


def test_results_reopen_with_the_project(window, qtbot, tmp_path):
    from simulator.project import Project, load_project, save_project
    dock, doc = window.grid_dock, window.document
    fill(dock, hidden="3", rates="0.1", epochs=10)
    dock.start()
    qtbot.waitUntil(lambda: dock.execution is None and dock._starting is None, timeout=30000)
    assert len(doc.grid) == 2 and doc.dirty
    save_project(Project.from_document(doc), tmp_path / "p.annproj")
    doc.replace_with(Document())
    assert dock.model.rowCount() == 0
    doc.replace_with(load_project(tmp_path / "p.annproj").to_document())
    assert dock.model.rowCount() == 1
    assert dock.progress_label.text() == "2 runs saved with the project"
    assert "not saved with the project" in dock.boundary_note.text()  # no weights to draw
    assert dock.shown is None and dock.best_panel.isHidden()
    dock.apply_row(0)  # no trained weights in the file: the best seed's initial ones
    assert doc.spec.sizes == [2, 3, 1]
    for (W, _), (W2, _) in zip(doc.weights, doc.initial_weights(), strict=True):
        assert np.array_equal(W, W2)


def test_closing_the_window_leaves_no_worker_process(window, qtbot):
    dock = window.grid_dock
    fill(dock, hidden="8,8", rates="0.1", seeds=40, epochs=100_000)
    dock.start()
    window.close()  # while the pool may still be starting
    assert dock.execution is None
    qtbot.waitUntil(lambda: not __import__("multiprocessing").active_children(), timeout=5000)


def wait_for_pictures(dock, qtbot):
    qtbot.waitUntil(lambda: dock.execution is None and dock._starting is None, timeout=30000)
    qtbot.waitUntil(lambda: dock.shown is not None and dock._drawn is None
                    and not dock._drawing.is_alive(), timeout=10000)


def test_best_and_worst_pictures_show_those_runs_boundaries(window, qtbot):
    from simulator.experiments import GridData
    from simulator.experiments.boundaries import Plane, boundary
    dock, doc = window.grid_dock, window.document
    assert "as soon as a run has finished" in dock.boundary_note.text()
    fill(dock, hidden="3; 8", rates="0.03 0.3", seeds=1, epochs=60)
    dock.start()
    bar = dock.result_views.tabBar()
    QTest.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(1).center())
    assert dock.result_views.currentIndex() == 1 and not dock.x_axis.isEnabled()
    wait_for_pictures(dock, qtbot)
    window.docks["grid"].setFloating(True)  # room for pictures larger than the grid
    window.docks["grid"].resize(520, 1100)
    dock.split.setSizes([60, 200, 800])
    qtbot.waitUntil(lambda: dock.best_panel.image.image_rect().width() > 150, timeout=3000)
    best = min(dock.results, key=lambda r: r.test_loss)
    worst = max(dock.results, key=lambda r: r.test_loss)
    assert dock.shown == (best, worst) and dock.boundary_note.isHidden()
    for panel, kind, run in ((dock.best_panel, "best", best), (dock.worst_panel, "worst", worst)):
        c = run.config
        assert panel.text == (f"{kind}: {c.hidden[0]} tanh lr {c.learning_rate:g} — test loss "
                              f"{run.test_loss:.3g}")

    # the best picture's pixels are its grid's colours: orange where the run says class 0
    image = dock.best_panel.image
    b = boundary(best, GridData.from_document(doc), Plane.from_document(doc))
    shot = image.grab().toImage()
    points = [image.to_pixel(x, y) for x, y in image.plane.points]
    checked = {"orange": 0, "blue": 0}
    for iy in range(3, len(b.grid_y) - 3, 7):  # not the cells under the frame
        for ix in range(3, len(b.grid_x) - 3, 7):
            at = image.to_pixel(b.grid_x[ix], b.grid_y[iy])
            if min(math.hypot(at.x() - q.x(), at.y() - q.y()) for q in points) < 5:
                continue  # under a training point
            rgb = shot.pixelColor(int(at.x()), int(at.y())).getRgb()[:3]
            # this cell's colour, or a neighbour's where the picture is smaller than the grid
            near = {tuple(int(v) for v in c) for c in b.rgb[iy - 1:iy + 2, ix - 1:ix + 2]
                    .reshape(-1, 3)}
            assert rgb in near, (image.image_rect(), rgb)
            out = b.output[0, iy, ix]
            if out < 0.2:  # class 0: towards orange (245, 147, 34)
                assert rgb[0] > rgb[1] > rgb[2] and rgb[0] > 235
                checked["orange"] += 1
            elif out > 0.8:  # class 1: towards blue (8, 119, 189)
                assert rgb[2] > rgb[1] > rgb[0] and rgb[0] < 100
                checked["blue"] += 1
    assert checked["orange"] > 3 and checked["blue"] > 3
    # the training points in their class colours
    y = doc.data.train.Y[:, 0]
    k = int(np.flatnonzero(y == 1)[0])
    centre = points[k]
    assert shot.pixelColor(int(centre.x()), int(centre.y())).getRgb()[:3] == BLUE

    # a click on the worst picture selects its configuration's row
    QTest.mouseClick(dock.worst_panel.image, Qt.LeftButton)
    rows = dock.table.selectionModel().selectedRows()
    assert len(rows) == 1
    row = dock.model.rows[dock.proxy.mapToSource(rows[0]).row()]
    assert (row["layout"], row["learning_rate"]) == (str(worst.config.hidden[0]),
                                                     worst.config.learning_rate)

    # ranked by the measure the user picks: accuracy, higher is better
    dock.measure.setCurrentIndex(dock.measure.findData("test_metric_mean"))
    qtbot.waitUntil(lambda: dock.best_panel.text.startswith("best:")
                    and "test accuracy" in dock.best_panel.text, timeout=5000)
    assert dock.shown[0].test_metric == max(r.test_metric for r in dock.results)


def test_data_without_a_plane_shows_a_note_instead_of_pictures(window, qtbot):
    from simulator.settings import DataSource
    dock, doc = window.grid_dock, window.document
    doc.set_data(DataSource(name="features"))
    assert "2-D data only (this data has 3 inputs)" in dock.boundary_note.text()
    fill(dock, hidden="3", rates="0.1", seeds=1, epochs=5)
    dock.start()
    qtbot.waitUntil(lambda: dock.execution is None and dock._starting is None, timeout=30000)
    assert len(dock.results) == 1 and dock.shown is None
    assert "2-D data only" in dock.boundary_note.text()
    assert dock.best_panel.isHidden() and dock.worst_panel.isHidden()
