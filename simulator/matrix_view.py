"""One layer as the lecture draws it: Z = X · W + b and H = f(Z), with real numbers.

For a layer l and a few rows of data, :func:`matrix_view` returns the layer's input
(X for the first layer, else H of the layer before), W, b, Z and H, all from one
:meth:`Network.forward` pass, plus what the matrix dock writes beside them: the shapes
("4x3 · 3x2 = 4x2") and the weighted sum behind any cell of Z
("4 × 0.12 + 3 × -0.4 + 2 × 0.33 + 0.05 = -0.01", the lecture's "4 × w1 + 3 × w3 + 2 × w5").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .backprop_steps import fmt, neuron_names
from .network import Network

#: At most this many rows in one view (the dock draws every cell).
MAX_ROWS = 64


@dataclass
class MatrixView:
    """The matrices of one layer for ``n`` rows of data (all NumPy, float64)."""

    #: Engine layer index (0 = first hidden layer).
    layer: int
    activation: str
    #: The layer's input: X, or H of the previous layer, (n, fan_in).
    A: np.ndarray
    #: Weights (fan_in, units); 0 where a connection is removed (see ``present``).
    W: np.ndarray
    #: Biases (units,), or None when the layer has none.
    b: np.ndarray | None
    #: True where a connection exists, (fan_in, units).
    present: np.ndarray
    #: Pre-activation A · W + b, (n, units).
    Z: np.ndarray
    #: Activation f(Z), (n, units).
    H: np.ndarray
    #: Names of the rows (data row numbers, 1-based), the inputs and the units.
    row_names: list[str]
    in_names: list[str]
    out_names: list[str]
    #: True when A is the data itself (the first layer), else a previous layer's H.
    is_data: bool

    @property
    def shapes(self) -> str:
        """The product's shapes, "n x fan_in · fan_in x units = n x units"."""
        (n, k), m = self.A.shape, self.W.shape[1]
        return f"{n}x{k} · {k}x{m} = {n}x{m}"

    def weighted_sum(self, row: int, unit: int, digits: int = 3) -> str:
        """Z[row, unit] written out: sum_i A[row, i] × W[i, unit] (+ b[unit]) = Z."""
        terms = [f"{fmt(self.A[row, i], digits)} × {fmt(self.W[i, unit], digits)}"
                 for i in range(self.W.shape[0]) if self.present[i, unit]]
        if self.b is not None:
            terms.append(fmt(self.b[unit], digits))
        return f"{' + '.join(terms) or '0'} = {fmt(self.Z[row, unit], digits)}"

    def weighted_sum_symbols(self, unit: int) -> str:
        """The same sum in symbols, with the lecture's weight numbering w1, w2, ... (row-major
        over W, as the slide: w1 w2 / w3 w4 / w5 w6)."""
        k, m = self.W.shape
        terms = [f"{self.in_names[i]} × w{i * m + unit + 1}" for i in range(k)
                 if self.present[i, unit]]
        if self.b is not None:
            terms.append(f"b{unit + 1}")
        return " + ".join(terms) or "0"


def matrix_view(net: Network, X, layer: int, row_names: list[str] | None = None,
                names: list[list[str]] | None = None) -> MatrixView:
    """The matrices of ``layer`` for the rows X (at most MAX_ROWS), from ``net.forward``."""
    X = np.atleast_2d(np.asarray(X, dtype=np.float64))
    if X.shape[0] > MAX_ROWS:
        raise ValueError(f"the matrix view shows at most {MAX_ROWS} rows, got {X.shape[0]}")
    if not 0 <= layer < net.n_layers:
        raise ValueError(f"layer {layer} does not exist: the network has {net.n_layers} layers")
    spec = net.spec
    trace = net.forward(X)
    W, b = net.get_weights()[layer]
    lay = spec.layers[layer]
    present = np.ones(W.shape, bool) if lay.mask is None else lay.mask.astype(bool)
    names = names or neuron_names(spec)
    n = X.shape[0]
    return MatrixView(layer, lay.activation, trace[layer].H.astype(np.float64),
                      W.astype(np.float64), b.astype(np.float64) if lay.use_bias else None,
                      present, trace[layer + 1].Z.astype(np.float64),
                      trace[layer + 1].H.astype(np.float64),
                      row_names or [str(i + 1) for i in range(n)], names[layer],
                      names[layer + 1], layer == 0)


def document_rows(document, first: int = 0, count: int = 4) -> tuple[np.ndarray, list[str]]:
    """Rows ``first .. first + count - 1`` of the document's data, as the network sees them
    (normalized with the training statistics), and their 1-based row numbers."""
    X = document.dataset.X
    n = X.shape[0]
    if n == 0:
        raise ValueError("the data has no rows")
    first = min(max(0, int(first)), n - 1)
    rows = np.arange(first, min(n, first + max(1, min(int(count), MAX_ROWS))))
    return document.data.normalizer.transform(X[rows]), [str(r + 1) for r in rows]


def view_for_document(document, layer: int, first: int = 0, count: int = 4) -> MatrixView:
    """:func:`matrix_view` of the document's network for rows of its data."""
    X, labels = document_rows(document, first, count)
    ds = document.dataset
    names = neuron_names(document.spec, ds.feature_names, ds.target_names)
    return matrix_view(document.build_network(), X, layer, labels, names)
