"""The canvas restyles lines and bias markers from training weights for the whole
matrix at once: each line still has the pen of its own weight, each bias marker its
weight colour, and a line whose pen stays is not restyled."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QApplication

from simulator import palette
from simulator.document import Document
from ui.editor import connections, install, style
from ui.main_window import MainWindow

SPEC = {"inputs": 2, "layers": [{"units": 6, "activation": "relu"},
                                {"units": 5, "activation": "relu"},
                                {"units": 1, "activation": "tanh"}]}


def canvas(qtbot):
    doc = Document(spec=SPEC)
    window = MainWindow(document=doc, install_parts=False)
    editor = install(window)
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    return doc, editor


def training_weights(doc, rng):
    """Weights over the whole colour scale, some halfway between two pens (rounded to
    even) and a negative zero."""
    out = []
    for W, b in doc.weights:
        W = rng.uniform(-3, 3, W.shape)
        W.flat[:4] = np.array([0.0, -0.0, 0.5, -2.5]) / connections.STEPS * palette.WEIGHT_FULL
        out.append((W, rng.uniform(-3, 3, b.shape)))
    return out


def drawn(editor):
    scene = editor.scene
    return [(g, item) for g in scene.groups for row in g.items for item in row]


def test_every_line_and_bias_shows_its_own_weight(qtbot):
    doc, editor = canvas(qtbot)
    rng = np.random.default_rng(0)
    mask = np.ones(doc.weights[0][0].shape)
    mask[0, 1] = 0  # a removed connection keeps its dashed pen
    doc.spec.layers[0].mask = mask
    for _ in range(3):
        doc.set_weights(training_weights(doc, rng), reason="training")
        for g, item in drawn(editor):
            W = doc.weights[g.layer][0]
            connected = doc.spec.layers[g.layer].mask is None or \
                bool(doc.spec.layers[g.layer].mask[item.i, item.j])
            assert item.value == W[item.i, item.j] and item.connected == connected
            assert item.pen_key == connections._pen_key(item.value, connected)
            assert item.pen is connections.pen_for(item.value, connected)
        for k, layer in enumerate(editor.scene.layers[1:]):
            b = doc.weights[k][1]
            for i, marker in enumerate(layer.biases):
                assert marker.value == b[i]
                assert marker._color == style.weight_color(b[i])
    editor.detach()


def test_only_lines_whose_pen_changes_are_restyled(qtbot, monkeypatch):
    doc, editor = canvas(qtbot)
    rng = np.random.default_rng(1)
    weights = training_weights(doc, rng)
    doc.set_weights(weights, reason="training")
    calls = []
    real = connections.ConnectionItem.set_pen_key
    monkeypatch.setattr(connections.ConnectionItem, "set_pen_key",
                        lambda self, key: calls.append((self.layer, self.i, self.j))
                        or real(self, key))
    nudged = [(W.copy(), b.copy()) for W, b in weights]
    nudged[1][0][2, 3] = 2.9 if nudged[1][0][2, 3] < 0 else -2.9  # a new colour
    nudged[0][0][1, 2] += 1e-12  # the same pen
    doc.set_weights(nudged, reason="training")
    assert calls == [(1, 2, 3)]
    assert editor.scene.groups[0].items[1][2].value == nudged[0][0][1, 2]
    editor.detach()
