"""Trainer behaviour: learning, perceptron, masks, divergence, stop, stats, reproducibility."""

import re
import threading

import numpy as np
import pytest

import simulator as sim
from simulator import xp as xpmod

XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
XOR_Y = np.array([[0], [1], [1], [0]], dtype=float)
AND_Y = np.array([[0], [0], [0], [1]], dtype=float)
OR_Y = np.array([[0], [1], [1], [1]], dtype=float)

SPEC_241 = {"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                    {"units": 1, "activation": "sigmoid"}]}


def _regression(n=64, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, 3))
    Y = (X @ np.array([[1.0], [-2.0], [0.5]]) + 0.3).astype(float)
    return X, Y


def test_xor_learned_from_most_seeds():
    solved = 0
    for seed in range(10):
        net = sim.Network.from_spec(SPEC_241, init="xavier", seed=seed)
        trainer = sim.Trainer(net, loss="mse", optimizer="sgd", learning_rate=2.0,
                              batch_size=4, seed=seed)
        history = trainer.fit(XOR_X, XOR_Y, epochs=1500)
        solved += np.array_equal(net.predict(XOR_X) > 0.5, XOR_Y > 0.5)
        assert history[-1].status == "ok" and history[-1].metric == "accuracy"
    assert solved >= 8


@pytest.mark.parametrize("Y", [AND_Y, OR_Y], ids=["and", "or"])
def test_perceptron_learns_and_or(Y):
    net = sim.Network.from_spec({"inputs": 2, "layers": [{"units": 1, "activation": "step"}]},
                                init="zeros")
    trainer = sim.Trainer(net, optimizer="perceptron", learning_rate=0.1, batch_size=1)
    trainer.fit(XOR_X, Y, epochs=30)
    assert np.array_equal(net.predict(XOR_X), Y)


def test_perceptron_never_solves_xor():
    net = sim.Network.from_spec({"inputs": 2, "layers": [{"units": 1, "activation": "step"}]},
                                init="uniform", seed=3)
    trainer = sim.Trainer(net, optimizer="perceptron", learning_rate=0.1, batch_size=1)
    for stats in trainer.iter_epochs(XOR_X, XOR_Y, epochs=200):
        assert stats.train_metric < 1.0
        assert np.mean(net.predict(XOR_X) == XOR_Y) < 1.0


def test_perceptron_and_step_restrictions():
    deep = sim.Network.from_spec({"inputs": 2, "layers": [{"units": 2, "activation": "step"},
                                                          {"units": 1, "activation": "step"}]})
    with pytest.raises(ValueError, match="single layer"):
        sim.Trainer(deep, optimizer="perceptron")
    single = sim.Network.from_spec({"inputs": 2, "layers": [{"units": 1, "activation": "step"}]})
    with pytest.raises(ValueError, match="derivative is 0"):
        sim.Trainer(single, optimizer="sgd")


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "rmsprop", "adam"])
@pytest.mark.parametrize("reg", ["none", "l1", "l2"])
def test_masked_weights_stay_exactly_zero(optimizer, reg):
    X, Y = _regression()
    mask = np.ones((3, 5), dtype=np.uint8)
    mask[0, :] = 0
    mask[2, 3] = 0
    spec = {"inputs": 3, "layers": [{"units": 5, "activation": "relu", "mask": mask.tolist()},
                                    {"units": 1, "activation": "linear", "use_bias": False}]}
    net = sim.Network.from_spec(spec, init="normal", seed=1)
    trainer = sim.Trainer(net, optimizer=optimizer, learning_rate=0.01, batch_size=8,
                          regularization=reg, reg_rate=0.01)
    trainer.fit(X, Y, epochs=5)
    (W0, _), (_, b1) = net.get_weights()
    assert np.all(W0[mask == 0] == 0.0)
    assert np.all(W0[mask == 1] != 0.0)
    assert np.all(b1 == 0.0)
    # set_weights cannot bring a removed connection back either
    net.set_weights([(np.ones((3, 5)), np.ones(5)), (np.ones((5, 1)), np.ones(1))])
    (W0, _), (_, b1) = net.get_weights()
    assert np.all(W0[mask == 0] == 0.0) and b1[0] == 0.0


