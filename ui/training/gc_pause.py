"""Python's full garbage collections leave out what existed when training started.

A full collection walks every object the GUI process tracks: ~100 000 after start-up
(widgets, plots, canvas items, modules), 50-120 ms on the GUI thread, a frozen frame
every few seconds while snapshots arrive. While any training runs, those objects are
frozen (``gc.freeze``: left out of collections, nothing is copied); newer ones are
collected as usual. When the last run stops they are unfrozen, so garbage that formed
among them during training (a rebuilt canvas' items) is collected after all.
"""

from __future__ import annotations

import gc

_running = 0


def training_started() -> None:
    global _running
    if _running == 0:
        gc.freeze()
    _running += 1


def training_stopped() -> None:
    global _running
    if _running == 0:
        return
    _running -= 1
    if _running == 0:
        gc.unfreeze()
