"""Every edit the canvas, palette and properties panel can make, as undoable commands.

The views never touch the document directly: they call these methods, which go
through :func:`ui.commands.edit` and show a refused edit in the status bar.
Each method returns True when the edit was applied.

Columns count from the inputs (column 0 = inputs, column k = ``spec.layers[k-1]``);
layer indices count the spec's layers (0 = first hidden, last = output).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from simulator.spec import MAX_UNITS, LayerSpec

from .. import commands


class EditorController(QObject):
    """Undoable edits of ``window.document`` on ``window.undo_stack``."""

    def __init__(self, window, parent: QObject | None = None):
        super().__init__(parent or window)
        self.window = window
        #: Asks for a number: ``(title, label, value) -> (value, ok)``. Tests replace it.
        self.ask_number = self._ask_number_dialog

    @property
    def document(self):
        return self.window.document

    # -- helpers ------------------------------------------------------------------------
    def _edit(self, text: str, mutate) -> bool:
        refusal = commands.edit(self.window.undo_stack, self.document, text, mutate)
        if refusal:
            self.refuse(refusal)
            return False
        return True

    def refuse(self, message: str) -> None:
        """Explain a refused edit in the status bar (never an exception)."""
        self.window.show_status(self.tr("Not changed: {0}").format(message), 6000)

    def toggle_feature(self, name: str) -> bool:
        """Switch the input feature ``name`` (``simulator.datasets.features``) on or off, as
        one undoable data edit; the last input cannot be switched off."""
        from simulator.datasets.features import FEATURES, RAW
        doc = self.document
        src = doc.data_source
        current = list(src.features or RAW)
        if name not in FEATURES:
            return False
        if name in current:
            if len(current) == 1:
                self.refuse(self.tr("the network needs at least one input"))
                return False
            current.remove(name)
        else:
            current.append(name)
        new = [n for n in FEATURES if n in current]
        features = [] if tuple(new) == RAW else new
        return self._edit(self.tr("Switch input feature {0}").format(name),
                          lambda: doc.set_data(src.replace(features=features), doc.dataset))

    def _is_output(self, layer: int) -> bool:
        return layer == len(self.document.spec.layers) - 1

    def _check_hidden(self, layer: int) -> bool:
        spec = self.document.spec
        if layer < 0 or layer >= len(spec.layers):
            return False
        if self._is_output(layer):
            self.refuse(self.tr("the output layer follows the data's targets; it cannot be "
                                "moved or removed"))
            return False
        return True

    def _check_resizable(self, column: int) -> bool:
        spec = self.document.spec
        if column == 0:
            self.refuse(self.tr("the input layer follows the data's {0} features").format(
                spec.inputs))
            return False
        if column == len(spec.layers):
            self.refuse(self.tr("the output layer follows the data's {0} targets").format(
                spec.layers[-1].units))
            return False
        return 0 < column < len(spec.layers)

    # -- topology -----------------------------------------------------------------------
    def insert_layer(self, index: int, activation: str = "tanh", units: int = 4) -> bool:
        """Insert a hidden layer so that it becomes ``spec.layers[index]``."""
        spec = self.document.spec
        index = max(0, min(index, len(spec.layers) - 1))
        layer = LayerSpec(units=units, activation=activation)
        return self._edit(self.tr("Insert layer"),
                          lambda: self.document.set_spec(spec.with_layer_inserted(index, layer)))

    def remove_layer(self, index: int) -> bool:
        if not self._check_hidden(index):
            return False
        spec = self.document.spec
        return self._edit(self.tr("Delete layer"),
                          lambda: self.document.set_spec(spec.with_layer_removed(index)))

    def move_layer(self, src: int, dst: int) -> bool:
        spec = self.document.spec
        last = len(spec.layers) - 1
        if src == dst:
            return False
        if not self._check_hidden(src):
            return False
        if dst < 0 or dst >= last:
            self.refuse(self.tr("the output layer stays last"))
            return False
        return self._edit(self.tr("Move layer"),
                          lambda: self.document.set_spec(spec.with_layer_moved(src, dst)))

    def set_units(self, column: int, units: int) -> bool:
        spec = self.document.spec
        if not self._check_resizable(column):
            return False
        if units == spec.sizes[column]:
            return False
        if not 1 <= units <= MAX_UNITS:
            self.refuse(self.tr("a layer has between 1 and {0} neurons").format(MAX_UNITS))
            return False
        return self._edit(self.tr("Change neurons"),
                          lambda: self.document.set_spec(spec.with_units(column, units)))

    def add_neuron(self, column: int) -> bool:
        if not self._check_resizable(column):
            return False
        return self.set_units(column, self.document.spec.sizes[column] + 1)

    def remove_neuron(self, column: int) -> bool:
        if not self._check_resizable(column):
            return False
        return self.set_units(column, self.document.spec.sizes[column] - 1)

    def set_layer_fields(self, index: int, **changes) -> bool:
        """Change activation, use_bias, name or init of layer ``index``."""
        spec = self.document.spec
        layer = spec.layers[index]
        changes = {k: v for k, v in changes.items() if getattr(layer, k) != v}
        if not changes:
            return False
        new = None
        try:
            new = spec.with_layer(index, **changes)
        except Exception as exc:  # SpecError and friends: explain, do not raise
            self.refuse(str(exc))
            return False
        text = {"activation": self.tr("Change activation"), "use_bias": self.tr("Toggle bias"),
                "name": self.tr("Rename layer"), "init": self.tr("Change initializer")}
        label = text.get(next(iter(changes)), self.tr("Change layer"))
        if "init" in changes:
            # A new initializer re-draws this layer's weights at once, so the learner sees it.
            def mutate():
                fresh = self.document.initial_weights(new)
                weights = [(W.copy(), b.copy()) for W, b in self.document.weights]
                weights[index] = fresh[index]
                self.document.set_spec(new, weights)
            return self._edit(label, mutate)
        return self._edit(label, lambda: self.document.set_spec(new))

    # -- weights ------------------------------------------------------------------------
    def set_weight(self, layer: int, i: int, j: int, value: float) -> bool:
        return self._edit(self.tr("Edit weight"),
                          lambda: self.document.set_weight(layer, i, j, float(value)))

    def set_bias(self, layer: int, j: int, value: float) -> bool:
        return self._edit(self.tr("Edit bias"),
                          lambda: self.document.set_bias(layer, j, float(value)))

    def is_connected(self, layer: int, i: int, j: int) -> bool:
        mask = self.document.spec.layers[layer].mask
        return mask is None or bool(mask[i, j])

    def set_connected(self, layer: int, i: int, j: int, connected: bool) -> bool:
        text = self.tr("Restore connection") if connected else self.tr("Remove connection")
        return self._edit(text, lambda: self.document.set_connection(layer, i, j, connected))

    def toggle_connection(self, layer: int, i: int, j: int) -> bool:
        return self.set_connected(layer, i, j, not self.is_connected(layer, i, j))

    def prompt_weight(self, layer: int, i: int, j: int) -> bool:
        """Ask for a new value of W[layer][i, j] (a dialog; tests replace ``ask_number``)."""
        if not self.is_connected(layer, i, j):
            self.refuse(self.tr("this connection is removed; restore it before editing its "
                                "weight"))
            return False
        current = float(self.document.weights[layer][0][i, j])
        value, ok = self.ask_number(self.tr("Edit weight"),
                                    self.tr("New weight of this connection:"), current)
        return bool(ok) and self.set_weight(layer, i, j, value)

    def prompt_bias(self, layer: int, j: int) -> bool:
        if not self.document.spec.layers[layer].use_bias:
            self.refuse(self.tr("this layer has no bias"))
            return False
        current = float(self.document.weights[layer][1][j])
        value, ok = self.ask_number(self.tr("Edit bias"),
                                    self.tr("New bias of this neuron:"), current)
        return bool(ok) and self.set_bias(layer, j, value)

    def _ask_number_dialog(self, title: str, label: str, value: float):
        return QInputDialog.getDouble(self.window, title, label, value, -1e6, 1e6, 4)
