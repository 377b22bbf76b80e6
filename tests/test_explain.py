"""simulator/explain.py: permutation importance ranks an informative feature above noise;
gradient × input equals the analytic gradient (linear model) and finite differences."""

from __future__ import annotations

import numpy as np
import pytest

from simulator.datasets import Dataset
from simulator.document import Document
from simulator.errors import DataError
from simulator.explain import explain_document, input_gradient, permutation_importance, saliency
from simulator.network import Network
from simulator.settings import DataSource, TrainingSettings
from simulator.trainer import Trainer


def _spec(inputs, *layers):
    return {"inputs": inputs, "layers": [{"units": u, "activation": a} for u, a in layers]}


def test_informative_feature_ranks_above_pure_noise():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(300, 3))
    y = np.tanh(1.5 * X[:, 1]).reshape(-1, 1)  # column 1 informs, 0 and 2 are pure noise
    net = Network(_spec(3, (8, "tanh"), (1, "linear")), seed=0)
    Trainer(net, loss="mse", optimizer="adam", learning_rate=0.02, batch_size=20) \
        .fit(X[:200], y[:200], epochs=60)
    imp = permutation_importance(net, X[200:], y[200:], "mse", repeats=8, seed=0,
                                 names=("noise a", "signal", "noise b"))
    assert imp.ranking()[0] == "signal"
    assert imp.mean[1] > 10 * max(abs(imp.mean[0]), abs(imp.mean[2]))
    assert imp.mean[1] > 3 * imp.std[1]  # the spread is small next to the effect
    assert imp.std.shape == (3,) and np.all(imp.std >= 0)
    again = permutation_importance(net, X[200:], y[200:], "mse", repeats=8, seed=0)
    np.testing.assert_array_equal(again.mean, imp.mean)  # seeded: reproducible


def test_saliency_of_a_linear_model_is_its_weights_times_the_input():
    net = Network(_spec(3, (2, "linear")), dtype="float64", seed=0)
    W = np.array([[0.2, -1.0], [0.8, 0.5], [0.0, 3.0]])
    net.set_weights([(W, np.array([0.1, -0.3]))])
    x = np.array([1.5, -2.0, 4.0])
    for k in range(2):
        s = saliency(net, x, output=k, names=("a", "b", "c"))
        np.testing.assert_allclose(s.gradient, W[:, k], rtol=0, atol=1e-12)
        np.testing.assert_allclose(s.values, x * W[:, k], rtol=0, atol=1e-12)
    assert s.names == ("a", "b", "c")


@pytest.mark.parametrize("out", ["sigmoid", "softmax", "tanh"])
def test_input_gradient_matches_finite_differences(out):
    net = Network(_spec(4, (5, "tanh"), (3, "sigmoid"), (3, "relu"), (2, out)),
                  dtype="float64", seed=1)
    X = np.random.default_rng(0).normal(size=(6, 4))
    for k in range(2):
        g = input_gradient(net, X, output=k)
        h = 1e-6
        numeric = np.empty_like(X)
        for j in range(4):
            d = np.zeros(4)
            d[j] = h
            numeric[:, j] = (net.predict(X + d)[:, k] - net.predict(X - d)[:, k]) / (2 * h)
        np.testing.assert_allclose(g, numeric, rtol=1e-5, atol=1e-8)


def test_explain_document_names_table_features():
    doc = Document(None, TrainingSettings(loss="cross_entropy"),
                   DataSource(name="iris", train_ratio=0.7, normalization="standardize"))
    imp, sal = explain_document(doc, sample=3, repeats=2)
    assert imp.names == doc.dataset.feature_names and len(imp.names) == 4
    assert sal.names == imp.names and np.all(np.isfinite(sal.values))
    np.testing.assert_allclose(sal.x, doc.data.test.X[3])


def test_explain_the_shallow_lesson_recovers_x2_over_x1():
    rng = np.random.default_rng(0)
    X = rng.uniform(-3, 3, (200, 2))
    data = Dataset(X, 0.2 * X[:, 0] + 0.8 * X[:, 1], ("x1", "x2"), ("y",), "regression")
    doc = Document(_spec(2, (1, "linear")), TrainingSettings(), DataSource(
        kind="imported", name="t", train_ratio=0.7), data)
    doc.set_weights([(np.array([[0.2], [0.8]], np.float32), np.zeros(1, np.float32))])
    imp, _ = explain_document(doc)
    assert imp.ranking() == ["x2", "x1"]


def test_bad_requests_are_clear():
    net = Network(_spec(2, (1, "linear")))
    with pytest.raises(DataError, match="at least 2 rows"):
        permutation_importance(net, np.zeros((1, 2)), np.zeros((1, 1)))
    with pytest.raises(DataError, match="output 3 does not exist"):
        input_gradient(net, np.zeros((1, 2)), output=3)
    with pytest.raises(DataError, match="3 feature names for 2 columns"):
        saliency(net, np.zeros(2), names=("a", "b", "c"))