@pytest.mark.filterwarnings("ignore:overflow:RuntimeWarning", "ignore:invalid:RuntimeWarning")
def test_divergence_restores_finite_weights():
    X, Y = _regression()
    net = sim.Network.from_spec({"inputs": 3, "layers": [{"units": 8, "activation": "relu"},
                                                         {"units": 1, "activation": "linear"}]},
                                init="he", seed=0)
    trainer = sim.Trainer(net, learning_rate=50.0, batch_size=8)
    history = trainer.fit(X, Y, epochs=100)
    last = history[-1]
    assert last.status == "diverged"
    assert "learning rate" in last.message
    assert len(history) < 100
    assert all(np.isfinite(a).all() for pair in net.get_weights() for a in pair)
    assert np.isfinite(net.loss(X, Y))


def test_reproducible_bit_for_bit():
    X, Y = _regression()
    spec = {"inputs": 3, "layers": [{"units": 6, "activation": "tanh"},
                                    {"units": 1, "activation": "linear"}]}

    def run(seed):
        net = sim.Network.from_spec(spec, init="xavier", seed=seed)
        sim.Trainer(net, optimizer="adam", learning_rate=0.01, batch_size=5,
                    seed=seed).fit(X, Y, epochs=5)
        return net.get_weights()

    a, b, c = run(0), run(0), run(1)
    assert all(np.array_equal(x, y) for pa, pb in zip(a, b, strict=True)
               for x, y in zip(pa, pb, strict=True))
    assert not np.array_equal(a[0][0], c[0][0])


def test_set_weights_shape_errors():
    net = sim.Network.from_spec(SPEC_241)
    good = net.get_weights()
    with pytest.raises(ValueError, match="expected 2"):
        net.set_weights(good[:1])
    with pytest.raises(ValueError, match=r"layer 1 .*\(4, 2\).*\(2, 4\)"):
        net.set_weights([(np.zeros((4, 2)), good[0][1]), good[1]])
    with pytest.raises(ValueError, match=r"layer 2 .*b has shape \(2,\)"):
        net.set_weights([good[0], (good[1][0], np.zeros(2))])
    net.set_weights(good)  # the right shapes go through
    assert all(np.array_equal(x, y) for pa, pb in zip(good, net.get_weights(), strict=True)
               for x, y in zip(pa, pb, strict=True))


def test_cupy_unavailable_is_reported():
    usable, reason = xpmod.cupy_status()
    if usable:
        pytest.skip("CuPy works here")
    with pytest.raises(sim.BackendUnavailable, match="cupy"):
        sim.Network.from_spec(SPEC_241, backend="cupy")
    assert reason
    assert sim.Network.from_spec(SPEC_241, backend="auto").backend == "numpy"


def test_api_shapes_and_float32():
    net = sim.Network.from_spec(SPEC_241, init="xavier", seed=0)
    assert net.theta.dtype == np.float32
    W, b = net.get_weights()[0]
    assert W.shape == (2, 4) and b.shape == (4,) and np.all(b == 0)
    P = net.predict(XOR_X)
    assert P.shape == (4, 1) and P.dtype == np.float32
    trace = net.forward(XOR_X)
    assert trace[0].Z is None and np.array_equal(trace[0].H, XOR_X.astype(np.float32))
    assert [t.H.shape for t in trace] == [(4, 2), (4, 4), (4, 1)]
    assert np.allclose(trace[1].H, np.tanh(trace[1].Z))
    spec = net.spec
    spec.layers[0].units = 99  # a copy: the network keeps its own
    assert net.spec.layers[0].units == 4
    loss, grads = net.loss_and_gradients(XOR_X, XOR_Y, loss="mse")
    assert isinstance(loss, float) and [g[0].shape for g in grads] == [(2, 4), (4, 1)]


def test_per_layer_init_override():
    spec = {"inputs": 2, "layers": [{"units": 3, "activation": "tanh", "init": "zeros"},
                                    {"units": 1, "activation": "linear"}]}
    net = sim.Network.from_spec(spec, init="uniform01", seed=0)
    (W0, _), (W1, _) = net.get_weights()
    assert np.all(W0 == 0) and np.all((W1 > 0) & (W1 < 1))


