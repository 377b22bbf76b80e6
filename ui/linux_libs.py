"""Before Qt starts on Linux: are the system libraries of Qt's xcb plugin installed?

On a fresh Debian or Ubuntu desktop a few X11 helper libraries PySide6 needs are
missing (libxcb-cursor0 first of all), and Qt then aborts with "could not load the Qt
platform plugin xcb", which does not say what to do. ``ldd`` on the plugin lists every
library it needs and marks the absent ones "not found"; this module turns that into a
message naming them and the one ``apt install`` line of the README.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

#: What the README tells Debian/Ubuntu users to install (all of PySide6's X11 needs).
APT_PACKAGES = ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
                "libxcb-render-util0", "libxcb-xinerama0", "libxcb-randr0", "libxcb-shape0",
                "libxcb-xkb1", "libxkbcommon-x11-0", "libegl1")
APT_COMMAND = "sudo apt install " + " ".join(APT_PACKAGES)

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.M)
_SONAME = re.compile(r"^(lib.+?)\.so\.(\d+)")


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames ``ldd`` reported as "not found", in its order, without repeats."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def debian_package(soname: str) -> str:
    """Debian's package for a library: libxcb-cursor.so.0 -> libxcb-cursor0,
    libxkbcommon-x11.so.0 -> libxkbcommon-x11-0 (a dash when the name ends in a digit)."""
    m = _SONAME.match(soname)
    if not m:
        return soname
    base, major = m.group(1).lower(), m.group(2)
    return f"{base}{'-' if base[-1].isdigit() else ''}{major}"


def message(missing: list[str]) -> str:
    packages = " ".join(debian_package(s) for s in missing)
    return ("ANN Simulator cannot open a window: Qt's X11 (xcb) platform plugin needs "
            f"system libraries that are not installed: {', '.join(missing)}.\n"
            f"On Debian or Ubuntu install them with:\n    {APT_COMMAND}\n"
            f"(the missing ones alone: sudo apt install {packages})")


def uses_xcb(env=os.environ, platform: str = sys.platform) -> bool:
    """True when Qt will pick the xcb plugin: Linux, asked for or no Wayland session."""
    if not platform.startswith("linux"):
        return False
    asked = env.get("QT_QPA_PLATFORM", "")
    if asked:
        return asked.split(";")[0].split(":")[0] == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def xcb_plugin() -> Path | None:
    import PySide6
    path = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return path if path.exists() else None


def check_xcb(run=subprocess.run) -> str | None:
    """The message to print instead of Qt's abort, or None when all is there (or when
    the platform is not xcb, or ldd is unavailable: then Qt says what it says)."""
    plugin = xcb_plugin() if uses_xcb() else None
    if plugin is None:
        return None
    try:
        out = run(["ldd", str(plugin)], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    missing = missing_libraries(out)
    return message(missing) if missing else None
