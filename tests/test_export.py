"""Weight and history export: every format reads back bit for bit; ONNX runs in onnxruntime."""

from __future__ import annotations

import csv
import json
import zipfile

import numpy as np
import pytest

import simulator as sim
from simulator.errors import ProjectError
from simulator.export import export_weights, read_weights
from simulator.network import Network
from simulator.spec import ACTIVATIONS

HIDDEN = [a for a in ACTIVATIONS if a != "softmax"]


def _net(dtype="float32", seed=1, out="sigmoid", hidden="tanh", mask=True, bias=True):
    mask0 = np.ones((3, 5), np.uint8)
    mask0[0, 1] = mask0[2, 4] = 0
    spec = {"inputs": 3, "layers": [
        {"units": 5, "activation": hidden, **({"mask": mask0.tolist()} if mask else {})},
        {"units": 4, "activation": "relu", "use_bias": bias, "name": "은닉층"},
        {"units": 2, "activation": out}]}
    net = Network.from_spec(spec, seed=seed, dtype=dtype)
    rng = np.random.default_rng(seed)
    # non-zero biases so that the bias path is exercised
    net.set_weights([(W, rng.normal(size=b.shape)) for W, b in net.get_weights()])
    return net


def _same_bits(a, b):
    assert len(a) == len(b)
    for (W1, b1), (W2, b2) in zip(a, b, strict=True):
        assert W1.dtype == W2.dtype and b1.dtype == b2.dtype
        assert W1.shape == W2.shape and b1.shape == b2.shape
        assert W1.tobytes() == W2.tobytes() and b1.tobytes() == b2.tobytes()


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("name", ["w.npz", "w.json", "w.csv", "w.csv.zip", "w.zip"])
def test_round_trip_is_bit_exact(tmp_path, name, dtype):
    net = _net(dtype)
    sim.export_network(net, tmp_path / name)
    spec, weights = read_weights(tmp_path / name)
    assert spec == net.spec
    _same_bits(net.get_weights(), weights)


def test_npz_is_plain_numpy_without_pickle(tmp_path):
    net = _net()
    sim.export_network(net, tmp_path / "w.npz")
    with np.load(tmp_path / "w.npz", allow_pickle=False) as z:
        assert sorted(z.files) == ["W0", "W1", "W2", "b0", "b1", "b2", "spec"]
        assert json.loads(str(z["spec"])) == net.spec.to_dict()
        np.testing.assert_array_equal(z["W2"], net.get_weights()[2][0])


def test_json_layout(tmp_path):
    net = _net()
    sim.export_network(net, tmp_path / "w.json")
    d = json.loads((tmp_path / "w.json").read_text(encoding="utf-8"))
    assert d["inputs"] == 3
    assert [lay["units"] for lay in d["layers"]] == [5, 4, 2]
    assert [lay["activation"] for lay in d["layers"]] == ["tanh", "relu", "sigmoid"]
    assert d["layers"][1]["use_bias"] is True and len(d["layers"][1]["bias"]) == 4
    assert np.array(d["layers"][0]["weights"]).shape == (3, 5)
    assert d["layers"][1]["name"] == d["layers"][1]["label"] == "은닉층"
    assert d["layers"][0]["label"] == "Hidden 1" and "name" not in d["layers"][0]


def test_csv_folder_is_spreadsheet_friendly(tmp_path):
    net = _net()
    folder = sim.export_network(net, tmp_path / "w.csv")
    assert folder == tmp_path / "w-weights" and folder.is_dir()  # not a folder named w.csv
    assert [p.name for p in tmp_path.iterdir()] == ["w-weights"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "W0.csv", "W1.csv", "W2.csv", "b0.csv", "b1.csv", "b2.csv", "network.json"]
    rows = list(csv.reader((folder / "W1.csv").open(encoding="utf-8-sig")))
    assert rows[0] == ["from \\ to", "은닉층 #1", "은닉층 #2", "은닉층 #3", "은닉층 #4"]
    assert rows[1][0] == "Hidden 1 #1" and len(rows) == 6
    rows = list(csv.reader((folder / "b2.csv").open(encoding="utf-8-sig")))
    assert rows[0] == ["neuron", "bias"] and rows[1][0] == "Output #1"


def test_csv_export_replaces_an_earlier_export(tmp_path):
    big = sim.Network.from_spec({"inputs": 2, "layers": [{"units": 3}, {"units": 3},
                                                          {"units": 1}]}, seed=0)
    folder = sim.export_network(big, tmp_path / "w-weights.csv")
    assert (folder / "W2.csv").exists()
    assert sim.export_network(_net(), tmp_path / "w.csv") == folder
    assert read_weights(folder)[0] == _net().spec
    assert [p.name for p in tmp_path.iterdir()] == ["w-weights"]  # no temp leftovers


@pytest.mark.parametrize("name", ["x.csv", "x-weights"])
def test_csv_export_never_deletes_the_users_files(tmp_path, name):
    """Issue 17 defect 9: exporting over a folder named x.csv deleted the files in it."""
    folder = tmp_path / name
    folder.mkdir()
    (folder / "thesis.docx").write_text("mine")
    (folder / "W0.csv").write_text("also mine")
    (tmp_path / "x-weights").mkdir(exist_ok=True)
    (tmp_path / "x-weights" / "notes.txt").write_text("mine too")
    with pytest.raises(ProjectError, match="holds other files"):
        sim.export_network(_net(), tmp_path / "x.csv")
    assert (tmp_path / "x-weights" / "notes.txt").read_text() == "mine too"
    assert (folder / "W0.csv").exists() and (folder / "thesis.docx").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({name, "x-weights"})


