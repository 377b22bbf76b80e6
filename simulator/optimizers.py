"""Optimizers: update rules applied to the network's flat parameter vector.

Every parameter of a network lives in one flat array ``theta`` (the W and b of
each layer are views into it) and its gradient in one flat ``grad``. An update
is therefore a handful of array operations, whatever the number of layers.

``step(theta, grad, lr)`` updates ``theta`` in place and may overwrite ``grad``
(it is scratch space by then). The formulas and defaults follow PyTorch's
``torch.optim`` so the engine can be checked against it. Regularization is
added to ``grad`` by the trainer before ``step`` (see :func:`regularize`).
"""

from __future__ import annotations

from .settings import OPTIMIZERS as _SETTINGS_NAMES
from .settings import REGULARIZATIONS
from .xp import get_array_module as _xp


class SGD:
    """w <- w - lr * dE/dw  (the lecture's rule)."""

    name = "sgd"

    def __init__(self, theta) -> None:
        pass

    def step(self, theta, grad, lr: float) -> None:
        xp = _xp(theta)
        xp.multiply(grad, lr, out=grad)
        xp.subtract(theta, grad, out=theta)

    def reset(self) -> None:
        """Forget any running state (after divergence or a weight reset)."""


class Perceptron(SGD):
    """Rosenblatt: w <- w + lr * (t - y) * x for a single layer of step units.

    ``losses.perceptron`` supplies (y - t) / n in place of dE/dz (no activation slope), so the
    update is SGD's: with a batch, the (t - y) x terms are averaged over it, and
    with batch size 1 this is exactly Rosenblatt's online rule.
    """

    name = "perceptron"


class Momentum(SGD):
    """v <- mu v + g;  w <- w - lr v   (mu = 0.9, torch.optim.SGD(momentum=0.9))."""

    name = "momentum"

    def __init__(self, theta, mu: float = 0.9) -> None:
        self.mu = mu
        #: Velocity: the running, decayed sum of past gradients.
        self.v = _xp(theta).zeros_like(theta)

    def step(self, theta, grad, lr):
        xp = _xp(theta)
        xp.multiply(self.v, self.mu, out=self.v)
        xp.add(self.v, grad, out=self.v)
        xp.multiply(self.v, lr, out=grad)
        xp.subtract(theta, grad, out=theta)

    def reset(self):
        self.v[...] = 0.0


class RMSprop(SGD):
    """s <- a s + (1 - a) g^2;  w <- w - lr g / (sqrt(s) + eps)   (a = 0.99, eps = 1e-8)."""

    name = "rmsprop"

    def __init__(self, theta, alpha: float = 0.99, eps: float = 1e-8) -> None:
        self.alpha, self.eps = alpha, eps
        #: Running mean of squared gradients, per parameter.
        self.s = _xp(theta).zeros_like(theta)
        self._tmp = _xp(theta).empty_like(theta)

    def step(self, theta, grad, lr):
        xp, s, tmp = _xp(theta), self.s, self._tmp
        xp.multiply(grad, grad, out=tmp)
        xp.multiply(tmp, 1.0 - self.alpha, out=tmp)
        xp.multiply(s, self.alpha, out=s)
        xp.add(s, tmp, out=s)
        xp.sqrt(s, out=tmp)
        xp.add(tmp, self.eps, out=tmp)
        xp.divide(grad, tmp, out=grad)
        xp.multiply(grad, lr, out=grad)
        xp.subtract(theta, grad, out=theta)

    def reset(self):
        self.s[...] = 0.0


