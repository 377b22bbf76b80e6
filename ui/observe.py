"""Qt views following the plain-Python document.

The document's signals are plain Python and can outlive a deleted widget, so a
view connects through :class:`DocumentObserver`: each slot runs only while the
view's C++ object is alive, and ``detach()`` disconnects them all.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6


class DocumentObserver:
    """Mixin for QObjects that observe ``document.events`` and ``document.inspector``."""

    def observe(self, document, **slots: Callable) -> None:
        """Connect ``document.events.<name>`` to each slot, e.g. ``spec=self.refresh``;
        ``language=`` is the interface language (View > Language), for texts the view
        computes (``ui.retranslate.follow_language``)."""
        for name, method in slots.items():
            if name == "language":
                from .retranslate import follow_language
                follow_language(self, self._guarded(method))
            else:
                self.follow(getattr(document.events, name), method)

    def follow(self, signal, method: Callable) -> None:
        """Connect one plain-Python signal (e.g. ``document.inspector.changed``)."""
        self._observed = getattr(self, "_observed", [])
        slot = self._guarded(method)
        signal.connect(slot)
        self._observed.append((signal, slot))

    def _guarded(self, method: Callable) -> Callable:
        def slot(*args):
            if shiboken6.isValid(self):
                method(*args)
        return slot

    def detach(self) -> None:
        """Stop following the document (the view is going away)."""
        for signal, slot in getattr(self, "_observed", []):
            signal.disconnect(slot)
        self._observed = []