def test_iter_batches_stop_and_mid_run_changes():
    X, Y = _regression(n=40)
    net = sim.Network.from_spec({"inputs": 3, "layers": [{"units": 1, "activation": "linear"}]})
    trainer = sim.Trainer(net, learning_rate=0.05, batch_size=10)
    trainer.batch_steps = True  # batch by batch on the compiled path too
    gen = trainer.iter_batches(X, Y)
    first = next(gen)
    assert (first.epoch, first.batch, first.stats) == (1, 1, None)
    trainer.learning_rate = 0.0  # takes effect at the next batch: weights freeze
    before = net.get_weights()
    r = next(gen)
    assert r.batch == 2 and np.array_equal(before[0][0], net.get_weights()[0][0])
    trainer.batch_size = 5
    r = next(gen)
    assert r.batch == 3
    r = next(gen)  # 10 + 10 + 5 + 5 = 30 rows so far
    assert r.batch == 4 and r.stats is None
    stopper = threading.Thread(target=trainer.request_stop)
    stopper.start()
    stopper.join()
    r = next(gen)
    assert r.stats is not None and r.stats.status == "stopped" and r.stats.batches == 4
    with pytest.raises(StopIteration):
        next(gen)


def test_epoch_stats_contents_and_task_detection():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((60, 2))
    Y = (X[:, :1] * X[:, 1:] > 0).astype(float)
    net = sim.Network.from_spec({"inputs": 2, "layers": [{"units": 6, "activation": "tanh"},
                                                         {"units": 1, "activation": "sigmoid"}]})
    trainer = sim.Trainer(net, loss="bce", learning_rate=0.5, batch_size=10)
    s = trainer.fit(X[:40], Y[:40], epochs=3, X_test=X[40:], Y_test=Y[40:])[-1]
    d = s.to_dict()
    assert d["epoch"] == 3 and d["batches"] == 4 and d["metric"] == "accuracy"
    assert 0 <= d["train_metric"] <= 1 and 0 <= d["test_metric"] <= 1
    assert d["test_loss"] is not None and d["status"] == "ok" and d["elapsed"] > 0
    for key in ("grad_mean_abs", "grad_norm", "weight_mean_abs", "saturation"):
        assert len(d[key]) == 2 and all(v >= 0 for v in d[key])
    Xr, Yr = _regression()
    reg = sim.Network.from_spec({"inputs": 3, "layers": [{"units": 1, "activation": "linear"}]})
    s = sim.Trainer(reg, learning_rate=0.05, batch_size=8).fit(Xr, Yr, epochs=30)[-1]
    assert s.metric == "r2" and s.train_metric > 0.95 and s.test_loss is None
    # -1/+1 labels (TensorFlow Playground) count as classification
    assert sim.stats.detect_task(np.array([[-1.0], [1.0]])) == "classification"
    assert sim.stats.detect_task(np.eye(3)) == "classification"


def _deep_grad_ratio(act, init):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((128, 4))
    Y = np.sin(X.sum(axis=1, keepdims=True))
    spec = {"inputs": 4, "layers": [{"units": 8, "activation": act} for _ in range(8)]
            + [{"units": 1, "activation": "linear"}]}
    net = sim.Network.from_spec(spec, init=init, seed=0)
    s = sim.Trainer(net, learning_rate=0.01, batch_size=32).fit(X, Y, epochs=1)[-1]
    return s.grad_mean_abs[0] / s.grad_mean_abs[-2]


def test_vanishing_gradients_visible_in_stats():
    assert _deep_grad_ratio("sigmoid", "xavier") < 1e-3   # collapses by orders of magnitude
    assert _deep_grad_ratio("relu", "he") > 1e-1          # stays within one order


def test_early_stopping_restores_best():
    X, Y = _regression(n=32)
    net = sim.Network.from_spec({"inputs": 3, "layers": [{"units": 1, "activation": "linear"}]})
    # The test targets are the opposite of the training ones: test loss only gets worse.
    trainer = sim.Trainer(net, learning_rate=0.05, batch_size=8, patience=3)
    history = trainer.fit(X, Y, epochs=50, X_test=X, Y_test=-Y)
    assert history[-1].status == "early_stopped" and len(history) == 4
    assert np.isclose(net.loss(X, -Y), history[0].test_loss, rtol=1e-5)