class Adam(SGD):
    """m <- b1 m + (1 - b1) g;  v <- b2 v + (1 - b2) g^2;
    w <- w - lr m/(1 - b1^t) / (sqrt(v/(1 - b2^t)) + eps)   (b1 = 0.9, b2 = 0.999, eps = 1e-8).
    """

    name = "adam"

    def __init__(self, theta, b1: float = 0.9, b2: float = 0.999, eps: float = 1e-8) -> None:
        xp = _xp(theta)
        self.b1, self.b2, self.eps = b1, b2, eps
        #: First moment (running mean of gradients).
        self.m = xp.zeros_like(theta)
        #: Second moment (running mean of squared gradients).
        self.v = xp.zeros_like(theta)
        #: Steps taken, for the bias correction of m and v.
        self.t = 0
        self._tmp = xp.empty_like(theta)

    def step(self, theta, grad, lr):
        xp, m, v, tmp = _xp(theta), self.m, self.v, self._tmp
        self.t += 1
        xp.multiply(m, self.b1, out=m)
        xp.multiply(grad, 1.0 - self.b1, out=tmp)
        xp.add(m, tmp, out=m)
        xp.multiply(grad, grad, out=tmp)
        xp.multiply(tmp, 1.0 - self.b2, out=tmp)
        xp.multiply(v, self.b2, out=v)
        xp.add(v, tmp, out=v)
        step_size = lr / (1.0 - self.b1 ** self.t)
        xp.sqrt(v, out=tmp)
        xp.multiply(tmp, 1.0 / (1.0 - self.b2 ** self.t) ** 0.5, out=tmp)
        xp.add(tmp, self.eps, out=tmp)
        xp.divide(m, tmp, out=grad)
        xp.multiply(grad, step_size, out=grad)
        xp.subtract(theta, grad, out=theta)

    def reset(self):
        self.m[...] = 0.0
        self.v[...] = 0.0
        self.t = 0


#: name -> optimizer class. Names equal ``simulator.settings.OPTIMIZERS``.
OPTIMIZERS = {c.name: c for c in (SGD, Momentum, RMSprop, Adam, Perceptron)}
assert tuple(OPTIMIZERS) == _SETTINGS_NAMES, "optimizer table out of sync with settings"


def create(name: str, theta):
    try:
        return OPTIMIZERS[name](theta)
    except KeyError:
        raise ValueError(f"unknown optimizer '{name}'; choose one of "
                         f"{', '.join(OPTIMIZERS)}") from None


def check_perceptron(spec) -> None:
    """The perceptron rule needs one layer of step units; say what to change otherwise."""
    acts = [layer.activation for layer in spec.layers]
    if len(acts) != 1 or acts[0] != "step":
        raise ValueError(
            "the perceptron rule trains a single layer of step units (no hidden layers); "
            f"this network has {len(acts)} layer(s) with activations {acts}. Remove the hidden "
            "layers and set the output activation to step, or choose sgd.")


def check_gradient(name: str, spec) -> None:
    """Gradient descent cannot train step units: their slope is 0 everywhere."""
    steps = [i + 1 for i, layer in enumerate(spec.layers) if layer.activation == "step"]
    if steps:
        raise ValueError(
            f"layer(s) {steps} use the step activation, whose derivative is 0 everywhere, so "
            f"'{name}' (gradient descent) cannot train them. Use sigmoid or tanh instead, or "
            "the perceptron optimizer for a single step layer.")


def regularize(kind: str, rate: float, theta, grad, weight_mask, tmp) -> None:
    """Add the penalty's gradient to ``grad`` (weights only, never biases).

    l2: penalty rate/2 sum w^2, gradient rate * w.   l1: penalty rate sum |w|, gradient
    rate * sign(w). ``weight_mask`` is 1 on weights and 0 on biases and absent connections.
    """
    if kind == "none" or rate == 0.0:
        return
    xp = _xp(theta)
    if kind == "l2":
        xp.multiply(theta, weight_mask, out=tmp)
    elif kind == "l1":
        xp.sign(theta, out=tmp)
        xp.multiply(tmp, weight_mask, out=tmp)
    else:
        raise ValueError(f"unknown regularization '{kind}'; choose one of "
                         f"{', '.join(REGULARIZATIONS)}")
    xp.multiply(tmp, rate, out=tmp)
    xp.add(grad, tmp, out=grad)
