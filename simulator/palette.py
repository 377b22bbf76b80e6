"""The app's colours, Qt-free: one table of class colours and one diverging ramp.

TensorFlow Playground's convention throughout: orange means negative, low, class 0;
blue means positive, high, class 1. The same ramp colours the output heatmap, the
neurons' heatmaps on the canvas, the data views, the connection lines and the biases,
so a point of class 1 sits on the blue region where the network outputs "1". Qt views
convert these RGB tuples (``QColor(*rgb)``); nothing else in the app defines colours
for values or classes.
"""

from __future__ import annotations

import numpy as np

#: Low / negative / class 0 (#f59322).
ORANGE = (245, 147, 34)
#: High / positive / class 1 (#0877bd).
BLUE = (8, 119, 189)
#: Middle of the ramp (value 0, or exactly on the decision threshold): #e8eaeb.
NEUTRAL = (232, 234, 235)
#: The perceptron's decision line, on the output plot and the data plot alike.
SEPARATOR = (20, 20, 20)
#: The loss plot's marks: the epoch of the lowest test loss (green) and an early stop that
#: restored weights (violet); neither is a loss curve's colour.
BEST_EPOCH = (30, 130, 76)
EARLY_STOP = (123, 31, 162)
#: Colour of class k: 0 orange, 1 blue, then a categorical palette for more classes.
CLASS_COLORS = (ORANGE, BLUE, (44, 160, 44), (214, 39, 40), (148, 103, 189), (140, 86, 75),
                (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207))
#: |w| at which a connection line or bias marker reaches its full colour and width. One
#: fixed scale for the whole network: equal |w| always looks equal, and 0 is always faint.
WEIGHT_FULL = 2.0
#: Outputs of these activations lie in [0, 1] (the middle, 0.5, is neutral).
UNIT_RANGE = frozenset({"sigmoid", "step", "softmax"})
#: Outputs of these lie in [-1, 1].
SIGNED_RANGE = frozenset({"tanh"})


def hex_color(rgb) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(int(c) for c in rgb))


def class_rgb(k: int) -> tuple[int, int, int]:
    """Colour of class number ``k`` (wraps around after ten classes)."""
    return CLASS_COLORS[int(k) % len(CLASS_COLORS)]


def class_rgbs(labels) -> np.ndarray:
    """(n, 3) uint8 colours of the class numbers ``labels``."""
    table = np.array(CLASS_COLORS, dtype=np.uint8)
    return table[np.asarray(labels, dtype=np.int64).reshape(-1) % len(CLASS_COLORS)]


#: The ramp's middle, and the way from it to each end: row 0 to ORANGE (t < 0), row 1 to
#: BLUE (t >= 0).
_MID = np.array(NEUTRAL, dtype=np.float64)
_HALVES = np.array([ORANGE, BLUE], dtype=np.float64) - _MID


def ramp(t) -> np.ndarray:
    """uint8 RGB (shape ``t.shape + (3,)``) of ``t`` in [-1, 1] (clipped; NaN is 0):
    round(NEUTRAL + (end - NEUTRAL) |t|), end ORANGE below 0 and BLUE from 0 up."""
    t = np.nan_to_num(np.asarray(t, dtype=np.float64))
    # one gather instead of a 3-channel where; take() copies even for a scalar t
    rgb = np.take(_HALVES, (t >= 0).astype(np.intp), axis=0)
    rgb *= np.minimum(np.abs(t), 1.0)[..., None]
    rgb += _MID
    return np.rint(rgb, out=rgb).astype(np.uint8)


#: :func:`ramp` sampled at 256 points of [-1, 1], for lookup-table images.
RAMP_LUT = ramp(np.linspace(-1.0, 1.0, 256))
#: :func:`ramp` at 2 049 points of [-1, 1] (steps of 1/1024), opaque RGBA, one uint32 a
#: colour (for :func:`ramp_fine`: one 4-byte lookup a pixel).
RAMP_FINE = np.ascontiguousarray(np.concatenate(
    [ramp(np.linspace(-1.0, 1.0, 2049)), np.full((2049, 1), 255, np.uint8)], axis=1),
).view(np.uint32).ravel()


