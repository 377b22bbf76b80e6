"""Double-clicking a neuron on the canvas enlarges its heatmap: the same array as
document.inspector's, coloured like the canvas, following new views while open."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from simulator import palette
from simulator.document import Document
from simulator.inspector import NEURON_STRIDE, compute_views, plot_points
from tests import qt_helpers as qh
from tests.test_editor import SPEC, make_window


@pytest.fixture
def win(qtbot):
    window, editor = make_window(qtbot)
    yield window, editor
    editor.detach()
    if editor.neuron_view is not None:
        editor.neuron_view.close()


def shown_rgb(view, row: int, col: int) -> tuple[int, int, int]:
    """Colour on screen at the centre of cell (row, col) of the enlarged picture."""
    x, y = view.heatmap.pixel_of(row, col)
    return QColor(view.heatmap.grab().toImage().pixel(QPoint(x, y))).getRgb()[:3]


def expected_rgb(values, scale, row: int, col: int) -> tuple[int, int, int]:
    return tuple(int(v) for v in palette.ramp(palette.neuron_t(values, scale))[row, col])


def test_double_click_enlarges_the_inspectors_heatmap(win):
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    assert editor.neuron_view is None
    qh.click(view, scene.neuron_pos(2, 1))  # a single click still only selects
    assert scene.selected_column == 2 and editor.neuron_view is None
    qh.double_click(view, scene.neuron_pos(2, 1))
    nv = editor.neuron_view
    assert nv is not None and nv.isVisible()
    assert (nv.column, nv.index) == (2, 1) and scene.selected_column == 2
    assert "Hidden 2 #2" in nv.windowTitle() and "ReLU" in nv.title.text()
    grid = doc.inspector.views.neuron_grids[2][1]
    assert np.array_equal(nv.values, grid[::-1, :])  # row 0: the top of the plane
    assert nv.heatmap.image_rect.width() >= 300 and nv.heatmap.image_rect.height() >= 300
    h, w = grid.shape
    scale = palette.activation_scale("relu")  # None: scaled by the neuron's largest |value|
    for row, col in ((0, 0), (h // 2, w // 3), (h - 1, w - 1), (3, w - 2)):
        assert shown_rgb(nv, row, col) == expected_rgb(nv.values, scale, row, col)
    # the axes are the plane's extent (the grid points shown)
    views = doc.inspector.views
    (x0, x1), (y0, y1) = nv.heatmap.extent
    assert x0 == pytest.approx(views.grid_x[0]) and y1 == pytest.approx(
        views.grid_y[::NEURON_STRIDE][-1])
    assert x1 == pytest.approx(views.grid_x[::NEURON_STRIDE][-1])


def test_the_enlarged_view_follows_new_views_and_other_neurons(win):
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    qh.double_click(view, scene.neuron_pos(1, 0))
    nv = editor.neuron_view
    assert np.array_equal(nv.values, doc.inspector.views.neuron_grids[1][0][::-1, :])
    # new views (as the worker sends them) redraw the open view
    fresh = Document(spec=SPEC, settings=replace(doc.settings, seed=7))
    other = compute_views(fresh.build_network(), *plot_points(doc))
    doc.inspector.set_views(other)
    QApplication.processEvents()
    assert np.array_equal(nv.values, other.neuron_grids[1][0][::-1, :])
    tanh = palette.activation_scale("tanh")
    h, w = nv.values.shape
    for row, col in ((1, 1), (h - 2, w // 2)):
        assert shown_rgb(nv, row, col) == expected_rgb(nv.values, tanh, row, col)
    # another neuron's double-click retargets the same window; the output neuron uses
    # the output plot's colour scale, as on the canvas
    out = len(doc.spec.sizes) - 1
    qh.double_click(view, scene.neuron_pos(out, 0))
    assert editor.neuron_view is nv and (nv.column, nv.index) == (out, 0)
    assert np.array_equal(nv.values, other.neuron_grids[out][0][::-1, :])
    assert shown_rgb(nv, 2, 2) == expected_rgb(nv.values, other.output_scale, 2, 2)
    # views without a plane (1-input or table data): the view says so, no stale picture
    doc.inspector.set_views(compute_views(fresh.build_network(), plot_points(doc)[0], None))
    QApplication.processEvents()
    assert nv.values is None and nv.heatmap.image is None and "two inputs" in nv.caption.text()
