"""The GUI benchmarks measure the default window layout, not one a previous run or the
user saved (a layout with every dock floating open cost twice the GUI time): each run
keeps the app's settings in a new file of its own (``ANN_SIM_SETTINGS``)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def use_fresh_settings() -> str:
    """Point the app's settings at a new file in an empty folder (before any is read)."""
    path = str(Path(tempfile.mkdtemp(prefix="ann-sim-bench-")) / "ann-sim.ini")
    os.environ["ANN_SIM_SETTINGS"] = path
    return path
