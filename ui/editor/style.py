"""Look of the network canvas: colours, sizes, and the activation curves it draws.

Colours come from ``simulator.palette`` (TensorFlow Playground's: blue for positive
weights and high outputs, orange for negative and low ones); neuron heatmaps are
drawn from ``document.inspector``'s grids. Activation curves come from the engine's
own table (``simulator.activations``), so what is drawn is what is trained.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage

from simulator import activations, palette
from simulator.inspector import SHOWN_NEURONS

POSITIVE = QColor(*palette.BLUE)
NEGATIVE = QColor(*palette.ORANGE)
REMOVED = QColor("#9aa0a6")
ACCENT = QColor("#3367d6")
TEXT = QColor("#202124")
MUTED = QColor("#5f6368")
NEURON_EDGE = QColor("#5f6368")
COLUMN_FILL = QColor("#f3f5f8")
COLUMN_SELECTED = QColor("#e3ecfb")
CANVAS_BG = QColor("#ffffff")

#: Neuron circle radius and centre-to-centre distances (scene units = pixels at 100 %).
NEURON_R = 17.0
NEURON_GAP = 46.0
COLUMN_GAP = 200.0
#: Neurons drawn per column (each with its heatmap); the rest collapse into a "+N" badge.
MAX_VISIBLE = SHOWN_NEURONS
#: Header band above the tallest column: title, then the +/- buttons.
HEADER_H = 64.0
#: Connection line widths in pixels: |w| = 0 draws MIN_WIDTH, |w| >= palette.WEIGHT_FULL
#: MAX_WIDTH, linear in between: one fixed scale for every layer of every network.
MIN_WIDTH, MAX_WIDTH = 0.6, 6.0


def curve(name: str, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """f(x) and f'(x) from the engine's table; softmax is drawn as the sigmoid of one logit."""
    act = activations.get("sigmoid" if name == "softmax" else name)
    x = np.asarray(x, dtype=np.float64)
    y = act.f(x)
    return y, act.df(x, y)


def x_range(name: str) -> tuple[float, float]:
    """Where the plot of f and f' shows the interesting part (the engine's choice)."""
    return activations.get("sigmoid" if name == "softmax" else name).x_range


def line_width(w: float) -> float:
    """Width of the line of weight ``w``: MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) |t| with
    t = w / WEIGHT_FULL clipped to [-1, 1] (``palette.weight_t``)."""
    return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * abs(float(palette.weight_t(w)))


def heatmap_images(values: np.ndarray, scale: tuple[float, float] | None) -> list[QImage]:
    """One QImage (w x h) per neuron of ``values`` (k, h, w), row 0 at the top; colours
    from the palette's ramp at ``palette.neuron_t(values, scale)``."""
    rgb = palette.ramp(palette.neuron_t(values, scale))  # the output plot's very mapping
    rgba = np.full(rgb.shape[:-1] + (4,), 255, np.uint8)  # (k, h, w, 4), all at once
    rgba[..., :3] = rgb
    h, w = rgba.shape[1:3]
    return [QImage(img.data, w, h, 4 * w, QImage.Format_RGBA8888).copy() for img in rgba]


def weight_color(value: float) -> QColor:
    """Colour of a weight or bias on the network-wide scale (``palette.weight_rgb``)."""
    return QColor(*palette.weight_rgb(value))
