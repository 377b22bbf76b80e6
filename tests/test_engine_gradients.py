"""Backpropagation vs central finite differences (float64), for every activation x loss."""

import zlib

import numpy as np
import pytest

import simulator as sim
from simulator import activations, losses

HIDDEN = [a for a in activations.ACTIVATIONS if a not in ("step", "softmax")]
#: (loss, output activation) pairs the engine accepts.
OUTPUTS = [(loss, act) for loss in ("mse", "sse") for act in activations.ACTIVATIONS
           if act != "step"] + [("bce", "sigmoid"), ("cross_entropy", "softmax")]


def _targets(rng, loss, n, k):
    if loss == "cross_entropy":
        return np.eye(k)[rng.integers(0, k, n)]
    if loss == "bce":
        return rng.integers(0, 2, (n, k)).astype(float)
    return rng.standard_normal((n, k))


def _finite_difference(net, X, Y, loss, h=1e-4):
    """dE/dw for every weight and bias by the fourth-order central difference
    (-E(w+2h) + 8 E(w+h) - 8 E(w-h) + E(w-2h)) / 12h: truncation ~h^4, rounding ~1e-16/h.
    """
    weights = net.get_weights()
    out = []

    def at(P, idx, value):
        P[idx] = value
        net.set_weights(weights)
        return net.loss(X, Y, loss)

    for W, b in weights:
        grads = []
        for P in (W, b):
            G = np.zeros_like(P)
            for idx in np.ndindex(P.shape):
                w = P[idx]
                G[idx] = (-at(P, idx, w + 2 * h) + 8 * at(P, idx, w + h)
                          - 8 * at(P, idx, w - h) + at(P, idx, w - 2 * h)) / (12 * h)
                P[idx] = w
            grads.append(G)
        out.append(tuple(grads))
        net.set_weights(weights)
    return out


def _rel_error(a, b):
    a = np.concatenate([x.ravel() for pair in a for x in pair])
    b = np.concatenate([x.ravel() for pair in b for x in pair])
    # The floor keeps an all-zero gradient (e.g. a dead relu output) from dividing noise by 0.
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-3)


@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("loss,out", OUTPUTS)
def test_gradients_match_finite_differences(hidden, loss, out):
    seed = zlib.crc32(f"{hidden}-{loss}-{out}".encode())  # stable across runs
    rng = np.random.default_rng(seed)
    n_in, h1, h2 = rng.integers(2, 5), rng.integers(2, 5), rng.integers(2, 4)
    k = int(rng.integers(2, 4)) if out == "softmax" else int(rng.integers(1, 3))
    n = int(rng.integers(3, 7))
    mask = (rng.random((n_in, h1)) < 0.7).astype(np.uint8)
    mask[0, 0] = 0
    variants = [
        # plain: every connection, every bias
        [{"units": h1, "activation": hidden}, {"units": h2, "activation": hidden}],
        # a mask on the first layer, no bias on the second
        [{"units": h1, "activation": hidden, "mask": mask.tolist()},
         {"units": h2, "activation": hidden, "use_bias": False}],
    ]
    X = rng.standard_normal((n, n_in))
    Y = _targets(rng, loss, n, k)
    for layers in variants:
        spec = {"inputs": int(n_in), "layers": layers + [{"units": k, "activation": out}]}
        net = sim.Network.from_spec(spec, init="normal", seed=seed % 1000, dtype="float64")
        # biases away from 0 so the bias gradients are exercised too
        net.set_weights([(W, rng.standard_normal(b.shape) * 0.5) for W, b in net.get_weights()])
        e, grads = net.loss_and_gradients(X, Y, loss)
        assert np.isclose(e, net.loss(X, Y, loss))
        fd = _finite_difference(net, X, Y, loss)
        assert _rel_error(grads, fd) < 1e-6, (spec, grads, fd)
        if "mask" in layers[0]:
            assert np.all(grads[0][0][mask == 0] == 0)
            assert np.all(grads[1][1] == 0)  # no bias -> no bias gradient


