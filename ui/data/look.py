"""Colours of the data views (TensorFlow Playground's: class 1 blue, class 0 orange)."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

BLUE = "#0877bd"
ORANGE = "#f59322"
#: Colour of class k. With two classes 0 is orange and 1 blue, as in the Playground
#: (its positive label is class 1 here); more classes continue with a categorical palette.
CLASS_COLORS = (ORANGE, BLUE, "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                "#7f7f7f", "#bcbd22", "#17becf")
MUTED = "#5f6368"
#: Middle of the regression scale (value 0), the Playground's light grey.
NEUTRAL = (232, 234, 235)


def class_color(k: int) -> QColor:
    return QColor(CLASS_COLORS[int(k) % len(CLASS_COLORS)])


def value_rgb(values) -> np.ndarray:
    """(n, 3) uint8 colours of regression values: orange for negative, grey at 0, blue for
    positive, scaled by the largest magnitude (the Playground's diverging scale)."""
    v = np.asarray(values, dtype=np.float64).reshape(-1)
    top = float(np.max(np.abs(v))) if v.size else 1.0
    t = np.clip(v / (top if top > 0 else 1.0), -1.0, 1.0)[:, None]
    mid = np.array(NEUTRAL, dtype=np.float64)
    pos = np.array(QColor(BLUE).getRgb()[:3], dtype=np.float64)
    neg = np.array(QColor(ORANGE).getRgb()[:3], dtype=np.float64)
    rgb = np.where(t >= 0, mid + (pos - mid) * t, mid + (neg - mid) * -t)
    return np.round(rgb).astype(np.uint8)
