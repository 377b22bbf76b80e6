"""Activation functions, each a pair ``(f, df)`` in one table (TensorFlow Playground style).

Contract shared by every entry:

* ``f(z, out=None)`` returns ``f(z)`` elementwise (row-wise for softmax), written
  into ``out`` when given (the engine preallocates it).
* ``df(z, h, out=None)`` returns ``f'(z)`` elementwise; ``h`` is ``f(z)`` already
  computed by the forward pass, so derivatives like ``1 - tanh^2`` reuse it.

Scalar constants are Python floats on purpose: NumPy treats them as "weak" and
keeps float32 arrays float32, whereas a NumPy float64 scalar would promote.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from .spec import ACTIVATIONS as _SPEC_NAMES
from .xp import get_array_module


class Activation(NamedTuple):
    name: str
    #: f(z, out=None) -> f(z)
    f: Callable
    #: df(z, h, out=None) -> f'(z), with h = f(z)
    df: Callable
    #: sup |f'(x)|: the saturation metric flags units with |f'| < 1% of it.
    max_df: float
    #: A range of x where the plot of f and f' shows the interesting part.
    x_range: tuple[float, float]
    #: The formula, for tooltips and docs.
    formula: str
    #: True when f is the identity (the engine skips the multiply by f' = 1).
    identity: bool = False
    #: (inf f, sup f): the values an output unit can reach (a target outside can't be fit).
    range: tuple[float, float] = (-math.inf, math.inf)


def _out(z, out):
    return get_array_module(z).empty_like(z) if out is None else out


# -- step ---------------------------------------------------------------------------
def step(z, out=None):
    """Heaviside: f(z) = 1 if z > 0 else 0. Only the perceptron rule can train it."""
    return get_array_module(z).greater(z, 0.0, out=_out(z, out))


def step_df(z, h, out=None):
    """f'(z) = 0 almost everywhere: no gradient flows through a step unit."""
    out = _out(z, out)
    out[...] = 0.0
    return out


# -- sigmoid ------------------------------------------------------------------------
def sigmoid(z, out=None):
    """f(z) = 1 / (1 + e^-z), computed as (1 + tanh(z/2)) / 2, which never overflows."""
    xp = get_array_module(z)
    out = xp.multiply(z, 0.5, out=_out(z, out))
    xp.tanh(out, out=out)
    xp.add(out, 1.0, out=out)
    return xp.multiply(out, 0.5, out=out)


def sigmoid_df(z, h, out=None):
    """f'(z) = f(z) (1 - f(z)); at most 1/4 (at z = 0): the root of vanishing gradients."""
    xp = get_array_module(z)
    out = xp.subtract(1.0, h, out=_out(z, out))
    return xp.multiply(out, h, out=out)


# -- tanh ---------------------------------------------------------------------------
def tanh(z, out=None):
    """f(z) = (e^z - e^-z) / (e^z + e^-z)."""
    return (np if type(z) is np.ndarray else get_array_module(z)).tanh(z, out=out)


def tanh_df(z, h, out=None):
    """f'(z) = 1 - tanh(z)^2."""
    xp = np if type(z) is np.ndarray else get_array_module(z)
    out = xp.multiply(h, h, out=out)
    return xp.subtract(1.0, out, out=out)


# -- relu ---------------------------------------------------------------------------
def relu(z, out=None):
    """f(z) = max(0, z)."""
    return (np if type(z) is np.ndarray else get_array_module(z)).maximum(z, 0.0, out=out)


def relu_df(z, h, out=None):
    """f'(z) = 1 if z > 0 else 0 (0 at z = 0, as PyTorch)."""
    xp = np if type(z) is np.ndarray else get_array_module(z)
    return xp.greater(z, 0.0, out=_out(z, out))


# -- leaky relu ---------------------------------------------------------------------
LEAKY_SLOPE = 0.01


def leaky_relu(z, out=None):
    """f(z) = z if z > 0 else 0.01 z  (= max(z, 0.01 z) since the slope is below 1)."""
    xp = get_array_module(z)
    out = xp.multiply(z, LEAKY_SLOPE, out=_out(z, out))
    return xp.maximum(z, out, out=out)


