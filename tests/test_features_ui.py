"""The feature toggles beside the canvas's input column, clicked with the real mouse."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QApplication

from simulator.settings import DataSource
from tests import qt_helpers as qh
from tests.test_editor import make_window


def test_clicking_a_feature_chip_adds_an_input_and_keeps_the_weights(qtbot):
    window, editor = make_window(qtbot)
    view, scene, doc = editor.canvas, editor.scene, window.document
    assert set(scene.feature_chips) >= {"x1", "x2", "x1^2", "sin(x2)"}
    assert scene.feature_chips["x1"].on and not scene.feature_chips["x1^2"].on
    W0 = doc.weights[0][0].copy()
    qh.click(view, scene.feature_chips["x1^2"].scenePos())
    QApplication.processEvents()
    assert doc.data_source.features == ["x1", "x2", "x1^2"]
    assert doc.spec.inputs == 3 and doc.data.train.X.shape[1] == 3
    np.testing.assert_array_equal(doc.weights[0][0][:2], W0)  # x1, x2 keep their rows
    labels = [c.text for c in scene.feature_chips.values() if c.on]
    assert labels == ["x1", "x2", "x1²"]
    # switching x1 off moves x2's and x1²'s rows up with their inputs
    W1 = doc.weights[0][0].copy()
    qh.click(view, scene.feature_chips["x1"].scenePos())
    QApplication.processEvents()
    assert doc.data_source.features == ["x2", "x1^2"]
    np.testing.assert_array_equal(doc.weights[0][0], W1[1:])
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert doc.data_source.features == [] and doc.spec.inputs == 2
    np.testing.assert_array_equal(doc.weights[0][0], W0)
    editor.detach()


def test_the_last_input_cannot_be_switched_off(qtbot):
    window, editor = make_window(qtbot)
    doc = window.document
    doc.set_data(DataSource(features=["x1"]))
    editor.scene.rebuild()
    qh.click(editor.canvas, editor.scene.feature_chips["x1"].scenePos())
    assert doc.data_source.features == ["x1"]
    assert "at least one input" in window.statusBar().currentMessage()
    editor.detach()


def test_no_chips_for_data_that_is_not_2d(qtbot):
    window, editor = make_window(qtbot)
    window.document.set_data(DataSource("builtin", "iris", {}, 0.5, "standardize", 0))
    assert editor.scene.feature_chips == {}
    editor.detach()


def test_swapping_features_of_the_same_count_moves_the_rows(qtbot):
    window, editor = make_window(qtbot)
    doc, scene = window.document, editor.scene
    doc.set_data(DataSource(features=["x2", "x1^2"]))
    W = doc.weights[0][0].copy()
    qh.click(editor.canvas, scene.feature_chips["x1^2"].scenePos())  # off: [x2]
    qh.click(editor.canvas, scene.feature_chips["x1"].scenePos())  # on: [x1, x2]
    QApplication.processEvents()
    assert doc.data_source.features == []
    np.testing.assert_array_equal(doc.weights[0][0][1], W[0])  # x2's row followed x2
    assert [c.on for c in scene.feature_chips.values()][:3] == [True, True, False]
    editor.detach()
