"""What the student has picked out in the network: one neuron, one connection, or nothing.

``document.selection`` is shared by every view that shows neurons and weights: the canvas
outlines the selected neuron or line, the matrix view frames its column of W, b, Z and H
(a neuron) or its cell W[i, j] (a connection). Each view sets it on a click and follows
``changed``; none keeps a second copy.

Addresses are the engine's:

- a neuron is ``(column, index)`` with column 0 the inputs and column k the units of
  engine layer k - 1 (``spec.layers[k - 1]``), i.e. column j of that layer's W, b, Z, H;
- a connection is ``(layer, i, j)``: the weight ``W[layer][i, j]`` from neuron i of column
  ``layer`` to neuron j of column ``layer + 1``.

When the network changes, a selection follows its layer (by uid) to where the layer went,
and is dropped when the layer or the neuron no longer exists, or another project opens.
"""

from __future__ import annotations

from dataclasses import dataclass

from .observable import Signal


@dataclass(frozen=True)
class Selected:
    """One selection: ``kind`` is "neuron", "connection" or "none"."""

    kind: str = "none"
    #: Neuron: its column (0 = inputs). Connection: the engine layer of its weight.
    layer: int = -1
    #: Neuron: its index in the column. Connection: the source neuron i.
    index: int = -1
    #: Connection: the target neuron j (-1 for a neuron).
    target: int = -1

    @property
    def neuron(self) -> tuple[int, int] | None:
        """(column, index) of a selected neuron, else None."""
        return (self.layer, self.index) if self.kind == "neuron" else None

    @property
    def connection(self) -> tuple[int, int, int] | None:
        """(layer, i, j) of a selected connection, else None."""
        return (self.layer, self.index, self.target) if self.kind == "connection" else None


NOTHING = Selected()


class Selection:
    """The document's current :class:`Selected`, with ``changed(selected)`` on every change."""

    def __init__(self, document) -> None:
        self._document = document
        self.current = NOTHING
        #: Emitted with the new :class:`Selected` whenever it changes.
        self.changed = Signal()
        #: uid of the layer the selection belongs to (0 for the inputs' column).
        self._uid: int | None = None
        document.events.spec.connect(self._follow_spec)
        document.events.reset.connect(self.clear)  # another project: nothing of it is picked

    def select_neuron(self, column: int, index: int) -> None:
        """Select neuron ``index`` of ``column`` (0 = inputs); out of range selects nothing."""
        self._set(Selected("neuron", column, index)
                  if self._fits(column, index) else NOTHING)

    def select_connection(self, layer: int, i: int, j: int) -> None:
        """Select the weight W[layer][i, j]; out of range selects nothing."""
        fits = self._fits(layer, i) and self._fits(layer + 1, j)
        self._set(Selected("connection", layer, i, j) if fits else NOTHING)

    def clear(self) -> None:
        self._set(NOTHING)

    # -- internals -----------------------------------------------------------------------
    def _fits(self, column: int, index: int) -> bool:
        sizes = self._document.spec.sizes
        return 0 <= column < len(sizes) and 0 <= index < sizes[column]

    def _column_uid(self, column: int) -> int:
        return 0 if column == 0 else self._document.spec.layers[column - 1].uid

    def _set(self, selected: Selected) -> None:
        if selected.kind != "none":
            column = selected.layer + (selected.kind == "connection")
            self._uid = self._column_uid(column)
        else:
            self._uid = None
        if selected != self.current:
            self.current = selected
            self.changed.emit(selected)

    def _follow_spec(self) -> None:
        """The layout changed: keep the selection on its layer wherever it moved, or drop it."""
        s = self.current
        if s.kind == "none":
            return
        layers = self._document.spec.layers
        uids = [0] + [lay.uid for lay in layers]
        column = uids.index(self._uid) if self._uid in uids else -1
        if s.kind == "neuron":
            self.select_neuron(column, s.index) if column >= 0 else self.clear()
        else:
            self.select_connection(column - 1, s.index, s.target) if column >= 1 \
                else self.clear()