def leaky_relu_df(z, h, out=None):
    """f'(z) = 1 if z > 0 else 0.01."""
    xp = get_array_module(z)
    out = xp.greater(z, 0.0, out=_out(z, out))
    xp.multiply(out, 1.0 - LEAKY_SLOPE, out=out)
    return xp.add(out, LEAKY_SLOPE, out=out)


# -- elu ----------------------------------------------------------------------------
def elu(z, out=None):
    """f(z) = z if z > 0 else e^z - 1  (alpha = 1).

    Computed as max(z, expm1(min(z, 0))): e^z - 1 >= z everywhere, so the max
    picks the right branch without a mask.
    """
    xp = get_array_module(z)
    out = xp.minimum(z, 0.0, out=_out(z, out))
    xp.expm1(out, out=out)
    return xp.maximum(out, z, out=out)


def elu_df(z, h, out=None):
    """f'(z) = 1 if z > 0 else e^z  (= min(f(z) + 1, 1))."""
    xp = get_array_module(z)
    out = xp.add(h, 1.0, out=_out(z, out))
    return xp.minimum(out, 1.0, out=out)


# -- softplus -----------------------------------------------------------------------
def softplus(z, out=None):
    """f(z) = ln(1 + e^z), via logaddexp(0, z) so large z does not overflow."""
    return get_array_module(z).logaddexp(0.0, z, out=_out(z, out))


def softplus_df(z, h, out=None):
    """f'(z) = sigmoid(z)."""
    return sigmoid(z, out)


# -- swish --------------------------------------------------------------------------
def swish(z, out=None):
    """f(z) = z * sigmoid(z)  (also called SiLU)."""
    xp = get_array_module(z)
    out = sigmoid(z, _out(z, out))
    return xp.multiply(out, z, out=out)


def swish_df(z, h, out=None):
    """f'(z) = s + z s (1 - s) = f(z) + s (1 - f(z)), with s = sigmoid(z)."""
    xp = get_array_module(z)
    s = sigmoid(z)
    out = xp.subtract(1.0, h, out=_out(z, out))
    xp.multiply(out, s, out=out)
    return xp.add(out, h, out=out)


# -- gelu (tanh approximation, PyTorch approximate="tanh") ---------------------------
_GELU_C = math.sqrt(2.0 / math.pi)
_GELU_A = 0.044715


def gelu(z, out=None):
    """f(z) = z/2 (1 + tanh(u)),  u = sqrt(2/pi) (z + 0.044715 z^3)."""
    xp = get_array_module(z)
    out = xp.multiply(z, z, out=_out(z, out))
    xp.multiply(out, _GELU_A, out=out)
    xp.add(out, 1.0, out=out)
    xp.multiply(out, z, out=out)
    xp.multiply(out, _GELU_C, out=out)
    xp.tanh(out, out=out)
    xp.add(out, 1.0, out=out)
    xp.multiply(out, z, out=out)
    return xp.multiply(out, 0.5, out=out)


def gelu_df(z, h, out=None):
    """f'(z) = (1 + t)/2 + z/2 (1 - t^2) sqrt(2/pi) (1 + 3 * 0.044715 z^2),  t = tanh(u)."""
    xp = get_array_module(z)
    z2 = z * z
    t = xp.tanh(_GELU_C * (z + _GELU_A * z2 * z))
    du = _GELU_C * (1.0 + 3.0 * _GELU_A * z2)
    out = xp.multiply(t, t, out=_out(z, out))
    xp.subtract(1.0, out, out=out)
    xp.multiply(out, du, out=out)
    xp.multiply(out, z, out=out)
    xp.add(out, 1.0 + t, out=out)
    return xp.multiply(out, 0.5, out=out)


# -- linear -------------------------------------------------------------------------
def linear(z, out=None):
    """f(z) = z (the engine aliases H to Z instead of copying)."""
    if out is None:
        return z.copy()
    if out is not z:
        out[...] = z
    return out


def linear_df(z, h, out=None):
    """f'(z) = 1."""
    out = _out(z, out)
    out[...] = 1.0
    return out


