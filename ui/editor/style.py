"""Look of the network canvas: colours, sizes, and the activation curves it draws.

Colours follow TensorFlow Playground: blue for positive weights and outputs,
orange for negative ones. Activation curves come from the engine's
own table (``simulator.activations``), so what is drawn is what is trained.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage

from simulator import activations
from ui.colors import on_white

POSITIVE = QColor("#0877bd")
NEGATIVE = QColor("#f59322")
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
COLUMN_GAP = 230.0
#: Neurons drawn per column; the rest collapse into a "+N" badge.
MAX_VISIBLE = 16
#: Header band above the tallest column: title, then the +/- buttons.
HEADER_H = 64.0
#: Side of the grid a neuron's heatmap is computed on in the GUI.
HEATMAP_SIZE = 32

#: Activations whose output lies in [0, 1]; heatmaps map them to [-1, 1] as 2y - 1.
UNIT_RANGE = {"sigmoid", "step", "softmax"}
#: Activations with a fixed output range; the others are scaled per neuron for display.
BOUNDED = UNIT_RANGE | {"tanh"}


def curve(name: str, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """f(x) and f'(x) from the engine's table; softmax is drawn as the sigmoid of one logit."""
    act = activations.get("sigmoid" if name == "softmax" else name)
    x = np.asarray(x, dtype=np.float64)
    y = act.f(x)
    return y, act.df(x, y)


def x_range(name: str) -> tuple[float, float]:
    """Where the plot of f and f' shows the interesting part (the engine's choice)."""
    return activations.get("sigmoid" if name == "softmax" else name).x_range


def activate(name: str, z: np.ndarray) -> np.ndarray:
    """Layer output for pre-activations ``z`` (n, units), exactly as the engine computes it."""
    return activations.get(name).f(z)


def _make_lut() -> np.ndarray:
    """256 RGBA colours from orange (-1) through white (0) to blue (+1)."""
    t = np.linspace(-1.0, 1.0, 256)[:, None]
    white = np.array([255.0, 255.0, 255.0])
    pos = np.array([POSITIVE.red(), POSITIVE.green(), POSITIVE.blue()], float)
    neg = np.array([NEGATIVE.red(), NEGATIVE.green(), NEGATIVE.blue()], float)
    rgb = np.where(t >= 0, white + (pos - white) * t, white + (neg - white) * (-t))
    lut = np.empty((256, 4), np.uint8)
    lut[:, :3] = np.clip(rgb, 0, 255).astype(np.uint8)
    lut[:, 3] = 255
    return lut


HEATMAP_LUT = _make_lut()


def display_values(values: np.ndarray, activation: str | None) -> np.ndarray:
    """Map neuron outputs to [-1, 1] for colouring (see ``UNIT_RANGE`` / ``BOUNDED``).

    ``values`` holds one neuron's grid (h, w) or a stack (k, h, w); unbounded outputs
    are scaled by each neuron's own largest |value|.
    """
    v = np.asarray(values, dtype=np.float32)
    if activation in UNIT_RANGE:
        return np.clip(2 * v - 1, -1, 1)
    if activation in BOUNDED:
        return np.clip(v, -1, 1)
    if v.size == 0:
        return v
    axes = tuple(range(v.ndim - 2, v.ndim))
    m = np.abs(v).max(axis=axes, keepdims=True)
    return np.divide(v, m, out=np.zeros_like(v), where=m > 1e-12)


def heatmap_images(values: np.ndarray, activation: str | None) -> list[QImage]:
    """One QImage (w x h) per neuron of ``values`` (k, h, w); row 0 is the top."""
    v = display_values(values, activation)
    idx = np.clip(((v + 1) * 127.5).astype(np.int32), 0, 255)
    rgba = np.ascontiguousarray(HEATMAP_LUT[idx])  # (k, h, w, 4), colours computed at once
    h, w = rgba.shape[1:3]
    return [QImage(img.data, w, h, 4 * w, QImage.Format_RGBA8888).copy() for img in rgba]


def weight_color(value: float, alpha: float = 1.0) -> QColor:
    return on_white(POSITIVE if value >= 0 else NEGATIVE, alpha)
