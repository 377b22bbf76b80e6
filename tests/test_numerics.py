"""Numerical abuse (issue 17): absurd learning rates on every optimizer and activation, deep
and wide networks, all-zero weights, inputs a million times too large. Training either works
or stops with an explanation; weights and history rows stay finite (None where a number
does not exist), so no NaN or infinity reaches a plot, a file or a weight."""

from __future__ import annotations

import math

import numpy as np
import pytest

import simulator as sim
from simulator.settings import OPTIMIZERS
from simulator.spec import ACTIVATIONS
from simulator.trainer import Trainer

RNG = np.random.default_rng(0)
X = RNG.standard_normal((32, 3)).astype(np.float32)
Y = (X[:, :1] * X[:, 1:2] > 0).astype(np.float32)


def _all_finite(value) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_all_finite(v) for v in value)
    return True


def _check_run(net, trainer, X, Y, epochs=5):
    rows = [s.to_dict() for s in trainer.iter_epochs(X, Y, epochs)]
    assert rows
    for row in rows:
        assert all(_all_finite(v) for v in row.values()), row
        assert row["status"] in ("ok", "diverged", "stopped", "early_stopped")
        if row["status"] == "diverged":
            assert row["message"]  # the explanation the panel shows
    for W, b in net.get_weights():
        assert np.isfinite(W).all() and np.isfinite(b).all()
    return rows


@pytest.mark.parametrize("lr", [10.0, 1000.0])
@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_huge_learning_rates_on_every_optimizer(optimizer, lr):
    for activation in ACTIVATIONS:
        if activation == "softmax":
            continue
        spec = {"inputs": 3, "layers": [{"units": 4, "activation": activation},
                                        {"units": 1, "activation": "sigmoid"}]}
        net = sim.Network.from_spec(spec, seed=1)
        try:
            trainer = Trainer(net, loss="mse", optimizer=optimizer, learning_rate=lr,
                              batch_size=8, seed=0)
        except ValueError as exc:  # refused up front, with the reason (step units, ...)
            assert len(str(exc)) > 40
            continue
        _check_run(net, trainer, X, Y, epochs=3)


def test_inputs_a_million_times_too_large_give_finite_gradient_norms():
    """float32 squared gradients summed in float32 overflowed: grad_norm inf, status ok."""
    spec = {"inputs": 3, "layers": [{"units": 8, "activation": "linear"},
                                    {"units": 1, "activation": "linear"}]}
    net = sim.Network.from_spec(spec, seed=0)
    trainer = Trainer(net, loss="mse", optimizer="sgd", learning_rate=1e-30, batch_size=32,
                      seed=0)
    row = _check_run(net, trainer, X * 1e6, Y * 1e14, epochs=1)[0]
    assert row["status"] == "ok" and row["grad_norm"][0] is not None
    assert row["grad_norm"][0] > 1e19  # its square, ~1e40, is past float32's 3.4e38


def test_a_diverged_first_batch_leaves_no_nan_in_the_row():
    """The loss of an epoch that finished no batch was NaN in the history."""
    spec = {"inputs": 3, "layers": [{"units": 4, "activation": "relu"},
                                    {"units": 1, "activation": "linear"}]}
    net = sim.Network.from_spec(spec, seed=0)
    w = net.get_weights()
    w[0] = (np.full_like(w[0][0], 1e30), w[0][1])
    net.set_weights(w)
    trainer = Trainer(net, loss="mse", optimizer="sgd", learning_rate=0.1, batch_size=32)
    row = _check_run(net, trainer, X * 1e10, Y, epochs=1)[0]
    assert row["status"] == "diverged" and row["train_loss"] is None


@pytest.mark.parametrize("layers", [[{"units": 4, "activation": "sigmoid"}] * 20,
                                    [{"units": 1024, "activation": "relu"}] * 2],
                         ids=["20-layers", "1024-units"])
def test_deep_and_wide_networks(layers):
    spec = {"inputs": 3, "layers": layers + [{"units": 1, "activation": "sigmoid"}]}
    for lr in (0.1, 1000.0):
        net = sim.Network.from_spec(spec, seed=0)
        _check_run(net, Trainer(net, loss="mse", optimizer="adam", learning_rate=lr,
                                batch_size=16), X, Y, epochs=2)


def test_all_zero_weights_train_and_stay_finite():
    spec = {"inputs": 3, "layers": [{"units": 4, "activation": "tanh"},
                                    {"units": 1, "activation": "sigmoid"}]}
    net = sim.Network.from_spec(spec, seed=0)
    net.set_weights([(np.zeros_like(W), np.zeros_like(b)) for W, b in net.get_weights()])
    rows = _check_run(net, Trainer(net, loss="mse", optimizer="sgd", learning_rate=1.0,
                                   batch_size=8), X, Y, epochs=3)
    assert rows[-1]["status"] == "ok"
