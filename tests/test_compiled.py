"""The compiled training path (simulator/compiled) against the NumPy path.

Every case trains the same network twice, seeds equal, once per path, and compares
the weights and every number of the last epoch's statistics. float64: 1e-9 relative
after 200 epochs (the paths differ by the order of sums in a matrix product and by
libm's last bit, ~1e-14 per epoch); float32: 1e-4. Learning rates are ones where
training is not chaotic (RMSprop and Adam at high rates amplify any rounding).
"""

from __future__ import annotations

import math
import queue

import numpy as np
import pytest

import simulator as sim
from simulator import compiled
from simulator.settings import TrainingSettings
from simulator.training.loop import Job, SnapshotSlot, TrainingLoop

HIDDEN = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "swish", "gelu", "linear"]
LR = {"sgd": 0.05, "momentum": 0.01, "rmsprop": 0.002, "adam": 0.005}
STAT_LISTS = ("grad_mean_abs", "grad_norm", "weight_mean_abs", "saturation")
STAT_NUMBERS = ("train_loss", "test_loss", "train_metric", "test_metric")


def _data(k=1, kind="regression", n=40, seed=0):
    """(X, Y, X_test, Y_test): 3 inputs; targets continuous, 0/1, -1/+1 or one-hot."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, 3))
    raw = X @ rng.standard_normal((3, k)) + 0.3 * np.sin(3 * X[:, :k])
    if kind == "labels":
        Y = (raw > 0).astype(float)
    elif kind == "signs":
        Y = np.where(raw > 0, 1.0, -1.0)
    elif kind == "onehot":
        Y = np.eye(k)[raw.argmax(axis=1)]
    else:
        Y = raw
    return X[:32], Y[:32], X[32:], Y[32:]


def _spec(hidden, out, k=1, bias=True, mask=False):
    first = {"units": 4, "activation": hidden}
    if mask:
        first["mask"] = [[1, 0, 1, 1], [1, 1, 0, 1], [0, 1, 1, 1]]
    return {"inputs": 3, "layers": [first, {"units": 3, "activation": hidden, "use_bias": bias},
                                    {"units": k, "activation": out}]}


def _train(engine, spec, data, epochs=200, dtype="float64", **kw):
    net = sim.Network.from_spec(spec, seed=2, dtype=dtype)
    trainer = sim.Trainer(net, batch_size=kw.pop("batch_size", 7), seed=4, engine=engine, **kw)
    X, Y, Xt, Yt = data
    history = trainer.fit(X, Y, epochs, Xt, Yt)
    return net, trainer, history


def _close(a, b, rel):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return np.allclose(a, b, rtol=rel, atol=rel * max(1.0, float(np.abs(a).max(initial=0))))


def _assert_same(spec, data, rel=1e-9, epochs=200, **kw):
    na, ta, ha = _train("numpy", spec, data, epochs, **kw)
    nb, tb, hb = _train("compiled", spec, data, epochs, **kw)
    assert ta.engine_path.startswith("numpy") and tb.engine_path == "compiled"
    assert len(ha) == len(hb) == epochs
    scale = float(np.abs(na.theta).max())
    assert np.abs(na.theta - nb.theta).max() <= rel * scale, "weights differ"
    a, b = ha[-1], hb[-1]
    assert (a.epoch, a.batches, a.status, a.metric) == (b.epoch, b.batches, b.status, b.metric)
    for key in STAT_NUMBERS:
        assert _close(getattr(a, key), getattr(b, key), rel), key
    for key in STAT_LISTS:
        assert _close(getattr(a, key), getattr(b, key), rel), key
    # the whole loss curve, not only its end
    assert _close([s.train_loss for s in ha], [s.train_loss for s in hb], rel)
    return ha, hb


@pytest.mark.parametrize("optimizer", list(LR))
@pytest.mark.parametrize("hidden", HIDDEN)
def test_every_activation_and_optimizer_matches_numpy(hidden, optimizer):
    _assert_same(_spec(hidden, "linear"), _data(), optimizer=optimizer,
                 learning_rate=LR[optimizer])


OUTPUTS = [  # (loss, output activation, outputs, targets)
    ("mse", "sigmoid", 1, "labels"), ("mse", "tanh", 1, "signs"), ("sse", "linear", 2, ""),
    ("sse", "softmax", 3, "onehot"), ("mse", "relu", 1, ""), ("mse", "gelu", 2, ""),
    ("bce", "sigmoid", 1, "labels"), ("bce", "sigmoid", 2, "labels"),
    ("cross_entropy", "softmax", 3, "onehot"),
]


@pytest.mark.parametrize("optimizer", list(LR))
@pytest.mark.parametrize(("loss", "out", "k", "kind"), OUTPUTS)
def test_every_loss_and_output_matches_numpy(loss, out, k, kind, optimizer):
    _assert_same(_spec("tanh", out, k), _data(k, kind or "regression"), epochs=100, loss=loss,
                 optimizer=optimizer, learning_rate=LR[optimizer])


@pytest.mark.parametrize("optimizer", list(LR))
@pytest.mark.parametrize(("bias", "mask", "reg"), [(False, False, "none"), (True, True, "none"),
                                                   (False, True, "l1"), (True, False, "l2")])
def test_masks_absent_biases_and_penalties_match_numpy(bias, mask, reg, optimizer):
    _assert_same(_spec("tanh", "sigmoid", bias=bias, mask=mask), _data(1, "labels"),
                 epochs=100, optimizer=optimizer, learning_rate=LR[optimizer],
                         regularization=reg, reg_rate=0.01 if reg != "none" else 0.0)


def test_masked_connections_and_absent_biases_stay_zero():
    spec = _spec("tanh", "sigmoid", bias=False, mask=True)
    net, _, _ = _train("compiled", spec, _data(1, "labels"), 50, optimizer="adam",
                       learning_rate=0.01, regularization="l1", reg_rate=0.01)
    (W0, _), (_, b1), _ = net.get_weights()
    assert np.all(W0[np.array(spec["layers"][0]["mask"]) == 0] == 0) and np.all(b1 == 0)


@pytest.mark.parametrize("loss", ["mse", "sse"])
def test_perceptron_rule_matches_numpy(loss):
    spec = {"inputs": 3, "layers": [{"units": 2, "activation": "step"}]}
    _assert_same(spec, _data(2, "labels"), optimizer="perceptron", loss=loss, learning_rate=0.1,
                 batch_size=1, epochs=50)


@pytest.mark.parametrize("optimizer", list(LR))
@pytest.mark.parametrize("hidden", ["tanh", "relu", "sigmoid"])
def test_float32_matches_numpy_within_1e4(hidden, optimizer):
    _assert_same(_spec(hidden, "linear"), _data(), rel=1e-4, dtype="float32",
                 optimizer=optimizer, learning_rate=LR[optimizer])


def test_same_seed_gives_bit_identical_runs():
    runs = [_train("compiled", _spec("gelu", "softmax", 3), _data(3, "onehot"), 30,
                   loss="cross_entropy", optimizer="adam", learning_rate=0.01)
            for _ in range(2)]
    (na, _, ha), (nb, _, hb) = runs
    assert np.array_equal(na.theta, nb.theta)
    strip = [{k: v for k, v in s.to_dict().items() if k != "elapsed"} for s in ha]
    assert strip == [{k: v for k, v in s.to_dict().items() if k != "elapsed"} for s in hb]


@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")  # the NumPy path's R^2
def test_divergence_stops_and_restores_like_numpy():
    spec = {"inputs": 3, "layers": [{"units": 4, "activation": "linear"},
                                    {"units": 1, "activation": "linear"}]}
    results = [_train(engine, spec, _data(), 50, learning_rate=3.0) for engine in
               ("numpy", "compiled")]
    (na, _, ha), (nb, _, hb) = results
    assert ha[-1].status == hb[-1].status == "diverged" and len(ha) == len(hb) < 50
    assert ha[-1].message == hb[-1].message and ha[-1].batches == hb[-1].batches
    assert np.all(np.isfinite(nb.theta)) and _close(na.theta, nb.theta, 1e-9)
    assert math.isfinite(hb[-1].weight_mean_abs[0])


def test_stop_between_epochs_reports_like_numpy():
    out = []
    for engine in ("numpy", "compiled"):
        net = sim.Network.from_spec(_spec("tanh", "linear"), seed=2, dtype="float64")
        trainer = sim.Trainer(net, learning_rate=0.05, batch_size=7, engine=engine)
        X, Y, Xt, Yt = _data()
        stats = []
        for s in trainer.iter_epochs(X, Y, None, Xt, Yt):
            stats.append(s)
            if len(stats) == 3:
                trainer.request_stop()
        out.append((stats, net.theta.copy(), trainer._rng.random()))
    (sa, ta, ra), (sb, tb, rb) = out
    assert [s.status for s in sa] == [s.status for s in sb] == ["ok"] * 3 + ["stopped"]
    assert sa[-1].epoch == sb[-1].epoch == 3 and sa[-1].batches == sb[-1].batches == 0
    assert sb[-1].train_metric is None and math.isnan(sb[-1].train_loss)
    assert _close(sa[-1].test_loss, sb[-1].test_loss, 1e-12) and _close(ta, tb, 1e-12)
    assert ra == rb  # the same generator draws: a restarted run continues alike


def test_early_stopping_and_epoch_limit_like_numpy():
    for kw in ({"patience": 3, "learning_rate": 0.5}, {"epoch_limit": 7}):
        runs = [_train(engine, _spec("tanh", "linear"), _data(), None if "epoch_limit" in kw
                       else 300, **kw) for engine in ("numpy", "compiled")]
        (na, _, ha), (nb, _, hb) = runs
        assert len(ha) == len(hb) and ha[-1].status == hb[-1].status != "ok"
        assert ha[-1].message == hb[-1].message and _close(na.theta, nb.theta, 1e-9)


def test_batch_steps_run_one_epoch_batch_by_batch_then_compiled_again():
    X, Y, Xt, Yt = _data()
    ref, _, _ = _train("numpy", _spec("tanh", "linear"), _data(), 3, learning_rate=0.05)
    net = sim.Network.from_spec(_spec("tanh", "linear"), seed=2, dtype="float64")
    trainer = sim.Trainer(net, learning_rate=0.05, batch_size=7, seed=4, engine="compiled")
    gen = trainer.iter_batches(X, Y, Xt, Yt, epochs=3)
    first = next(gen)  # a whole compiled epoch: 32 rows in batches of 7
    assert first.stats is not None and first.stats.batches == 5 and first.batch == 5
    trainer.batch_steps = True
    step = next(gen)
    assert (step.epoch, step.batch, step.stats) == (2, 1, None)
    trainer.batch_steps = False
    rest = list(gen)
    assert [r.batch for r in rest] == [2, 3, 4, 5, 5] and rest[-1].stats.epoch == 3
    assert trainer.engine_path == "compiled" and _close(ref.theta, net.theta, 1e-12)


def test_fallback_reasons(monkeypatch):
    small = sim.Network.from_spec(_spec("tanh", "linear"))
    assert compiled.choose(small) == "compiled"
    assert compiled.choose(small, "numpy") == "numpy (forced by engine='numpy')"
    monkeypatch.setenv(compiled.ENV, "numpy")
    assert compiled.choose(small) == f"numpy (forced by {compiled.ENV}=numpy)"
    assert compiled.choose(small, "compiled") == "compiled"  # the trainer's own choice wins
    monkeypatch.setenv(compiled.ENV, "auto")
    wide = {"inputs": 64, "layers": [{"units": 80, "activation": "relu"},
                                     {"units": 1, "activation": "linear"}]}
    big = sim.Network.from_spec(wide)  # 64 x 80 + 80 = 5,200 weights
    assert compiled.CROSSOVER < 5_200
    assert compiled.choose(big) == \
        f"numpy (5,200 weights, above the compiled engine's {compiled.CROSSOVER:,})"
    assert compiled.choose(big, "compiled") == "compiled"

    assert compiled.choose(small, loss="hinge") == \
        "numpy (no compiled kernel for the loss 'hinge' with the optimizer 'sgd')"

    class OnGpu:
        backend, _n_weights, activations = "cupy", [8], ["tanh"]
    assert compiled.choose(OnGpu()) == "numpy (the cupy backend computes on its own device)"
    with pytest.raises(ValueError, match="engine must be one of"):
        sim.Trainer(small, engine="fast")


def test_missing_numba_and_compile_failures_fall_back_to_numpy(monkeypatch):
    X, Y, Xt, Yt = _data()
    monkeypatch.setattr(compiled, "_engine", None)
    monkeypatch.setattr(compiled, "_error", "numba is unavailable: ImportError: no numba")
    _, trainer, history = _train("auto", _spec("tanh", "linear"), _data(), 3)
    assert trainer.engine_path == "numpy (numba is unavailable: ImportError: no numba)"
    assert len(history) == 3 and history[-1].status == "ok"
    monkeypatch.undo()

    def broken(dtypes):
        raise RuntimeError("LLVM said no")
    monkeypatch.setattr(compiled, "_engine", compiled._engine)  # restored after the test
    monkeypatch.setattr(compiled, "_error", "")
    monkeypatch.setattr(compiled, "prepare", broken)
    _, trainer, history = _train("auto", _spec("tanh", "linear"), _data(), 3)
    assert trainer.engine_path == \
        "numpy (the compiled engine failed: RuntimeError: LLVM said no)"
    assert len(history) == 3 and history[-1].status == "ok"


def _job(X, Y):
    spec = _spec("tanh", "linear")
    weights = sim.Network.from_spec(spec).get_weights()
    return Job(spec, weights, TrainingSettings(), X, Y, None, None)


def test_training_loop_announces_a_compile_and_reports_the_path(monkeypatch):
    X, Y, _, _ = _data()
    monkeypatch.setattr(compiled, "cached", lambda: False)
    monkeypatch.setattr(compiled, "prepared", lambda dtype: False)
    slot = SnapshotSlot()
    loop = TrainingLoop(_job(X, Y), queue.Queue(), slot)
    loop._build()
    snap = slot.take()
    assert snap.status == "preparing" and snap.epoch == 0 and loop.engine == "compiled"
    monkeypatch.setenv(compiled.ENV, "numpy")
    slot = SnapshotSlot()
    loop = TrainingLoop(_job(X, Y), queue.Queue(), slot)
    loop._build()
    assert slot.take() is None and loop.engine == f"numpy (forced by {compiled.ENV}=numpy)"
