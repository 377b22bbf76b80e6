"""Grid search engine (simulator.experiments): same numbers as single runs, in processes and
on a Dask LocalCluster; failing runs in their rows; cancel; the CLI's CSV."""

from __future__ import annotations

import csv
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from simulator.cli import main
from simulator.document import Document
from simulator.errors import SpecError
from simulator.experiments import (
    Grid,
    GridData,
    GridExecution,
    parse_layouts,
    results_table,
    run_one,
    write_csv,
)
from simulator.network import Network
from simulator.trainer import Trainer

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"


@pytest.fixture(scope="module")
def data():
    return GridData.from_document(Document())  # circle, 2 inputs, a sigmoid output


def small_grid(data, **kw):
    g = Grid(**{"hidden": [(3,), (4, 2)], "learning_rate": [0.03, 0.3], "seeds": 2,
                "epochs": 20, **kw})
    return g.expand(data.settings, data.hidden_activation)


def same(a, b) -> None:
    assert a.config == b.config
    assert (a.status, a.train_loss, a.test_loss, a.test_metric, a.epochs) == \
        (b.status, b.train_loss, b.test_loss, b.test_metric, b.epochs)
    for (W1, b1), (W2, b2) in zip(a.weights, b.weights, strict=True):
        assert W1.tobytes() == W2.tobytes() and b1.tobytes() == b2.tobytes()


def test_layouts_and_expansion(data):
    assert parse_layouts("4; 8; 4,4; 8, 8;") == [(4,), (8,), (4, 4), (8, 8)]
    assert parse_layouts("0") == [()]
    for bad in ("4x", "", "4;0,3", "5000"):
        with pytest.raises(SpecError):
            parse_layouts(bad)
    configs = small_grid(data, activation=["tanh", "relu"])
    assert len(configs) == Grid([(3,), (4, 2)], ["tanh", "relu"], [0.03, 0.3], seeds=2).size()
    assert [c.seed for c in configs[:4]] == [0, 1, 0, 1]  # seeds innermost
    assert [c.index for c in configs] == list(range(16))
    spec = configs[-1].network_spec(data.spec)
    assert [(L["units"], L["activation"]) for L in spec["layers"]] == \
        [(4, "relu"), (2, "relu"), (1, data.spec["layers"][-1]["activation"])]


def test_a_run_is_the_app_s_training_bit_for_bit(data):
    c = small_grid(data)[3]
    settings = data.settings.replace(learning_rate=c.learning_rate, seed=c.seed)
    net = Network.from_spec(c.network_spec(data.spec), init=settings.init, seed=c.seed)
    rows = Trainer.from_settings(net, settings).fit(data.X, data.Y, c.epochs, data.X_test,
                                                    data.Y_test)
    r = run_one(c, data)
    assert (r.train_loss, r.test_loss, r.epochs) == \
        (rows[-1].train_loss, rows[-1].test_loss, c.epochs)
    for (W1, _), (W2, _) in zip(r.weights, net.get_weights(), strict=True):
        assert np.array_equal(W1, W2)


def test_process_pool_gives_the_single_runs_numbers(data):
    configs = small_grid(data)
    alone = [run_one(c, data) for c in configs]
    with GridExecution(configs, data, workers=2, chunk_size=3) as run:
        streamed = list(run.results())
        assert run.finished and run.done == len(configs)
    assert len(streamed) == len(configs)
    for a, b in zip(alone, sorted(streamed, key=lambda r: r.config.index), strict=True):
        same(a, b)


def test_a_failing_run_reports_in_its_row_and_the_others_finish(data, tmp_path):
    configs = small_grid(data, optimizer=["sgd", "perceptron"], learning_rate=[0.1])
    with GridExecution(configs, data, ThreadPoolExecutor(2)) as run:
        results = sorted(run.results(), key=lambda r: r.config.index)
    by_opt = {o: [r for r in results if r.config.optimizer == o] for o in ("sgd", "perceptron")}
    assert all(r.status == "ok" and r.train_loss > 0 for r in by_opt["sgd"])
    assert all(r.status == "error" and "perceptron rule" in r.message
               for r in by_opt["perceptron"])
    table = results_table(results)
    bad = [row for row in table if row["optimizer"] == "perceptron"]
    assert all(row["failed"] == row["runs"] == 2 and row["test_loss_mean"] is None for row in bad)
    write_csv(tmp_path / "r.csv", results_table(results, summary=False))
    rows = list(csv.DictReader(open(tmp_path / "r.csv", encoding="utf-8")))
    assert sum(r["status"] == "error" for r in rows) == 4 and rows[0]["test_loss"] != ""


def test_summary_is_mean_and_sample_std_over_seeds(data):
    results = [run_one(c, data) for c in small_grid(data, hidden=[(3,)], learning_rate=[0.3])]
    (row,) = results_table(results)
    losses = [r.test_loss for r in results]
    assert row["runs"] == 2 and row["test_loss_mean"] == pytest.approx(np.mean(losses))
    assert row["test_loss_std"] == pytest.approx(np.std(losses, ddof=1))
    assert row["gap_mean"] == pytest.approx(np.mean([r.test_loss - r.train_loss
                                                     for r in results]))


def test_cancel_stops_within_a_second_and_frees_the_workers(data):
    configs = Grid([(8, 8)], seeds=40, epochs=100_000).expand(data.settings)
    run = GridExecution(configs, data, workers=2, chunk_size=20)
    time.sleep(1.0)  # both chunks are training
    processes = list(run.executor._processes.values())
    assert len(processes) == 2
    t0 = time.perf_counter()
    run.cancel()
    assert time.perf_counter() - t0 < 1.0
    assert list(run.results()) == []  # a cancelled run yields nothing more
    deadline = time.monotonic() + 5
    while any(p.is_alive() for p in processes) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(p.is_alive() for p in processes)  # the running chunks saw the flag