@pytest.mark.parametrize("name", ["w.npz", "w.json", "w.zip", "w.onnx"])
def test_export_writes_through_a_symlink(tmp_path, name):
    """Issue 17 defect 9: the link became a plain file and its target stayed old."""
    real = tmp_path / "real" / name
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / name
    link.symlink_to(real)
    sim.export_network(_net(), link)
    assert link.is_symlink() and real.read_bytes() != b"old"
    assert read_weights(real)[0] == _net().spec if name != "w.onnx" else real.stat().st_size


def test_csv_zip_entries(tmp_path):
    sim.export_network(_net(), tmp_path / "w.zip")
    with zipfile.ZipFile(tmp_path / "w.zip") as zf:
        assert "W0.csv" in zf.namelist() and "network.json" in zf.namelist()


def test_unknown_suffix_is_a_project_error(tmp_path):
    with pytest.raises(sim.ProjectError, match="use one of"):
        sim.export_network(_net(), tmp_path / "w.xlsx")
    assert not list(tmp_path.iterdir())


def test_failed_export_leaves_no_file(tmp_path, monkeypatch):
    (tmp_path / "w.json").write_text("old")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("simulator.atomic.os.fsync", boom)
    with pytest.raises(sim.ProjectError, match="No space left"):
        sim.export_network(_net(), tmp_path / "w.json")
    assert (tmp_path / "w.json").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["w.json"]


# -- ONNX ---------------------------------------------------------------------------------------
def _onnx_predict(path, X):
    import onnxruntime as ort
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    assert [i.name for i in sess.get_inputs()] == ["input"]
    assert [o.name for o in sess.get_outputs()] == ["output"]
    return sess.run(["output"], {"input": X.astype(np.float32)})[0]


def _inputs(n=64, d=3, seed=0):
    X = np.random.default_rng(seed).normal(scale=2.0, size=(n, d)).astype(np.float32)
    X[:4] = 0.0  # z = bias exactly: step's edge, relu's kink
    return X


@pytest.mark.parametrize("act", HIDDEN)
def test_onnx_matches_predict_for_every_activation(tmp_path, act):
    net = _net(hidden=act, out=act if act != "step" else "sigmoid", mask=True)
    path = tmp_path / f"{act}.onnx"
    sim.export_network(net, path)
    X = _inputs()
    got = _onnx_predict(path, X)
    want = net.predict(X)
    assert got.shape == want.shape == (64, 2)
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-5)


def test_onnx_step_output_and_softmax(tmp_path):
    for out in ("step", "softmax"):
        net = _net(hidden="gelu", out=out, bias=False)
        sim.export_network(net, tmp_path / "n.onnx")
        X = _inputs(seed=3)
        np.testing.assert_allclose(_onnx_predict(tmp_path / "n.onnx", X), net.predict(X),
                                   atol=1e-5, rtol=0)


def test_onnx_masks_are_baked_in(tmp_path):
    net = _net(mask=True)
    W = [w.copy() for w, _ in net.get_weights()]
    W[0][0, 1] = 123.0  # a removed connection: the network ignores it, so must the model
    export_weights(net.spec, [(w, b) for w, (_, b) in zip(W, net.get_weights(), strict=True)],
                              tmp_path / "m.onnx")
    X = _inputs()
    np.testing.assert_allclose(_onnx_predict(tmp_path / "m.onnx", X), net.predict(X), atol=1e-5)


def test_onnx_dynamic_batch_and_float64_network(tmp_path):
    import onnx
    net = _net(dtype="float64", hidden="swish")
    sim.export_network(net, tmp_path / "n.onnx")
    model = onnx.load(tmp_path / "n.onnx")
    assert model.opset_import[0].version >= 17
    dim = model.graph.input[0].type.tensor_type.shape.dim[0]
    assert dim.dim_param == "batch"
    for n in (1, 7, 300):
        X = _inputs(n=n, seed=n)
        np.testing.assert_allclose(_onnx_predict(tmp_path / "n.onnx", X), net.predict(X),
                                   atol=1e-5, rtol=0)


# -- history ----------------------------------------------------------------------------------
def test_history_csv(tmp_path):
    rows = [{"epoch": 1, "train_loss": 0.5, "test_loss": None, "grad_norm": [1.0, 2.0]},
            {"epoch": 2, "train_loss": np.float32(0.25), "test_loss": 0.3,
             "grad_norm": [3.0, 4.0], "lr": 0.03}]
    sim.export_history(rows, tmp_path / "h.csv")
    table = list(csv.DictReader((tmp_path / "h.csv").open(encoding="utf-8-sig")))
    assert list(table[0]) == ["epoch", "train_loss", "test_loss", "grad_norm_1", "grad_norm_2",
                              "lr"]
    assert table[1]["grad_norm_2"] == "4.0"
    assert table[0]["test_loss"] == "" and table[1]["train_loss"] == "0.25"
    assert float(table[1]["lr"]) == 0.03
