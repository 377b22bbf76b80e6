"""The network editor, driven with real mouse, key and drag-and-drop events."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu

from simulator import palette
from simulator.document import Document
from simulator.inspector import NEURON_STRIDE, compute_views, plot_points
from tests import qt_helpers as qh
from ui.editor import install, style
from ui.editor.connections import ConnectionItem
from ui.main_window import MainWindow

SPEC = {"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                {"units": 3, "activation": "relu"},
                                {"units": 1, "activation": "tanh"}]}


def make_window(qtbot, spec=SPEC):
    doc = Document(spec=spec)
    window = MainWindow(document=doc, install_parts=False)
    editor = install(window)
    qtbot.addWidget(window)
    window.resize(1300, 820)
    window.show()
    qtbot.waitExposed(window)
    doc.inspector.refresh()  # in the app the training controller does this (no part here)
    QApplication.processEvents()
    return window, editor


@pytest.fixture
def win(qtbot):
    window, editor = make_window(qtbot)
    yield window, editor
    editor.detach()


def weights_copy(doc):
    return [(W.copy(), b.copy()) for W, b in doc.weights]


def same_weights(a, b):
    return len(a) == len(b) and all(np.array_equal(Wa, Wb) and np.array_equal(ba, bb)
                                    for (Wa, ba), (Wb, bb) in zip(a, b, strict=True))


def along(item: ConnectionItem, t: float = 0.3) -> QPointF:
    """A scene point on a connection line (away from crossings at the midpoint)."""
    return item.line.pointAt(t)


def send_drag(view, mime, scene_point, kind):
    """Send one real drag event (as QDrag would) to the viewport; returns it."""
    pos = qh.view_point(view, scene_point)
    if kind == "drop":  # PySide6 < 6.12 takes a QPoint for enter/move, a QPointF for drop
        ev = QDropEvent(QPointF(pos), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    else:
        cls = QDragEnterEvent if kind == "enter" else QDragMoveEvent
        ev = cls(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(view.viewport(), ev)
    return ev


# -- drag and drop -----------------------------------------------------------------------------
def test_palette_drop_inserts_layer_where_dropped(win):
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    editor.palette.units.setValue(5)
    mime = editor.palette.mime_for("relu")
    target = QPointF(scene.gap_x(0), 0)  # between the inputs and Hidden 1
    send_drag(view, mime, target, "enter")
    send_drag(view, mime, QPointF(scene.gap_x(0) + 10, 20), "move")
    assert scene.marker.isVisible()
    assert scene.marker.x() == pytest.approx(scene.gap_x(0))
    ev = send_drag(view, mime, target, "drop")
    assert ev.isAccepted()
    assert not scene.marker.isVisible()
    assert [(lay.units, lay.activation) for lay in doc.spec.layers] == \
        [(5, "relu"), (4, "tanh"), (3, "relu"), (1, "tanh")]
    assert doc.build_network().sizes == [2, 5, 4, 3, 1]
    assert len(scene.layers) == 5 and scene.layers[1].units == 5

    # a drop between the last hidden layer and the output lands just before the output
    mime = editor.palette.mime_for("sigmoid")
    send_drag(view, mime, QPointF(scene.gap_x(1), 0), "enter")
    send_drag(view, mime, QPointF(scene.gap_x(3), 0), "move")
    assert scene.marker.x() == pytest.approx(scene.gap_x(3))
    send_drag(view, mime, QPointF(scene.gap_x(3), 0), "drop")
    assert [lay.activation for lay in doc.spec.layers] == ["relu", "tanh", "relu", "sigmoid",
                                                          "tanh"]
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert doc.spec == Document(spec=SPEC).spec


def test_palette_offers_every_activation_but_softmax(win):
    _, editor = win
    from simulator.spec import ACTIVATIONS
    from ui.editor.palette import LAYER_MIME
    offered = {editor.palette.list.item(k).data(Qt.UserRole + 1)
               for k in range(editor.palette.list.count())}
    assert offered == set(ACTIVATIONS) - {"softmax"}
    assert editor.palette.mime_for("tanh").hasFormat(LAYER_MIME)


def test_reorder_hidden_layers_by_dragging_the_header(win):
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    before = doc.spec.copy()
    header = scene.layer_item(1).header
    start = header.scenePos()
    end = QPointF(scene.gap_x(2), start.y())  # between Hidden 2 and the output
    qh.press(view, start)
    for k in range(1, 9):
        qh._send(view, qh.QEvent.MouseMove, qh.view_point(view, start + (end - start) * (k / 8)),
                 Qt.NoButton, Qt.LeftButton)
    assert scene.marker.isVisible()  # the insertion marker shows where it will land
    qh.release(view, end)
    assert [(lay.units, lay.activation) for lay in doc.spec.layers] == \
        [(3, "relu"), (4, "tanh"), (1, "tanh")]
    assert not scene.marker.isVisible()
    assert scene.layer_item(2).header.title.startswith("Hidden 2 · 4 · tanh")
    window.undo_stack.undo()
    assert doc.spec == before


def test_input_and_output_columns_refuse_to_move(win):
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    before = doc.spec.copy()
    start = scene.layer_item(0).header.scenePos()
    qh.drag(view, start, start + QPointF(300, 0))
    assert doc.spec == before
    assert "follow the data" in window.statusBar().currentMessage()
    out = scene.layer_item(3).header.scenePos()
    qh.drag(view, out, out - QPointF(300, 0))
    assert doc.spec == before
    assert window.undo_stack.count() == 0


# -- neurons ------------------------------------------------------------------------------------
def test_plus_and_minus_buttons_change_units(win):
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    qh.click(view, scene.layer_item(1).plus.scenePos())
    assert doc.spec.sizes == [2, 5, 3, 1]
    assert doc.build_network().sizes == [2, 5, 3, 1]
    assert len(scene.layer_item(1).neurons) == 5
    qh.click(view, scene.layer_item(2).minus.scenePos())
    qh.click(view, scene.layer_item(2).minus.scenePos())
    assert doc.spec.sizes == [2, 5, 1, 1]
    qh.click(view, scene.layer_item(2).minus.scenePos())  # 1 neuron is the minimum
    assert doc.spec.sizes == [2, 5, 1, 1]
    assert window.statusBar().currentMessage()
    window.undo_stack.undo()
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert doc.spec.sizes == [2, 4, 3, 1]
    assert scene.layer_item(3).plus is None  # the output follows the data: no buttons


@pytest.mark.parametrize("which, sizes", [("plus", [2, 7, 3, 1]), ("minus", [2, 1, 3, 1])])
def test_quick_clicks_on_plus_or_minus_hit_the_same_button(win, which, sizes):
    """The column grows or shrinks around its centre; the button stays under the pointer."""
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    at = qh.view_point(view, getattr(scene.layer_item(1), which).scenePos())
    for _ in range(3):
        for kind, buttons in ((QEvent.MouseButtonPress, Qt.LeftButton),
                              (QEvent.MouseButtonRelease, Qt.NoButton)):
            qh._send(view, kind, at, Qt.LeftButton, buttons)
        assert qh.view_point(view, getattr(scene.layer_item(1), which).scenePos()) == at
    assert doc.spec.sizes == sizes


# -- delete, undo, item leaks ----------------------------------------------------------------------
def test_delete_key_removes_layer_and_undo_restores_spec_and_weights(win, qtbot):
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    spec0, w0 = doc.spec.copy(), weights_copy(doc)
    count0 = len(scene.items())
    layer = scene.layer_item(2)
    doomed = [layer, layer.background, *layer.neurons, *layer.biases, layer.header,
              layer.plus, layer.minus, scene.groups[1], scene.groups[2],
              *[c for row in scene.groups[1].items for c in row]]
    qh.click(view, layer.header.scenePos())
    assert scene.selected_column == 2
    assert editor.properties.title.text() == "Hidden 2"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_Delete)
    assert [lay.units for lay in doc.spec.layers] == [4, 1]
    items = set(scene.items())
    assert not any(it in items for it in doomed)
    assert all(it.scene() is None for it in doomed)
    assert len(scene.items()) < count0
    # the scene holds exactly what a fresh layout of the new spec holds
    scene.rebuild()
    n_fresh = len(scene.items())
    window.undo_stack.undo()
    assert doc.spec == spec0
    assert same_weights(doc.weights, w0)
    assert len(scene.items()) == count0
    window.undo_stack.redo()
    assert len(scene.items()) == n_fresh
    QApplication.processEvents()  # removed items are released once the event loop turns
    assert scene._graveyard == []


def test_deleting_output_or_input_is_refused_with_a_message(win, qtbot):
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    before = doc.spec.copy()
    for column in (3, 0):
        qh.click(view, scene.layer_item(column).header.scenePos())
        view.setFocus()
        qtbot.keyClick(view, Qt.Key_Delete)
        assert doc.spec == before
        assert window.statusBar().currentMessage()
    assert editor.controller.set_units(0, 5) is False
    assert editor.controller.remove_neuron(3) is False
    assert editor.controller.move_layer(2, 0) is False
    assert editor.controller.insert_layer(1, "softmax") is False  # softmax is output-only
    assert doc.spec == before and window.undo_stack.count() == 0


def test_edit_menu_has_delete_fit_and_zoom(win):
    window, editor = win
    texts = [a.text().replace("&", "") for a in window.edit_menu.actions()]
    assert {"Delete layer", "Fit to view", "Zoom in", "Zoom out"} <= set(texts)
    z = editor.canvas.zoom
    editor.actions["zoom_in"].trigger()
    assert editor.canvas.zoom > z
    editor.actions["fit"].trigger()
    assert editor.canvas.zoom == pytest.approx(z)


# -- connections --------------------------------------------------------------------------------
def test_ctrl_click_removes_and_restores_a_connection(win):
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    item = scene.connection_item(0, 0, 0)
    p = along(item)
    assert scene.itemAt(p, view.transform()) is item
    qh.click(view, p, modifiers=Qt.ControlModifier)
    mask = doc.spec.layers[0].mask
    assert mask is not None and mask[0, 0] == 0 and mask.sum() == mask.size - 1
    assert doc.weights[0][0][0, 0] == 0
    assert doc.build_network().spec.layers[0].mask[0, 0] == 0
    item = scene.connection_item(0, 0, 0)
    assert not item.connected and item.pen.style() == Qt.DashLine
    qh.click(view, along(item), modifiers=Qt.ControlModifier)
    assert doc.spec.layers[0].mask is None
    assert scene.connection_item(0, 0, 0).connected


def test_double_click_connection_edits_the_weight(win):
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    asked = []
    editor.controller.ask_number = lambda title, label, value: (asked.append(value) or (0.75, True))
    old = float(doc.weights[1][0][0, 1])
    qh.double_click(view, along(scene.connection_item(1, 0, 1)))
    assert asked == [pytest.approx(old)]
    assert doc.weights[1][0][0, 1] == pytest.approx(0.75)
    assert doc.build_network().get_weights()[1][0][0, 1] == pytest.approx(0.75)
    window.undo_stack.undo()
    assert doc.weights[1][0][0, 1] == pytest.approx(old)
    # a cancelled dialog changes nothing
    editor.controller.ask_number = lambda *a: (9.0, False)
    qh.double_click(view, along(scene.connection_item(1, 0, 1)))
    assert doc.weights[1][0][0, 1] == pytest.approx(old)


def test_hover_shows_weight_tooltip_and_neuron_card(win):
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    item = scene.connection_item(0, 1, 2)
    qh.hover(view, along(item))
    w = float(doc.weights[0][0][1, 2])
    assert f"w[2→3] = {w:.4f}" in item.toolTip()
    assert "Input #2 → Hidden 1 #3" in item.toolTip()
    qh.hover(view, scene.neuron_pos(1, 0))
    assert scene.card.isVisible()
    assert scene.card.lines[0] == "Hidden 1 #1"
    assert any("tanh" in line for line in scene.card.lines)
    assert scene.card.image is not None  # 2-input data: the neuron's output heatmap
    qh.hover(view, QPointF(scene.gap_x(0), 400))
    assert not scene.card.isVisible()


# -- weights follow the document in place ---------------------------------------------
def test_weight_events_restyle_pens_without_rebuilding(win):
    window, editor = win
    scene, doc = editor.scene, window.document
    items_before = set(scene.items())
    item = scene.connection_item(0, 0, 0)
    weights = weights_copy(doc)
    weights[0][0][0, 0] = -3.0
    doc.set_weights(weights, reason="training")
    assert set(scene.items()) == items_before
    assert scene.connection_item(0, 0, 0) is item
    assert item.pen.color().name() == "#f59322"  # beyond the scale's end: full orange
    assert item.pen.color().alpha() == 255  # opaque: translucent lines redraw too slowly
    assert item.pen.widthF() == pytest.approx(style.MAX_WIDTH)
    weights[0][0][0, 0] = 1e-6
    doc.set_weights(weights, reason="training")
    assert item.pen.color().name() == palette.hex_color(palette.NEUTRAL)  # 0: neutral, thin
    assert item.pen.widthF() == pytest.approx(style.MIN_WIDTH)


def test_line_width_is_one_scale_for_the_whole_network(qtbot):
    """Issue 11.5: a 0 weight in a one-layer perceptron was the thickest line (each layer
    was scaled to its own largest |w|). Now 0 is thinnest and equal |w| look equal."""
    spec = {"inputs": 2, "layers": [{"units": 3, "activation": "tanh"},
                                    {"units": 1, "activation": "sigmoid"}]}
    window, editor = make_window(qtbot, spec)
    scene, doc = editor.scene, window.document
    weights = weights_copy(doc)
    weights[0] = (np.array([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], np.float32), weights[0][1])
    doc.set_weights(weights)  # the layer's largest |w| is 0
    zero = scene.connection_item(0, 0, 0).pen.widthF()
    assert zero == pytest.approx(style.MIN_WIDTH)
    weights[0][0][0, 1] = 0.8
    weights[0][0][1, 2] = -3.0
    weights[1] = (np.array([[0.8], [0.1], [-0.8]], np.float32), weights[1][1])
    doc.set_weights(weights)
    first = scene.connection_item(0, 0, 1)
    second = scene.connection_item(1, 0, 0)
    assert scene.connection_item(0, 0, 0).pen.widthF() == pytest.approx(zero)  # still thinnest
    assert first.pen.widthF() == pytest.approx(second.pen.widthF())  # same |w|, two layers
    assert scene.connection_item(1, 2, 0).pen.widthF() == pytest.approx(first.pen.widthF())
    assert zero < scene.connection_item(1, 1, 0).pen.widthF() < first.pen.widthF() \
        < scene.connection_item(0, 1, 2).pen.widthF() == pytest.approx(style.MAX_WIDTH)
    assert first.pen.color().name() != scene.connection_item(1, 2, 0).pen.color().name()
    # the scale is said on the canvas and in the tooltip
    assert f"{palette.WEIGHT_FULL:g}" in scene.legend.title and scene.legend.isVisible()
    assert "same scale in every layer" in scene.connection_tooltip(0, 0, 1)
    editor.detach()


# -- properties panel ---------------------------------------------------------------------------
def test_properties_panel_edits_are_undoable_commands(win):
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    props = editor.properties
    qh.click(view, scene.neuron_pos(1, 0))
    assert props.column == 1 and props.units.value() == 4
    props.units.setValue(6)
    assert doc.spec.layers[0].units == 6
    props.activation.setCurrentIndex(props.activation.findData("sigmoid"))
    assert doc.spec.layers[0].activation == "sigmoid"
    assert props.plot.activation == "sigmoid"
    props.bias.setChecked(False)
    assert not doc.spec.layers[0].use_bias and not doc.weights[0][1].any()
    assert not scene.layer_item(1).biases[0].isVisible()
    W_before = doc.weights[0][0].copy()
    props.init.setCurrentIndex(props.init.findData("he"))
    assert doc.spec.layers[0].init == "he"
    assert not np.array_equal(doc.weights[0][0], W_before)  # the layer was drawn again
    props.name.setText("특징")
    props.name.editingFinished.emit()
    assert doc.spec.layers[0].name == "특징"
    assert scene.layer_item(1).header.title.startswith("특징 · 6")
    assert window.undo_stack.count() == 5
    for _ in range(5):
        window.undo_stack.undo()
    assert doc.spec == Document(spec=SPEC).spec
    # the output layer's size follows the data; softmax is not offered for one output unit
    qh.click(view, scene.neuron_pos(3, 0))
    assert props.title.text() == "Output" and not props.units.isEnabled()
    assert props.activation.findData("softmax") == -1


# -- view ------------------------------------------------------------------------------------
def test_wheel_zooms_around_the_cursor_and_middle_drag_pans(win, qtbot):
    window, editor = win
    view, scene = editor.canvas, editor.scene
    anchor = scene.neuron_pos(2, 0)
    vp = qh.view_point(view, anchor)
    z = view.zoom
    ev = QWheelEvent(QPointF(vp), QPointF(view.viewport().mapToGlobal(vp)), QPoint(0, 0),
                     QPoint(0, 240), Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), ev)
    assert view.zoom > z * 1.3
    back = view.mapToScene(vp)
    assert abs(back.x() - anchor.x()) < 3 and abs(back.y() - anchor.y()) < 3
    before = view.mapToScene(QPoint(10, 10))
    qh.drag(view, anchor, anchor + QPointF(80, 40), button=Qt.MiddleButton)
    after = view.mapToScene(QPoint(10, 10))
    assert after.x() < before.x() - 40 and after.y() < before.y() - 20  # the paper moved along
    # space + left drag pans too, and edits nothing
    spec = window.document.spec.copy()
    view.setFocus()
    qtbot.keyPress(view, Qt.Key_Space)
    qh.drag(view, QPointF(before), QPointF(before) + QPointF(60, 0))
    qtbot.keyRelease(view, Qt.Key_Space)
    assert view.mapToScene(QPoint(10, 10)).x() < after.x() - 30
    assert window.document.spec == spec


# -- big layers, heatmaps, reset ------------------------------------------------------------------
def test_1024_unit_layer_builds_and_updates(qtbot):
    spec = {"inputs": 2, "layers": [{"units": 1024, "activation": "relu"},
                                    {"units": 1024, "activation": "tanh"},
                                    {"units": 1, "activation": "tanh"}]}
    window, editor = make_window(qtbot, spec)
    scene, doc = editor.scene, window.document
    big = scene.layer_item(1)
    assert len(big.neurons) == 16 and big.badge.text == "+1008"
    assert len(scene.groups[1].items) == 16 and len(scene.groups[1].items[0]) == 16
    assert scene.groups[1].bundle is not None
    assert len(scene.items()) < 2000
    rng = np.random.default_rng(0)
    for _ in range(5):
        weights = [(rng.standard_normal(W.shape).astype(W.dtype), b) for W, b in doc.weights]
        doc.set_weights(weights, reason="training")
    W = doc.weights[1][0]
    item = scene.connection_item(1, 3, 7)
    assert item.value == pytest.approx(float(W[3, 7]))
    qh.click(window.canvas, scene.layer_item(2).plus.scenePos())
    assert doc.spec.sizes == [2, 1024, 1025, 1]
    editor.detach()


def test_canvas_heatmaps_are_the_inspectors_arrays(win):
    """No second computation: every neuron shows its column of document.inspector's
    grids (row 0 = top of the plane), and new views redraw them."""
    window, editor = win
    scene, doc = editor.scene, window.document
    views = doc.inspector.views
    assert [g.shape[0] for g in views.neuron_grids] == doc.spec.sizes
    for c, grid in enumerate(views.neuron_grids):
        assert np.array_equal(scene.heatmaps[c], grid[:, ::-1, :])
        n = scene.layer_item(c).neurons[0]
        assert n.image is not None and n.image.width() == grid.shape[2]
    # the output neuron's picture is the output plot's grid, subsampled
    s = NEURON_STRIDE
    assert np.array_equal(views.neuron_grids[-1][0], views.grid_output[0, ::s, ::s])
    # a pixel of a neuron's image is the palette's colour of its value
    m = scene.heatmaps[1][0]
    t = palette.neuron_t(m, palette.activation_scale("tanh"))
    rgb = palette.ramp(t[3, 5])
    assert QColor(scene.layer_item(1).neurons[0].image.pixel(5, 3)).getRgb()[:3] == tuple(rgb)
    # the output neuron is coloured exactly as the output plot colours the same point
    from simulator.palette import plane_rgb
    plane = plane_rgb(views.grid_output, views.output_scale)[::s, ::s]
    image = scene.layer_item(len(doc.spec.sizes) - 1).neurons[0].image
    for row, col in ((0, 4), (17, 30), (image.height() - 1, 0)):
        assert QColor(image.pixel(col, row)).getRgb()[:3] == \
            tuple(plane[image.height() - 1 - row, col])
    # new views from elsewhere (the worker) replace the pictures; weights alone do not
    fresh = Document(spec=SPEC, settings=replace(doc.settings, seed=7))
    other = compute_views(fresh.build_network(), *plot_points(doc))
    doc.inspector.set_views(other)
    assert np.array_equal(scene.heatmaps[1], other.neuron_grids[1][:, ::-1, :])
    before = scene.heatmaps[1].copy()
    doc.set_weights(weights_copy(doc), reason="training")
    assert np.array_equal(scene.heatmaps[1], before)


def test_reset_rebuilds_without_leaking_items(win):
    window, editor = win
    scene, doc = editor.scene, window.document
    old = list(scene.items())
    other = Document(spec={"inputs": 2, "layers": [{"units": 6, "activation": "relu"},
                                                    {"units": 1, "activation": "tanh"}]})
    doc.replace_with(other)
    items = set(scene.items())
    leftover = [it for it in old if it in items
                and it not in (scene.marker, scene.card, scene.legend)]
    assert leftover == []
    assert [item.units for item in scene.layers] == [2, 6, 1]


# -- context menus and the real number dialog (modal: answered from a timer) ---------------------
def answer_popup(qtbot, text: str) -> list[str]:
    """When the next context menu opens, trigger its action ``text``; returns the list
    the menu's action texts are put in (empty if no menu opened)."""
    seen: list[str] = []

    def pick():
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            return
        try:
            seen.extend(a.text() for a in menu.actions() if a.text())
            action = next(a for a in menu.actions() if a.text() == text)
            assert action.isEnabled(), text
            action.trigger()
        finally:
            menu.close()

    QTimer.singleShot(50, pick)
    return seen


