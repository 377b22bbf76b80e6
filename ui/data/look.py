"""Colours of the data views, as QColors converted from ``simulator.palette`` (class 0
orange, class 1 blue, values on the orange-neutral-blue ramp)."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from simulator import palette

MUTED = "#5f6368"


def class_color(k: int) -> QColor:
    return QColor(*palette.class_rgb(k))


def value_rgb(values) -> np.ndarray:
    """(n, 3) uint8 colours of regression values: the palette's ramp, 0 neutral and the
    largest |value| at full colour (the scale the output plot uses for targets)."""
    v = np.asarray(values, dtype=np.float64).reshape(-1)
    return palette.ramp(palette.scaled(v, *palette.value_scale(v)))
