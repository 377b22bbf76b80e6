"""File menu, title, unsaved-changes prompts, autosave, exports and the ann-sim command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog

import resources
from simulator.export import read_weights
from simulator.project import load_project
from ui.files import autosave

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = resources.path("examples")


@pytest.fixture
def window(qtbot, monkeypatch):
    from ui.main_window import MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    files = w.files
    errors: list[tuple[str, str]] = []
    answers: list[str] = []
    files.show_error = lambda title, message: errors.append((title, message))
    files.ask_unsaved = lambda: answers.pop(0) if answers else "discard"
    w.errors, w.answers = errors, answers
    w.show()
    yield w
    w.document.mark_dirty(False)
    training = getattr(w, "training", None)
    if training is not None:
        training.shutdown()


def _weights(doc):
    return [(W.copy(), b.copy()) for W, b in doc.weights]


def _same(a, b):
    return all(np.array_equal(x[0], y[0]) and np.array_equal(x[1], y[1])
               for x, y in zip(a, b, strict=True))


def _open_example(window, tmp_path, name="xor"):
    path = tmp_path / f"{name}.annproj"
    path.write_bytes((EXAMPLES / f"{name}.annproj").read_bytes())
    assert window.files.open_path(path)
    return path


def test_open_save_title_and_recent(window, tmp_path):
    assert window.windowTitle().startswith("ANN Simulator")
    path = _open_example(window, tmp_path)
    doc = window.document
    assert doc.path == path and doc.spec.sizes == [2, 3, 1] and not doc.dirty
    assert window.windowTitle().startswith("xor.annproj — ")
    doc.set_settings(learning_rate=0.3)
    assert window.windowTitle().startswith("xor.annproj* — ")
    assert window.files.save()
    assert not doc.dirty and "*" not in window.windowTitle()
    assert load_project(path).settings.learning_rate == 0.3
    assert window.files.recent_files()[0] == str(path.resolve())
    window.files._fill_recent()
    assert window.files.recent_menu.actions()[0].text().endswith("xor.annproj")


@pytest.mark.parametrize("content", [b"", b"garbage", b"PK\x03\x04 truncated", None])
def test_bad_file_leaves_the_open_project_untouched(window, tmp_path, content):
    _open_example(window, tmp_path, "circle")
    doc = window.document
    doc.set_settings(learning_rate=0.1)  # unsaved work must survive too
    spec, weights, title = doc.spec.copy(), _weights(doc), window.windowTitle()
    bad = tmp_path / "bad.annproj"
    if content is not None:
        bad.write_bytes(content)
    reset_events = []
    doc.events.reset.connect(lambda: reset_events.append(1))
    assert not window.files.open_path(bad, ask=False)
    assert len(window.errors) == 1 and "could not be opened" in window.errors[0][1]
    assert doc.spec == spec and _same(doc.weights, weights)
    assert doc.settings.learning_rate == 0.1 and doc.dirty
    assert window.windowTitle() == title and not reset_events


def test_unsaved_changes_prompt(window, tmp_path):
    path = _open_example(window, tmp_path)
    doc = window.document
    doc.set_settings(learning_rate=0.3)
    window.answers.append("cancel")
    assert not window.files.new_project()
    assert doc.path == path and doc.settings.learning_rate == 0.3
    window.answers.append("save")
    assert window.files.new_project()
    assert load_project(path).settings.learning_rate == 0.3
    assert doc.path is None and not doc.dirty


def test_cancel_vetoes_closing(window, qtbot):
    window.document.set_settings(learning_rate=0.3)
    window.answers.append("cancel")
    assert not window.close()
    assert window.isVisible()
    window.answers.append("discard")
    assert window.close()


def test_examples_menu_opens_an_untitled_copy(window):
    actions = [a for a in window.files.examples_menu.actions() if a.data()]
    assert len(actions) == 6
    circle = next(a for a in actions if a.data().endswith("circle.annproj"))
    circle.trigger()
    doc = window.document
    assert doc.path is None and doc.spec.sizes == [2, 4, 2, 1] and len(doc.dataset) == 500
    assert "Playground" in window.windowTitle()


def test_training_marks_the_document_dirty(window, tmp_path):
    _open_example(window, tmp_path)
    window.document.append_history([{"epoch": 1, "train_loss": 0.5}])
    assert window.document.dirty and "*" in window.windowTitle()


def test_autosave_and_recovery(window, tmp_path):
    assert str(autosave.recovery_folder()).startswith(str(tmp_path))
    path = _open_example(window, tmp_path)
    files, doc = window.files, window.document
    saver = files.autosaver
    assert not saver.save_now()  # nothing unsaved, nothing written
    doc.set_settings(learning_rate=0.3)
    assert saver.save_now() and saver.wait()
    pending = autosave.pending_recovery()
    assert pending and pending["path"] == str(path)
    # a new window after a crash: the user accepts the offer
    doc.mark_dirty(False)
    assert files.new_project()
    saver.save_now()
    assert autosave.pending_recovery() is None  # the clean new project removed it
    doc.set_settings(learning_rate=0.7)
    saver.save_now()
    files.new_project()  # discards (the fixture answers "discard") and removes the copy
    assert autosave.pending_recovery() is None  # (after the copy being written was done)
    doc.set_settings(learning_rate=0.9)
    saver.save_now()
    saver.wait()
    doc.mark_dirty(False)
    doc.set_settings(learning_rate=0.03)
    doc.mark_dirty(False)
    assert files.offer_recovery(ask=lambda pending: True)
    assert doc.settings.learning_rate == 0.9 and doc.dirty
    assert files.save_to(tmp_path / "saved.annproj")
    assert autosave.pending_recovery() is None  # a clean save removes the copy


def test_autosave_writes_off_the_gui_thread(window, monkeypatch):
    """Training keeps the project unsaved; the minute's copy must not freeze the window."""
    import threading
    writers = []
    release = threading.Event()

    def slow_save(project, path):
        writers.append(threading.current_thread() is threading.main_thread())
        release.wait(10)

    monkeypatch.setattr(autosave, "save_project", slow_save)
    saver, doc = window.files.autosaver, window.document
    doc.append_history([{"epoch": k, "train_loss": 1.0 / k} for k in range(1, 1001)])
    assert saver.save_now()  # returns while the copy is still being written
    assert saver.busy and not saver.save_now()  # one copy at a time
    doc.append_history([{"epoch": 1001, "train_loss": 0.0}])  # the GUI goes on meanwhile
    release.set()
    assert saver.wait() and writers == [False]


