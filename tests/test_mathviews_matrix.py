"""The matrix view's numbers: one layer's X · W + b = Z and H = f(Z), from net.forward."""

import numpy as np
import pytest

import simulator as sim
from simulator import DataSource
from simulator.datasets.catalog import FEATURE_TABLE
from simulator.document import Document
from simulator.matrix_view import MAX_ROWS, matrix_view, view_for_document

SLIDE_W = np.array([[0.12, -0.40], [-0.40, 0.25], [0.33, 0.10]])
SLIDE_B = np.array([0.05, 0.0])


def feature_document(dtype="float64") -> Document:
    """The lecture's feature table (a, b, c) into a 3-2 layer (and the 1 output the data has)."""
    from simulator.settings import TrainingSettings
    doc = Document(spec={"inputs": 3, "layers": [{"units": 2, "activation": "sigmoid"},
                                                 {"units": 1, "activation": "linear"}]},
                   data_source=DataSource(name="features"),
                   settings=TrainingSettings(dtype=dtype))
    W1, b1 = doc.weights[1]
    doc.set_weights([(SLIDE_W, SLIDE_B), (W1, b1)])
    return doc


@pytest.mark.parametrize("seed", range(4))
def test_numbers_equal_net_forward_for_random_networks(seed):
    rng = np.random.default_rng(seed)
    sizes = rng.integers(1, 6, 4)
    acts = rng.choice(["tanh", "relu", "sigmoid", "elu", "linear"], 3)
    spec = sim.NetworkSpec.coerce({"inputs": int(sizes[0]), "layers": [
        {"units": int(u), "activation": str(a), "use_bias": bool(seed % 2)}
        for u, a in zip(sizes[1:], acts, strict=True)]})
    net = sim.Network.from_spec(spec, init="normal", seed=seed, dtype="float32")
    X = rng.standard_normal((int(rng.integers(1, 9)), int(sizes[0])))
    trace = net.forward(X)
    for layer in range(net.n_layers):
        v = matrix_view(net, X, layer)
        np.testing.assert_array_equal(v.A, trace[layer].H)
        np.testing.assert_array_equal(v.Z, trace[layer + 1].Z)
        np.testing.assert_array_equal(v.H, trace[layer + 1].H)
        np.testing.assert_array_equal(v.W, net.get_weights()[layer][0])
        assert (v.b is None) == (not spec.layers[layer].use_bias)
        assert v.is_data == (layer == 0)


def test_the_lectures_feature_table_reproduces_the_slide():
    doc = feature_document()
    v = view_for_document(doc, 0, 0, 4)
    np.testing.assert_array_equal(v.A, FEATURE_TABLE)  # 4 3 2 / 2 9 1 / 3 3 2 / 2 4 1
    assert v.in_names == ["a", "b", "c"] and v.out_names == ["h1", "h2"]
    assert v.shapes == "4x3 · 3x2 = 4x2"
    assert v.weighted_sum_symbols(0) == "a × w1 + b × w3 + c × w5 + b1"
    assert v.weighted_sum_symbols(1) == "a × w2 + b × w4 + c × w6 + b2"
    z = 4 * 0.12 + 3 * -0.40 + 2 * 0.33 + 0.05
    assert v.Z[0, 0] == pytest.approx(z, abs=1e-12)
    assert v.weighted_sum(0, 0) == f"4 × 0.12 + 3 × -0.4 + 2 × 0.33 + 0.05 = {z:.3g}"
    assert v.weighted_sum(1, 1) == "2 × -0.4 + 9 × 0.25 + 1 × 0.1 + 0 = 1.55"
    np.testing.assert_allclose(v.H, 1 / (1 + np.exp(-(FEATURE_TABLE @ SLIDE_W + SLIDE_B))))


