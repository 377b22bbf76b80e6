"""The step-by-step backpropagation table: every number is the engine's, Apply is one SGD step."""

import csv
import io
import math
import re

import numpy as np
import pytest

import simulator as sim
from resources import path as resource
from simulator import activations
from simulator.backprop_steps import (
    MAX_SAMPLES,
    backprop_steps,
    load_worked_example,
    neuron_names,
)
from simulator.document import Document

HIDDEN = [a for a in activations.ACTIVATIONS if a not in ("step", "softmax")]
OUTPUTS = [(loss, act) for loss in ("mse", "sse") for act in activations.ACTIVATIONS
           if act != "step"] + [("bce", "sigmoid"), ("cross_entropy", "softmax")]
WORKED = resource("worked", "backprop-2-2-2.json")


def _targets(rng, loss, n, k):
    if loss == "cross_entropy":
        return np.eye(k)[rng.integers(0, k, n)]
    if loss == "bce":
        return rng.integers(0, 2, (n, k)).astype(float)
    return rng.standard_normal((n, k))


def _net(rng, hidden, out, masked=False, no_bias=False, dtype="float64"):
    spec = sim.NetworkSpec.coerce({"inputs": 3, "layers": [
        {"units": 4, "activation": hidden, "use_bias": not no_bias},
        {"units": 3, "activation": hidden},
        {"units": 2, "activation": out}]})
    if masked:
        mask = np.ones((3, 4), np.uint8)
        mask[0, 1] = mask[2, 3] = 0
        spec = spec.with_layer(0, mask=mask)
    net = sim.Network.from_spec(spec, init="normal", seed=int(rng.integers(1000)), dtype=dtype)
    net.set_weights([(W, rng.standard_normal(b.shape) * 0.5) for W, b in net.get_weights()])
    return net


def _by_index(steps, net):
    """Map each row back to (phase, layer, quantity, sample, i, j) -> value by its names."""
    names = neuron_names(net.spec)
    index = [{n: k for k, n in enumerate(col)} for col in names]
    out = {}
    for g, r in steps.rows():
        l = g.layer
        if r.quantity in ("z", "h", "δ"):
            key = (r.quantity, l, r.sample, index[l + 1][r.name])
        elif r.quantity in ("∂E/∂w", "w"):
            a, b = r.name.split("→")
            key = (r.quantity, l, index[l][a], index[l + 1][b])
        elif r.quantity in ("∂E/∂b", "b"):
            key = (r.quantity, l, index[l + 1][r.name])
        else:
            key = ("E",)
        assert key not in out, f"row {key} appears twice"
        out[key] = r.value
    return out


def _check_against_trace(net, X, Y, loss, lr=0.3):
    steps = backprop_steps(net, X, Y, loss, lr)
    trace = net.backward_trace(X, Y, loss)
    got = _by_index(steps, net)
    want = {("E",): trace.loss}
    for l, t in enumerate(trace.layers):
        mask = net.spec.layers[l].mask
        for s, j in np.ndindex(t.Z.shape):
            want[("z", l, s, j)] = t.Z[s, j]
            want[("h", l, s, j)] = t.H[s, j]
            want[("δ", l, s, j)] = t.delta[s, j]
        for i, j in np.ndindex(t.dW.shape):
            if mask is None or mask[i, j]:
                want[("∂E/∂w", l, i, j)] = t.dW[i, j]
                want[("w", l, i, j)] = steps.new_weights[l][0][i, j]
        if net.spec.layers[l].use_bias:
            for j in range(t.db.size):
                want[("∂E/∂b", l, j)] = t.db[j]
                want[("b", l, j)] = steps.new_weights[l][1][j]
    assert got.keys() == want.keys()
    for key, value in want.items():
        assert got[key] == float(value), key  # the engine's number, not a recomputation
    return steps


@pytest.mark.parametrize("loss,out", OUTPUTS)
def test_every_number_is_the_engines_for_every_loss_and_output(loss, out):
    rng = np.random.default_rng(len(loss) * 31 + len(out))
    net = _net(rng, "tanh", out)
    X = rng.standard_normal((3, 3))
    _check_against_trace(net, X, _targets(rng, loss, 3, 2), loss)


@pytest.mark.parametrize("hidden", HIDDEN)
def test_every_number_is_the_engines_for_every_hidden_activation(hidden):
    rng = np.random.default_rng(len(hidden))
    net = _net(rng, hidden, "sigmoid", masked=True, no_bias=True)
    steps = _check_against_trace(net, rng.standard_normal((2, 3)), rng.random((2, 2)), "mse")
    # a removed connection and an absent bias have no rows at all
    names = [r.name for _, r in steps.rows()]
    assert "x1→h1.2" not in names and "x3→h1.4" not in names and "x1→h1.1" in names
    assert not any(g.layer == 0 and r.quantity in ("∂E/∂b", "b") for g, r in steps.rows())
    assert any(g.layer == 1 and r.quantity == "b" for g, r in steps.rows())


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("n", [1, 3])
def test_apply_equals_one_sgd_step_of_the_trainer(dtype, n):
    rng = np.random.default_rng(n)
    net = _net(rng, "sigmoid", "sigmoid", masked=True, no_bias=True, dtype=dtype)
    X, Y = rng.standard_normal((n, 3)), rng.random((n, 2))
    seed, lr = 5, 0.7
    perm = np.random.default_rng(seed).permutation(n)  # the order the trainer's batch takes
    steps = backprop_steps(net, X[perm], Y[perm], "sse", lr)
    twin = sim.Network.from_spec(net.spec, dtype=dtype)
    twin.set_weights(net.get_weights())
    sim.Trainer(twin, loss="sse", optimizer="sgd", learning_rate=lr, batch_size=n,
                seed=seed, engine="numpy").fit(X, Y, epochs=1)
    for (W, b), (W2, b2) in zip(steps.new_weights, twin.get_weights(), strict=True):
        assert W.dtype == W2.dtype
        np.testing.assert_array_equal(W, W2)
        np.testing.assert_array_equal(b, b2)
    assert steps.new_weights[0][0][0, 1] == 0.0  # the removed connection stays removed


