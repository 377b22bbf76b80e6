"""Headless CLI: python -m simulator train PROJECT --epochs N [--export] [--save]."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np

import resources
from simulator.cli import main
from simulator.export import read_weights
from simulator.project import load_project

ROOT = Path(__file__).resolve().parents[1]
XOR = resources.path("examples", "xor.annproj")


def run_cli(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "simulator", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, env=env, timeout=60)


def test_train_save_export_in_a_subprocess(tmp_path):
    r = run_cli("train", XOR, "--epochs", 300, "--save", tmp_path / "t.annproj",
                "--export", tmp_path / "w.npz")
    assert r.returncode == 0, r.stderr
    assert "epochs trained: 300" in r.stdout and "train loss" in r.stdout
    assert "300/300 epochs" in r.stderr and "[####" in r.stderr  # the progress bar
    trained = load_project(tmp_path / "t.annproj")
    assert len(trained.history) == 300 and trained.history[-1]["epoch"] == 300
    assert trained.history[-1]["train_loss"] < trained.history[0]["train_loss"]
    spec, weights = read_weights(tmp_path / "w.npz")
    for (W1, b1), (W2, b2) in zip(weights, trained.network.get_weights(), strict=True):
        assert W1.tobytes() == W2.tobytes() and b1.tobytes() == b2.tobytes()
    # training again continues the epoch count
    assert main(["train", str(tmp_path / "t.annproj"), "--epochs", "5", "--quiet",
                 "--save", str(tmp_path / "t.annproj")]) == 0
    assert load_project(tmp_path / "t.annproj").history[-1]["epoch"] == 305


def test_no_qt_is_imported(tmp_path):
    code = ("import sys; from simulator.cli import main; "
            f"rc = main(['train', {str(XOR)!r}, '--epochs', '2', '--quiet']); "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'ui')];"
            "assert not bad, bad; sys.exit(rc)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr


def test_errors_exit_2_with_one_line_and_no_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.annproj"
    bad.write_bytes(b"nope")
    cases = [
        (["train", str(bad), "--epochs", "3"], "not a zip"),
        (["train", str(tmp_path / "missing.annproj"), "--epochs", "3"], "does not exist"),
        (["train", str(XOR), "--epochs", "-1"], "between 0"),
        (["train", str(XOR), "--epochs", "many"], "whole number"),
        (["train", str(XOR)], "--epochs"),
        (["train", str(XOR), "--epochs", "1", "--export", str(tmp_path / "w.xls")], ".onnx"),
        (["train", str(XOR), "--epochs", "1", "--save", str(tmp_path / "x.txt")], ".annproj"),
        (["train", str(XOR), "--epochs", "1", "--save", str(tmp_path / "no" / "x.annproj")],
         "cannot write"),
        ([], "COMMAND"),
    ]
    for argv, message in cases:
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err, (argv, err)


def test_epochs_zero_only_exports(tmp_path):
    assert main(["train", str(XOR), "--epochs", "0", "--export", str(tmp_path / "w.json")]) == 0
    _, weights = read_weights(tmp_path / "w.json")
    want = load_project(XOR).network.get_weights()
    assert all(np.array_equal(a[0], b[0]) for a, b in zip(weights, want, strict=True))


def test_early_stopping_flags(tmp_path, capsys):
    # Circle with a patience of 1: the test loss wanders up at some epoch and stops it.
    circle = resources.path("examples", "circle.annproj")
    assert main(["train", str(circle), "--epochs", "300", "--quiet", "--patience", "1",
                 "--no-restore-best", "--save", str(tmp_path / "t.annproj")]) == 0
    out = capsys.readouterr().out
    assert "training ended early (early_stopped)" in out and "restored" not in out
    saved = load_project(tmp_path / "t.annproj")
    assert saved.settings.patience == 1 and saved.settings.restore_best is False
    assert len(saved.history) < 300
    assert main(["train", str(XOR), "--epochs", "1", "--patience", "-1"]) == 2


# -- issue 17 ---------------------------------------------------------------------------------
def test_bad_epoch_in_a_history_is_one_line_and_exit_2(tmp_path, capsys):
    """Defect 4: "x", null, NaN, Infinity, a list, 3e9, -5 gave tracebacks."""
    from tests import hostile_files as hf
    for k, epoch in enumerate(["x", None, float("nan"), float("inf"), [1], 3e9, -5]):
        path = hf.bad_epoch(tmp_path / f"bad{k}.annproj", epoch)
        assert main(["train", str(path), "--epochs", "2", "--quiet"]) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("error: ") and "epoch" in err and len(err.splitlines()) == 1


def test_the_cli_keeps_the_history_packed(tmp_path, monkeypatch):
    """Defect 5: every epoch was kept as a dict (~1.4 KB; 10 M epochs ~13 GB)."""
    from simulator import history_io, project
    from simulator.history import History
    saved = {}
    real_save = project.save_project
    monkeypatch.setattr(project, "save_project",
                        lambda p, path: (saved.setdefault("h", p.history), real_save(p, path)))
    n = history_io.CHUNK + 10
    assert main(["train", str(XOR), "--epochs", str(n), "--quiet",
                 "--save", str(tmp_path / "t.annproj")]) == 0
    h = saved["h"]
    assert isinstance(h, History) and len(h) == n and len(h._chunks) == 1 and h._tail_len() == 10
    assert load_project(tmp_path / "t.annproj").history[-1]["epoch"] == n


def test_csv_export_names_its_folder_and_says_where(tmp_path, capsys):
    """Issue 11 item 13: --export iris.csv made a folder named iris.csv."""
    assert main(["train", str(XOR), "--epochs", "0", "--export",
                 str(tmp_path / "xor.csv")]) == 0
    out = capsys.readouterr().out
    folder = tmp_path / "xor-weights"
    assert f"exported weights: {folder} (folder of CSV tables)" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xor-weights"]
    assert read_weights(folder)[0] == load_project(XOR).spec


def test_number_arguments_are_bounded_with_one_line_each(capsys):
    """One whole-number parser for every command: grid epochs were unbounded, and a
    negative grid patience was taken."""
    for argv in (["train", str(XOR), "--epochs", "10000001"],
                 ["grid", str(XOR), "--epochs", "20000000"],
                 ["grid", str(XOR), "--epochs", "5", "--patience", "-1"],
                 ["grid", str(XOR), "--epochs", "5", "--seeds", "0"]):
        assert main(argv) == 2
        assert "must be" in capsys.readouterr().err
