"""Weight initializers: ``init(rng, fan_in, fan_out) -> W`` of shape (fan_in, fan_out).

Weights are always drawn on the CPU with a NumPy ``Generator`` in float64 and
then cast, so the same seed gives the same starting weights on every backend
and dtype. Biases start at 0 (see :class:`simulator.network.Network`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from .spec import INITIALIZERS as _SPEC_NAMES


def uniform01(rng: np.random.Generator, fan_in: int, fan_out: int) -> np.ndarray:
    """W ~ U(0, 1): the lecture's "random numbers between 0 and 1" (all positive)."""
    return rng.uniform(0.0, 1.0, size=(fan_in, fan_out))


def uniform(rng, fan_in, fan_out):
    """W ~ U(-limit, limit),  limit = 1 / sqrt(fan_in)  (PyTorch's nn.Linear default)."""
    limit = 1.0 / math.sqrt(fan_in)
    return rng.uniform(-limit, limit, size=(fan_in, fan_out))


def normal(rng, fan_in, fan_out):
    """W ~ N(0, 1): unscaled, so deep or wide layers saturate (shows why scaling matters)."""
    return rng.standard_normal(size=(fan_in, fan_out))


def xavier(rng, fan_in, fan_out):
    """Glorot uniform: W ~ U(-limit, limit),  limit = sqrt(6 / (fan_in + fan_out))."""
    limit = math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out))


def he(rng, fan_in, fan_out):
    """He normal: W ~ N(0, 2 / fan_in), made for ReLU layers."""
    return rng.standard_normal(size=(fan_in, fan_out)) * math.sqrt(2.0 / fan_in)


def zeros(rng, fan_in, fan_out):
    """W = 0: every unit of a layer computes the same thing forever (the symmetry problem)."""
    return np.zeros((fan_in, fan_out))


#: name -> initializer. Names equal ``simulator.spec.INITIALIZERS``.
INITIALIZERS: dict[str, Callable] = {f.__name__: f for f in (
    uniform01, uniform, normal, xavier, he, zeros)}
assert tuple(INITIALIZERS) == _SPEC_NAMES, "initializer table out of sync with spec.INITIALIZERS"


def get(name: str) -> Callable:
    try:
        return INITIALIZERS[name]
    except KeyError:
        raise ValueError(f"unknown initializer '{name}'; choose one of "
                         f"{', '.join(INITIALIZERS)}") from None
