"""Every activation side by side: f and f' on its plotting range, and where f' is largest.

The largest slope is what a gradient is multiplied by, at best, in each layer it passes
back through: 0.25 for sigmoid (after 10 layers at most 0.25^10 ~ 1e-6 is left: the
vanishing gradient), 1 for tanh at z = 0 and for ReLU at every z > 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import activations

#: Points per curve (one small plot each: a few hundred pixels wide).
POINTS = 401


@dataclass(frozen=True)
class Curve:
    """One activation's plot data (float64)."""

    name: str
    formula: str
    x: np.ndarray
    f: np.ndarray
    df: np.ndarray
    #: sup |f'| over all z (the engine's table: the gradient's best factor per layer).
    max_df: float
    #: Where the plotted f' comes closest to max_df (the point nearest 0 among ties).
    peak_x: float
    peak_df: float
    #: True when f' only approaches max_df as z grows (softplus): the peak is the range's edge.
    asymptotic: bool

    def gradient_after(self, layers: int) -> float:
        """The best factor a gradient keeps after ``layers`` layers: max_df ** layers."""
        return self.max_df ** layers

    def at(self, z: float) -> tuple[float, float, float]:
        """(x, f, f') of the plotted point nearest ``z`` (hover values: a lookup)."""
        i = int(np.clip(np.searchsorted(self.x, z), 0, self.x.size - 1))
        if i > 0 and abs(self.x[i - 1] - z) < abs(self.x[i] - z):
            i -= 1
        return float(self.x[i]), float(self.f[i]), float(self.df[i])


def curve(name: str, points: int = POINTS) -> Curve:
    act = activations.get(name)
    x, f, df = activations.evaluate(name, points=points)
    slope = np.abs(df)
    best = slope.max()
    ties = np.flatnonzero(slope >= best - 1e-12)
    i = int(ties[np.argmin(np.abs(x[ties]))])
    asymptotic = act.max_df > 0 and best < act.max_df - 1e-3
    return Curve(name, act.formula, x, f, df, act.max_df, float(x[i]), float(df[i]), asymptotic)


def gallery() -> list[Curve]:
    """One curve per activation the engine has, in the engine's order."""
    return [curve(name) for name in activations.ACTIVATIONS]
