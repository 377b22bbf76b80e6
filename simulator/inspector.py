"""Plot data computed from a network: the heavy part of a snapshot.

Qt-free. The training loop calls :func:`compute_views` once per snapshot in the
worker; when no training runs, the controller calls it after an edit. The GUI
thread only draws what is in :class:`Views`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

#: Side of the output heatmap grid over the input plane (2-input data).
GRID = 48
#: Every STRIDE-th grid point feeds the small per-neuron heatmaps on the canvas.
NEURON_STRIDE = 2
#: Bins of the pre-activation and weight histograms.
BINS = 60
#: Most rows used for pre-activation histograms and predicted-vs-true.
MAX_POINTS = 600


@dataclass
class Views:
    """Everything the live plots draw besides the history."""

    #: Per layer: (counts, edges) of the pre-activations Z = XW + b on the sample rows.
    preact_hists: list = field(default_factory=list)
    #: Per layer: (counts, edges) of the weights W.
    weight_hists: list = field(default_factory=list)
    #: Network output for the sample rows (n, outputs), in the order of ``Job.sample``.
    predictions: np.ndarray | None = None
    #: 2-input data: grid x and y coordinates (GRID,) each.
    grid_x: np.ndarray | None = None
    grid_y: np.ndarray | None = None
    #: 2-input data: output over the grid, (outputs, GRID, GRID) indexed [o, iy, ix].
    grid_output: np.ndarray | None = None
    #: 2-input data: per layer (hidden and output) activations, (units, h, w) each.
    neuron_grids: list | None = None
    #: 1-input data: x values and the network's output along them (a fitted curve).
    curve_x: np.ndarray | None = None
    curve_y: np.ndarray | None = None


def forward_layers(net, X) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per layer, first hidden to output: (Z, H) as NumPy arrays."""
    return [(t.Z, t.H) for t in net.forward(X)[1:]]


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


def compute_views(net, sample: np.ndarray | None, extent: tuple | None) -> Views:
    views = Views()
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
    if extent is not None and sample is not None and sample.shape[1] == 2:
        x0, x1, y0, y1 = extent
        gx = np.linspace(x0, x1, GRID)
        gy = np.linspace(y0, y1, GRID)
        xx, yy = np.meshgrid(gx, gy)
        pts = np.column_stack([xx.ravel(), yy.ravel()]).astype(sample.dtype)
        layers = forward_layers(net, pts)
        views.grid_x, views.grid_y = gx, gy
        out = layers[-1][1]
        views.grid_output = out.T.reshape(out.shape[1], GRID, GRID)
        s = NEURON_STRIDE
        views.neuron_grids = [h.T.reshape(h.shape[1], GRID, GRID)[:, ::s, ::s].copy()
                              for _, h in layers]
    elif extent is not None and sample is not None and sample.shape[1] == 1:
        x0, x1 = extent[:2]
        cx = np.linspace(x0, x1, 200).reshape(-1, 1).astype(sample.dtype)
        views.curve_x = cx[:, 0]
        views.curve_y = np.asarray(net.predict(cx))
    return views


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
