"""The GPU backend: selection and fallback (everywhere), the device path's host transfers
(everywhere, with a NumPy-backed fake device), and CuPy parity on a real device (``-m gpu``)."""

from __future__ import annotations

import contextlib
import sys
import types

import numpy as np
import pytest

import simulator as sim
from simulator import xp
from simulator.network import dense_params
from simulator.spec import NetworkSpec
from tests import fake_device
from tests.fake_device import FakeCupy

SPEC_2421 = {"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                     {"units": 2, "activation": "tanh"},
                                     {"units": 1, "activation": "sigmoid"}]}
SPEC_MNIST = {"inputs": 784, "layers": [{"units": 256, "activation": "relu"},
                                        {"units": 256, "activation": "relu"},
                                        {"units": 10, "activation": "softmax"}]}


def _fail_import(exc):
    def importer():
        raise exc
    return importer


@pytest.fixture(autouse=True)
def numpy_reference(monkeypatch):
    """The NumPy runs these tests compare with take the NumPy path, not the compiled one
    (which small networks get by default: other numbers in the last float32 digits)."""
    from simulator import compiled
    monkeypatch.setenv(compiled.ENV, "numpy")


@pytest.fixture
def probe(monkeypatch):
    """``probe(importer)``: make xp's CuPy probe see what ``importer`` returns or raises."""
    def install(importer):
        monkeypatch.setattr(xp, "_import_cupy", importer)
        xp.reset_probe()
    yield install
    xp.reset_probe()  # the next test probes the real machine again


# -- selection and fallback -------------------------------------------------------------
def test_cupy_missing(probe):
    probe(_fail_import(ImportError("No module named 'cupy'")))
    assert xp.cupy_info() == xp.CupyInfo("missing", "No module named 'cupy'")
    usable, reason = xp.cupy_status()
    assert not usable and "pip install cupy-cuda12x" in reason
    with pytest.raises(sim.BackendUnavailable, match="not installed"):
        sim.Network.from_spec(SPEC_2421, backend="cupy")
    assert sim.Network.from_spec(SPEC_MNIST, backend="auto").backend == "numpy"
    assert xp.device_name() == ""


@pytest.mark.parametrize("fake, detail", [
    (FakeCupy(error="cudaErrorNoDevice: no CUDA-capable device is detected"),
     "cudaErrorNoDevice: no CUDA-capable device is detected"),
    (FakeCupy(devices=0), "no CUDA device found"),
], ids=["runtime-error", "zero-devices"])
def test_cupy_present_but_no_device(probe, fake, detail):
    probe(lambda: fake)
    assert xp.cupy_info() == xp.CupyInfo("no_device", detail)
    with pytest.raises(sim.BackendUnavailable, match="no CUDA device is usable"):
        sim.Network.from_spec(SPEC_2421, backend="cupy")
    assert sim.Network.from_spec(SPEC_MNIST, backend="auto").backend == "numpy"


def test_device_present_auto_decides_by_size(probe):
    probe(lambda: FakeCupy())
    assert xp.cupy_info() == xp.CupyInfo("ok", "Fake GPU 9000")
    assert xp.device_name() == "Fake GPU 9000"
    assert sim.Network.from_spec(SPEC_2421, backend="cupy").backend == "cupy"
    # The lecture's 2-4-2-1 never goes to the GPU; 784-256-256-10 does.
    assert dense_params(NetworkSpec.coerce(SPEC_2421)) < xp.AUTO_GPU_MIN_PARAMS
    assert sim.Network.from_spec(SPEC_2421, backend="auto").backend == "numpy"
    assert dense_params(NetworkSpec.coerce(SPEC_MNIST)) >= xp.AUTO_GPU_MIN_PARAMS
    net = sim.Network.from_spec(SPEC_MNIST, backend="auto")
    assert net.backend == "cupy" and isinstance(net.theta, fake_device.DeviceArray)


def test_auto_for_a_small_network_never_imports_cupy(probe):
    probe(_fail_import(AssertionError("imported CuPy for a 25-parameter network")))
    assert sim.Network.from_spec(SPEC_2421, backend="auto").backend == "numpy"
    assert not xp.cupy_probed()