def test_exports_and_pictures(window, tmp_path):
    files = window.files
    _open_example(window, tmp_path)
    assert files.export_weights_to(tmp_path / "w.onnx")
    assert files.export_weights_to(tmp_path / "w.csv")
    spec, weights = read_weights(tmp_path / "w.csv")
    assert spec == window.document.spec and _same(weights, window.document.weights)
    assert not files.export_weights_to(tmp_path / "w.doc") and window.errors
    # PNG at 2x is twice the widget's size; SVG is a real SVG
    canvas = window.canvas
    assert files.save_screenshot(canvas, tmp_path / "net.png", scale=2)
    img = QImage(str(tmp_path / "net.png"))
    assert (img.width(), img.height()) == (canvas.width() * 2, canvas.height() * 2)
    assert files.save_screenshot(canvas, tmp_path / "net.svg")
    svg = (tmp_path / "net.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "</svg>" in svg
    from PySide6.QtSvg import QSvgRenderer
    assert QSvgRenderer(str(tmp_path / "net.svg")).isValid()
    files.copy_screenshot(window)
    assert not QGuiApplication.clipboard().image().isNull()


def test_figure_bundle(window, tmp_path, monkeypatch):
    """The bundle goes into "<project>-figures" (not a folder named like the project file),
    holds loss.png, loss.svg ... (not plot-plot-loss.png) and the status bar names it."""
    _open_example(window, tmp_path, "circle")
    window.document.append_history([{"epoch": 1, "train_loss": 0.5}])
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    assert window.files.figure_bundle_dialog(), window.errors
    folder = tmp_path / "circle-figures"
    assert folder.is_dir() and not (tmp_path / "circle.annproj").is_dir()
    assert str(folder) in window.statusBar().currentMessage()
    names = {p.name for p in folder.iterdir()}
    assert {"network.png", "network.svg", "window.png", "config.json", "weights.npz",
            "weights.json", "history.csv", "project.annproj"} <= names
    plots = {"output", "loss", "gradients", "activation", "weights"}
    assert {f"{k}{suffix}" for k in plots for suffix in (".png", ".svg")} <= names
    assert not [n for n in names if n.startswith("plot-")]
    assert QImage(str(folder / "loss.png")).size().toTuple() == (1600, 1000)
    assert load_project(folder / "project.annproj").spec == window.document.spec


def test_screenshot_menus_list_every_target(window):
    files = window.files
    files._fill_targets(files.screenshot_menu, files.screenshot_dialog, True)
    keys = [a.data() for a in files.screenshot_menu.actions() if a.data()]
    assert keys[:2] == ["window", "network"]
    assert set(window.docks) <= set(keys)


# -- the ann-sim command line (subprocess, offscreen) -----------------------------------------
def run_app(*args, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    return subprocess.run([sys.executable, "-m", "ui.app", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, env=env, timeout=120)


def test_app_cli_screenshot_and_export(tmp_path):
    project = EXAMPLES / "xor.annproj"
    r = run_app(project, "--screenshot", tmp_path / "out.png", "--export-weights",
                tmp_path / "w.npz", "--quit", tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr
    assert not QImage(str(tmp_path / "out.png")).isNull()
    _, weights = read_weights(tmp_path / "w.npz")
    assert _same(weights, load_project(project).network.get_weights())


def test_app_cli_trains_in_the_app(tmp_path):
    project = EXAMPLES / "xor.annproj"
    r = run_app(project, "--train-epochs", 40, "--export-weights", tmp_path / "w.json",
                "--quit", tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr
    _, weights = read_weights(tmp_path / "w.json")
    # the same 40 epochs headless give the same weights (same seed, same trainer)
    from simulator.cli import main
    assert main(["train", str(project), "--epochs", "40", "--quiet",
                 "--export", str(tmp_path / "h.json")]) == 0
    _, headless = read_weights(tmp_path / "h.json")
    initial = load_project(project).network.get_weights()
    assert not _same(weights, initial)
    for (W1, b1), (W2, b2) in zip(weights, headless, strict=True):
        np.testing.assert_allclose(W1, W2, atol=1e-6)
        np.testing.assert_allclose(b1, b2, atol=1e-6)


def test_app_cli_errors(tmp_path):
    bad = tmp_path / "bad.annproj"
    bad.write_bytes(b"not a project")
    r = run_app(bad, "--quit", tmp_path=tmp_path)
    assert r.returncode == 2 and "not a zip" in r.stderr and "Traceback" not in r.stderr
    r = run_app(EXAMPLES / "xor.annproj", "--screenshot", tmp_path / "x.gif", "--quit",
                tmp_path=tmp_path)
    assert r.returncode == 2 and ".png or .svg" in r.stderr


def test_every_screenshot_target_saves_png_and_svg(window, tmp_path):
    from ui.files import screenshots
    window.document.append_history([{"epoch": 1, "train_loss": 0.5}])
    for key, _title, widget in screenshots.targets(window):
        for suffix in (".png", ".svg"):
            path = tmp_path / f"{key}{suffix}"
            assert window.files.save_screenshot(widget, path, scale=2), window.errors
            assert path.stat().st_size > 200, path
        assert not QImage(str(tmp_path / f"{key}.png")).isNull()
