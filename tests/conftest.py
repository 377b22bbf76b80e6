import gc
import os
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path, monkeypatch):
    """Keep QSettings (dock layout, recent files) out of the user's real config."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ANN_SIM_SETTINGS", raising=False)
    yield


@pytest.fixture(autouse=True)
def _no_unanswered_message_box(monkeypatch):
    """A message box nobody answers (offscreen, no user) would hang the suite until CI's
    limit: "save changes?" on closing a window a test left modified did. Fail the test
    instead, saying what asked; tests answer through the hooks (``files.ask_unsaved``)."""
    from PySide6.QtWidgets import QMessageBox

    def unanswered(box):
        raise AssertionError(f"a test opened the message box {box.text()!r}, which nobody "
                             "answers: replace the hook that asks (e.g. files.ask_unsaved)")

    monkeypatch.setattr(QMessageBox, "exec", unanswered)
    yield


@pytest.fixture(scope="session", autouse=True)
def _compiled_engine_ready():
    """Compile (a fresh clone: ~40 s, once) or load the compiled training kernels once per
    test run, so no test pays for it and timing-sensitive tests see steady epochs."""
    from simulator import compiled

    compiled.prepare()
    yield


@pytest.fixture(autouse=True)
def _no_training_thread_outlives_its_test():
    """A thread-mode training loop still running after its test, while Python's garbage
    collector freed the previous tests' Qt objects during the next test's event processing,
    crashed the suite (segfault in 2 of ~10 full runs). Wait for such loops to end (a
    halted loop stops at its next batch), then collect here, on the GUI thread, between
    tests."""
    yield
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(
            t.name == "training" and t.is_alive() for t in threading.enumerate()):
        time.sleep(0.01)
    gc.collect()
    gc.freeze()  # survivors are never garbage-checked again: the next collect stays cheap
