"""Project files: exact round trips, atomic saves, and a ProjectError for every bad file."""

from __future__ import annotations

import io
import json
import os
import zipfile

import numpy as np
import pytest

import simulator as sim
from simulator import DataSource, TrainingSettings
from simulator.datasets import Dataset
from simulator.document import Document, Run
from simulator.network import Network
from simulator.project import Project, load_project, project_bytes, save_project

SPEC = {"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                {"units": 3, "activation": "relu", "use_bias": False,
                                 "mask": [[1, 0, 1], [1, 1, 1], [0, 1, 1], [1, 1, 1]]},
                                {"units": 1, "activation": "sigmoid", "name": "출력"}]}


def _project(dtype="float32", dataset=None, **kw) -> Project:
    net = Network.from_spec(SPEC, seed=5, dtype=dtype)
    rng = np.random.default_rng(0)
    net.set_weights([(W + rng.normal(size=W.shape) * 1e-3, rng.normal(size=b.shape))
                     for W, b in net.get_weights()])
    source = DataSource(name="xor", params={"n_points": 60, "noise": 0.1}, train_ratio=0.6)
    if dataset is not None:
        source = DataSource(kind="imported", name="mine", train_ratio=0.5)
    return Project(network=net, settings=TrainingSettings(learning_rate=0.1, dtype=dtype),
                   data_source=source, dataset=dataset,
                   history=[{"epoch": 1, "train_loss": 0.7, "test_loss": None,
                             "grad_norm": [0.1, np.float32(0.5), 0.25]},
                            {"epoch": 2, "train_loss": 0.6, "test_loss": 0.65}],
                   runs=[Run(TrainingSettings(optimizer="adam"), SPEC, [{"epoch": 1}])],
                   title="XOR 실험", description="Two lines / 두 직선", **kw)


def _same_weights(a, b):
    for (W1, b1), (W2, b2) in zip(a, b, strict=True):
        assert W1.dtype == W2.dtype and W1.tobytes() == W2.tobytes()
        assert b1.dtype == b2.dtype and b1.tobytes() == b2.tobytes()


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_round_trip_is_exact(tmp_path, dtype):
    p = _project(dtype)
    save_project(p, tmp_path / "a.annproj")
    q = load_project(tmp_path / "a.annproj")
    assert q.spec == p.spec
    _same_weights(p.network.get_weights(), q.network.get_weights())
    assert q.settings == p.settings and q.data_source == p.data_source
    assert q.history[0]["grad_norm"] == [0.1, 0.5, 0.25]
    assert q.history[1] == p.history[1] and q.title == p.title and q.description == p.description
    assert q.dataset is None
    assert len(q.runs) == 1 and q.runs[0].settings.optimizer == "adam"
    assert q.runs[0].spec == sim.NetworkSpec.from_dict(SPEC).to_dict()
    assert q.runs[0].history == [{"epoch": 1}]
    # saving again gives the same bytes: the file is deterministic
    save_project(q, tmp_path / "b.annproj")
    assert (tmp_path / "a.annproj").read_bytes() == (tmp_path / "b.annproj").read_bytes()


def test_imported_dataset_travels_inline(tmp_path):
    rng = np.random.default_rng(1)
    X = rng.normal(size=(30, 2)) / 3
    ds = Dataset(X=X, Y=(X[:, :1] > 0).astype(float), feature_names=("키", "몸무게"),
                 target_names=("no", "yes"), name="mine", description="d")
    save_project(_project(dataset=ds), tmp_path / "a.annproj")
    q = load_project(tmp_path / "a.annproj")
    assert q.dataset.X.tobytes() == ds.X.tobytes() and q.dataset.Y.tobytes() == ds.Y.tobytes()
    assert q.dataset.feature_names == ("키", "몸무게") and q.dataset.task == "classification"
    doc = q.to_document()
    assert doc.dataset.X.tobytes() == ds.X.tobytes()


def test_document_round_trip(tmp_path):
    doc = Document(data_source=DataSource(name="circle", params={"n_points": 100}))
    doc.set_settings(learning_rate=0.3)
    doc.append_history([{"epoch": 1, "train_loss": 0.4}])
    doc.title = "원"
    save_project(Project.from_document(doc), tmp_path / "d.annproj")
    back = load_project(tmp_path / "d.annproj").to_document()
    assert back.spec == doc.spec and back.settings == doc.settings
    _same_weights(doc.weights, back.weights)
    assert back.history == doc.history and back.title == "원" and not back.dirty
    assert np.array_equal(back.dataset.X, doc.dataset.X)


