"""Each neuron's output over the input plane, as TensorFlow Playground draws inside its nodes.

Only for networks with two inputs. The GUI computes a small grid itself
(``grid_heatmaps``) when the network is cheap enough; during training the worker
may send its own grids through ``NetworkCanvas.set_neuron_heatmaps``.
"""

from __future__ import annotations

import numpy as np

from simulator.inspector import plane_extent, plotted_rows

from . import style

#: Above this many multiply-adds per grid point the GUI does not compute heatmaps itself.
MAX_GUI_COST = 40_000


def plane_bounds(document) -> tuple[float, float, float, float] | None:
    """(x_min, x_max, y_min, y_max) of the (normalized) input plane the heatmaps cover,
    the same as the output plot's; None unless the data has exactly two features."""
    if document.spec.inputs != 2:
        return None
    X = plotted_rows(document.data)
    if X.ndim != 2 or X.shape[1] != 2 or len(X) == 0:
        return None
    return plane_extent(X)


def gui_cost(spec) -> int:
    s = spec.sizes
    return sum(a * b for a, b in zip(s[:-1], s[1:], strict=False))


def grid_heatmaps(spec, weights, bounds, size: int = style.HEATMAP_SIZE,
                  keep: int = style.MAX_VISIBLE) -> list[np.ndarray]:
    """Outputs of the first ``keep`` neurons of every column over a ``size`` x ``size`` grid.

    Returns one float32 array (min(units, keep), size, size) per column, inputs first;
    row 0 of each image is the top of the plane (largest second feature).
    """
    x0, x1, y0, y1 = bounds
    xs = np.linspace(x0, x1, size, dtype=np.float32)
    ys = np.linspace(y1, y0, size, dtype=np.float32)
    gx, gy = np.meshgrid(xs, ys)
    H = np.stack([gx.ravel(), gy.ravel()], axis=1)
    out = [H.T.reshape(2, size, size)[:keep]]
    for layer, (W, b) in zip(spec.layers, weights, strict=True):
        Wf = np.asarray(W, dtype=np.float32)
        Z = H @ Wf + np.asarray(b, dtype=np.float32)
        H = style.activate(layer.activation, Z).astype(np.float32, copy=False)
        out.append(H[:, :keep].T.reshape(-1, size, size))
    return out
