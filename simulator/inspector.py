"""Plot data computed from a network, in one Qt-free place: what every view draws.

:func:`compute_views` runs once per snapshot (in the training loop's worker, or here
after an edit when no training runs) and produces :class:`Views`: histograms, the
output over a grid of the input plane and every drawn neuron's output on the same
grid. :class:`Inspector`, owned by the document (``document.inspector``), holds the
newest Views, adds what needs the data's targets (label threshold, confusion matrix,
colour scale of the output) and emits ``changed``; the plots and the canvas observe it
and only draw.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import activations, perceptron
from .datasets.features import apply as apply_features
from .observable import Signal
from .palette import class_rgbs, ramp, scaled, value_scale
from .stats import label_threshold

#: Side of the output heatmap grid over the input plane (2-input data); TensorFlow
#: Playground draws 100 x 100. Networks costlier than GRID_BUDGET get a coarser grid.
GRID = 100
#: Every NEURON_STRIDE-th grid point feeds the per-neuron heatmaps on the canvas.
NEURON_STRIDE = 2
#: Neurons per column that get a heatmap (the canvas draws at most this many).
SHOWN_NEURONS = 16
#: Most multiply-adds one grid pass may cost; beyond it the grid side shrinks (never
#: below MIN_GRID) so a snapshot of a 1024-unit network stays cheap.
GRID_BUDGET = 40_000_000
MIN_GRID = 24
#: Bins of the pre-activation and weight histograms.
BINS = 60
#: Most rows used for pre-activation histograms and predicted-vs-true.
MAX_POINTS = 600


@dataclass
class Views:
    """Everything the live plots and the canvas draw besides the history."""

    #: Per layer: (counts, edges) of the pre-activations Z = XW + b on the sample rows.
    preact_hists: list = field(default_factory=list)
    #: Per layer: (counts, edges) of the weights W.
    weight_hists: list = field(default_factory=list)
    #: Network output for the sample rows (n, outputs), in the order of ``Job.sample``.
    predictions: np.ndarray | None = None
    #: 2-input data: grid x and y coordinates (side,) each, ascending.
    grid_x: np.ndarray | None = None
    grid_y: np.ndarray | None = None
    #: 2-input data: output over the grid, (outputs, side, side) indexed [o, iy, ix].
    grid_output: np.ndarray | None = None
    #: 2-input data: per column, inputs first, the outputs of its first SHOWN_NEURONS
    #: neurons on every NEURON_STRIDE-th grid point, (k, h, w) indexed [k, iy, ix].
    neuron_grids: list | None = None
    #: 1-input data: x values and the network's output along them (a fitted curve).
    curve_x: np.ndarray | None = None
    curve_y: np.ndarray | None = None
    # -- filled by :func:`label_views` from the data's targets ---------------------------
    #: "classification" or "regression" (None until labelled).
    task: str | None = None
    #: One-output classification: an output above it means class 1 (the trainer's own
    #: ``stats.label_threshold``: 0.5 for 0/1 targets). None: argmax over the outputs.
    threshold: float | None = None
    #: (center, half) that maps a one-column output onto the colour ramp (see
    #: ``palette.scaled``): the threshold is neutral, the class targets full colour.
    output_scale: tuple[float, float] | None = None
    #: Classification: counts[true class, predicted class] over the sample rows.
    confusion: np.ndarray | None = None
    # -- perceptron mode: a single-layer network with one output ------------------------
    #: Its (W, b, activation), copied by :func:`compute_views` (None for other networks).
    unit: tuple | None = None
    #: 2 inputs, classification: the line where the output crosses ``threshold``
    #: (``perceptron.separator``: z = 0 for step and sigmoid outputs).
    separator: perceptron.Separator | None = None
    #: 3 inputs: the lecture's "4×w1 + 3×w2 + 2×w3 > threshold" with the current numbers.
    lecture_sum: str | None = None
    #: The perceptron rule in slow motion: the sample whose update gave these weights
    #: (set by the training loop; None otherwise).
    step: perceptron.SampleStep | None = None


def forward_layers(net, X) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per layer, first hidden to output: (Z, H) as NumPy arrays."""
    return [(t.Z, t.H) for t in net.forward(X)[1:]]


def layer_outputs(net, X: np.ndarray) -> list[np.ndarray]:
    """Per column, inputs first: its output H, by the engine's formula H = f(H_prev W + b)
    and activation table on the network's (masked) weights; unlike ``net.forward`` it
    keeps no Z and makes no copies (on a 100 x 100 grid of a 2-8x6-1 network measured
    3.7 ms against 12 ms; the results are equal to the last bit, see the tests)."""
    out = [X]
    for (W, b), name in zip(net.get_weights(), net.activations, strict=True):
        out.append(activations.get(name).f(out[-1] @ W + b))
    return out