def test_edited_builtin_data_is_stored(tmp_path):
    doc = Document(data_source=DataSource(name="circle", params={"n_points": 50}))
    assert Project.from_document(doc).dataset is None  # regenerated from its source
    edited = doc.dataset.with_points_added([[0.5, 0.5]], [1])
    doc.set_data(doc.data_source, edited)
    p = Project.from_document(doc)
    assert p.dataset is not None and len(p.dataset) == 51
    save_project(p, tmp_path / "e.annproj")
    assert len(load_project(tmp_path / "e.annproj").to_document().dataset) == 51


# -- atomic saves -------------------------------------------------------------------------------
@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_failed_save_leaves_the_old_file_intact(tmp_path, monkeypatch, where):
    path = tmp_path / "a.annproj"
    save_project(_project(), path)
    old = path.read_bytes()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    if where == "write":
        real = zipfile.ZipFile.writestr
        calls = []

        def writestr(self, *a, **k):
            calls.append(1)
            if len(calls) == 3:  # midway through the archive
                boom()
            return real(self, *a, **k)
        monkeypatch.setattr(zipfile.ZipFile, "writestr", writestr)
    elif where == "fsync":
        monkeypatch.setattr("simulator.atomic.os.fsync", boom)
    else:
        monkeypatch.setattr("simulator.atomic.os.replace", boom)
    p = _project()
    p.title = "changed"
    with pytest.raises(sim.ProjectError, match="No space left"):
        save_project(p, path)
    assert path.read_bytes() == old
    assert sorted(os.listdir(tmp_path)) == ["a.annproj"]  # the temporary file is gone


def test_save_to_missing_folder_is_a_project_error(tmp_path):
    with pytest.raises(sim.ProjectError, match="cannot write"):
        save_project(_project(), tmp_path / "nope" / "a.annproj")


