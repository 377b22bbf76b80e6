"""Panels that recompute from the document: soon after a change, once for a burst of
changes (training sends ~30 a second), and a hidden panel only when it is shown."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

#: A panel spends at most this share of the GUI thread recomputing while changes stream
#: in: after a recompute of d ms the next waits at least d / SHARE ms (the stepper of a
#: 2-8x6-1 network takes ~20 ms: 5 a second, not 7).
SHARE = 0.1


class RefreshWhenShown:
    """Mixin for a QWidget with a ``recompute()`` that sets ``self._stale = False``: call
    ``_init_refresh(ms)`` in ``__init__`` and connect document changes to ``_on_changed``.
    Put it before the Qt base class, so that its ``showEvent`` runs."""

    def _init_refresh(self, interval_ms: int) -> None:
        self._stale = True
        self._interval_ms = interval_ms
        self._timer = QTimer(self, singleShot=True, interval=interval_ms)
        self._timer.timeout.connect(self._timed_recompute)

    def _timed_recompute(self) -> None:
        start = time.perf_counter()
        self.recompute()
        cost_ms = 1000 * (time.perf_counter() - start)
        self._timer.setInterval(max(self._interval_ms, round(cost_ms / SHARE)))

    def _on_changed(self, *_args) -> None:
        """Recompute soon, once for a burst; a hidden panel waits until shown."""
        self._stale = True
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self.recompute()