def test_backward_trace_exposes_deltas():
    rng = np.random.default_rng(1)
    net = sim.Network.from_spec({"inputs": 3, "layers": [{"units": 4, "activation": "tanh"},
                                                         {"units": 2, "activation": "linear"}]},
                                dtype="float64")
    X, Y = rng.standard_normal((5, 3)), rng.standard_normal((5, 2))
    t = net.backward_trace(X, Y, "mse")
    assert len(t.layers) == 2
    for layer in t.layers:
        # dE/dW is the sum over samples of outer(input, delta): the per-sample terms add up
        per_sample = np.einsum("ni,nj->nij", layer.A, layer.delta)
        assert np.allclose(per_sample.sum(axis=0), layer.dW)
        assert np.allclose(layer.delta.sum(axis=0), layer.db)
    assert np.allclose(t.layers[1].delta, 2 * (t.layers[1].H - Y) / Y.size)


@pytest.mark.parametrize("name", list(activations.ACTIVATIONS))
def test_activation_derivative_and_max(name):
    x, f, df = activations.evaluate(name)
    act = activations.get(name)
    assert act.x_range[0] == x[0] and act.x_range[1] == x[-1]
    assert np.all(np.abs(df) <= act.max_df + 1e-6)
    if name != "step":
        h = 1e-6
        fd = (activations.evaluate(name, x + h)[1] - activations.evaluate(name, x - h)[1]) / (2 * h)
        keep = np.abs(x) > 1e-3  # kinks of relu & co at 0
        assert np.allclose(df[keep], fd[keep], atol=1e-6)


@pytest.mark.parametrize("name", list(activations.ACTIVATIONS))
def test_activations_keep_float32(name):
    z = np.linspace(-3, 3, 12, dtype=np.float32).reshape(3, 4)
    act = activations.get(name)
    h = act.f(z)
    assert h.dtype == np.float32
    assert act.df(z, h).dtype == np.float32


def test_tables_match_spec_names():
    assert tuple(activations.ACTIVATIONS) == sim.spec.ACTIVATIONS
    assert tuple(losses.LOSSES) == sim.settings.LOSSES


def test_invalid_loss_output_pairs():
    def net(out, k=2):
        return sim.Network.from_spec({"inputs": 2, "layers": [{"units": k, "activation": out}]})
    with pytest.raises(ValueError, match="softmax"):
        net("sigmoid").loss_and_gradients(np.zeros((2, 2)), np.eye(2), "cross_entropy")
    with pytest.raises(ValueError, match="sigmoid"):
        sim.Trainer(net("linear"), loss="bce")
    with pytest.raises(ValueError, match="sigmoid"):
        sim.Trainer(net("softmax"), loss="bce")


def test_stable_losses_for_extreme_logits():
    net = sim.Network.from_spec({"inputs": 1, "layers": [{"units": 2, "activation": "softmax"}]},
                                dtype="float32")
    net.set_weights([(np.array([[1000.0, -1000.0]]), np.zeros(2))])
    e, grads = net.loss_and_gradients(np.ones((1, 1)), np.array([[0.0, 1.0]]), "cross_entropy")
    assert np.isclose(e, 2000.0) and all(np.isfinite(g).all() for pair in grads for g in pair)
    net = sim.Network.from_spec({"inputs": 1, "layers": [{"units": 1, "activation": "sigmoid"}]})
    net.set_weights([(np.array([[-200.0]]), np.zeros(1))])
    e, _ = net.loss_and_gradients(np.ones((1, 1)), np.ones((1, 1)), "bce")
    assert np.isclose(e, 200.0)


def test_softmax_is_plotted_as_one_logit_against_zero():
    """The plot's special case lives in evaluate(); the engine's softmax is row-wise only."""
    x, h, d = activations.evaluate("softmax")
    _, hs, ds = activations.evaluate("sigmoid", x)
    np.testing.assert_allclose(h, hs, atol=1e-12)
    np.testing.assert_allclose(d, ds, atol=1e-12)
    with pytest.raises((ValueError, np.exceptions.AxisError)):
        activations.softmax(np.zeros(3))