# -- the device path: host transfers and results, with the fake device ---------------------
def _data(n=96, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, 2)).astype(np.float32)
    Y = ((X[:, :1] * X[:, 1:]) > 0).astype(np.float32)
    return X, Y


def _train(backend, batch_size, epochs, **kw):
    X, Y = _data()
    net = sim.Network.from_spec(SPEC_2421, backend=backend, seed=3)
    trainer = sim.Trainer(net, batch_size=batch_size, seed=5, **kw)
    fake_device.transfers.clear()
    history = trainer.fit(X, Y, epochs=epochs, X_test=X[:32], Y_test=Y[:32])
    return dict(fake_device.transfers), history, net


@pytest.mark.parametrize("batch_size", [48, 4], ids=["2-batches", "24-batches"])
def test_device_path_reads_back_once_per_epoch(probe, batch_size):
    """Every value leaves the device through to_numpy, once per epoch however many batches
    it has: 5 transfers at the start (data checks, labels), then 1 per epoch."""
    probe(lambda: FakeCupy())
    for epochs in (3, 6):
        counts, history, _ = _train("cupy", batch_size, epochs, loss="bce", optimizer="adam",
                                    learning_rate=0.05)
        assert counts == {"asnumpy": 5 + epochs}, counts  # no "implicit" transfer at all
        assert [s.batches for s in history] == [96 // batch_size] * epochs


def test_iter_batches_on_a_device_yields_without_reading_back(probe):
    probe(lambda: FakeCupy())
    X, Y = _data()
    net = sim.Network.from_spec(SPEC_2421, backend="cupy")
    trainer = sim.Trainer(net, batch_size=8)
    gen = trainer.iter_batches(X, Y)
    first = [next(gen) for _ in range(11)]  # 12 batches per epoch: none ends it yet
    fake_device.transfers.clear()
    more = [next(gen) for _ in range(11)]  # the rest of epoch 1, into epoch 2
    assert [r.loss for r in first + more if r.stats is None] == [None] * 21
    assert fake_device.transfers == {"asnumpy": 1}  # epoch 1's statistics, nothing else
    assert more[0].stats is not None and more[0].stats.epoch == 1


@pytest.mark.parametrize("settings", [
    dict(loss="mse", optimizer="sgd", learning_rate=0.5),
    dict(loss="bce", optimizer="momentum", learning_rate=0.2, regularization="l2",
         reg_rate=0.01),
    dict(loss="sse", optimizer="rmsprop", learning_rate=0.01, regularization="l1",
         reg_rate=0.001),
], ids=["mse-sgd", "bce-momentum-l2", "sse-rmsprop-l1"])
def test_device_path_computes_what_numpy_computes(probe, settings):
    """Same operations on the same numbers: the device path's bookkeeping (losses and
    statistics kept on the device, read once per epoch) changes no result."""
    probe(lambda: FakeCupy())
    _, hist_np, net_np = _train("numpy", 8, 5, **settings)
    _, hist_dev, net_dev = _train("cupy", 8, 5, **settings)
    for (Wa, ba), (Wb, bb) in zip(net_np.get_weights(), net_dev.get_weights(), strict=True):
        assert np.array_equal(Wa, Wb) and np.array_equal(ba, bb)
    for a, b in zip(hist_np, hist_dev, strict=True):
        a, b = a.to_dict(), b.to_dict()
        a.pop("elapsed"), b.pop("elapsed")
        assert a.keys() == b.keys()
        for k in a:  # per-layer sums add in another order on the device: float32 rounding
            if k.startswith(("grad", "weight")):
                assert np.allclose(a[k], b[k], rtol=1e-6, atol=0), k
            elif isinstance(a[k], str):
                assert a[k] == b[k], k
            else:
                assert a[k] == pytest.approx(b[k], rel=1e-12), k


# Diverging on purpose: NumPy warns about the overflow on the way.
@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("lr, scale", [(0.054, 1.0), (0.1, 1.0), (0.1, 1e30)],
                         ids=["epoch-2-batch-10", "epoch-1-batch-6", "first-batch"])
def test_divergence_on_a_device_matches_numpy(probe, lr, scale):
    """Seen at the epoch's end on a device, reported as NumPy reports it at the batch:
    same epoch, batch count, message and restored finite weights."""
    probe(lambda: FakeCupy())
    X = np.linspace(-3, 3, 64, dtype=np.float32).reshape(-1, 1)
    Y = 5 * X ** 2 * scale
    spec = {"inputs": 1, "layers": [{"units": 8, "activation": "relu"},
                                    {"units": 1, "activation": "linear"}]}
    results = []
    for backend in ("numpy", "cupy"):
        net = sim.Network.from_spec(spec, backend=backend, init="he", seed=0)
        trainer = sim.Trainer(net, loss="sse", learning_rate=lr, batch_size=4, seed=0)
        history = trainer.fit(X, Y, epochs=50)
        results.append((history, net.get_weights(), trainer.epoch))
    (h_np, w_np, e_np), (h_dev, w_dev, e_dev) = results
    assert h_np[-1].status == h_dev[-1].status == "diverged"
    assert (len(h_np), e_np, h_np[-1].batches) == (len(h_dev), e_dev, h_dev[-1].batches)
    assert h_dev[-1].message == h_np[-1].message.replace("infinite", "NaN")
    assert h_dev[-1].train_loss == pytest.approx(h_np[-1].train_loss, rel=1e-12, nan_ok=True)
    assert all(np.isfinite(v).all() for pair in w_dev for v in pair)
    for (Wa, ba), (Wb, bb) in zip(w_np, w_dev, strict=True):
        assert np.array_equal(Wa, Wb) and np.array_equal(ba, bb)
    assert np.allclose(h_np[-1].grad_mean_abs, h_dev[-1].grad_mean_abs, rtol=1e-6)


# -- the backend selector ------------------------------------------------------------------
CHECKING = "Checking for a graphics card"


@pytest.fixture
def selector(qtbot, probe):
    """``selector(importer)``: a training panel whose GPU probe sees ``importer``."""
    from simulator.document import Document
    from simulator.settings import DataSource, TrainingSettings
    from ui.main_window import MainWindow
    from ui.training.controller import TrainingController
    from ui.training.panel import TrainingPanel

    def make(importer):
        probe(importer)
        doc = Document(spec=SPEC_2421, settings=TrainingSettings(),
                       data_source=DataSource(name="circle", train_ratio=0.5))
        window = MainWindow(doc, install_parts=False)
        qtbot.addWidget(window)
        panel = TrainingPanel(window, TrainingController(doc, window))
        qtbot.addWidget(panel)
        panel.show()
        box = panel.combos["backend"]
        qtbot.waitUntil(lambda: CHECKING not in _item(box, "cupy")[2], timeout=5000)
        return doc, box
    return make


def _item(box, value):
    from PySide6.QtCore import Qt
    i = box.findData(value)
    return (box.model().item(i).isEnabled(), box.itemText(i),
            box.itemData(i, Qt.ToolTipRole) or "")


def _click_item(qtbot, box, value):
    """Open the list and click ``value``'s row with the mouse, as a student would."""
    from PySide6.QtCore import Qt
    box.showPopup()
    view = box.view()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    rect = view.visualRect(box.model().index(box.findData(value), 0))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    box.hidePopup()


@pytest.mark.parametrize("importer, why", [
    (_fail_import(ImportError("No module named 'cupy'")), "the CuPy library is not installed"),
    (lambda: FakeCupy(error="cudaErrorNoDevice"), "no NVIDIA graphics card (CUDA device) "
                                                  "answers: cudaErrorNoDevice"),
], ids=["cupy-missing", "no-device"])
def test_selector_disables_cupy_and_says_why(qtbot, selector, importer, why):
    doc, box = selector(importer)
    enabled, text, tip = _item(box, "cupy")
    assert not enabled and text == "CuPy (GPU)"
    assert tip.startswith("Not available on this computer: ") and why in tip
    assert "pip install" not in tip
    assert why in box.toolTip()  # on the closed list too (NumPy is chosen)
    assert _item(box, "auto")[2] == "Uses the CPU: there is no usable graphics card (GPU) here."
    weights = [w.copy() for w, _ in doc.weights]
    _click_item(qtbot, box, "cupy")
    assert doc.settings.backend == "numpy" and box.currentData() == "numpy"
    _click_item(qtbot, box, "auto")  # switching backend keeps the weights
    assert doc.settings.backend == "auto"
    assert all(np.array_equal(a, w) for a, (w, _) in zip(weights, doc.weights, strict=True))


def test_selector_names_the_device(qtbot, selector):
    doc, box = selector(lambda: FakeCupy())
    enabled, text, tip = _item(box, "cupy")
    assert enabled and text == "CuPy (GPU: Fake GPU 9000)"
    assert "graphics card Fake GPU 9000" in tip
    assert f"at least {xp.AUTO_GPU_MIN_PARAMS:,} weights" in _item(box, "auto")[2]
    weights = [w.copy() for w, _ in doc.weights]
    _click_item(qtbot, box, "cupy")
    assert doc.settings.backend == "cupy" and box.toolTip() == tip
    assert all(np.array_equal(a, w) for a, (w, _) in zip(weights, doc.weights, strict=True))


def test_selector_explains_a_project_that_wants_the_gpu(qtbot, selector):
    """A project saved with CuPy, opened where CuPy cannot run: a plain explanation."""
    doc, box = selector(_fail_import(ImportError("No module named 'cupy'")))
    panel = box.parent()
    while not hasattr(panel, "banner"):
        panel = panel.parent()
    panel.controller.failed.emit("BackendUnavailable: backend 'cupy' is unavailable: ...")
    assert panel.banner.title.text() == "The GPU cannot be used here"
    assert "Choose NumPy (CPU) or Automatic" in panel.banner.text.text()


# -- CuPy on a real device (pytest -m gpu) ---------------------------------------------------
@pytest.fixture(params=["cuda", "fake"])
def device(request, monkeypatch):
    """The real CuPy (one skip reason for every GPU test where there is none), then the fake
    device, on which the same tests run everywhere: that checks the tests themselves and the
    device path's logic, not CuPy."""
    if request.param == "fake":
        monkeypatch.setattr(xp, "_import_cupy", lambda: FakeCupy())
        monkeypatch.setitem(sys.modules, "cupyx", types.SimpleNamespace(
            allow_synchronize=lambda allow: contextlib.nullcontext()))
    xp.reset_probe()
    info = xp.cupy_info()
    if not info.usable:
        pytest.skip(f"no CuPy with a CUDA device here ({info.state}: {info.detail})")
    yield info.detail
    xp.reset_probe()


def _parity_data(outputs: int, n=128, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, 3)).astype(np.float32)
    score = X @ rng.standard_normal((3, outputs)) + 0.3 * np.sin(3 * X[:, :1])
    if outputs == 1:
        return X, (score > 0).astype(np.float32)
    return X, np.eye(outputs, dtype=np.float32)[score.argmax(axis=1)]


