import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path, monkeypatch):
    """Keep QSettings (dock layout, recent files) out of the user's real config."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    yield


@pytest.fixture(scope="session", autouse=True)
def _compiled_engine_ready():
    """Compile (a fresh clone: ~40 s, once) or load the compiled training kernels once per
    test run, so no test pays for it and timing-sensitive tests see steady epochs."""
    from simulator import compiled

    compiled.prepare()
    yield