def preact_range(z: np.ndarray, activation: str) -> float:
    """Half-width of the x-axis of an activation plot: the activation's own range, wider
    when the pre-activations spread further (up to 60), so saturation shows."""
    from simulator.activations import get
    lo, hi = get(activation).x_range
    base = max(abs(lo), abs(hi))
    finite = np.abs(z[np.isfinite(z)])
    if finite.size == 0:
        return base
    return float(min(60.0, max(base, 1.05 * finite.max())))


def grid_side(sizes) -> int:
    """Side of the input-plane grid for a network of layer ``sizes``: GRID, smaller when
    one pass over GRID^2 points would cost more than GRID_BUDGET multiply-adds."""
    cost = sum(a * b for a, b in zip(sizes[:-1], sizes[1:], strict=False))
    side = int(np.sqrt(GRID_BUDGET / max(cost, 1)))
    return max(MIN_GRID, min(GRID, side))


def compute_views(net, sample: np.ndarray | None, extent: tuple | None) -> Views:
    """Histograms and predictions on ``sample`` (rows as the network sees them) and, for
    1- or 2-input data, the output over ``extent`` = (x0, x1, y0, y1[, feature, ...]):
    derived input features named after the four numbers are computed from each grid
    point (``simulator.datasets.features.apply``), as they were for the data."""
    views = Views()
    if len(net.sizes) == 2 and net.sizes[-1] == 1:
        W, b = net.get_weights()[0]
        views.unit = (np.array(W, float), np.array(b, float), net.activations[0])
        if net.sizes[0] == 3:
            views.lecture_sum = perceptron.lecture_sum(W, b)
    for W, _ in net.get_weights():
        w = W.ravel()
        w = w[np.isfinite(w)]
        lim = float(max(np.abs(w).max(initial=0.0), 1e-3))
        bins = int(np.clip(2 * np.sqrt(w.size), 8, BINS))  # few weights, few bins
        views.weight_hists.append(np.histogram(w, bins=bins, range=(-lim, lim)))
    if sample is not None and len(sample):
        layers = forward_layers(net, sample)
        for (z, _), act in zip(layers, net.activations, strict=True):
            r = preact_range(z, act)
            views.preact_hists.append(np.histogram(np.clip(z, -r, r), bins=BINS, range=(-r, r)))
        views.predictions = layers[-1][1]
    plane = plane_args(sample, extent)
    if plane is not None:
        _plane(views, net, *plane)
    elif extent is not None and sample is not None and sample.shape[1] == 1:
        x0, x1 = extent[:2]
        cx = np.linspace(x0, x1, 200).reshape(-1, 1).astype(sample.dtype)
        views.curve_x = cx[:, 0]
        views.curve_y = np.asarray(net.predict(cx))
    return views


def plane_args(sample: np.ndarray | None, extent: tuple | None):
    """(extent[:4], dtype, features) of the input plane when the data has one (2 inputs,
    or x1, x2 with derived features; ``extent`` and ``sample`` from :func:`plot_points`),
    else None."""
    if extent is None or sample is None:
        return None
    features = tuple(extent[4:])
    if not features and sample.shape[1] != 2:
        return None
    return tuple(extent[:4]), sample.dtype, features


def plane_layers(net, extent: tuple, dtype, features: tuple = ()):
    """(gx, gy, outputs): the plane grid of side ``grid_side(net.sizes)`` over ``extent``
    = (x0, x1, y0, y1), ascending coordinates, and every column's output on it
    (``layer_outputs``, inputs first, rows in [iy, ix] order); the grid's (x1, x2)
    points go through the same derived ``features`` as the data. The one grid of the
    output plot, the canvas's neurons and the grid search's boundary images."""
    side = grid_side(net.sizes)
    x0, x1, y0, y1 = extent
    gx = np.linspace(x0, x1, side)
    gy = np.linspace(y0, y1, side)
    xx, yy = np.meshgrid(gx, gy)
    pts = apply_features(np.column_stack([xx.ravel(), yy.ravel()]).astype(dtype), features)
    return gx, gy, layer_outputs(net, pts)


def on_grid(h: np.ndarray, side: int) -> np.ndarray:
    """Rows of a grid pass (side * side, k) as images (k, side, side) indexed [k, iy, ix]."""
    return h.T.reshape(-1, side, side)


def _plane(views: Views, net, extent: tuple, dtype, features: tuple = ()) -> None:
    """One forward pass over the grid gives the output heatmap and every neuron's."""
    gx, gy, outputs = plane_layers(net, extent, dtype, features)
    side = len(gx)
    views.grid_x, views.grid_y = gx, gy
    views.grid_output = on_grid(outputs[-1], side)
    s, k = NEURON_STRIDE, SHOWN_NEURONS
    views.neuron_grids = [on_grid(h[:, :k], side)[:, ::s, ::s].copy() for h in outputs]


def plotted_rows(data) -> np.ndarray:
    """Every row the plots draw, normalized as the network sees them: train, then test
    (``data`` is the document's PreparedData)."""
    parts = [data.train.X] + ([data.test.X] if data.test is not None and len(data.test.X)
                              else [])
    return np.concatenate(parts, axis=0)


