"""The check that replaces Qt's bare "could not load the Qt platform plugin xcb"."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ui import linux_libs

README = Path(__file__).resolve().parents[1] / "README.md"

#: What ldd prints on a fresh Ubuntu 24.04 desktop (shortened).
FAKE_LDD = """\
\tlinux-vdso.so.1 (0x00007ffd6a5f3000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f1b2e000000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007f1b2dff0000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f1b2dfc0000)
"""


def test_ldd_output_names_the_missing_libraries_and_their_packages():
    missing = linux_libs.missing_libraries(FAKE_LDD)
    assert missing == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert [linux_libs.debian_package(s) for s in missing] == [
        "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]
    assert linux_libs.debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert linux_libs.debian_package("libEGL.so.1") == "libegl1"
    assert linux_libs.missing_libraries(FAKE_LDD.replace("not found", "/lib/x.so (0x1)")) == []


def test_check_prints_the_readme_command_when_xcb_lacks_libraries(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(linux_libs, "xcb_plugin", lambda: Path("/venv/libqxcb.so"))
    calls = []

    def fake_run(cmd, **kw):
        calls.append(cmd)
        return subprocess.CompletedProcess(cmd, 0, stdout=FAKE_LDD, stderr="")

    text = linux_libs.check_xcb(run=fake_run)
    assert calls == [["ldd", "/venv/libqxcb.so"]]
    assert "libxcb-cursor.so.0" in text and linux_libs.APT_COMMAND in text
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in text
    assert linux_libs.APT_COMMAND in README.read_text(encoding="utf-8")
    for pkg in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"):
        assert pkg in linux_libs.APT_PACKAGES


def test_no_check_off_xcb():
    assert not linux_libs.uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not linux_libs.uses_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not linux_libs.uses_xcb({}, "win32")
    assert linux_libs.uses_xcb({"DISPLAY": ":0"}, "linux")
    assert linux_libs.check_xcb(run=lambda *a, **k: 1 / 0) is None  # offscreen in tests
