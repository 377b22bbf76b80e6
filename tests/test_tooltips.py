"""Tooltips of every hyperparameter and activation carry the engine's formula
(simulator.formulas), in English and in Korean."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from simulator import activations, formulas, losses
from simulator.document import Document
from simulator.settings import OPTIMIZERS, REGULARIZATIONS
from simulator.spec import INITIALIZERS
from tests import qt_helpers as qh
from tests.test_editor import make_window
from ui import tooltips
from ui.editor.palette import ROLE_ACTIVATION
from ui.main_window import MainWindow
from ui.training.controller import TrainingController
from ui.training.panel import TrainingPanel

SPEC = {"inputs": 2, "layers": [{"units": 3, "activation": "tanh"},
                                {"units": 1, "activation": "sigmoid"}]}


def test_formula_table_covers_every_choice():
    for name in OPTIMIZERS:
        assert formulas.choice("optimizer", name).startswith(("w ←", "v ←", "s ←", "m ←"))
    assert "√(6/(fan_in + fan_out))" in formulas.choice("init", "xavier")
    assert "√(2/fan_in)" in formulas.choice("init", "he")
    assert formulas.choice("regularization", "l1") == "E + λ·Σ|w|"
    assert formulas.choice("loss", "mse") == losses.LOSSES["mse"].formula
    assert formulas.choice("activation", "relu") == "f(z) = max(0, z)"
    assert set(formulas.INITIALIZERS) == set(INITIALIZERS)
    assert set(formulas.REGULARIZATIONS) == set(REGULARIZATIONS)


@pytest.fixture
def panel(qtbot):
    doc = Document(spec=SPEC)
    window = MainWindow(doc, install_parts=False)
    qtbot.addWidget(window)
    panel = TrainingPanel(window, TrainingController(doc, window))
    qtbot.addWidget(panel)
    panel.show()
    return doc, panel


def test_every_choice_of_the_panel_has_its_formula(panel):
    doc, panel = panel
    for kind in ("loss", "optimizer", "init", "regularization"):
        box = panel.combos[kind]
        assert box.count() > 1
        for i in range(box.count()):
            formula = formulas.choice(kind, box.itemData(i))
            tip = box.itemData(i, Qt.ToolTipRole)
            assert formula and formula in tip and tip.split("\n")[0]  # a sentence, then it
        # the closed combo says what its current choice computes
        assert formulas.choice(kind, getattr(doc.settings, kind)) in box.toolTip()
    assert formulas.LEARNING_RATE in panel.lr.toolTip()
    assert formulas.BATCH_SIZE in panel.batch.toolTip()
    assert formulas.REG_RATE in panel.reg_rate.toolTip()
    assert formulas.EARLY_STOPPING in panel.patience.toolTip()
    assert formulas.TRAIN_SHARE in panel.split.toolTip()
    assert panel.seed.toolTip() and panel.combos["backend"].toolTip()


def test_the_closed_combo_follows_the_chosen_optimizer(panel):
    doc, panel = panel
    box = panel.combos["optimizer"]
    i = box.findData("adam")
    box.activated.emit(i)  # what choosing it in the popup sends
    assert doc.settings.optimizer == "adam"
    assert formulas.OPTIMIZERS["adam"] in box.toolTip()
    assert formulas.OPTIMIZERS["sgd"] not in box.toolTip()


def test_every_activation_has_its_formula_in_palette_and_properties(qtbot):
    window, editor = make_window(qtbot, SPEC)
    try:
        entries = editor.palette.list
        for k in range(entries.count()):
            item = entries.item(k)
            act = item.data(ROLE_ACTIVATION)
            assert activations.ACTIVATIONS[act].formula in item.toolTip()
        props = editor.properties
        for act, a in activations.ACTIVATIONS.items():  # softmax too (output layers only)
            assert a.formula in tooltips.choice("activation", act)
        qh.click(editor.canvas, editor.scene.neuron_pos(1, 0))
        assert props.column == 1
        for i in range(props.activation.count()):
            act = props.activation.itemData(i)
            assert activations.ACTIVATIONS[act].formula in \
                props.activation.itemData(i, Qt.ToolTipRole)
        assert "f(z) = tanh(z)" in props.activation.toolTip()
        for i in range(props.init.count()):  # item 0: the network default's
            name = props.init.itemData(i) or window.document.settings.init
            assert formulas.INITIALIZERS[name] in props.init.itemData(i, Qt.ToolTipRole)
    finally:
        editor.detach()
