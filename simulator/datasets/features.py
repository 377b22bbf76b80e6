"""Derived input features for 2-D data, as TensorFlow Playground offers them.

The network may see, besides x1 and x2, their squares, their product and their sines.
This module is the one place they are computed: the training rows (``prepare``), the
inspector's grid over the input plane and the exports all go through :func:`apply`.
The features are computed from x1 and x2 as the network sees them (after the
normalization of the two columns), so the plane the plots draw stays (x1, x2).
"""

from __future__ import annotations

import numpy as np

from ..errors import DataError

#: Every feature, in the order of the network's input column: name -> f(x1, x2).
FEATURES = {
    "x1": lambda a, b: a,
    "x2": lambda a, b: b,
    "x1^2": lambda a, b: a * a,
    "x2^2": lambda a, b: b * b,
    "x1*x2": lambda a, b: a * b,
    "sin(x1)": lambda a, b: np.sin(a),
    "sin(x2)": lambda a, b: np.sin(b),
}
#: The default: the two coordinates themselves.
RAW = ("x1", "x2")
#: Labels for the canvas and the table (the data's own columns are named x1, x2).
LABELS = {"x1": "x1", "x2": "x2", "x1^2": "x1²", "x2^2": "x2²", "x1*x2": "x1·x2",
          "sin(x1)": "sin x1", "sin(x2)": "sin x2"}


def canonical(names) -> tuple[str, ...]:
    """``names`` in the input column's order; DataError on unknown or no names."""
    names = tuple(names)
    unknown = [n for n in names if n not in FEATURES]
    if unknown:
        raise DataError(f"unknown input features {unknown}; known: {', '.join(FEATURES)}")
    if not names:
        raise DataError("choose at least one input feature")
    return tuple(n for n in FEATURES if n in names)


def apply(X: np.ndarray, names) -> np.ndarray:
    """The network's input rows for 2-column ``X``: one column per feature in ``names``
    (``canonical`` order), e.g. [x1, x2, x1², sin x1]. ``names`` empty: X unchanged."""
    if not names:
        return X
    if X.ndim != 2 or X.shape[1] != 2:
        raise DataError(f"input features need 2-D data, got {X.shape[-1]} inputs")
    a, b = X[:, 0], X[:, 1]
    return np.column_stack([FEATURES[n](a, b) for n in canonical(names)]).astype(X.dtype)
