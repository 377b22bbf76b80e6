"""Loss values and output deltas as numba kernels (``simulator.losses`` in loops).

Each works on the rows ``0..n-1`` of the output block ``[:, o:o+k]`` of the
activation buffers. Sums run in float64 (NumPy's dot products and sums of the
float64 path do too; in float32 NumPy sums in float32, a difference far inside the
float32 tolerance). Codes follow ``simulator.settings.LOSSES``; :data:`PERCEPTRON`
and :data:`PERCEPTRON_SSE` are the perceptron rule's delta (y - t) / n with the value of
the chosen loss (mse or sse, as ``simulator.losses.perceptron``).
"""

from __future__ import annotations

import math

from numba import njit

from . import LOSSES
from .kernels import LINEAR, SOFTMAX, df, logaddexp0

CODES = {name: i for i, name in enumerate(LOSSES)}
MSE, SSE, BCE, CROSS_ENTROPY = range(4)
PERCEPTRON, PERCEPTRON_SSE = -1, -2
assert CODES["cross_entropy"] == CROSS_ENTROPY


@njit(cache=True)
def value(code, Z, H, Y, n, o, k):
    """The data loss E of the rows 0..n-1 (see ``simulator.losses`` for the formulas)."""
    e = 0.0
    if code == BCE:  # ln(1 + e^z) - y z, from the logits
        for i in range(n):
            for j in range(k):
                z = Z[i, o + j]
                e += logaddexp0(z) - Y[i, j] * z
        return e / (n * k)
    if code == CROSS_ENTROPY:  # logsumexp(z) - sum_j y_j z_j per row
        for i in range(n):
            m = Z[i, o]
            for j in range(1, k):
                m = max(m, Z[i, o + j])
            s = Z.dtype.type(0.0)
            for j in range(k):
                s += math.exp(Z[i, o + j] - m)
            lse = math.log(s) + m
            for j in range(k):
                e += (lse - Z[i, o + j]) * Y[i, j]
        return e / n
    for i in range(n):  # mse, sse, perceptron: squared differences
        for j in range(k):
            d = H[i, o + j] - Y[i, j]
            e += d * d
    return e / n if code == SSE or code == PERCEPTRON_SSE else e / (n * k)


@njit(cache=True)
def delta(code, act, Z, H, D, Y, n, o, k):
    """Write dE/dZ of the output block into D and return E (before any update)."""
    T = D.dtype.type
    e = value(code, Z, H, Y, n, o, k)
    if code == BCE or code == CROSS_ENTROPY or code == PERCEPTRON or code == PERCEPTRON_SSE:
        # Fused: (h - y) / size for bce, / n for cross-entropy and the perceptron rule.
        c = T(1.0 / (n * k)) if code == BCE else T(1.0 / n)
        for i in range(n):
            for j in range(k):
                D[i, o + j] = (H[i, o + j] - Y[i, j]) * c
        return e
    c = T(2.0 / n) if code == SSE else T(2.0 / (n * k))
    for i in range(n):
        for j in range(k):
            D[i, o + j] = (H[i, o + j] - Y[i, j]) * c
        if act == SOFTMAX:  # the Jacobian: dE/dz = h (g - sum_j g_j h_j)
            dot = T(0.0)
            for j in range(k):
                dot += D[i, o + j] * H[i, o + j]
            for j in range(k):
                D[i, o + j] = (D[i, o + j] - dot) * H[i, o + j]
        elif act != LINEAR:
            for j in range(k):
                D[i, o + j] *= df(act, Z[i, o + j], H[i, o + j])
    return e
