"""document.selection: one neuron or connection picked on the canvas or in the matrix view,
shown in both (real mouse clicks)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from simulator.document import Document
from ui.editor import style
from ui.editor.items import SELECTED_RING
from ui.main_window import MainWindow

SPEC = {"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                {"units": 3, "activation": "relu"},
                                {"units": 1, "activation": "tanh"}]}


# -- the model ----------------------------------------------------------------------------------
def test_selection_holds_one_pick_and_announces_each_change():
    doc = Document(spec=SPEC)
    seen = []
    doc.selection.changed.connect(seen.append)
    doc.selection.select_neuron(2, 1)
    doc.selection.select_neuron(2, 1)                 # the same pick again: no event
    assert doc.selection.current.neuron == (2, 1) and doc.selection.current.connection is None
    doc.selection.select_connection(1, 3, 2)
    assert doc.selection.current.connection == (1, 3, 2)
    doc.selection.select_connection(1, 4, 0)          # hidden 1 has 4 units: no neuron 4
    assert doc.selection.current.kind == "none"
    doc.selection.select_neuron(4, 0)                 # no column 4
    assert [s.kind for s in seen] == ["neuron", "connection", "none"]


def test_selection_follows_its_layer_through_edits_and_drops_what_is_gone():
    doc = Document(spec=SPEC)
    doc.selection.select_neuron(2, 2)                 # hidden 2, neuron 3
    doc.set_spec(doc.spec.with_layer_moved(1, 0))
    assert doc.selection.current.neuron == (1, 2)     # hidden 2 is the first layer now
    doc.selection.select_connection(0, 1, 2)          # inputs -> (moved) hidden layer
    doc.set_spec(doc.spec.with_units(1, 2))           # that layer keeps 2 units: no j = 2
    assert doc.selection.current.kind == "none"
    doc.selection.select_neuron(0, 1)
    doc.replace_with(Document(spec=SPEC))             # another project
    assert doc.selection.current.kind == "none"


# -- the window ---------------------------------------------------------------------------------
@pytest.fixture
def win(qtbot):
    w = MainWindow(document=Document(spec=SPEC))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.docks["math-matrix"].show()
    QApplication.processEvents()
    return w


def click_scene(qtbot, canvas, point: QPointF) -> None:
    qtbot.mouseClick(canvas.viewport(), Qt.LeftButton, pos=canvas.mapFromScene(point))


def click_cell(qtbot, block, row: int, col: int) -> None:
    view = block.view
    rect = view.visualRect(view.model().index(row, col))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())


def framed(block) -> list:
    return sorted(block.model.highlight)


def ring_pixel(canvas, neuron) -> QColor:
    """The colour on screen just outside the neuron's circle, where the selection ring is:
    of the pixels within 2 of that point, the bluest (at a small zoom the ring is ~2.5
    pixels wide and the point may fall on its antialiased edge)."""
    r = neuron.radius + SELECTED_RING / 2
    at = canvas.mapFromScene(neuron.scenePos() + QPointF(0, -r))
    image = canvas.viewport().grab().toImage()
    near = [image.pixelColor(at.x() + dx, at.y() + dy)
            for dx in range(-2, 3) for dy in range(-2, 3)]
    return max(near, key=lambda c: c.blue() - c.red())


def test_clicking_a_neuron_outlines_it_and_frames_its_column_in_the_matrix(qtbot, win):
    canvas, scene = win.canvas, win.canvas.network_scene
    matrix = win.mathviews["matrix"]
    neuron = scene.layer_item(2).neurons[1]           # hidden 2, neuron 2
    before = ring_pixel(canvas, neuron)
    click_scene(qtbot, canvas, neuron.scenePos())
    assert win.document.selection.current.neuron == (2, 1)
    assert neuron.selected and sum(n.selected for c in scene.layers for n in c.neurons) == 1
    ring = ring_pixel(canvas, neuron)
    assert ring != before and ring.blue() > ring.red() + 80   # the accent ring, not paper
    assert ring == style.ACCENT
    assert matrix.layer.currentIndex() == 1 and scene.selected_column == 2
    b = matrix.blocks
    assert framed(b["W"]) == [(i, 1) for i in range(4)]       # W[:, j] of the 4 inputs
    assert framed(b["b"]) == [(0, 1)]
    n = b["Z"].model.values.shape[0]
    assert framed(b["Z"]) == framed(b["H"]) == [(r, 1) for r in range(n)]
    assert framed(b["A"]) == []
    # an input neuron: its column of X and its row of W in the first layer
    click_scene(qtbot, canvas, scene.neuron_pos(0, 1))
    assert matrix.layer.currentIndex() == 0
    assert framed(b["A"]) == [(r, 1) for r in range(n)]
    assert framed(b["W"]) == [(1, j) for j in range(4)]
    assert not neuron.selected
    # the canvas's empty paper: nothing selected, nothing framed
    click_scene(qtbot, canvas, scene.neuron_pos(0, 0) + QPointF(-10, 400))
    assert win.document.selection.current.kind == "none"
    assert all(framed(block) == [] for block in b.values())


def test_clicking_a_connection_frames_its_weight_cell(qtbot, win):
    canvas, scene = win.canvas, win.canvas.network_scene
    matrix = win.mathviews["matrix"]
    line = scene.connection_item(1, 3, 2)              # hidden 1 #4 -> hidden 2 #3
    click_scene(qtbot, canvas, line.line.pointAt(0.3))
    assert win.document.selection.current.connection == (1, 3, 2)
    assert line.selected and line.isVisible()
    assert not line.flags() & line.GraphicsItemFlag.ItemHasNoContents  # it paints its halo
    assert matrix.layer.currentIndex() == 1
    assert framed(matrix.blocks["W"]) == [(3, 2)]
    assert matrix.sum.text().startswith("W[") and "=" in matrix.sum.text()


def test_clicks_in_the_matrix_select_on_the_canvas(qtbot, win):
    scene = win.canvas.network_scene
    matrix = win.mathviews["matrix"]
    matrix.show_layer(1)
    qtbot.waitUntil(lambda: matrix.matrices is not None and matrix.matrices.layer == 1)
    b = matrix.blocks
    click_cell(qtbot, b["W"], 2, 0)                    # W[2, 0] of hidden 1 -> hidden 2
    assert win.document.selection.current.connection == (1, 2, 0)
    assert scene.connection_item(1, 2, 0).selected
    assert framed(b["W"]) == [(2, 0)] and scene.selected_column == 2
    header = b["H"].view.horizontalHeader()            # the column header "h…" of unit 3
    x = header.sectionViewportPosition(2) + header.sectionSize(2) // 2
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))
    assert win.document.selection.current.neuron == (2, 2)
    assert scene.layer_item(2).neurons[2].selected
    assert not scene.connection_item(1, 2, 0).selected
    click_cell(qtbot, b["Z"], 1, 0)                    # a Z cell: its neuron and its sum
    assert win.document.selection.current.neuron == (2, 0)
    assert framed(b["Z"]) == [(1, 0)] and framed(b["A"]) == [(1, i) for i in range(4)]
    assert "=" in matrix.sum.text() and "\n" in matrix.sum.text()


def test_selection_survives_training_redraws_and_layer_edits(qtbot, win):
    doc, scene = win.document, win.canvas.network_scene
    click_scene(qtbot, win.canvas, scene.neuron_pos(2, 1))
    doc.set_weights([(W * 0.5, b) for W, b in doc.weights], reason="training")
    QApplication.processEvents()
    assert scene.layer_item(2).neurons[1].selected
    win.editor.controller.add_neuron(1)               # hidden 1 grows: hidden 2 is rebuilt
    doc.mark_dirty(False)  # else closing the window asks about saving (a modal box)
    assert doc.selection.current.neuron == (2, 1)
    assert scene.layer_item(2).neurons[1].selected    # the new item shows it
    matrix = win.mathviews["matrix"]
    qtbot.waitUntil(lambda: matrix.matrices is not None and matrix.matrices.W.shape[0] == 5)
    assert framed(matrix.blocks["W"]) == [(i, 1) for i in range(5)]
    assert np.all(np.isfinite(matrix.blocks["W"].model.values))
