"""Issue 17: project files that cost memory or time out of proportion to their size, bad
epoch numbers, non-finite weights and settings out of range are refused before any
large allocation, with a ProjectError saying what is wrong."""

from __future__ import annotations

import json
import math
import zipfile

import numpy as np
import pytest

import simulator as sim
from simulator import history_io
from simulator.errors import ProjectError, SpecError
from simulator.history import History
from simulator.project import load_project, save_project
from simulator.settings import MAX_SEED, TrainingSettings
from tests import hostile_files as hf


@pytest.mark.parametrize("make", [
    lambda p: hf.empty_rows_bomb(p),                       # was 1.4 GB and 6 s
    lambda p: hf.empty_rows_bomb(p, chunks=200),           # was minutes
    lambda p: hf.empty_rows_bomb(p, rows=8191, chunks=3),  # short tables before the last
    lambda p: hf.text_columns_bomb(p),                     # was 41 s and 4.5 GB
    lambda p: hf.wide_table_bomb(p),                       # was 2.6 GB from 0.5 MB
], ids=["20M-rows", "200-chunks", "short-chunks", "text-columns", "wide-table"])
def test_history_bombs_are_refused_quickly_and_cheaply(tmp_path, make):
    path = make(tmp_path / "bomb.annproj")
    assert path.stat().st_size < 600_000
    exc = hf.bounded(lambda: load_project(path), seconds=5, megabytes=64)
    assert isinstance(exc, ProjectError), exc


def test_largest_allowed_chunk_is_read_once_in_place(tmp_path):
    """A real 8192-row chunk as wide as allowed: the peak is about the table itself
    (it was read, then copied by np.load, then decoded into rows: 3-5 times its size)."""
    width = history_io.MAX_WIDTH // 4
    cols = [{"key": "g", "kind": "list", "width": width}]
    table = np.random.default_rng(0).random((history_io.CHUNK, width))  # does not deflate
    path = hf.with_history(tmp_path / "wide.annproj", [{"rows": history_io.CHUNK,
                                                         "columns": cols}], [hf._npy(table)])
    size_mb = table.nbytes / 2**20
    out = {}
    exc = hf.bounded(lambda: out.setdefault("p", load_project(path)), seconds=20,
                     megabytes=2.5 * size_mb)
    assert exc is None
    h = out["p"].history
    assert len(h) == history_io.CHUNK and h[-1]["g"] == table[-1].tolist()


def test_a_short_last_chunk_stays_packed_until_rows_are_added():
    rows = [{"epoch": i + 1, "train_loss": 1.0 / (i + 1)} for i in range(history_io.CHUNK + 5)]
    h = History.from_chunks(History(rows).chunks())
    assert h._pending == [] and h._tail_len() == 5 and len(h) == len(rows) and h[-1] == rows[-1]
    assert h.column("train_loss").tolist() == [r["train_loss"] for r in rows]
    h.append({"epoch": len(rows) + 1, "train_loss": 0.0})
    assert len(h) == len(rows) + 1 and list(h)[:-1] == rows


BAD_EPOCHS = ["x", None, math.nan, math.inf, [1, 2], 3e9, -5, 2**31, True, 1.5]


@pytest.mark.parametrize("epoch", BAD_EPOCHS, ids=repr)
def test_bad_epoch_numbers_are_refused(tmp_path, epoch):
    path = hf.bad_epoch(tmp_path / "e.annproj", epoch)
    with pytest.raises(ProjectError, match="epoch"):
        load_project(path)


@pytest.mark.parametrize("epoch", ["x", 3e9, -5])
def test_bad_epoch_numbers_in_tables_are_refused(tmp_path, epoch):
    schema, table = history_io.encode([{"epoch": epoch, "train_loss": 0.5}])
    path = hf.with_history(tmp_path / "t.annproj", [schema], [hf._npy(table)])
    with pytest.raises(ProjectError, match="epoch"):
        load_project(path)


def _xor_project():
    return load_project(hf.EXAMPLES / "xor.annproj")


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_non_finite_weights_are_refused_on_load_and_save(tmp_path, value):
    entries = hf._entries()
    W = np.load(__import__("io").BytesIO(entries["weights/W1.npy"]))
    W[0, 0] = value
    entries["weights/W1.npy"] = hf._npy(W)
    path = hf.write_zip(tmp_path / "nan.annproj", entries)
    with pytest.raises(ProjectError, match="layer 2's weights contain NaN or infinite"):
        load_project(path)
    project = _xor_project()
    weights = project.network.get_weights()
    weights[0][1][0] = value
    project.network.set_weights(weights)
    with pytest.raises(ProjectError, match="NaN or infinite"):
        save_project(project, tmp_path / "out.annproj")
    assert not (tmp_path / "out.annproj").exists()


@pytest.mark.parametrize("name, value", [
    ("seed", 2**31), ("seed", -1), ("batch_size", 2**31), ("batch_size", 10**9),
    ("epoch_limit", 2**31), ("patience", 2**40), ("learning_rate", math.inf),
    ("learning_rate", math.nan), ("learning_rate", 1e300), ("reg_rate", math.nan),
    ("reg_rate", math.inf), ("epochs_per_second", math.inf), ("epochs_per_second", math.nan),
])
def test_settings_out_of_range_are_refused(tmp_path, name, value):
    with pytest.raises(SpecError, match="setting|learning rate"):
        TrainingSettings(**{name: value}).validate()
    entries = hf._entries()
    meta = json.loads(entries["project.json"])
    meta["settings"][name] = value
    entries["project.json"] = json.dumps(meta).encode()
    with pytest.raises(ProjectError):
        load_project(hf.write_zip(tmp_path / "s.annproj", entries))


def test_settings_at_their_bounds_load():
    TrainingSettings(seed=MAX_SEED, batch_size=1_000_000, epoch_limit=100_000_000,
                     learning_rate=10.0).validate()


def test_zip_bomb_ratio(tmp_path):
    entries = hf._entries()
    entries["data/pad.bin"] = bytes(80 * 2**20)
    path = hf.write_zip(tmp_path / "z.annproj", entries)
    with pytest.raises(ProjectError, match="zip bomb"):
        load_project(path)


def test_history_rows_of_every_history_are_counted_together(tmp_path, monkeypatch):
    monkeypatch.setattr(sim.project, "MAX_HISTORY_ROWS", 2 * history_io.CHUNK)
    schema, table = history_io.encode([{"epoch": 1}] * history_io.CHUNK)
    path = hf.with_history(tmp_path / "h.annproj", [schema] * 3, [hf._npy(table)] * 3)
    with pytest.raises(ProjectError, match="epochs in all"):
        load_project(path)
    with zipfile.ZipFile(path) as zf:
        assert len(zf.namelist()) == 8