def _run(backend, spec, epochs=20, dtype="float32", **settings):
    outputs = spec["layers"][-1]["units"]
    X, Y = _parity_data(outputs)
    net = sim.Network.from_spec(spec, backend=backend, seed=1, dtype=dtype)
    trainer = sim.Trainer(net, batch_size=16, seed=2, **settings)
    history = trainer.fit(X[:96], Y[:96], epochs=epochs, X_test=X[96:], Y_test=Y[96:])
    assert net.backend == backend
    return net.get_weights(), history


def _assert_parity(spec, dtype="float32", **settings):
    """Same weights and per-epoch losses from CuPy as from NumPy after 20 epochs, within
    float32 rounding (reductions add in another order on the GPU)."""
    tol = dict(rtol=1e-4, atol=1e-5) if dtype == "float32" else dict(rtol=1e-9, atol=1e-11)
    w_np, h_np = _run("numpy", spec, dtype=dtype, **settings)
    w_cp, h_cp = _run("cupy", spec, dtype=dtype, **settings)
    assert [s.status for s in h_cp] == [s.status for s in h_np] == ["ok"] * 20
    for (Wa, ba), (Wb, bb) in zip(w_np, w_cp, strict=True):
        np.testing.assert_allclose(Wb, Wa, **tol)
        np.testing.assert_allclose(bb, ba, **tol)
    for key in ("train_loss", "test_loss", "train_metric", "test_metric"):
        np.testing.assert_allclose([getattr(s, key) for s in h_cp],
                                   [getattr(s, key) for s in h_np], rtol=1e-3, atol=1e-5,
                                   err_msg=key)