def test_removed_connections_and_row_limits():
    doc = feature_document()
    mask = np.ones((3, 2), np.uint8)
    mask[1, 0] = 0
    doc.set_spec(doc.spec.with_layer(0, mask=mask, use_bias=False))
    v = view_for_document(doc, 0, 1, 2)
    assert v.row_names == ["2", "3"] and v.b is None
    assert v.weighted_sum(0, 0) == "2 × 0.12 + 1 × 0.33 = 0.57"  # no "9 × 0" term, no bias
    assert v.weighted_sum_symbols(0) == "a × w1 + c × w5"
    net = doc.build_network()
    with pytest.raises(ValueError, match="at most"):
        matrix_view(net, np.zeros((MAX_ROWS + 1, 3)), 0)
    with pytest.raises(ValueError, match="does not exist"):
        matrix_view(net, np.zeros((1, 3)), 2)


# -- the dock ---------------------------------------------------------------------------------
def _panel(qtbot, doc):
    from PySide6.QtGui import QUndoStack

    from ui.mathviews.matrix import MatrixPanel
    stack = QUndoStack()
    panel = MatrixPanel(doc, stack)
    qtbot.addWidget(panel)
    panel.resize(1000, 520)
    panel.show()
    return panel, stack


def _click(qtbot, view, row, col):
    from PySide6.QtCore import Qt
    rect = view.visualRect(view.model().index(row, col))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())


def _framed(block):
    return sorted(block.model.highlight)


def test_clicking_z_shows_its_row_column_and_weighted_sum(qtbot):
    panel, _ = _panel(qtbot, feature_document())
    assert panel.shapes.text().startswith("4x3 · 3x2 = 4x2")
    blocks = panel.blocks
    assert blocks["A"].model.index(1, 1).data() == "9"
    _click(qtbot, blocks["Z"].view, 0, 0)
    assert _framed(blocks["A"]) == [(0, 0), (0, 1), (0, 2)]   # the row (4, 3, 2)
    assert _framed(blocks["W"]) == [(0, 0), (1, 0), (2, 0)]   # the column (w1, w3, w5)
    assert _framed(blocks["b"]) == [(0, 0)] and _framed(blocks["Z"]) == [(0, 0)]
    assert "a × w1 + b × w3 + c × w5 + b1" in panel.sum.text()
    assert "4 × 0.12 + 3 × -0.4 + 2 × 0.33 + 0.05 = -0.01" in panel.sum.text()


def test_cells_are_coloured_by_value_with_the_diverging_palette(qtbot):
    from PySide6.QtCore import Qt
    panel, _ = _panel(qtbot, feature_document())
    W = panel.blocks["W"].model
    pos = W.index(0, 0).data(Qt.BackgroundRole)     # +0.12
    neg = W.index(0, 1).data(Qt.BackgroundRole)     # -0.40, the largest |w|: full colour
    assert pos.blue() > pos.red() and neg.red() > neg.blue()
    assert neg.saturation() > pos.saturation()
    assert W.headerData(0, Qt.Vertical) == "a" and W.headerData(1, Qt.Horizontal) == "h2"


def test_editing_a_weight_cell_edits_the_network_undoably(qtbot):
    doc = feature_document()
    panel, stack = _panel(qtbot, doc)
    W = panel.blocks["W"].model
    assert W.setData(W.index(2, 1), "0.5")
    assert doc.weights[0][0][2, 1] == 0.5 and stack.count() == 1
    assert panel.blocks["Z"].model.values[0, 1] == pytest.approx(4 * -0.4 + 3 * 0.25 + 2 * 0.5)
    stack.undo()
    assert doc.weights[0][0][2, 1] == pytest.approx(0.10)
    assert not W.setData(W.index(0, 0), "abc") and stack.count() == 1


def test_the_view_follows_the_layer_and_rows_chosen(qtbot):
    doc = feature_document()
    panel, _ = _panel(qtbot, doc)
    panel.layer.setCurrentIndex(1)
    assert panel.shapes.text().startswith("4x2 · 2x1 = 4x1")
    assert panel.blocks["A"].caption.text().startswith("H of Hidden 1")
    panel.count.setValue(1)
    panel.first.setValue(3)
    assert panel.matrices.row_names == ["3"] and panel.shapes.text().startswith("1x2")
