"""A minimal, Qt-free signal: models emit, views connect (napari's model/view split)."""

from collections.abc import Callable


class Signal:
    """Calls every connected slot, in connection order, with the emitted arguments."""

    def __init__(self) -> None:
        self._slots: list[Callable] = []

    def connect(self, slot: Callable) -> Callable:
        if slot not in self._slots:
            self._slots.append(slot)
        return slot

    def disconnect(self, slot: Callable | None = None) -> None:
        """Remove one slot, or all of them when ``slot`` is None."""
        if slot is None:
            self._slots.clear()
        elif slot in self._slots:
            self._slots.remove(slot)

    def emit(self, *args) -> None:
        for slot in list(self._slots):
            slot(*args)

    def __len__(self) -> int:
        return len(self._slots)
