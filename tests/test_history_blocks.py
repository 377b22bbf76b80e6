"""Packed history rows: history_io blocks (encode_columns, concat, take), History's
growing end made of blocks, and the training loop's rows packed by column."""

from __future__ import annotations

import math
import pickle
import random

import numpy as np
import pytest

from simulator import history_io
from simulator.history import History
from simulator.history_io import CHUNK, Block, concat, take


def mixed_rows(n: int, seed: int = 0) -> list[dict]:
    """Rows with everything a history may hold: ints, floats (NaN too), None, missing
    keys, lists of changing length, text, mixed JSON values."""
    rng = random.Random(seed)
    rows = []
    for k in range(1, n + 1):
        row = {"epoch": k, "train_loss": rng.random(),
               "test_loss": None if rng.random() < 0.1 else rng.random(),
               "grad": [rng.random()] * rng.choice([2, 2, 3]),
               "status": rng.choice(["ok", "ok", "ok", "diverged"]),
               "any": rng.choice([1, "a", None, 2.5, [1, 2]]),
               "nan": math.nan if k % 7 == 0 else 1.0}
        if rng.random() < 0.1:
            del row["test_loss"]
        rows.append(row)
    return rows


def same_rows(a: list[dict], b: list[dict]) -> bool:
    """Equal as dicts (key order aside), NaN included (never == itself), same types."""
    def key(row):
        return sorted((k, type(v).__name__, "nan" if isinstance(v, float) and math.isnan(v)
                       else repr(v)) for k, v in row.items())
    return len(a) == len(b) and all(key(x) == key(y) for x, y in zip(a, b, strict=True))


def in_pieces(rows: list[dict], seed: int = 1) -> list[Block]:
    rng = random.Random(seed)
    blocks, i = [], 0
    while i < len(rows):
        n = rng.randint(1, 60)
        blocks.append(Block.from_rows(rows[i:i + n]))
        i += n
    return blocks


def test_encode_columns_is_encode_by_column():
    rows = mixed_rows(50)
    keys = dict.fromkeys(k for r in rows for k in r)
    by_key = {k: [r.get(k, history_io.MISSING) for r in rows] for k in keys}
    schema, table = history_io.encode_columns(len(rows), by_key)
    ref_schema, ref_table = history_io.encode(rows)
    assert schema == ref_schema and np.array_equal(table, ref_table, equal_nan=True)
    with pytest.raises(ValueError, match="3 values for 50 rows"):
        history_io.encode_columns(50, {"x": [1, 2, 3]})


def test_blocks_join_and_cut_exactly():
    """Ints stay ints, None stays None, a missing key stays missing, NaN stays NaN, also
    across blocks whose columns differ (a state column or a wider list in one of them)."""
    rows = mixed_rows(400)
    joined = concat(in_pieces(rows))
    history_io.check(joined.schema, joined.table)
    assert same_rows(joined.rows(), rows)
    for start, stop in ((0, 1), (3, 170), (399, 400), (0, 400)):
        part = take(joined, start, stop)
        history_io.check(part.schema, part.table)
        assert same_rows(part.rows(), rows[start:stop])
    assert joined[-1] == rows[-1] and joined[5] == rows[5]
    back = pickle.loads(pickle.dumps(joined))
    assert back._rows is None and same_rows(back.rows(), rows)  # sent without its dicts


def test_blocks_of_the_same_columns_stack_without_decoding(monkeypatch):
    rows = [{"epoch": k, "loss": 1.0 / k, "test": None if k == 3 else 2.0,
             "grad": [0.5] * (1 + k % 2), "status": "ok"} for k in range(1, 40)]
    blocks = in_pieces(rows)
    monkeypatch.setattr(history_io, "decode", None)  # stacking must not need it
    joined = concat(blocks)
    monkeypatch.undo()
    assert joined.rows() == rows
    assert [c.get("values") for c in joined.schema["columns"] if c["key"] == "status"] == \
        [[["ok", 39]]]


def test_history_of_blocks_reads_like_the_rows():
    """Blocks appended across chunk boundaries: the same rows, chunks of CHUNK rows
    packed as they fill, numbers by column, copies independent."""
    rows = mixed_rows(2 * CHUNK + 300, seed=3)
    h = History()
    for b in in_pieces(rows, seed=4):
        h.extend(b)
    assert len(h) == len(rows) and len(h._chunks) + len(h._packing) == 2
    assert same_rows(list(h), rows) and h[-1] == rows[-1] and h[CHUNK] == rows[CHUNK]
    loss = h.column("train_loss")
    assert np.array_equal(loss, [r["train_loss"] for r in rows])
    values, lengths = h.numbers("grad")
    assert list(lengths[:20]) == [len(r["grad"]) for r in rows[:20]]
    chunks = h.chunks()
    assert [c[0]["rows"] for c in chunks] == [CHUNK, CHUNK, 300]
    assert same_rows(list(History.from_chunks(chunks)), rows)
    copy = h.copy()
    h.extend(Block.from_rows([{"epoch": len(rows) + 1}]))
    assert len(copy) == len(rows) and len(h) == len(rows) + 1


