"""Loss functions: each computes the data loss E and writes dE/dZ of the output layer.

Contract: ``delta(z, h, y, act, out, tmp) -> E`` where ``z``/``h`` are the output
layer's pre-activation and activation (n, k), ``y`` the targets, ``act`` the
output :class:`~simulator.activations.Activation`; the returned float is E and
``out`` receives dE/dZ (n, k), which backpropagation starts from; ``tmp`` (n, k) is
scratch space. E is a float on NumPy and a 0-d float64 array on a device
(``xp.lazy_float``: reading it there would wait for the device after every batch).
``value(z, h, y) -> E`` is the same number without the gradient.

Valid output activations (checked by :func:`check`, with a message that says what to change):

* ``mse``, ``sse``: any output; ``step`` only with the perceptron rule (its slope is 0),
  which :func:`perceptron` wraps around the chosen loss.
* ``bce``: sigmoid outputs only. Computing it from the logits z is exact and stable;
  any other output would need clipping log(h) at 0 and 1, which hides mistakes
  (a tanh output of -0.3 is not a probability), so we refuse it instead.
* ``cross_entropy``: softmax outputs only, computed from the logits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .activations import Activation, softmax_backprop
from .settings import LOSSES as _SETTINGS_NAMES
from .xp import get_array_module, lazy_float


class Loss(NamedTuple):
    name: str
    #: value(z, h, y) -> float
    value: Callable
    #: delta(z, h, y, act, out, tmp) -> float; writes dE/dz into out
    delta: Callable
    #: Output activations this loss accepts; None = any.
    outputs: tuple[str, ...] | None
    formula: str


def _chain_output(z, h, act: Activation, out, tmp):
    """Turn dE/dh (in ``out``) into dE/dz for the output activation, in place."""
    if act.identity:
        return out
    if act.name == "softmax":  # not elementwise: apply the Jacobian
        return softmax_backprop(h, out.copy(), out=out)
    return get_array_module(out).multiply(out, act.df(z, h, tmp), out=out)


# -- mse ----------------------------------------------------------------------------
def mse(z, h, y) -> float:
    """E = 1/(n k) sum (h - y)^2  (mean over every element, as torch.nn.MSELoss)."""
    d = h - y
    return lazy_float(get_array_module(d).vdot(d, d)) / d.size


def mse_delta(z, h, y, act, out, tmp=None) -> float:
    """dE/dh = 2 (h - y) / (n k);  dE/dz = dE/dh * f'(z)."""
    xp = get_array_module(h)
    d = xp.subtract(h, y, out=out)
    e = lazy_float(xp.vdot(d, d)) / d.size
    xp.multiply(d, 2.0 / d.size, out=d)
    _chain_output(z, h, act, d, tmp)
    return e


# -- sse ----------------------------------------------------------------------------
def sse(z, h, y) -> float:
    """E = 1/n sum_samples sum_outputs (t - o)^2  (the lecture's E, averaged over the batch)."""
    d = h - y
    return lazy_float(get_array_module(d).vdot(d, d)) / d.shape[0]


def sse_delta(z, h, y, act, out, tmp=None) -> float:
    """dE/dh = 2 (h - y) / n;  dE/dz = dE/dh * f'(z)."""
    xp = get_array_module(h)
    d = xp.subtract(h, y, out=out)
    n = d.shape[0]
    e = lazy_float(xp.vdot(d, d)) / n
    xp.multiply(d, 2.0 / n, out=d)
    _chain_output(z, h, act, d, tmp)
    return e


# -- binary cross-entropy -----------------------------------------------------------
def bce(z, h, y) -> float:
    """E = -1/(n k) sum [y ln h + (1 - y) ln(1 - h)],  h = sigmoid(z).

    From the logits: -[y ln s(z) + (1-y) ln(1 - s(z))] = ln(1 + e^z) - y z,
    and ln(1 + e^z) = logaddexp(0, z) never overflows.
    """
    xp = get_array_module(z)
    t = xp.logaddexp(0.0, z)
    t -= y * z
    return lazy_float(t.sum()) / t.size


def bce_delta(z, h, y, act, out, tmp=None) -> float:
    """dE/dz = (sigmoid(z) - y) / (n k): the sigmoid's slope cancels."""
    e = bce(z, h, y)
    xp = get_array_module(h)
    xp.subtract(h, y, out=out)
    xp.multiply(out, 1.0 / out.size, out=out)
    return e


# -- categorical cross-entropy ------------------------------------------------------
def cross_entropy(z, h, y) -> float:
    """E = -1/n sum_samples sum_i y_i ln softmax(z)_i
         = 1/n sum_samples (logsumexp(z) - sum_i y_i z_i)   (rows of y sum to 1).
    """
    xp = get_array_module(z)
    m = z.max(axis=1, keepdims=True)
    lse = xp.log(xp.exp(z - m).sum(axis=1, keepdims=True)) + m
    t = (lse - z) * y
    return lazy_float(t.sum()) / z.shape[0]


def cross_entropy_delta(z, h, y, act, out, tmp=None) -> float:
    """dE/dz = (softmax(z) - y) / n."""
    e = cross_entropy(z, h, y)
    xp = get_array_module(h)
    xp.subtract(h, y, out=out)
    xp.multiply(out, 1.0 / out.shape[0], out=out)
    return e


# -- the perceptron rule -------------------------------------------------------------
def perceptron(loss: Loss) -> Loss:
    """The perceptron learning rule, reporting the chosen ``loss``.

    The rule updates w <- w + lr * mean_samples (t - o) x, i.e. it starts backpropagation
    from dE/dz = (o - t) / n with no slope of the (step) output: a step has f' = 0, so no
    loss could train it through its derivative. E is the chosen loss's value (mse or
    sse), the same formula the test loss is measured with.
    """
    def delta(z, h, y, act, out, tmp=None) -> float:
        xp = get_array_module(h)
        xp.subtract(h, y, out=out)
        xp.multiply(out, 1.0 / out.shape[0], out=out)
        return loss.value(z, h, y)

    return Loss("perceptron", loss.value, delta, loss.outputs,
                f"{loss.formula}; update w += lr * mean (t - o) x")


#: name -> Loss. Names equal ``simulator.settings.LOSSES``.
LOSSES: dict[str, Loss] = {l.name: l for l in (
    Loss("mse", mse, mse_delta, None, "E = mean (t - o)^2"),
    Loss("sse", sse, sse_delta, None, "E = sum_outputs (t - o)^2, averaged over the batch"),
    Loss("bce", bce, bce_delta, ("sigmoid",), "E = -mean [t ln o + (1 - t) ln(1 - o)]"),
    Loss("cross_entropy", cross_entropy, cross_entropy_delta, ("softmax",),
         "E = -mean_samples sum_i t_i ln o_i"),
)}
assert tuple(LOSSES) == _SETTINGS_NAMES, "loss table out of sync with settings.LOSSES"


def get(name: str) -> Loss:
    try:
        return LOSSES[name]
    except KeyError:
        raise ValueError(f"unknown loss '{name}'; choose one of {', '.join(LOSSES)}") from None


def check(name: str, output_activation: str) -> Loss:
    """The Loss for ``name``, or a ValueError saying why it cannot train this output layer."""
    loss = get(name)
    if loss.outputs is not None and output_activation not in loss.outputs:
        need = " or ".join(loss.outputs)
        raise ValueError(f"loss '{name}' needs a {need} output layer, but the output layer is "
                         f"'{output_activation}'; change the output activation to {need} "
                         f"or choose the mse loss")
    return loss
