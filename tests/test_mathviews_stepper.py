"""The backpropagation stepper dock: stepping, Apply (one undoable SGD step), copy, export."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoStack

import simulator as sim
from simulator.backprop_steps import steps_for_document
from simulator.document import Document
from ui.mathviews.stepper import StepperPanel


def _panel(qtbot, doc=None):
    doc = doc or Document()
    stack = QUndoStack()
    panel = StepperPanel(doc, stack)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    return panel, doc, stack


def _shown_numbers(panel):
    m = panel.model
    return [m.index(r, 3).data() for r in range(m.rowCount()) if m.index(r, 3).data()]


def test_next_back_and_run_to_end_walk_the_steps(qtbot):
    panel, doc, _ = _panel(qtbot)
    total = len(panel.steps.groups)
    assert panel.shown == 1 and not panel.back.isEnabled()
    assert panel.title.text().startswith("Step 1 of")
    first = _shown_numbers(panel)
    assert first == [r.numbers for r in panel.steps.groups[0].rows]
    qtbot.mouseClick(panel.next, Qt.LeftButton)
    assert panel.shown == 2 and panel.back.isEnabled()
    assert _shown_numbers(panel)[:len(first)] == first  # earlier steps stay visible
    qtbot.mouseClick(panel.run_all, Qt.LeftButton)
    assert panel.shown == total and not panel.next.isEnabled()
    assert _shown_numbers(panel) == [r.numbers for _, r in panel.steps.rows()]
    qtbot.mouseClick(panel.back, Qt.LeftButton)
    assert panel.shown == total - 1


def test_apply_is_one_undoable_sgd_step_of_the_engine(qtbot):
    panel, doc, stack = _panel(qtbot)
    panel.first.setValue(3)
    before = [(W.copy(), b.copy()) for W, b in doc.weights]
    X, Y = doc.data.train.X[2:3], doc.data.train.Y[2:3]
    twin = doc.build_network()
    sim.Trainer(twin, loss=doc.settings.loss, optimizer="sgd",
                learning_rate=doc.settings.learning_rate, batch_size=1,
                engine="numpy").fit(X, Y, epochs=1)
    qtbot.mouseClick(panel.apply, Qt.LeftButton)
    net = doc.build_network()
    for (W, b), (W2, b2) in zip(net.get_weights(), twin.get_weights(), strict=True):
        np.testing.assert_array_equal(W, W2)
        np.testing.assert_array_equal(b, b2)
    assert stack.count() == 1
    stack.undo()
    for (W, b), (W0, b0) in zip(doc.weights, before, strict=True):
        np.testing.assert_array_equal(W, W0)
        np.testing.assert_array_equal(b, b0)


def test_the_table_follows_the_document_and_waits_while_hidden(qtbot):
    panel, doc, _ = _panel(qtbot)
    panel.hide()
    doc.set_settings(learning_rate=0.5)
    qtbot.wait(250)
    assert panel.steps.learning_rate != 0.5  # hidden: no work during training
    panel.show()
    assert panel.steps.learning_rate == 0.5
    doc.set_settings(learning_rate=0.25)
    qtbot.waitUntil(lambda: panel.steps.learning_rate == 0.25, timeout=2000)
    assert "α = 0.25" in panel.message.text()
    assert panel.steps.to_csv() == steps_for_document(doc, 0, 1).to_csv()


def test_worked_example_copy_and_export(qtbot, tmp_path):
    panel, doc, stack = _panel(qtbot)
    qtbot.mouseClick(panel.worked, Qt.LeftButton)
    assert doc.spec.sizes == [2, 2, 2] and stack.count() == 1
    assert panel.model.index(1, 3).data() == "1 × 0.1 + 0.5 × 0.2 + 0.1 = 0.3"
    qtbot.mouseClick(panel.copy, Qt.LeftButton)
    assert QGuiApplication.clipboard().text() == panel.steps.to_markdown()
    panel.export_to(str(tmp_path / "steps.csv"), "csv")
    assert (tmp_path / "steps.csv").read_text(encoding="utf-8") == panel.steps.to_csv()
    stack.undo()  # the whole example came in as one edit
    assert doc.spec.sizes != [2, 2, 2]


def test_a_network_too_large_for_the_table_says_so(qtbot):
    doc = Document(spec={"inputs": 2, "layers": [{"units": 300, "activation": "relu"},
                                                 {"units": 1, "activation": "sigmoid"}]})
    panel, _, _ = _panel(qtbot, doc)
    assert panel.steps is None and "small networks" in panel.message.text()
    assert not panel.apply.isEnabled() and panel.model.rowCount() == 0