# -- bad files ----------------------------------------------------------------------------------
def _entries(p: Project | None = None) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(project_bytes(p or _project()))) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _zip(entries: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as zf:
        for n, d in entries.items():
            zf.writestr(n, d)
    return buf.getvalue()


def _with_meta(change) -> bytes:
    e = _entries()
    meta = json.loads(e["project.json"])
    change(meta)
    e["project.json"] = json.dumps(meta).encode()
    return _zip(e)


def _npy(a) -> bytes:
    buf = io.BytesIO()
    np.save(buf, a)
    return buf.getvalue()


def _with_entry(name, data=None) -> bytes:
    e = _entries()
    if data is None:
        del e[name]
    else:
        e[name] = data
    return _zip(e)


def _bomb() -> bytes:
    e = _entries()
    e["project.json"] = e["project.json"][:-1] + b" " * 65 * 1024**2 + b"}"
    return _zip(e)


GOOD = project_bytes(_project())

BAD_FILES = {
    "empty": (b"", "empty"),
    "text": (b"hello, I am not a project", "not a zip"),
    "json": (b'{"format": "ann-sim-project"}', "looks like JSON"),
    "truncated": (GOOD[: len(GOOD) // 2], "damaged|truncated|not a zip"),
    "truncated-end": (GOOD[:-10], "damaged|truncated"),
    "zip-without-json": (_zip({"readme.txt": b"hi"}), "no project.json"),
    "json-not-json": (_with_entry("project.json", b"{not json"), "not valid JSON"),
    "json-not-utf8": (_with_entry("project.json", b"\xff\xfe\x00"), "UTF-8|JSON"),
    "json-array": (_with_entry("project.json", b"[1, 2]"), "JSON object"),
    "wrong-format": (_with_meta(lambda m: m.update(format="other")), "not an ANN Simulator"),
    "newer-version": (_with_meta(lambda m: m.update(version=99)), "newer"),
    "version-text": (_with_meta(lambda m: m.update(version="1")), "version"),
    "missing-key": (_with_meta(lambda m: m.pop("settings")), "missing settings"),
    "extra-key": (_with_meta(lambda m: m.update(virus=1)), "unknown keys virus"),
    "bad-spec": (_with_meta(lambda m: m["spec"]["layers"][0].update(activation="magic")),
                 "unknown activation"),
    "spec-extra-key": (_with_meta(lambda m: m["spec"].update(more=1)), "unknown keys"),
    "bad-settings": (_with_meta(lambda m: m["settings"].update(learning_rate=-1)),
                     "learning rate"),
    "settings-extra": (_with_meta(lambda m: m["settings"].update(color="red")), "unknown keys"),
    "bad-history": (_with_meta(lambda m: m.update(history={"a": 1})), "history"),
    "bad-history-row": (_with_meta(lambda m: m.update(history=[[1, 2]])), "row 1"),
    "bad-title": (_with_meta(lambda m: m.update(title=5)), "title"),
    "bad-runs": (_with_meta(lambda m: m.update(runs=[{"settings": {}}])), "run 1"),
    "huge-units": (_with_meta(lambda m: m["spec"]["layers"][0].update(units=10**9)), "units"),
    "missing-weights": (_with_entry("weights/W1.npy"), "missing 'weights/W1.npy'"),
    "extra-entry": (_with_entry("evil.py", b"import os"), "unexpected entries"),
    "wrong-shape": (_with_entry("weights/W0.npy", _npy(np.zeros((3, 4), np.float32))),
                    r"shape \(3, 4\).*\(2, 4\)"),
    "wrong-dtype": (_with_entry("weights/W0.npy", _npy(np.zeros((2, 4), np.int64))), "int64"),
    "object-array": (_with_entry("weights/b0.npy", b"\x93NUMPY\x01\x00v\x00{'descr': '|O', "
                                 b"'fortran_order': False, 'shape': (4,), }" + b" " * 57
                                 + b"\n" + b"\x00" * 32), "object|O"),
    "not-npy": (_with_entry("weights/b0.npy", b"garbage"), "not a valid .npy"),
    "npy-truncated": (_with_entry("weights/W0.npy", _npy(np.zeros((2, 4), np.float32))[:-4]),
                      "bytes|truncated"),
    "zip-bomb": (_bomb, "zip bomb"),
    "absurd-network": (_with_meta(lambda m: m["spec"].update(layers=[
        {"units": 4096, "activation": "tanh"}] * 4 + [{"units": 1}])), "parameters; at most"),
    "history-table-missing": (_with_entry("history/current/0.npy"),
                              "missing 'history/current/0.npy'"),
    "history-table-rows": (_with_meta(lambda m: m["history"]["chunks"][0].update(rows=3)),
                           r"history/current/0.npy' has shape \(2, \d+\).*\(3, \d+\)"),
    "history-unknown-kind": (_with_meta(lambda m: m["history"]["chunks"][0]["columns"][1]
                                        .update(kind="magic")),
                             "history table 0 is malformed: column 'train_loss': unknown kind"),
    "history-bad-state": (_with_meta(lambda m: m["history"]["chunks"][0]["columns"][2].update(
        state="yes")), "history table 0 is malformed: column 'test_loss': 'state' must be"),
    "history-not-chunks": (_with_meta(lambda m: m.update(history={"rows": 2})),
                           "history must be a list of rows or"),
    "run-history-table-missing": (_with_entry("history/run0/0.npy"),
                                  "missing 'history/run0/0.npy'"),
    "dataset-without-rows": (_with_meta(lambda m: m.update(dataset={
        "name": "x", "description": "", "task": "classification",
        "feature_names": ["a", "b"], "target_names": ["0", "1"]})), "missing 'data/X.npy'"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_files_raise_project_error(tmp_path, case):
    data, message = BAD_FILES[case]
    data = data() if callable(data) else data
    path = tmp_path / "bad.annproj"
    path.write_bytes(data)
    with pytest.raises(sim.ProjectError, match=message):
        load_project(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(sim.ProjectError, match="does not exist"):
        load_project(tmp_path / "none.annproj")
    with pytest.raises(sim.ProjectError, match="folder"):
        load_project(tmp_path)


def test_huge_declared_array_is_refused_before_reading(tmp_path, monkeypatch):
    """A dataset header claiming 10^9 rows is refused from the header alone."""
    rng = np.random.default_rng(0)
    ds = Dataset(X=rng.normal(size=(8, 2)), Y=np.array([0, 1] * 4, float),
                 feature_names=("a", "b"), target_names=("0", "1"))
    e = _entries(_project(dataset=ds))
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, {"descr": "<f8", "fortran_order": False,
                                                  "shape": (10**9, 2)})
    e["data/X.npy"] = header.getvalue()
    (tmp_path / "x.annproj").write_bytes(_zip(e))
    with pytest.raises(sim.ProjectError, match="at most"):
        load_project(tmp_path / "x.annproj")


def test_spec_that_does_not_fit_the_data_fails_when_opened(tmp_path):
    p = _project()
    p.data_source = DataSource(name="iris")  # 4 features; the network has 2 inputs
    save_project(p, tmp_path / "a.annproj")
    with pytest.raises(sim.ProjectError, match="does not fit|inputs"):
        load_project(tmp_path / "a.annproj").to_document()


def test_a_random_byte_flip_never_escapes_as_another_exception(tmp_path):
    rng = np.random.default_rng(7)
    path = tmp_path / "f.annproj"
    for _ in range(150):
        data = bytearray(GOOD)
        for i in rng.integers(0, len(data), size=int(rng.integers(1, 4))):
            data[i] = int(rng.integers(0, 256))
        path.write_bytes(bytes(data))
        try:
            load_project(path).to_document()
        except sim.ProjectError:
            pass


def test_long_history_round_trips_as_a_table(tmp_path):
    """100,000 epochs as JSON rows were 91 MB of text, over the limit for project.json: a
    long run saved and then could not be opened. Histories are tables now."""
    rng = np.random.default_rng(0)
    rows = [{"epoch": k, "train_loss": float(v), "test_loss": None if k % 7 else float(v) / 2,
             "metric": "accuracy", "grad_mean_abs": rng.random(7).tolist(),
             "status": "ok", "batches": 25} for k, v in enumerate(rng.random(100_000), 1)]
    rows[10]["train_loss"] = float("nan")  # a diverged epoch stays NaN, not None
    rows[11]["grad_mean_abs"] = [0.5, 0.25]  # a row of other length (a topology change)
    del rows[12]["status"]  # a key a row lacks stays missing
    rows[13]["note"] = "수동"  # and one only some rows have appears only there
    p = _project()
    p.history = rows
    save_project(p, tmp_path / "long.annproj")
    with zipfile.ZipFile(tmp_path / "long.annproj") as zf:
        assert zf.getinfo("project.json").file_size < 50_000  # JSON rows: 91 MB
        tables = [n for n in zf.namelist() if n.startswith("history/current/")]
        assert len(tables) == 13  # chunks of 8192 rows
    q = load_project(tmp_path / "long.annproj")
    assert len(q.history) == 100_000
    assert np.isnan(q.history[10]["train_loss"]) and q.history[10]["test_loss"] is None
    assert q.history[11]["grad_mean_abs"] == [0.5, 0.25]
    assert "status" not in q.history[12] and q.history[13]["note"] == "수동"
    assert "note" not in q.history[14]
    for i in (0, 7, 500, 99_999):
        assert q.history[i] == rows[i]
        assert type(q.history[i]["epoch"]) is int
    assert q.runs[0].history == [{"epoch": 1}]


def test_format_1_files_with_json_rows_still_load(tmp_path):
    e = _entries()
    meta = json.loads(e["project.json"])
    meta["version"] = 1
    meta["history"] = [{"epoch": 1, "train_loss": 0.7, "test_loss": None},
                       {"epoch": 2, "train_loss": 0.6, "grad_norm": [0.1, 0.2]}]
    meta["runs"][0]["history"] = [{"epoch": 1}]
    e["project.json"] = json.dumps(meta).encode()
    for name in [n for n in e if n.startswith("history/")]:
        del e[name]
    (tmp_path / "v1.annproj").write_bytes(_zip(e))
    q = load_project(tmp_path / "v1.annproj")
    assert q.history == meta["history"] and q.runs[0].history == [{"epoch": 1}]


def test_history_tables_keep_every_kind_of_value_exactly():
    from simulator import history_io
    rows = [{"a": 1, "b": None, "c": [1, 2], "d": True, "e": "x", "f": [0.5], "g": 2**60},
            {"a": 2, "b": None, "c": [3], "d": False, "e": "x", "g": 1},
            {"b": None, "e": "y", "f": []}]
    schema, table = history_io.encode(rows)
    kinds = {c["key"]: c["kind"] for c in schema["columns"]}
    assert kinds == {"a": "int", "b": "float", "c": "json", "d": "json", "e": "text",
                     "f": "list", "g": "json"}  # 2**60 does not fit a float64 exactly
    back = history_io.decode(json.loads(json.dumps(schema)), table)
    assert back == rows
    assert [type(r["a"]) for r in back[:2]] == [int, int] and back[0]["d"] is True
    assert history_io.encode([])[1].shape == (0, 0)
    with pytest.raises(ValueError, match="numbers, text or lists"):
        history_io.encode([{"a": {"nested": 1}}])


def test_history_packs_full_chunks_and_reads_like_a_list():
    """One dict per epoch would take GBs an hour; full chunks are packed as tables (what
    project files store, so saving a long run costs only the newest rows)."""
    from simulator import history_io
    from simulator.history import History
    n = 2 * history_io.CHUNK + 15
    rows = [{"epoch": k, "train_loss": 1.0 / k, "grad": [0.5 / k, 0.25]} for k in range(1, n + 1)]
    h = History(rows[:10])
    h.extend(rows[10:])
    assert len(h) == n and h == rows and list(h) == rows
    assert h._tail_len() == 15  # the rest is packed
    assert h[0] == rows[0] and h[-1] is rows[-1] and h[history_io.CHUNK] == rows[history_io.CHUNK]
    assert h[5:8] == rows[5:8] and h[-2]["epoch"] == n - 1
    packed = h.chunks()
    assert h.chunks()[0] is packed[0] and h.chunks()[1] is packed[1]  # packed once
    copy = h.copy()
    h.append({"epoch": n + 1})
    assert len(copy) == n and len(h) == n + 1
    back = History.from_chunks(packed)
    assert back == rows and back._tail_len() == 15
    with pytest.raises(IndexError):
        h[n + 1]


def test_history_packs_in_a_thread_and_reads_the_same_meanwhile(monkeypatch):
    """Packing a chunk took 70-250 ms on the GUI thread (a frozen frame every 8 192 epochs
    on the compiled engine): append hands it to a thread; until the table is ready the
    chunk reads as its rows, and the newest rows' numbers grow with them."""
    import threading

    from simulator import history, history_io
    gate, started = threading.Event(), threading.Event()
    encode = history_io.encode

    def slow_encode(rows):
        if len(rows) == history_io.CHUNK:  # a full chunk: packed off the calling thread
            assert threading.current_thread() is not threading.main_thread()
            started.set()
            gate.wait(10)
        return encode(rows)

    monkeypatch.setattr(history_io, "encode", slow_encode)
    n = history_io.CHUNK + 5
    rows = [{"epoch": k, "loss": 1.0 / k, "grad": [0.5] * (1 + k % 2)} for k in range(1, n + 1)]
    h = history.History()
    for k, row in enumerate(rows[:-3], 1):
        h.append(row)
        if k in (1, 100, history_io.CHUNK - 1):  # the newest rows' columns, as they grow
            assert np.array_equal(h.column("loss"), [r["loss"] for r in rows[:k]])
    assert started.wait(10) and not h._chunks  # packing, not packed: append did not wait
    assert len(h) == n - 3 and h == rows[:-3] and h[5] == rows[5]
    assert np.array_equal(h.column("epoch"), np.arange(1, n - 2))
    values, lengths = h.numbers("grad")
    assert values.shape == (n - 3, 2) and list(lengths[:3]) == [2, 1, 2]
    copy = h.copy()
    gate.set()
    h.extend(rows[-3:])
    assert copy.chunks()[0][0]["rows"] == history_io.CHUNK and len(copy) == n - 3
    assert h == rows and len(h.chunks()) == 2 and len(h._chunks) == 1


def test_history_columns_come_from_the_tables():
    from simulator import history_io
    from simulator.history import History
    n = history_io.CHUNK + 3
    rows = [{"epoch": k, "loss": None if k == 2 else 1.0 / k, "name": "x",
             "grad": [0.5] * (1 + k % 2)} for k in range(1, n + 1)]
    del rows[5]["loss"]
    h = History(rows)
    loss = h.column("loss")
    assert np.isnan(loss[1]) and np.isnan(loss[5]) and loss[0] == 1.0 and loss[-1] == 1.0 / n
    assert np.array_equal(h.column("epoch"), np.arange(1, n + 1))
    assert np.isnan(h.column("name")).all() and np.isnan(h.column("nothing")).all()
    values, lengths = h.numbers("grad")
    assert values.shape == (n, 2) and list(lengths[:4]) == [2, 1, 2, 1]
    assert np.isnan(values[1, 1]) and values[-1, 0] == 0.5  # packed part and tail alike
