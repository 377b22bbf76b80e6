"""How large the app draws what a student reads or sees: 1 at a desk, more on a projector.

One factor for the whole process (like the application font it goes with): Presentation
mode (``ui.lessons.presentation``) sets it, and the views that draw their own text and
lines (the canvas, the plots, the enlarged neuron) multiply their base sizes by it:
a size on screen is ``base * factor``, the base never changes, so turning the factor back
to 1 gives the very sizes of before. Qt-free: views observe it with :meth:`observe`.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable


class DisplayScale:
    """The factor and who follows it. Observers are held weakly: a view that is gone
    stops being called without having to disconnect."""

    def __init__(self) -> None:
        #: Multiplier of every drawn text size, line width and point size (1 = normal).
        self.factor = 1.0
        self._slots: list[weakref.WeakMethod] = []

    def observe(self, method: Callable[[float], None]) -> None:
        """Call the bound ``method(factor)`` after every change of the factor."""
        self._slots.append(weakref.WeakMethod(method))

    def set_factor(self, factor: float) -> None:
        factor = float(factor)
        if not factor > 0:
            raise ValueError(f"display scale must be positive, not {factor!r}")
        if factor == self.factor:
            return
        self.factor = factor
        for ref in list(self._slots):  # a slot may add observers (a view it rebuilds)
            method = ref()
            if method is not None:
                method(factor)
        self._slots = [ref for ref in self._slots if ref() is not None]


#: The app's one display scale.
display = DisplayScale()