def ramp_fine(t) -> np.ndarray:
    """Opaque uint8 RGBA (``t.shape + (4,)``, for an RGBA8888 image) of :func:`ramp` at
    ``t`` rounded to a multiple of 1/1024: at most one level (of 255) off and a few times
    faster, for pictures that are filtered anyway (the canvas' neuron tiles)."""
    t = np.asarray(t)
    i = np.empty(t.shape, np.float32)  # a position in RAMP_FINE, in float32: half the bytes
    np.multiply(t, 1024.0, out=i, casting="same_kind")
    i += 1024.5
    np.clip(i, 0, 2048, out=i)
    if np.isnan(i.sum()):  # one pass to look; NaN is the middle, as in ramp()
        i[np.isnan(i)] = 1024.5
    return RAMP_FINE[i.astype(np.intp).reshape(-1)].view(np.uint8).reshape(t.shape + (4,))


def plane_rgb(out, scale) -> np.ndarray:
    """(h, w, 3) uint8 colours of an output grid ``out`` (outputs, h, w): the ramp at
    ``scale`` = (center, half) for one output; for several, the winning class's colour,
    paler where the network is unsure (towards the ramp's neutral middle)."""
    out = np.asarray(out)
    if out.shape[0] == 1:
        return ramp(scaled(out[0], *scale))
    k = out.shape[0]
    rgb = class_rgbs(out.argmax(axis=0)).reshape(*out.shape[1:], 3).astype(float)
    a = np.clip((out.max(axis=0) - 1.0 / k) / (1 - 1.0 / k), 0, 1)[..., None]
    mid = np.array(NEUTRAL, float)
    return np.round(mid + (rgb - mid) * (0.25 + 0.75 * a)).astype(np.uint8)


def scaled(values, center: float, half: float) -> np.ndarray:
    """Position on the ramp: t = (v - center) / half, clipped to [-1, 1]."""
    v = np.asarray(values, dtype=np.float64)
    return np.clip((v - center) / (half if half > 0 else 1.0), -1.0, 1.0)


def value_scale(values) -> tuple[float, float]:
    """(center, half) of signed values: 0 in the middle, the largest |v| at the ends
    (regression targets and outputs, the input features)."""
    v = np.asarray(values, dtype=np.float64)
    v = v[np.isfinite(v)]
    top = float(np.abs(v).max()) if v.size else 0.0
    return 0.0, top if top > 0 else 1.0


def activation_scale(activation: str | None) -> tuple[float, float] | None:
    """(center, half) of an activation's fixed output range, None when unbounded."""
    if activation in UNIT_RANGE:
        return 0.5, 0.5
    if activation in SIGNED_RANGE:
        return 0.0, 1.0
    return None


def neuron_t(values, scale: tuple[float, float] | None) -> np.ndarray:
    """Ramp positions of neuron outputs ``values`` (h, w) or (k, h, w): with ``scale``
    = (center, half), or else each neuron scaled by its own largest |value|."""
    v = np.asarray(values, dtype=np.float64)
    if scale is not None:
        return scaled(v, *scale)
    if v.size == 0:
        return v
    axes = (v.ndim - 2, v.ndim - 1)
    m = np.abs(v).max(axis=axes, keepdims=True)
    return np.divide(v, m, out=np.zeros_like(v), where=m > 1e-12)


def weight_t(w) -> np.ndarray:
    """Ramp position of weight ``w`` on the network-wide scale: w / WEIGHT_FULL, clipped."""
    return scaled(w, 0.0, WEIGHT_FULL)


def weight_rgb(w: float) -> tuple[int, int, int]:
    """Colour of weight (or bias) ``w``: the ramp at ``weight_t(w)``."""
    return tuple(int(c) for c in ramp(weight_t(w)))