# -- softmax (output layer only) ----------------------------------------------------
def softmax(z, out=None):
    """f(z)_i = e^(z_i - m) / sum_j e^(z_j - m) per row, m = max_j z_j (stable shift)."""
    xp = get_array_module(z)
    out = xp.subtract(z, z.max(axis=1, keepdims=True), out=_out(z, out))
    xp.exp(out, out=out)
    return xp.divide(out, out.sum(axis=1, keepdims=True), out=out)


def softmax_df(z, h, out=None):
    """Diagonal of the Jacobian, d f_i / d z_i = f_i (1 - f_i).

    Only for the saturation metric and plots: backpropagation uses the full
    Jacobian-vector product (see :func:`softmax_backprop`).
    """
    return sigmoid_df(z, h, out)


def softmax_backprop(h, g, out=None):
    """dE/dz = h * (g - sum_j g_j h_j), the softmax Jacobian applied to g = dE/dh."""
    xp = get_array_module(h)
    dot = (g * h).sum(axis=1, keepdims=True)
    out = xp.subtract(g, dot, out=_out(g, out))
    return xp.multiply(out, h, out=out)


def _max_abs_df(f, df, lo=-10.0, hi=10.0) -> float:
    """sup |f'| estimated on a fine grid (exact for the functions here to ~1e-6)."""
    x = np.linspace(lo, hi, 200001)
    return float(np.abs(df(x, f(x))).max())


#: name -> Activation. Names equal ``simulator.spec.ACTIVATIONS``.
ACTIVATIONS: dict[str, Activation] = {a.name: a for a in (
    Activation("step", step, step_df, 0.0, (-3.0, 3.0), "f(z) = 1 if z > 0 else 0",
               range=(0.0, 1.0)),
    Activation("sigmoid", sigmoid, sigmoid_df, 0.25, (-8.0, 8.0), "f(z) = 1 / (1 + e^-z)",
               range=(0.0, 1.0)),
    Activation("tanh", tanh, tanh_df, 1.0, (-4.0, 4.0), "f(z) = tanh(z)", range=(-1.0, 1.0)),
    Activation("relu", relu, relu_df, 1.0, (-4.0, 4.0), "f(z) = max(0, z)",
               range=(0.0, math.inf)),
    Activation("leaky_relu", leaky_relu, leaky_relu_df, 1.0, (-4.0, 4.0),
               "f(z) = z if z > 0 else 0.01 z"),
    Activation("elu", elu, elu_df, 1.0, (-4.0, 4.0), "f(z) = z if z > 0 else e^z - 1",
               range=(-1.0, math.inf)),
    Activation("softplus", softplus, softplus_df, 1.0, (-6.0, 6.0), "f(z) = ln(1 + e^z)",
               range=(0.0, math.inf)),
    Activation("swish", swish, swish_df, _max_abs_df(swish, swish_df), (-6.0, 6.0),
               "f(z) = z * sigmoid(z)", range=(-0.2785, math.inf)),
    Activation("gelu", gelu, gelu_df, _max_abs_df(gelu, gelu_df), (-4.0, 4.0),
               "f(z) = z/2 (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3)))",
               range=(-0.1701, math.inf)),
    Activation("linear", linear, linear_df, 1.0, (-4.0, 4.0), "f(z) = z", identity=True),
    Activation("softmax", softmax, softmax_df, 0.25, (-8.0, 8.0),
               "f(z)_i = e^z_i / sum_j e^z_j", range=(0.0, 1.0)),
)}
assert tuple(ACTIVATIONS) == _SPEC_NAMES, "activation table out of sync with spec.ACTIVATIONS"


def get(name: str) -> Activation:
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(f"unknown activation '{name}'; choose one of "
                         f"{', '.join(ACTIVATIONS)}") from None


def evaluate(name: str, x=None, points: int = 401) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(x, f(x), f'(x))`` as float64 NumPy arrays for plotting.

    ``x`` defaults to ``points`` values over the activation's ``x_range``.
    softmax is plotted as one logit against a fixed logit of 0, which is sigmoid.
    """
    act = get(name)
    if x is None:
        x = np.linspace(*act.x_range, points)
    x = np.asarray(x, dtype=np.float64)
    if name == "softmax":  # rows (x, 0): the first output is sigmoid(x)
        h = act.f(np.stack([x, np.zeros_like(x)], axis=1))[:, 0].copy()
    else:
        h = act.f(x)
    return x, h, act.df(x, h)