def test_the_output_delta_is_written_as_on_the_slide():
    steps = load_worked_example(WORKED).steps()
    (group,) = [g for g in steps.groups if g.phase == "delta" and g.layer == 1]
    row = group.rows[0]
    assert row.formula == "δ(o1) = −2(t − o) · σ(z)(1 − σ(z))"
    o = steps.groups[1].rows[2].value  # h of o1
    assert row.numbers.startswith(f"−2 × (1 − {o:.4g}) × {o:.4g} × (1 − {o:.4g}) = ")
    assert math.isclose(row.value, -2 * (1 - o) * o * (1 - o), rel_tol=1e-12)


@pytest.mark.parametrize("loss,out,fragment", [
    ("mse", "tanh", "(1 − tanh²(z))"), ("sse", "relu", "[z > 0]"), ("mse", "linear", "−2(t − o)"),
    ("bce", "sigmoid", "(o − t)"), ("cross_entropy", "softmax", "(o − t)"),
    ("mse", "softmax", "o · (g − Σ g·o)")])
def test_the_formula_follows_the_loss_and_activation(loss, out, fragment):
    rng = np.random.default_rng(0)
    net = _net(rng, "relu", out)
    steps = backprop_steps(net, rng.standard_normal((1, 3)), _targets(rng, loss, 1, 2), loss)
    delta = next(g for g in steps.groups if g.phase == "delta")
    assert fragment in delta.rows[0].formula
    if out == "linear":
        assert "σ" not in delta.rows[0].formula


_SIGMOID = "(lambda z: 1 / (1 + math.exp(-z)))"


def _evaluate(numbers: str) -> float:
    """The written-out left side of a row as Python arithmetic."""
    expr = numbers.rsplit(" = ", 1)[0]
    expr = expr.replace("−", "-").replace("×", "*").replace("²", "**2").replace("σ", _SIGMOID)
    expr = re.sub(r"ln ([-\d.e]+)", r"math.log(\1)", expr)
    return eval(expr, {"math": math})  # noqa: S307 (our own formatted numbers)


def test_the_numbers_written_out_give_the_value():
    """A student redoing the arithmetic as written (4 digits) gets the value to ~3 digits."""
    steps = load_worked_example(WORKED).steps()
    for _, row in steps.rows():
        if "=" in row.numbers:
            assert math.isclose(_evaluate(row.numbers), row.value, rel_tol=2e-3, abs_tol=1e-4), \
                row


def test_worked_example_is_a_hand_calculation_with_round_numbers():
    ex = load_worked_example(WORKED)
    steps = ex.steps()
    assert ex.network().sizes == [2, 2, 2] and ex.network().activations == ["sigmoid"] * 2
    first = steps.groups[0].rows[0]
    assert first.numbers == "1 × 0.1 + 0.5 × 0.2 + 0.1 = 0.3"
    assert first.formula == "z(h1) = x1·w(x1→h1) + x2·w(x2→h1) + b(h1)"
    update = steps.groups[-1].rows[0]
    assert (update.old, update.rate) == (0.1, 0.5)
    assert update.value == update.old - update.rate * update.gradient


def test_worked_example_loads_into_a_document_in_one_go():
    ex = load_worked_example(WORKED)
    doc = Document()
    ex.apply_to(doc)
    assert doc.spec == ex.spec and doc.settings.loss == "sse"
    assert (doc.settings.learning_rate, doc.settings.batch_size) == (0.5, 1)
    np.testing.assert_array_equal(doc.data.train.X, ex.dataset.X)
    net = doc.build_network()
    for (W, b), (W2, b2) in zip(net.get_weights(), ex.weights, strict=True):
        np.testing.assert_allclose(W, W2, rtol=1e-7)
        np.testing.assert_allclose(b, b2, rtol=1e-7)


def test_csv_and_markdown_hold_every_row():
    steps = load_worked_example(WORKED).steps()
    table = list(csv.DictReader(io.StringIO(steps.to_csv())))
    rows = steps.rows()
    assert len(table) == len(rows)
    for line, (g, r) in zip(table, rows, strict=True):
        assert float(line["value"]) == r.value and line["phase"] == g.phase
        assert line["numbers"] == r.numbers
    assert table[-1]["old"] == "0.1" and table[-1]["learning_rate"] == "0.5"
    md = steps.to_markdown()
    assert md.count("\n## ") == len(steps.groups)
    assert sum(line.startswith("| ") for line in md.splitlines()) == len(rows) + len(steps.groups)


def test_too_many_samples_or_a_huge_network_is_refused_with_a_reason():
    net = sim.Network.from_spec({"inputs": 2, "layers": [{"units": 1, "activation": "sigmoid"}]})
    X = np.zeros((MAX_SAMPLES + 1, 2))
    with pytest.raises(ValueError, match="samples"):
        backprop_steps(net, X, np.zeros((MAX_SAMPLES + 1, 1)))
    big = sim.Network.from_spec({"inputs": 64, "layers": [{"units": 64, "activation": "relu"},
                                                          {"units": 1, "activation": "linear"}]})
    with pytest.raises(ValueError, match="small networks"):
        backprop_steps(big, np.zeros((1, 64)), np.zeros((1, 1)))
    with pytest.raises(ValueError, match="sigmoid"):
        backprop_steps(net, X[:1], np.zeros((1, 1)), "cross_entropy")