def _spec(hidden="tanh", output="sigmoid", outputs=1):
    return {"inputs": 3, "layers": [{"units": 16, "activation": hidden},
                                    {"units": 8, "activation": hidden},
                                    {"units": outputs, "activation": output}]}


HIDDEN = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "swish", "gelu", "linear")


@pytest.mark.gpu
@pytest.mark.parametrize("hidden", HIDDEN)
def test_cupy_parity_activations(device, hidden):
    _assert_parity(_spec(hidden), loss="mse", optimizer="sgd", learning_rate=0.3)


@pytest.mark.gpu
@pytest.mark.parametrize("loss, output, outputs", [
    ("mse", "sigmoid", 1), ("sse", "linear", 1), ("bce", "sigmoid", 1),
    ("cross_entropy", "softmax", 3)])
def test_cupy_parity_losses(device, loss, output, outputs):
    _assert_parity(_spec("tanh", output, outputs), loss=loss, optimizer="adam",
                   learning_rate=0.01)


@pytest.mark.gpu
@pytest.mark.parametrize("optimizer, lr, regularization", [
    ("sgd", 0.3, "none"), ("momentum", 0.05, "l2"), ("rmsprop", 0.003, "l1"),
    ("adam", 0.01, "none")])
def test_cupy_parity_optimizers(device, optimizer, lr, regularization):
    _assert_parity(_spec(), loss="mse", optimizer=optimizer, learning_rate=lr,
                   regularization=regularization, reg_rate=0.001)


