"""Regularization and optimizer steps on the flat parameter vector, as numba kernels.

Element by element the same operations, in the same order and dtype, as
``simulator.optimizers`` (PyTorch's formulas): the trainer's optimizer object keeps
the state arrays, so both paths share them and can take turns.
"""

from __future__ import annotations

import math

from numba import njit

from ..settings import REGULARIZATIONS
from . import OPTIMIZERS

CODES = {name: i for i, name in enumerate(OPTIMIZERS)}
SGD, MOMENTUM, RMSPROP, ADAM, PERCEPTRON = range(5)
REG_CODES = {name: i for i, name in enumerate(REGULARIZATIONS)}
NONE, L1, L2 = range(3)
assert CODES["perceptron"] == PERCEPTRON and REG_CODES["l2"] == L2


@njit(cache=True)
def regularize(kind, rate, theta, grad, wmask):
    """grad += rate * w (l2) or rate * sign(w) (l1), on present weights only."""
    T = theta.dtype.type
    r = T(rate)
    for q in range(theta.size):
        w = theta[q]
        if kind == L1:
            w = T(1.0) if w > 0 else (T(-1.0) if w < 0 else w)
        grad[q] += w * wmask[q] * r


@njit(cache=True)
def step(code, lr, theta, grad, s1, s2, hyper, t):
    """One update; returns Adam's step count. ``hyper`` = (mu | alpha | b1, b2, eps).

    s1, s2: momentum's v; rmsprop's s; adam's m and v (empty arrays when unused).
    """
    T = theta.dtype.type
    g_lr = T(lr)
    if code == MOMENTUM:
        mu = T(hyper[0])
        for q in range(theta.size):
            s1[q] = s1[q] * mu + grad[q]
            theta[q] -= s1[q] * g_lr
    elif code == RMSPROP:
        a, a1, eps = T(hyper[0]), T(1.0 - hyper[0]), T(hyper[2])
        for q in range(theta.size):
            g = grad[q]
            s1[q] = s1[q] * a + g * g * a1
            theta[q] -= g / (math.sqrt(s1[q]) + eps) * g_lr
    elif code == ADAM:
        t += 1
        b1, b2, eps = hyper[0], hyper[1], hyper[2]
        step_size = T(lr / (1.0 - math.pow(b1, t)))
        corr = T(1.0 / math.pow(1.0 - math.pow(b2, t), 0.5))
        tb1, tb1c, tb2, tb2c, teps = T(b1), T(1.0 - b1), T(b2), T(1.0 - b2), T(eps)
        for q in range(theta.size):
            g = grad[q]
            s1[q] = s1[q] * tb1 + g * tb1c
            s2[q] = s2[q] * tb2 + g * g * tb2c
            theta[q] -= s1[q] / (math.sqrt(s2[q]) * corr + teps) * step_size
    else:  # sgd, perceptron
        for q in range(theta.size):
            theta[q] -= grad[q] * g_lr
    return t
