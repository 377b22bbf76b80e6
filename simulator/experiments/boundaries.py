"""The best and worst runs of a grid and their decision boundaries, for 2-D data (Qt-free).

The runs are ranked by one measure (``table.ranked``: the Grid search dock uses the
measure its heatmap is coloured by, test loss unless the user picks another). A run's
boundary is the inspector's own plane grid (``inspector.plane_layers``) over the plane
of the project's data, coloured by ``palette.plane_rgb`` at the inspector's output
scale: the image is what the Output plot shows once that run's weights are applied.

    plane = Plane.from_document(doc)          # None unless the data has an input plane
    pair = best_and_worst(results, "test_loss")
    best = boundary(pair[0], GridData.from_document(doc), plane)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..inspector import (
    Views,
    label_views,
    on_grid,
    plane_args,
    plane_layers,
    plot_points,
    plotted_targets,
    point_rgb,
)
from ..palette import plane_rgb
from .grid import GridData
from .table import RunResult, ranked


@dataclass(frozen=True, eq=False)
class Plane:
    """The input plane of a project's data as its plots draw it, taken when a grid starts
    (the runs trained on that data, whatever the document holds later)."""

    #: (x0, x1, y0, y1) of the grid, normalized units (``inspector.plot_points``).
    extent: tuple
    #: The network's dtype (the grid points are cast to it, as for the plots).
    dtype: np.dtype
    #: Derived input features computed from each grid point, () for none.
    features: tuple
    #: (n, 2) training rows on the plane (x1, x2 without derived features).
    points: np.ndarray
    #: (n, 3) uint8 colours of the training points (``inspector.point_rgb``).
    point_colors: np.ndarray
    #: (center, half) of the output colours (``inspector.output_scale``).
    scale: tuple

    @classmethod
    def from_document(cls, doc) -> Plane | None:
        """The document's plane, or None for data without one (not 2 inputs)."""
        sample, extent = plot_points(doc)
        args = plane_args(sample, extent)
        if args is None:
            return None
        data = doc.data
        views = label_views(Views(), plotted_targets(data), doc.dataset.task)
        points = data.train_plane if data.train_plane is not None else data.train.X
        return cls(*args, np.array(points, float),
                   point_rgb(data.train.Y, views), views.output_scale)


@dataclass(frozen=True, eq=False)
class Boundary:
    """One run's output over the plane."""

    result: RunResult
    #: Grid coordinates (side,) each, ascending.
    grid_x: np.ndarray
    grid_y: np.ndarray
    #: (outputs, side, side) indexed [o, iy, ix], as ``Views.grid_output``.
    output: np.ndarray
    #: (side, side, 3) uint8 indexed [iy, ix]: the Output plot's colours.
    rgb: np.ndarray


def network_of(result: RunResult, data: GridData):
    """The run's network (its config's spec on ``data``'s inputs and outputs) holding its
    trained weights; ``result.weights`` must be kept."""
    from ..network import Network
    settings = result.config.settings(data.settings)
    net = Network.from_spec(result.config.network_spec(data.spec), init=settings.init,
                            seed=settings.seed, backend="numpy", dtype=settings.dtype)
    net.set_weights(result.weights)
    return net


def boundary(result: RunResult, data: GridData, plane: Plane) -> Boundary:
    """The run's output grid over ``plane`` and its colours (one forward pass of
    ``grid_side(sizes)`` ** 2 points: ~1-4 ms for the app's small networks)."""
    gx, gy, outputs = plane_layers(network_of(result, data), plane.extent, plane.dtype,
                                   plane.features)
    out = on_grid(outputs[-1], len(gx))
    return Boundary(result, gx, gy, out, plane_rgb(out, plane.scale))


def best_and_worst(results, key: str = "test_loss") -> tuple[RunResult, RunResult] | None:
    """The first and last of the finished runs with trained weights, ranked by ``key``
    (``table.ranked``); the same run twice when only one finished; None when none did."""
    good = [r for r in ranked(results, key) if r.weights is not None]
    return (good[0], good[-1]) if good else None
