"""Frame gaps for the GUI benchmarks: a 33 ms QTimer on the GUI thread records how long
each of its ticks really took. A gap well over 33 ms is a frame the GUI thread could not
draw in time (it was busy applying snapshots, redrawing or painting)."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QTimer

#: The plots' refresh interval: the tick a responsive GUI keeps.
FRAME_MS = 33


class FrameGaps:
    """``start()``, let the event loop run, then ``take()`` the gaps (ms) since the last
    take; ``stop()`` at the end."""

    def __init__(self) -> None:
        self._gaps: list[float] = []
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self._gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def take(self) -> np.ndarray:
        """The gaps in ms since ``start`` or the last ``take`` (a 0 when there was none)."""
        gaps, self._gaps = self._gaps, []
        return np.array(gaps) * 1000 if gaps else np.zeros(1)
