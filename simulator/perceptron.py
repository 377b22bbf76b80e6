"""Perceptron mode: what the views show about a single-layer, one-output network.

- :func:`separator`: the straight line w1·x1 + w2·x2 + b = z* where the output crosses
  the label threshold (2 inputs), clipped to the plotted extent, and its equation.
- :func:`lecture_sum`: the lecture's opening example for 3 inputs, "if 4×w1 + 3×w2 + 2×w3
  is larger than a threshold then O, else X", with the current numbers.
- :func:`needs_hidden_layer`: whether to say that one line cannot split the data (XOR)
  and offer a hidden layer; :func:`with_hidden_layer` is that spec.
- :class:`SampleStep`: in slow motion the perceptron rule runs one sample at a time
  (``training/loop.py``); each snapshot says which sample moved the line and why.

Coordinates are the inputs as the network sees them (after normalization), the same
plane the output plot draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import activations
from .spec import LayerSpec, NetworkSpec
from .xp import to_numpy

#: The lecture's example input (4, 3, 2).
LECTURE_INPUT = (4.0, 3.0, 2.0)
#: Epochs a single-layer network trains below 100 % before the hint appears.
HINT_EPOCHS = 20
#: Hidden units the one-click fix adds (2 suffice for XOR in theory; 4 train reliably).
HIDDEN_UNITS = 4


@dataclass(frozen=True)
class Separator:
    """The decision line of a 2-input, 1-output single-layer network."""

    w1: float
    w2: float
    #: b − z*: the line is w1·x1 + w2·x2 + c = 0.
    c: float
    #: ((x, y), (x, y)) where the line meets the extent's border; None when it misses
    #: the extent or w1 = w2 = 0 (no line: the output is the same everywhere).
    ends: tuple | None
    #: "0.40·x1 + 0.40·x2 − 0.60 = 0".
    equation: str


@dataclass(frozen=True)
class SampleStep:
    """One update of the perceptron rule, w ← w + η(t − o)x, for one training sample."""

    #: The sample's row in the training set (``document.data.train``).
    row: int
    #: Its target t and the output o the unit gave it before the update (one per unit).
    target: tuple
    output: tuple
    #: o ≠ t: the rule moved the weights (and the line); else they stayed as they were.
    misclassified: bool


def sample_step(rows, outputs, targets) -> SampleStep:
    """The :class:`SampleStep` of a one-row batch: ``rows`` its position in the training set,
    ``outputs`` (1, units) the outputs before the update, ``targets`` the training Y."""
    row = int(to_numpy(rows).ravel()[0])
    o = tuple(float(v) for v in to_numpy(outputs).ravel())
    t = tuple(float(v) for v in np.asarray(targets[row], float).ravel())
    return SampleStep(row, t, o, o != t)


def single_layer(spec: NetworkSpec) -> bool:
    """One layer of one output unit: what a perceptron is."""
    return len(spec.layers) == 1 and spec.layers[0].units == 1


def boundary_level(activation: str, threshold: float) -> float:
    """z* with f(z*) = threshold: the pre-activation where the output changes class.

    For a monotone f found by bisection on [-60, 60]; it is 0 for step (f jumps at 0,
    threshold 0.5), sigmoid (f(0) = 0.5) and tanh with threshold 0, and 0.5 for a linear
    output with 0/1 targets. An f that never reaches the threshold gives an end of the range.
    """
    f = activations.get(activation).f
    lo, hi = -60.0, 60.0
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        if float(f(np.array([mid]))[0]) > threshold:
            hi = mid
        else:
            lo = mid
    z = 0.5 * (lo + hi)
    return 0.0 if abs(z) < 1e-9 else z


def _num(v: float) -> str:
    return f"{abs(v):.2f}"


def equation(w1: float, w2: float, c: float) -> str:
    """w1·x1 + w2·x2 + c = 0 written with the numbers (a real minus sign, 2 decimals)."""
    text = ("−" if w1 < 0 else "") + f"{_num(w1)}·x1"
    text += (" − " if w2 < 0 else " + ") + f"{_num(w2)}·x2"
    text += (" − " if c < 0 else " + ") + _num(c)
    return text + " = 0"


def clip_line(w1: float, w2: float, c: float, extent: tuple) -> tuple | None:
    """The two points where w1·x + w2·y + c = 0 meets the border of extent (x0, x1, y0,
    y1), or None when it misses the rectangle or w1 = w2 = 0."""
    x0, x1, y0, y1 = extent
    if w1 == 0 and w2 == 0:
        return None
    pts = []
    if w2 != 0:
        for x in (x0, x1):
            y = -(w1 * x + c) / w2
            if y0 <= y <= y1:
                pts.append((x, y))
    if w1 != 0:
        for y in (y0, y1):
            x = -(w2 * y + c) / w1
            if x0 <= x <= x1:
                pts.append((x, y))
    pts = sorted(set(pts))
    if len(pts) < 2:
        return None
    return (pts[0], pts[-1])


def separator(W: np.ndarray, b: np.ndarray, activation: str, threshold: float,
              extent: tuple) -> Separator:
    """The line where the 2-input unit's output crosses ``threshold``:
    w1·x1 + w2·x2 + b = z* (see :func:`boundary_level`), on the plane ``extent``."""
    w1, w2 = (float(v) for v in np.asarray(W, float).ravel()[:2])
    c = float(np.asarray(b, float).ravel()[0]) - boundary_level(activation, threshold)
    return Separator(w1, w2, c, clip_line(w1, w2, c, extent), equation(w1, w2, c))


def lecture_sum(W: np.ndarray, b: np.ndarray, x=LECTURE_INPUT) -> str:
    """The lecture's first example with the current weights of a 3-input step unit:
    4×w1 + 3×w2 + 2×w3 against the threshold −b (the unit fires when the sum is
    larger): "4×0.40 + 3×0.20 + 2×(−0.10) = 2.00 > 0.60 → O"."""
    w = np.asarray(W, float).ravel()
    terms = " + ".join(f"{xi:g}×" + (f"({w_i:.2f})".replace("-", "−") if w_i < 0
                                     else f"{w_i:.2f}") for xi, w_i in zip(x, w, strict=False))
    total = float(np.dot(x, w[: len(x)]))
    theta = -float(np.asarray(b, float).ravel()[0])
    fires = total > theta
    return (f"{terms} = {total:.2f} {'>' if fires else '≤'} {theta:.2f} → "
            f"{'O' if fires else 'X'}").replace("-", "−")


def not_separable(description: str) -> bool:
    """Whether a dataset's catalog text says no single straight line splits its classes
    (the XOR entries of ``simulator.datasets.catalog``)."""
    return "no single" in description.lower()


def needs_hidden_layer(spec: NetworkSpec, description: str, history) -> bool:
    """True once a single-layer network has trained HINT_EPOCHS epochs or more without
    reaching 100 % training accuracy on data that no straight line separates."""
    if not single_layer(spec) or not not_separable(description) or len(history) < HINT_EPOCHS:
        return False
    acc = history[-1].get("train_metric")
    return acc is not None and acc < 1.0


def with_hidden_layer(spec: NetworkSpec) -> NetworkSpec:
    """``spec`` with a tanh hidden layer of HIDDEN_UNITS before a sigmoid output (a
    gradient can flow through both, so sgd trains it)."""
    out = spec.with_layer_inserted(0, LayerSpec(HIDDEN_UNITS, "tanh"))
    return out.with_layer(len(out.layers) - 1, activation="sigmoid")
