"""What a grid search tries: the axes, their expansion into runs, and the data the runs share.

A :class:`Grid` holds one list of values per axis (hidden layout, hidden activation,
learning rate, batch size, optimizer) plus ``seeds`` (k seeds: ``seed, seed+1, ...``),
the epochs per run and an optional early stop (patience). :meth:`Grid.expand` makes the
Cartesian product, one :class:`RunConfig` per run, seeds innermost, so every run is plain,
picklable data that can be trained anywhere and reproduced from its seed alone.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace

import numpy as np

from ..errors import SpecError
from ..settings import OPTIMIZERS, TrainingSettings
from ..spec import ACTIVATIONS, MAX_UNITS

#: Largest grid accepted (runs); a typo like "--seeds 1000" fails fast instead of running for days.
MAX_RUNS = 100_000
#: Most hidden layers in one layout.
MAX_HIDDEN_LAYERS = 16
#: Most epochs per run.
MAX_EPOCHS = 1_000_000


def parse_layout(text: str) -> tuple[int, ...]:
    """``"8,4"`` -> (8, 4): units per hidden layer; ``"0"`` or ``"-"`` is no hidden layer."""
    t = text.strip().replace(" ", "")
    if t in ("0", "-", "none"):
        return ()
    try:
        units = tuple(int(u) for u in t.split(","))
    except ValueError:
        raise SpecError(f"hidden layout '{text}': write units per layer like 4 or 8,4") from None
    if not units or len(units) > MAX_HIDDEN_LAYERS:
        raise SpecError(f"hidden layout '{text}': 1 to {MAX_HIDDEN_LAYERS} layers")
    if any(not 1 <= u <= MAX_UNITS for u in units):
        raise SpecError(f"hidden layout '{text}': units must be between 1 and {MAX_UNITS}")
    return units


def parse_layouts(text: str) -> list[tuple[int, ...]]:
    """``"4; 8; 4,4; 8,8"`` -> [(4,), (8,), (4, 4), (8, 8)] (duplicates dropped)."""
    parts = [p for p in text.split(";") if p.strip()]
    if not parts:
        raise SpecError("give at least one hidden layout, e.g. 4; 8; 4,4")
    return list(dict.fromkeys(parse_layout(p) for p in parts))


def format_layout(hidden: tuple[int, ...]) -> str:
    """(8, 4) -> ``"8,4"``; () -> ``"0"`` (the inverse of :func:`parse_layout`)."""
    return ",".join(map(str, hidden)) if hidden else "0"


@dataclass(frozen=True)
class RunConfig:
    """One run of a grid: everything that differs from the project's own settings."""

    index: int
    hidden: tuple[int, ...]
    activation: str
    learning_rate: float
    batch_size: int
    optimizer: str
    seed: int
    epochs: int
    patience: int = 0

    @property
    def group(self) -> tuple:
        """The configuration without its seed: runs of one group are averaged."""
        return (self.hidden, self.activation, self.learning_rate, self.batch_size,
                self.optimizer, self.epochs, self.patience)

    def network_spec(self, base: dict) -> dict:
        """``base``'s inputs and output layer with this run's hidden layers in between."""
        hidden = [{"units": u, "activation": self.activation} for u in self.hidden]
        return {"inputs": base["inputs"], "layers": hidden + [dict(base["layers"][-1])]}

    def settings(self, base: TrainingSettings) -> TrainingSettings:
        """``base`` with this run's learning rate, batch size, optimizer, seed and patience."""
        return base.replace(learning_rate=self.learning_rate, batch_size=self.batch_size,
                            optimizer=self.optimizer, seed=self.seed, patience=self.patience,
                            epoch_limit=0, backend="numpy")


@dataclass
class Grid:
    """The axes of a grid search; empty lists take the project's own value (see ``expand``)."""

    hidden: list[tuple[int, ...]] = field(default_factory=lambda: [(4,)])
    activation: list[str] = field(default_factory=list)
    learning_rate: list[float] = field(default_factory=list)
    batch_size: list[int] = field(default_factory=list)
    optimizer: list[str] = field(default_factory=list)
    #: k seeds per configuration: base seed, base seed + 1, ...
    seeds: int = 1
    epochs: int = 500
    #: Early stopping after this many epochs without a better test loss; 0 = off.
    patience: int = 0

    def validate(self) -> None:
        if not self.hidden:
            raise SpecError("give at least one hidden layout")
        for a in self.activation:
            if a not in ACTIVATIONS or a == "softmax":
                raise SpecError(f"hidden activation '{a}' is not one of "
                                f"{', '.join(x for x in ACTIVATIONS if x != 'softmax')}")
        for o in self.optimizer:
            if o not in OPTIMIZERS:
                raise SpecError(f"optimizer '{o}' is not one of {', '.join(OPTIMIZERS)}")
        if any(not (lr > 0 and np.isfinite(lr)) for lr in self.learning_rate):
            raise SpecError("learning rates must be positive numbers")
        if any(b < 1 for b in self.batch_size):
            raise SpecError("batch sizes must be at least 1")
        if not 1 <= self.seeds <= 1000:
            raise SpecError(f"seeds must be between 1 and 1000, got {self.seeds}")
        if not 1 <= self.epochs <= MAX_EPOCHS:
            raise SpecError(f"epochs must be between 1 and {MAX_EPOCHS}, got {self.epochs}")
        if self.patience < 0:
            raise SpecError(f"patience must be 0 or more, got {self.patience}")
        n = self.size()
        if n > MAX_RUNS:
            raise SpecError(f"the grid has {n} runs; at most {MAX_RUNS} are allowed")

    def size(self) -> int:
        """Number of runs: the product of the axis lengths times the seeds."""
        n = self.seeds * len(self.hidden)
        for axis in (self.activation, self.learning_rate, self.batch_size, self.optimizer):
            n *= max(1, len(axis))
        return n

    def expand(self, base: TrainingSettings | None = None,
               base_activation: str = "tanh") -> list[RunConfig]:
        """All runs, seeds innermost; an empty axis takes ``base``'s value."""
        self.validate()
        base = base or TrainingSettings()
        axes = itertools.product(self.hidden, self.activation or [base_activation],
                                 self.learning_rate or [base.learning_rate],
                                 self.batch_size or [base.batch_size],
                                 self.optimizer or [base.optimizer],
                                 range(base.seed, base.seed + self.seeds))
        return [RunConfig(i, tuple(h), a, float(lr), int(b), o, int(s), self.epochs,
                          self.patience)
                for i, (h, a, lr, b, o, s) in enumerate(axes)]


@dataclass
class GridData:
    """What every run shares: the project's spec (inputs and output layer), settings and data."""

    spec: dict
    settings: TrainingSettings
    X: np.ndarray
    Y: np.ndarray
    X_test: np.ndarray | None = None
    Y_test: np.ndarray | None = None

    @classmethod
    def from_document(cls, doc) -> GridData:
        """The document's network spec, settings and normalized train/test arrays."""
        test = doc.data.test
        has_test = len(test) > 0
        return cls(doc.spec.to_dict(), replace(doc.settings), doc.data.train.X,
                   doc.data.train.Y, test.X if has_test else None,
                   test.Y if has_test else None)

    @property
    def hidden_activation(self) -> str:
        """The project's first hidden activation (the default of the activation axis)."""
        layers = self.spec["layers"]
        return layers[0]["activation"] if len(layers) > 1 else "tanh"