def right_click(view, scene_point) -> None:
    """The context-menu event Qt sends after a right click (a blocking menu follows)."""
    pos = qh.view_point(view, scene_point)
    event = QContextMenuEvent(QContextMenuEvent.Mouse, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)


def test_connection_menu_removes_and_restores_a_connection(qtbot, win):
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    point = along(scene.connection_item(0, 1, 2))
    seen = answer_popup(qtbot, "Remove connection")
    right_click(view, point)
    assert "Edit weight…" in seen
    assert not editor.controller.is_connected(0, 1, 2)
    assert doc.spec.layers[0].mask[1, 2] == 0
    answer_popup(qtbot, "Restore connection")
    right_click(view, point)
    assert editor.controller.is_connected(0, 1, 2)
    window.undo_stack.undo()
    assert not editor.controller.is_connected(0, 1, 2)


def test_layer_menu_inserts_and_deletes_layers(qtbot, win):
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    seen = answer_popup(qtbot, "Insert layer after")
    right_click(view, scene.neuron_pos(1, 0))  # a neuron opens its layer's menu
    assert {"Add neuron", "Remove neuron", "Delete layer"} <= set(seen)
    assert len(doc.spec.layers) == 4
    answer_popup(qtbot, "Delete layer")
    right_click(view, scene.neuron_pos(2, 1))  # the new layer
    assert len(doc.spec.layers) == 3


def test_real_weight_dialog_sets_the_typed_value(qtbot, win):
    window, editor = win
    view, scene, doc = editor.canvas, editor.scene, window.document
    shown = []

    def type_value():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog):
            shown.append(dialog.doubleValue())
            dialog.setDoubleValue(-1.25)
            dialog.accept()

    QTimer.singleShot(50, type_value)
    old = float(doc.weights[0][0][1, 2])
    qh.double_click(view, along(scene.connection_item(0, 1, 2)))
    assert shown == [pytest.approx(old, abs=1e-4)]  # the dialog opened on the current value
    assert doc.weights[0][0][1, 2] == pytest.approx(-1.25)