def test_dask_local_cluster_gives_the_same_numbers(data):
    distributed = pytest.importorskip("distributed")
    configs = small_grid(data, hidden=[(3,)])
    alone = [run_one(c, data) for c in configs]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        with GridExecution(configs, data, scheduler=cluster.scheduler_address,
                           chunk_size=1) as run:
            streamed = sorted(run.results(), key=lambda r: r.config.index)
    for a, b in zip(alone, streamed, strict=True):
        same(a, b)


def test_unreachable_scheduler_is_a_clear_error(data, monkeypatch):
    pytest.importorskip("distributed")
    import simulator.experiments.execute as execute
    monkeypatch.setattr(execute, "DASK_CONNECT_SECONDS", 1.0)
    with pytest.raises(Exception, match="Dask scheduler"):
        GridExecution(small_grid(data), data, scheduler="tcp://127.0.0.1:9")


def test_cli_writes_the_csv(tmp_path, capsys):
    out, runs = tmp_path / "results.csv", tmp_path / "runs.csv"
    assert main(["grid", str(EXAMPLES / "circle.annproj"), "--hidden", "3", "4,2", "--lr",
                 "0.03", "0.3", "--seeds", "2", "--epochs", "20", "--workers", "2",
                 "--out", str(out), "--runs-out", str(runs)]) == 0
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    assert [(r["layout"], float(r["learning_rate"])) for r in rows] == \
        [("3", 0.03), ("3", 0.3), ("4,2", 0.03), ("4,2", 0.3)]
    from simulator.project import load_project
    doc = load_project(EXAMPLES / "circle.annproj").to_document()
    d = GridData.from_document(doc)
    configs = Grid([(3,), (4, 2)], learning_rate=[0.03, 0.3], seeds=2,
                   epochs=20).expand(doc.settings, d.hidden_activation)
    expect = results_table([run_one(c, d) for c in configs])
    assert [float(r["test_loss_mean"]) for r in rows] == [e["test_loss_mean"] for e in expect]
    assert len(list(csv.DictReader(open(runs, encoding="utf-8")))) == 8
    assert "20/8" not in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--hidden", "4x", "--epochs", "3"],
                                  ["--hidden", "4", "--epochs", "3", "--out", "r.txt"],
                                  ["--hidden", "4", "--epochs", "3", "--activation", "nope"],
                                  ["--hidden", "4", "--epochs", "0"]])
def test_cli_errors_exit_2_with_one_line(argv, capsys):
    assert main(["grid", str(EXAMPLES / "circle.annproj"), *argv]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err and "Traceback" not in "\n".join(err)
    assert err[-1].startswith(("error:", "python -m simulator grid: error"))


def test_results_save_with_the_project_and_old_files_load(tmp_path):
    import json
    import zipfile

    from simulator.errors import ProjectError
    from simulator.project import Project, load_project, save_project
    old = load_project(EXAMPLES / "circle.annproj")  # written before grids existed
    assert old.grid == []
    doc = old.to_document()
    d = GridData.from_document(doc)
    configs = Grid([(3,)], learning_rate=[0.1, 30.0], seeds=2, epochs=20,
                   optimizer=["sgd", "perceptron"]).expand(doc.settings)
    doc.grid = [run_one(c, d) for c in configs]  # ok, diverged (maybe) and error rows
    save_project(Project.from_document(doc), tmp_path / "g.annproj")
    back = load_project(tmp_path / "g.annproj").to_document()
    assert results_table(back.grid, summary=False) == results_table(doc.grid, summary=False)
    assert results_table(back.grid) == results_table(doc.grid)
    assert all(r.weights is None for r in back.grid)

    with zipfile.ZipFile(tmp_path / "g.annproj") as zf:
        meta = json.loads(zf.read("project.json"))
        others = {n: zf.read(n) for n in zf.namelist() if n != "project.json"}
    for bad in ([{"hidden": [3]}], [dict(meta["grid"][0], seed="0")], "x",
                [dict(meta["grid"][0], train_loss=float("nan"))]):
        with zipfile.ZipFile(tmp_path / "bad.annproj", "w") as zf:
            zf.writestr("project.json", json.dumps(dict(meta, grid=bad)))
            for n, b in others.items():
                zf.writestr(n, b)
        with pytest.raises(ProjectError, match="grid"):
            load_project(tmp_path / "bad.annproj")


def test_cancel_before_the_workers_started_breaks_nothing(data):
    configs = Grid([(8, 8)], seeds=4, epochs=100_000).expand(data.settings)
    processes = []
    for _ in range(2):
        run = GridExecution(configs, data, workers=2)
        processes += run.executor._processes.values()
        run.cancel()  # workers are still starting; each must come up and leave cleanly
        del run
    for p in processes:
        p.join(timeout=10)
    # 1: a worker died opening the cancel flag (255: the fork server could not tell)
    assert 1 not in [p.exitcode for p in processes]


def test_cli_train_save_keeps_the_grid_results(tmp_path):
    from simulator.project import Project, load_project, save_project
    doc = load_project(EXAMPLES / "circle.annproj").to_document()
    d = GridData.from_document(doc)
    doc.grid = [run_one(c, d) for c in Grid([(3,)], epochs=5).expand(doc.settings)]
    save_project(Project.from_document(doc), tmp_path / "a.annproj")
    assert main(["train", str(tmp_path / "a.annproj"), "--epochs", "1", "--quiet",
                 "--save", str(tmp_path / "b.annproj")]) == 0
    assert results_table(load_project(tmp_path / "b.annproj").grid) == results_table(doc.grid)