@pytest.mark.gpu
def test_cupy_parity_perceptron(device):
    spec = {"inputs": 3, "layers": [{"units": 1, "activation": "step"}]}
    _assert_parity(spec, loss="mse", optimizer="perceptron", learning_rate=0.1)


@pytest.mark.gpu
def test_cupy_parity_float64(device):
    _assert_parity(_spec("relu"), dtype="float64", loss="bce", optimizer="adam",
                   learning_rate=0.01)


@pytest.mark.gpu
@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # diverging on purpose (NumPy warns)
def test_cupy_divergence_restores_finite_weights(device):
    X = np.linspace(-3, 3, 64, dtype=np.float32).reshape(-1, 1)
    spec = {"inputs": 1, "layers": [{"units": 8, "activation": "relu"},
                                    {"units": 1, "activation": "linear"}]}
    out = []
    for backend in ("numpy", "cupy"):
        net = sim.Network.from_spec(spec, backend=backend, init="he", seed=0)
        h = sim.Trainer(net, loss="sse", learning_rate=0.1, batch_size=4).fit(X, 5 * X ** 2,
                                                                            epochs=50)
        out.append((h[-1], net.get_weights()))
    (s_np, w_np), (s_cp, w_cp) = out
    assert s_cp.status == "diverged" and (s_cp.epoch, s_cp.batches) == (s_np.epoch,
                                                                         s_np.batches)
    for pair_np, pair_cp in zip(w_np, w_cp, strict=True):
        for a, b in zip(pair_np, pair_cp, strict=True):
            np.testing.assert_allclose(b, a, rtol=1e-4, atol=1e-5)


@pytest.mark.gpu
def test_cupy_batches_do_not_synchronize(device):
    """Between two epoch ends no CuPy call waits for the device (CuPy's own watch)."""
    import cupyx
    allow = getattr(cupyx, "allow_synchronize", None)
    if allow is None:
        pytest.skip("this CuPy no longer has cupyx.allow_synchronize to watch with")
    X, Y = _parity_data(3, n=1024)
    net = sim.Network.from_spec(_spec("relu", "softmax", 3), backend="cupy")
    trainer = sim.Trainer(net, loss="cross_entropy", optimizer="adam", learning_rate=0.01,
                          batch_size=32)
    gen = trainer.iter_batches(X, Y, X[:64], Y[:64])
    next(gen)  # the run's start checks the data once
    with allow(False):
        results = [next(gen) for _ in range(30)]  # 32 batches per epoch: none ends one
    assert all(r.stats is None and r.loss is None for r in results)
    assert next(gen).stats.epoch == 1  # batch 32 ends the epoch