def test_history_mixes_rows_and_blocks_in_order():
    rows = [{"epoch": k, "train_loss": 1.0 / k} for k in range(1, CHUNK + 50)]
    h = History(rows[:10])
    h.extend(Block.from_rows(rows[10:20]))
    for r in rows[20:30]:
        h.append(r)
    h.extend(Block.from_rows(rows[30:]))
    assert h == rows and h._pending == []
    assert np.array_equal(h.column("epoch"), np.arange(1, CHUNK + 50))
    short = History.from_chunks(History(rows[:100]).chunks())  # a short chunk from a file
    short.extend(Block.from_rows(rows[100:200]))
    assert short == rows[:200] and short._pending == []  # still packed, no dicts made
    many = History()
    for r in rows[:300]:  # a snapshot a row (slow motion): the blocks are joined now and then
        many.extend(Block.from_rows([r]))
    assert many == rows[:300] and len(many._tail) <= 33


def test_the_history_event_carries_a_block_read_by_column():
    from simulator.document import Document
    doc, got = Document(), []
    doc.events.history.connect(got.append)
    doc.append_history([{"epoch": 1, "train_loss": 0.5}, {"epoch": 2, "train_loss": None}])
    assert isinstance(got[0], Block) and got[0].column("epoch").tolist() == [1.0, 2.0]
    assert math.isnan(got[0].column("train_loss")[1]) and got[0][-1]["train_loss"] is None


def trained_stats(epochs: int, test: bool = True):
    """Real EpochStats of a small network (compiled engine), test set or not."""
    from simulator.document import Document
    from simulator.settings import DataSource, TrainingSettings
    from simulator.trainer import Trainer
    doc = Document(spec={"inputs": 2, "layers": [{"units": 3, "activation": "tanh"},
                                                  {"units": 1, "activation": "sigmoid"}]},
                   settings=TrainingSettings(loss="mse", optimizer="sgd", learning_rate=0.3,
                                             batch_size=8, seed=2),
                   data_source=DataSource(name="circle", params={"n_points": 80},
                                          train_ratio=0.5 if test else 1.0))
    net = doc.build_network()
    trainer = Trainer.from_settings(net, doc.settings, epoch_limit=0)
    tr, te = doc.data.train, doc.data.test
    has = test and len(te) > 0
    return list(trainer.iter_epochs(tr.X, tr.Y, epochs, te.X if has else None,
                                    te.Y if has else None))


@pytest.mark.parametrize("test", [True, False])
def test_the_loop_packs_what_to_dict_gives(test):
    """The loop's rows, packed by column, equal the ``to_dict()`` rows it used to send:
    the same schema, the same table, the same rows decoded."""
    from simulator.training.rows import PendingRows
    stats = trained_stats(30, test)
    pending = PendingRows()
    for k, s in enumerate(stats, 100):
        pending.add(s, k)
    assert len(pending) == 30
    block = pending.take()
    rows = [dict(s.to_dict(), epoch=k) for k, s in enumerate(stats, 100)]
    schema, table = history_io.encode(rows)
    assert block.schema == schema and np.array_equal(block.table, table, equal_nan=True)
    assert block.rows() == rows and len(pending) == 0 and len(pending.take()) == 0


def test_not_finite_numbers_become_none_as_in_to_dict():
    """A diverged epoch: inf/NaN anywhere (a loss, inside a per-layer list) is None in
    the row, exactly where ``to_dict`` puts it; no NaN reaches a plot or a file."""
    from simulator.training.rows import PendingRows
    stats = trained_stats(3)
    stats[1].train_loss = math.inf
    stats[1].grad_norm = [math.nan, 1.0]
    stats[2].test_loss = None
    stats[2].status, stats[2].message = "diverged", "loss is inf"
    pending = PendingRows()
    for k, s in enumerate(stats, 1):
        pending.add(s, k)
    rows = pending.take().rows()
    assert rows == [dict(s.to_dict(), epoch=k) for k, s in enumerate(stats, 1)]
    assert rows[1]["train_loss"] is None and rows[1]["grad_norm"] == [None, 1.0]
    assert rows[2]["test_loss"] is None and rows[2]["status"] == "diverged"


@pytest.mark.parametrize("where", [0, 2])
def test_an_early_stops_restored_epoch_is_packed_as_to_dict_rows_hold_it(where):
    """Only the early stop's row holds ``restored_epoch``, counted as the run counts (the
    trainer counts from the job's start): the same schema and table as the dict rows."""
    from simulator.training.rows import PendingRows
    stats = trained_stats(3)
    stats[where].restored_epoch = stats[where].epoch - 1
    pending = PendingRows()
    for k, s in enumerate(stats, 50):
        pending.add(s, k)
    block = pending.take()
    rows = []
    for k, s in enumerate(stats, 50):
        row = dict(s.to_dict(), epoch=k)
        if s.restored_epoch is not None:
            row["restored_epoch"] = s.restored_epoch + k - s.epoch
        rows.append(row)
    schema, table = history_io.encode(rows)
    assert block.schema == schema and np.array_equal(block.table, table, equal_nan=True)
    assert block.rows() == rows
    assert block.rows()[where]["restored_epoch"] == 50 + where - 1
    assert all("restored_epoch" not in r for i, r in enumerate(block.rows()) if i != where)