def plane_extent(X: np.ndarray, margin: float = 0.1) -> tuple:
    """(xmin, xmax, ymin, ymax) around the points of 1- or 2-column ``X``, with a margin."""
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = (hi - lo) * margin + 1e-9
    lo, hi = lo - pad, hi + pad
    if X.shape[1] == 1:
        return (float(lo[0]), float(hi[0]), 0.0, 0.0)
    return (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]))


def plotted_targets(data) -> np.ndarray:
    """The targets of :func:`plotted_rows`, in the same order."""
    parts = [data.train.Y] + ([data.test.Y] if data.test is not None and len(data.test.Y)
                              else [])
    return np.concatenate(parts, axis=0)


def plot_points(document) -> tuple[np.ndarray, tuple | None]:
    """Rows for histograms and predicted-vs-true (train then test, capped at MAX_POINTS)
    and the input-plane extent for 1- and 2-input data."""
    data = document.data
    X = plotted_rows(data)
    if data.features:  # the plane of x1, x2; the features are named after the extent
        P = np.concatenate([data.train_plane, data.test_plane], axis=0)
        extent = plane_extent(P) + tuple(data.features) if len(P) else None
    else:
        extent = plane_extent(X) if X.shape[1] <= 2 and len(X) else None
    return X[:MAX_POINTS].astype(document.settings.dtype), extent


def class_labels(values: np.ndarray, threshold: float | None) -> np.ndarray:
    """Class number of each row of targets or outputs: ``value > threshold`` for one
    column, the largest column otherwise (as ``stats.accuracy`` counts them)."""
    if values.shape[1] == 1:
        return (values[:, 0] > threshold).astype(np.int64)
    return values.argmax(axis=1).astype(np.int64)


def point_rgb(Y: np.ndarray, views: Views) -> np.ndarray:
    """(n, 3) uint8 colours of points with targets ``Y`` on labelled ``views``: the class
    colour (classes as :func:`class_labels` counts them), or the output's ramp for
    regression."""
    if views.task == "classification":
        return class_rgbs(class_labels(Y, views.threshold))
    return ramp(scaled(Y[:, 0], *views.output_scale))


def output_scale(Y: np.ndarray, task: str, threshold: float | None) -> tuple[float, float]:
    """(center, half) of the output colours: for classification the threshold is neutral
    and the farther class target full colour; for regression 0 is neutral and the
    largest |target| full colour (the Playground's scale)."""
    if task == "classification" and threshold is not None and Y.size:
        half = float(max(Y.max() - threshold, threshold - Y.min()))
        return float(threshold), half if half > 0 else 1.0
    return value_scale(Y[:, :1])


def label_views(views: Views, Y: np.ndarray, task: str) -> Views:
    """Fill the fields of ``views`` that need the targets ``Y`` of the plotted rows (all
    of them; the first ``len(predictions)`` are the sample rows)."""
    views.task = task
    one = Y.ndim == 2 and Y.shape[1] == 1 and Y.size > 0
    views.threshold = label_threshold(Y) if task == "classification" and one else None
    views.output_scale = output_scale(Y, task, views.threshold) if Y.size else None
    P = views.predictions
    if task == "classification" and P is not None and len(P) and Y.size:
        k = 2 if one else Y.shape[1]
        m = np.zeros((k, k), dtype=np.int64)
        np.add.at(m, (class_labels(Y[: len(P)], views.threshold),
                      class_labels(P, views.threshold)), 1)
        views.confusion = m
    if views.unit is not None and views.threshold is not None and views.grid_x is not None \
            and views.unit[0].shape[0] == 2:
        extent = (views.grid_x[0], views.grid_x[-1], views.grid_y[0], views.grid_y[-1])
        views.separator = perceptron.separator(*views.unit, views.threshold,
                                               tuple(float(v) for v in extent))
    return views


class Inspector:
    """The newest :class:`Views` of one document; owned by it as ``document.inspector``.

    Whoever computes views puts them here (the training controller: the worker's, and
    its own recomputation after an edit); every view reads ``views`` and observes
    ``changed``. Qt-free.
    """

    def __init__(self, document) -> None:
        self._document = document
        #: The newest labelled Views; None before the first computation and after the
        #: data changed (views labelled with other targets must not be drawn).
        self.views: Views | None = None
        #: Emitted with the new Views after every :meth:`set_views`.
        self.changed = Signal()
        # connected before any view (the document makes its inspector first), so the
        # stale views are gone when the views hear of the new data
        document.events.data.connect(self._forget)
        document.events.reset.connect(self._forget)

    def _forget(self) -> None:
        self.views = None

    def set_views(self, views: Views) -> None:
        """Label ``views`` with the document's targets and announce them."""
        doc = self._document
        self.views = label_views(views, plotted_targets(doc.data), doc.dataset.task)
        self.changed.emit(self.views)

    def refresh(self) -> None:
        """Compute the views from the document's own weights (no training under way)."""
        sample, extent = plot_points(self._document)
        self.set_views(compute_views(self._document.build_network(), sample, extent))