def test_from_settings_and_data_checks():
    settings = sim.TrainingSettings(loss="mse", optimizer="adam", learning_rate=0.003,
                                    batch_size=7, regularization="l2", reg_rate=0.001, seed=4)
    net = sim.Network.from_spec(SPEC_241)
    t = sim.Trainer.from_settings(net, settings)
    assert (t.optimizer, t.learning_rate, t.batch_size, t.regularization, t.reg_rate) == \
        ("adam", 0.003, 7, "l2", 0.001)
    with pytest.raises(sim.DataError):
        t.fit(np.array([[np.nan, 0.0]]), np.array([[1.0]]), epochs=1)
    with pytest.raises(ValueError, match="shape"):
        t.fit(np.zeros((3, 3)), np.zeros((3, 1)), epochs=1)


def test_wide_and_narrow_batching_give_identical_weights(monkeypatch):
    from simulator import trainer as trainer_mod
    rng = np.random.default_rng(0)
    X, Y = rng.standard_normal((50, 70)), rng.standard_normal((50, 2))
    spec = {"inputs": 70, "layers": [{"units": 5, "activation": "tanh"},
                                     {"units": 2, "activation": "linear"}]}

    def run():
        net = sim.Network.from_spec(spec, seed=0)
        sim.Trainer(net, learning_rate=0.01, batch_size=8).fit(X, Y, epochs=3)
        return net.get_weights()

    wide = run()
    monkeypatch.setattr(trainer_mod, "WIDE_INPUTS", 10_000)
    narrow = run()
    assert all(np.array_equal(a, b) for pa, pb in zip(wide, narrow, strict=True)
               for a, b in zip(pa, pb, strict=True))


def test_large_network_samples_gradient_stats():
    rng = np.random.default_rng(0)
    X, Y = rng.standard_normal((64, 300)), rng.standard_normal((64, 1))
    spec = {"inputs": 300, "layers": [{"units": 100, "activation": "tanh"},
                                      {"units": 1, "activation": "linear"}]}
    net = sim.Network.from_spec(spec, seed=0)
    s = sim.Trainer(net, learning_rate=0.01, batch_size=4).fit(X, Y, epochs=1)[0]
    assert s.batches == 16 and all(v > 0 for v in s.grad_mean_abs + s.grad_norm)


def test_perceptron_reports_the_chosen_loss():
    """Train and test loss read one formula: sse is a sum over outputs, mse a mean."""
    Y = np.hstack([AND_Y, OR_Y])  # two step outputs: a mean over n*k differs from sse
    for loss in ("sse", "mse"):
        net = sim.Network.from_spec({"inputs": 2, "layers": [{"units": 2,
                                                              "activation": "step"}]},
                                    init="uniform", seed=3)
        e0 = net.loss(XOR_X, Y, loss)
        trainer = sim.Trainer(net, loss=loss, optimizer="perceptron", learning_rate=0.1,
                              batch_size=4)
        stats = trainer.fit(XOR_X, Y, epochs=1, X_test=XOR_X, Y_test=Y)[0]
        assert e0 > 0 and stats.train_loss == e0  # full batch: the loss before the update
        assert stats.test_loss == net.loss(XOR_X, Y, loss)


def test_early_stopping_on_the_training_loss_restores_weights_with_that_loss():
    X, Y = _regression(n=64)
    Y = Y + np.random.default_rng(1).normal(0.0, 1.0, Y.shape)  # noise: the loss wanders
    net = sim.Network.from_spec({"inputs": 3, "layers": [{"units": 1, "activation": "linear"}]})
    trainer = sim.Trainer(net, learning_rate=0.2, batch_size=4, patience=2, seed=0)
    history = trainer.fit(X, Y, epochs=300)
    assert history[-1].status == "early_stopped" and "restored" in history[-1].message
    reported = float(re.search(r"best ([-+.e0-9]+)", history[-1].message).group(1))
    assert net.loss(X, Y, "mse") == pytest.approx(reported, rel=1e-3)
    best, epoch = trainer.best
    assert net.loss(X, Y, "mse") == best  # exactly the loss that was reported
    assert f"{best:.4g}" in history[-1].message and epoch == len(history) - 2
