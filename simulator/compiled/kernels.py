"""Activation functions and their derivatives as scalar numba kernels.

Each kernel repeats, operation by operation and in the array's own dtype, what
``simulator.activations`` does with NumPy (sigmoid as (1 + tanh(z/2)) / 2, elu as
max(z, expm1(min(z, 0))), ...), so both paths round alike; only libm's last bit and
the order of sums in a matrix product may differ. ``T = type(z)`` turns every
constant into the dtype first, as NumPy does with Python floats.

Codes follow ``simulator.spec.ACTIVATIONS`` (see :data:`CODES`).
"""

from __future__ import annotations

import math

from numba import njit

from . import ACTIVATIONS

#: activation name -> code used inside the kernels.
CODES = {name: i for i, name in enumerate(ACTIVATIONS)}
STEP, SIGMOID, TANH, RELU, LEAKY, ELU, SOFTPLUS, SWISH, GELU, LINEAR, SOFTMAX = range(11)
assert CODES["softmax"] == SOFTMAX and CODES["linear"] == LINEAR

_GELU_C = math.sqrt(2.0 / math.pi)
_GELU_A = 0.044715
_GELU_3A = 3.0 * _GELU_A
_LEAKY = 0.01


@njit(cache=True)
def tanh(x):
    """tanh(x) as Cephes computes it (within 2 ulp, like libm's, at ~2/3 of its cost).

    |x| > 0.625: 1 - 2 / (e^(2|x|) + 1) with the sign of x; below, the rational
    approximation x + x^3 P(x^2) / Q(x^2).
    """
    T = type(x)
    a = abs(x)
    if a > T(0.625):
        z = T(1.0) - T(2.0) / (math.exp(a + a) + T(1.0))
        return z if x > T(0.0) else -z
    s = x * x
    p = (T(-9.64399179425052238628e-1) * s + T(-9.92877231001918586564e1)) * s \
        + T(-1.61468768441708447952e3)
    q = ((s + T(1.12811678491632931402e2)) * s + T(2.23548839060100448583e3)) * s \
        + T(4.84406305325125486048e3)
    return x + x * s * (p / q)


@njit(cache=True)
def sigmoid(z):
    """(1 + tanh(z/2)) / 2, the NumPy path's overflow-free form."""
    T = type(z)
    return (tanh(z * T(0.5)) + T(1.0)) * T(0.5)


@njit(cache=True)
def logaddexp0(z):
    """ln(e^0 + e^z), NumPy's npy_logaddexp with x = 0."""
    T = type(z)
    if z == T(0.0):
        return z + T(math.log(2.0))
    if z < T(0.0):
        return T(0.0) + math.log1p(math.exp(z))
    if z > T(0.0):
        return z + math.log1p(math.exp(-z))
    return z  # NaN


@njit(cache=True)
def f(code, z):
    """f(z) for an elementwise activation (softmax is done per row in :func:`activate`)."""
    T = type(z)
    if code == TANH:
        return tanh(z)
    if code == SIGMOID:
        return sigmoid(z)
    if code == RELU:
        return z if (z > T(0.0) or z != z) else T(0.0)
    if code == LEAKY:
        s = z * T(_LEAKY)
        return z if (z >= s or z != z) else s
    if code == ELU:
        m = z if z < T(0.0) else T(0.0)
        m = T(math.expm1(m))
        return m if (m >= z or m != m) else z
    if code == SOFTPLUS:
        return logaddexp0(z)
    if code == SWISH:
        return sigmoid(z) * z
    if code == GELU:
        u = z * z * T(_GELU_A) + T(1.0)
        u = tanh(u * z * T(_GELU_C)) + T(1.0)
        return u * z * T(0.5)
    if code == STEP:
        return T(1.0) if z > T(0.0) else T(0.0)
    return z  # linear


@njit(cache=True)
def df(code, z, h):
    """f'(z) given h = f(z); for softmax the Jacobian's diagonal h (1 - h)."""
    T = type(z)
    if code == TANH:
        return T(1.0) - h * h
    if code == SIGMOID or code == SOFTMAX:
        return (T(1.0) - h) * h
    if code == RELU:
        return T(1.0) if z > T(0.0) else T(0.0)
    if code == LEAKY:
        g = T(1.0) if z > T(0.0) else T(0.0)
        return g * T(1.0 - _LEAKY) + T(_LEAKY)
    if code == ELU:
        g = h + T(1.0)
        return g if g < T(1.0) else T(1.0)
    if code == SOFTPLUS:
        return sigmoid(z)
    if code == SWISH:
        return (T(1.0) - h) * sigmoid(z) + h
    if code == GELU:
        z2 = z * z
        t = tanh((z + z2 * T(_GELU_A) * z) * T(_GELU_C))
        du = (z2 * T(_GELU_3A) + T(1.0)) * T(_GELU_C)
        return ((T(1.0) - t * t) * du * z + (t + T(1.0))) * T(0.5)
    if code == STEP:
        return T(0.0)
    return T(1.0)  # linear


@njit(cache=True)
def activate(code, Z, H):
    """H = f(Z) for a layer's block of rows (2-D views); softmax per row, max-shifted.

    One loop per activation, so that each inlines its own f (no branch per element).
    """
    n, k = Z.shape
    if code == TANH:
        for i in range(n):
            for j in range(k):
                H[i, j] = tanh(Z[i, j])
    elif code == SIGMOID:
        for i in range(n):
            for j in range(k):
                H[i, j] = sigmoid(Z[i, j])
    elif code == RELU:
        for i in range(n):
            for j in range(k):
                H[i, j] = f(RELU, Z[i, j])
    elif code == SOFTMAX:
        for i in range(n):
            m = Z[i, 0]
            for j in range(1, k):
                if Z[i, j] > m:
                    m = Z[i, j]
            s = Z.dtype.type(0.0)
            for j in range(k):
                H[i, j] = math.exp(Z[i, j] - m)
                s += H[i, j]
            for j in range(k):
                H[i, j] = H[i, j] / s
    else:
        for i in range(n):
            for j in range(k):
                H[i, j] = f(code, Z[i, j])


@njit(cache=True)
def scale_by_df(code, Z, H, D):
    """D *= f'(Z) elementwise over a layer's block (the backward pass's chain rule)."""
    n, k = Z.shape
    if code == TANH:
        for i in range(n):
            for j in range(k):
                D[i, j] *= df(TANH, Z[i, j], H[i, j])
    elif code == SIGMOID:
        for i in range(n):
            for j in range(k):
                D[i, j] *= df(SIGMOID, Z[i, j], H[i, j])
    elif code == RELU:
        for i in range(n):
            for j in range(k):
                D[i, j] *= df(RELU, Z[i, j], H[i, j])
    else:
        for i in range(n):
            for j in range(k):
                D[i, j] *= df(code, Z[i, j], H[i, j])
