"""Issue 12, perceptron mode: a single step layer on the logic gates, its decision line
on the output plot, the lecture's weighted sum, and the XOR hint with its one-click fix."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QUndoStack

from simulator import perceptron
from simulator.document import Document
from simulator.settings import DataSource
from simulator.trainer import Trainer

STEP = {"inputs": 2, "layers": [{"units": 1, "activation": "step"}]}


def gate_document(name: str, epochs: int = 0) -> Document:
    """A single step unit on gate ``name`` (all 4 rows for training), trained ``epochs``
    epochs by the perceptron rule, its history in the document as the app keeps it."""
    doc = Document(data_source=DataSource(name=name, train_ratio=1.0))
    doc.set_spec(STEP)
    doc.set_settings(optimizer="perceptron", learning_rate=0.1, batch_size=1, init="uniform",
                     seed=3)
    doc.reset_weights()
    train(doc, epochs)
    return doc


def train(doc: Document, epochs: int) -> list:
    net = doc.build_network()
    stats = Trainer.from_settings(net, doc.settings, epoch_limit=0).fit(
        doc.data.train.X, doc.data.train.Y, epochs=epochs) if epochs else []
    doc.set_weights(net.get_weights())
    doc.append_history([s.to_dict() for s in stats])
    doc.inspector.refresh()
    return stats


@pytest.mark.parametrize("name", ["and", "or", "nand"])
def test_perceptron_learns_the_separable_gates(name):
    doc = gate_document(name, epochs=30)
    assert doc.history[-1]["train_metric"] == 1.0
    assert not perceptron.needs_hidden_layer(doc.spec, doc.dataset.description, doc.history)


def test_perceptron_never_learns_xor():
    doc = gate_document("xor_gate", epochs=200)
    assert max(row["train_metric"] for row in doc.history) < 1.0
    assert perceptron.needs_hidden_layer(doc.spec, doc.dataset.description, doc.history)
    # the line keeps moving: the samples' order changes each epoch, the weights with it
    net = doc.build_network()
    trainer = Trainer.from_settings(net, doc.settings, epoch_limit=0)
    lines = set()
    for _ in trainer.iter_epochs(doc.data.train.X, doc.data.train.Y, epochs=8):
        (W, b), = net.get_weights()
        sep = perceptron.separator(W, b, "step", 0.5, (0, 1, 0, 1))
        lines.add(sep.equation)
    assert len(lines) >= 3


def test_separator_is_the_zero_set_of_the_weights():
    doc = gate_document("and", epochs=30)
    (W, b), = doc.weights
    sep = doc.inspector.views.separator
    assert sep.ends is not None
    for x, y in sep.ends:
        assert W[0, 0] * x + W[1, 0] * y + b[0] == pytest.approx(0.0, abs=1e-5)
    v = doc.inspector.views
    (x0, y0), (x1, y1) = sep.ends
    on_border = [np.isclose(p, e) for p in (x0, x1, y0, y1)
                 for e in (v.grid_x[0], v.grid_x[-1], v.grid_y[0], v.grid_y[-1])]
    assert sum(on_border) >= 2  # both ends on the plot's border
    w1, w2, c = (float(t) for t in (W[0, 0], W[1, 0], b[0]))
    assert sep.equation == perceptron.equation(w1, w2, c)
    assert sep.equation.endswith(" = 0") and "·x1" in sep.equation


def test_equation_and_clipping_by_hand():
    assert perceptron.equation(0.4, 0.4, -0.6) == "0.40·x1 + 0.40·x2 − 0.60 = 0"
    assert perceptron.equation(-1, 0.5, 0.25) == "−1.00·x1 + 0.50·x2 + 0.25 = 0"
    assert perceptron.clip_line(1.0, 1.0, -1.0, (0, 2, 0, 2)) == ((0, 1.0), (1.0, 0))
    assert perceptron.clip_line(0.0, 0.0, 1.0, (0, 1, 0, 1)) is None
    assert perceptron.clip_line(1.0, 0.0, -5.0, (0, 1, 0, 1)) is None  # x = 5: outside
    # the boundary level: z = 0 for step and sigmoid at 0.5; 0.5 for a linear output
    assert perceptron.boundary_level("step", 0.5) == 0.0
    assert perceptron.boundary_level("sigmoid", 0.5) == 0.0
    assert perceptron.boundary_level("linear", 0.5) == pytest.approx(0.5)


def test_lecture_sum_with_the_current_numbers():
    W = np.array([[0.4], [0.2], [-0.1]])
    text = perceptron.lecture_sum(W, np.array([-0.6]))
    assert text == "4×0.40 + 3×0.20 + 2×(−0.10) = 2.00 > 0.60 → O"
    assert perceptron.lecture_sum(W, np.array([-3.0])).endswith("2.00 ≤ 3.00 → X")


def _plot(qtbot, doc, stack=None):
    from ui.plots import OutputPlot
    plot = OutputPlot(doc, stack)
    qtbot.addWidget(plot)
    plot.resize(600, 640)
    plot.show()
    qtbot.waitExposed(plot)
    plot.flush()
    return plot


def test_output_plot_draws_the_line_where_the_colour_changes(qtbot):
    doc = gate_document("and", epochs=30)
    plot = _plot(qtbot, doc)
    sep = doc.inspector.views.separator
    xs, ys = plot.separator.getData()
    assert np.allclose(np.column_stack([xs, ys]), np.array(sep.ends))
    assert plot.equation.isVisible() and sep.equation in plot.equation.text()
    assert not plot.hint.isVisible()
    # either side of the line's middle, a little off it, the rendered plane has the two
    # class colours: the line is the class boundary
    plot.separator.setVisible(False)
    plot.train_points.setVisible(False)
    plot.flush()
    image = plot.graphics.viewport().grab().toImage()
    (W, b), = doc.weights
    n = np.array([W[0, 0], W[1, 0]]) / np.hypot(W[0, 0], W[1, 0])
    mid = np.mean(np.array(sep.ends), axis=0)
    sides = []
    for sign in (1, -1):
        x, y = mid + sign * 0.08 * n
        pos = plot.plot.vb.mapViewToScene(QPointF(x, y))
        pix = plot.graphics.mapFromScene(pos)
        c = QColor(image.pixel(pix.x(), pix.y()))
        sides.append(1 if c.blue() - c.red() > 40 else 0 if c.red() - c.blue() > 40 else -1)
    assert sides == [1, 0]  # w·x + b > 0: class 1 (blue); < 0: class 0 (orange)
    plot.detach()


def test_xor_hint_and_the_one_click_hidden_layer(qtbot):
    doc = gate_document("xor_gate", epochs=100)
    stack = QUndoStack()
    plot = _plot(qtbot, doc, stack)
    assert plot.hint.isVisible() and plot.add_hidden.isVisible()
    assert "straight line" in plot.hint.text()
    before = doc.spec.to_dict()
    qtbot.mouseClick(plot.add_hidden, Qt.LeftButton)
    assert [lay.activation for lay in doc.spec.layers] == ["tanh", "sigmoid"]
    assert doc.settings.optimizer == "sgd" and stack.count() == 1
    plot.flush()
    assert not plot.hint.isVisible()
    xs, _ys = plot.separator.getData()
    assert xs is None or len(xs) == 0  # a hidden layer: no single line to draw
    stack.undo()
    assert doc.spec.to_dict() == before and doc.settings.optimizer == "perceptron"
    stack.redo()
    stats = train(doc, 400)
    assert stats[-1].train_metric == 1.0  # the multi-layer network solves XOR
    plot.detach()


def test_three_inputs_show_the_lecture_sum(qtbot):
    doc = Document(data_source=DataSource(name="features", train_ratio=1.0))
    doc.set_spec({"inputs": 3, "layers": [{"units": 1, "activation": "linear"}]})
    doc.inspector.refresh()
    plot = _plot(qtbot, doc)
    (W, b), = doc.weights
    assert plot.equation.isVisible()
    assert perceptron.lecture_sum(W, b) in plot.equation.text()
    assert plot.equation.text().count("×") == 3
    plot.detach()


def test_data_plot_draws_the_same_line_in_the_data_units(qtbot):
    """The data plot shows the raw data; the network sees it standardized: the line is
    mapped back, so its ends still solve w·x' + b = 0 with x' the normalized point."""
    from ui.data.panel import DataPanel
    doc = Document(data_source=DataSource(name="and", train_ratio=1.0,
                                          normalization="standardize"))
    doc.set_spec(STEP)
    doc.set_settings(optimizer="perceptron", learning_rate=0.1, batch_size=1, init="uniform",
                     seed=3)
    doc.reset_weights()
    panel = DataPanel(doc, QUndoStack())
    qtbot.addWidget(panel)
    train(doc, 30)
    xs, ys = panel.plot.separator.getData()
    assert len(xs) == 2
    (W, b), = doc.weights
    ends = doc.data.normalizer.transform(np.column_stack([xs, ys]))
    for x, y in ends:
        assert W[0, 0] * x + W[1, 0] * y + b[0] == pytest.approx(0.0, abs=1e-5)
    assert not np.allclose(ends, np.column_stack([xs, ys]))  # really mapped back
    doc.set_spec({"inputs": 2, "layers": [{"units": 3, "activation": "tanh"},
                                          {"units": 1, "activation": "sigmoid"}]})
    doc.inspector.refresh()  # a hidden layer: no single line to draw
    xs, _ = panel.plot.separator.getData()
    assert xs is None or len(xs) == 0
    panel.detach()
