"""The overfitting knobs beside the data's: the network's size (hidden layers x units),
the one-click overfitting demo and its fixes (more data, L2, early stopping).

Every click is one undoable edit (``ui.commands.edit``) of what
:mod:`simulator.overfitting` changes; the values live there, not here. The same actions
sit in Train > Overfitting (see :func:`add_menu`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QSpinBox, QToolButton, QWidget

from simulator import overfitting

from ..commands import edit
from ..observe import DocumentObserver

#: Bounds of the network-size boxes (a student's network, not a spec's limits).
MAX_HIDDEN_LAYERS, MAX_UNITS = 10, 64


class NetworkSize(DocumentObserver, QWidget):
    """[layers] hidden layers x [units] units: every hidden layer gets that many units."""

    def __init__(self, document, undo_stack, show_status, parent=None) -> None:
        super().__init__(parent)
        self._doc, self._stack, self._status = document, undo_stack, show_status
        #: Room after the boxes (the data panel puts the demo button there).
        self.row = lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.layers = QSpinBox()
        self.layers.setObjectName("network-layers")
        self.layers.setRange(0, MAX_HIDDEN_LAYERS)
        self.units = QSpinBox()
        self.units.setObjectName("network-units")
        self.units.setRange(1, MAX_UNITS)
        tip = self.tr("Network size: hidden layers, and units in each of them. More of "
                      "either means more weights, which can memorize noisy points.")
        for box in (self.layers, self.units):
            box.setKeyboardTracking(False)
            box.setToolTip(tip)
            box.valueChanged.connect(self._on_changed)
        lay.addWidget(self.layers)
        lay.addWidget(QLabel("×"))
        lay.addWidget(self.units)
        lay.addStretch(1)
        self.observe(document, spec=self._refresh, reset=self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        layers, units = overfitting.hidden_size(self._doc.spec)
        for box, value in ((self.layers, layers), (self.units, units or self.units.value())):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        self.units.setEnabled(layers > 0)

    def _on_changed(self) -> None:
        doc = self._doc
        spec = overfitting.with_hidden_size(doc.spec, self.layers.value(), self.units.value())
        if spec == doc.spec:
            return
        message = edit(self._stack, doc, self.tr("Change network size"),
                       lambda: doc.set_spec(spec))
        if message:
            self._status(self.tr("Network not changed: {0}").format(message))
            self._refresh()


class OverfitActions:
    """The demo and the fixes as QActions (``demo``, ``fixes[name]``) on ``parent``.

    ``before`` runs before each edit: it stops training, so that the fresh weights of the
    new run are not overwritten by a worker still training the old ones."""

    def __init__(self, document, undo_stack, show_status, parent, before=None) -> None:
        self._doc, self._stack, self._status = document, undo_stack, show_status
        self.before = before or (lambda: None)
        tr = parent.tr
        self.demo = QAction(tr("Overfitting Demo"), parent)
        self.demo.setObjectName("action-overfitting-demo")
        self.demo.setToolTip(tr("Few noisy points and a large network (3 hidden layers of "
                                "10): the training loss keeps falling while the test loss "
                                "rises again"))
        self.demo.triggered.connect(self.apply_demo)
        texts = {"more_data": (tr("Fix: More Data"),
                               tr("Generate at least 400 points and train again from the "
                                  "same initial weights")),
                 "l2": (tr("Fix: L2 Regularization"),
                        tr("Penalize large weights (L2, rate 0.01) and train again from the "
                           "same initial weights")),
                 "early_stopping": (tr("Fix: Early Stopping"),
                                    tr("Stop when the test loss has not improved for 50 "
                                       "epochs and go back to the best epoch's weights"))}
        self.fixes: dict[str, QAction] = {}
        for name in overfitting.FIXES:
            text, tip = texts[name]
            action = QAction(text, parent)
            action.setObjectName(f"action-fix-{name.replace('_', '-')}")
            action.setToolTip(tip)
            action.triggered.connect(lambda _=False, n=name: self.apply_fix(n))
            self.fixes[name] = action
        self._tr = tr

    def apply_demo(self) -> bool:
        return self._edit(self._tr("Overfitting demo"), overfitting.apply_demo)

    def apply_fix(self, name: str) -> bool:
        return self._edit(self.fixes[name].text(),
                          lambda doc: overfitting.apply_fix(doc, name))

    def _edit(self, text: str, change) -> bool:
        self.before()
        doc = self._doc
        message = edit(self._stack, doc, text, lambda: change(doc))
        if message:
            self._status(message)
        return message is None


def demo_button(actions: OverfitActions) -> QToolButton:
    """[Overfitting Demo|▾]: a click runs the demo, the arrow offers the fixes."""
    button = QToolButton()
    button.setObjectName("overfitting-demo")
    button.setDefaultAction(actions.demo)
    button.setToolButtonStyle(Qt.ToolButtonTextOnly)
    menu = QMenu(button)
    menu.setToolTipsVisible(True)
    for action in actions.fixes.values():
        menu.addAction(action)
    button.setMenu(menu)
    button.setPopupMode(QToolButton.MenuButtonPopup)
    return button


def add_menu(window, actions: OverfitActions) -> QMenu:
    """Train > Overfitting: the demo and the fixes."""
    menu = window.train_menu.addMenu(window.tr("&Overfitting"))
    menu.setToolTipsVisible(True)
    menu.addAction(actions.demo)
    menu.addSeparator()
    for action in actions.fixes.values():
        menu.addAction(action)
    return menu
