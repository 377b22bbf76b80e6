"""Training settings and the data source: plain, copyable data.

Both the hyperparameter panel and the project file read the declarative
choice tables here, so a new option is added in one place. Settings are plain
dataclasses so they can be cloned, compared and sent to another process.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields, replace

from .errors import SpecError
from .spec import INITIALIZERS

LOSSES = ("mse", "sse", "bce", "cross_entropy")
OPTIMIZERS = ("sgd", "momentum", "rmsprop", "adam", "perceptron")
REGULARIZATIONS = ("none", "l1", "l2")
BACKENDS = ("numpy", "cupy", "auto")
DTYPES = ("float32", "float64")
#: Training paths (``Trainer(engine=...)``, env ANN_SIM_ENGINE): see simulator.compiled.
ENGINES = ("auto", "compiled", "numpy")
NORMALIZATIONS = ("none", "standardize", "minmax")
#: The learning-rate list offered in the UI (TensorFlow Playground's, widened to 1e-5 ... 10).
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)

#: Upper bounds of the numeric settings: what the panel's boxes can show (Qt spin boxes
#: hold 32-bit ints; a larger seed in a file raised OverflowError in the GUI) and what
#: still means something (a learning rate of 1e300 is a typo).
MAX_SEED = 2**31 - 1
MAX_BATCH_SIZE = 1_000_000
MAX_EPOCH_LIMIT = 100_000_000
MAX_PATIENCE = 1_000_000
MAX_LEARNING_RATE = 1e6
MAX_REG_RATE = 1e6
MAX_EPOCHS_PER_SECOND = 1e6


@dataclass
class TrainingSettings:
    """How to train: everything the Trainer needs besides the network and data."""

    loss: str = "mse"
    optimizer: str = "sgd"
    learning_rate: float = 0.03
    batch_size: int = 10
    init: str = "xavier"
    regularization: str = "none"
    reg_rate: float = 0.0
    seed: int = 0
    backend: str = "numpy"
    dtype: str = "float32"
    #: Stop after this many epochs; 0 means no limit.
    epoch_limit: int = 0
    #: Epochs per second shown to the learner; 0 means as fast as possible.
    epochs_per_second: float = 0.0
    #: Early stopping: stop after this many epochs without a better test loss (without test
    #: data: training loss after the epoch); 0 disables it.
    patience: int = 0
    #: On early stopping, go back to the weights of the best epoch.
    restore_best: bool = True

    CHOICES = {"loss": LOSSES, "optimizer": OPTIMIZERS, "init": INITIALIZERS,
               "regularization": REGULARIZATIONS, "backend": BACKENDS, "dtype": DTYPES}

    def validate(self) -> None:
        for name, allowed in self.CHOICES.items():
            if getattr(self, name) not in allowed:
                raise SpecError(f"setting '{name}': '{getattr(self, name)}' is not one of "
                                f"{', '.join(allowed)}")
        if not 0 < self.learning_rate <= MAX_LEARNING_RATE:  # (False for NaN as well)
            raise SpecError(f"learning rate must be a number above 0 and at most "
                            f"{MAX_LEARNING_RATE:g}, got {self.learning_rate}")
        for name, low, high in (("reg_rate", 0, MAX_REG_RATE),
                                ("epochs_per_second", 0, MAX_EPOCHS_PER_SECOND),
                                ("batch_size", 1, MAX_BATCH_SIZE), ("seed", 0, MAX_SEED),
                                ("epoch_limit", 0, MAX_EPOCH_LIMIT),
                                ("patience", 0, MAX_PATIENCE)):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and math.isfinite(value)
                    and low <= value <= high):
                raise SpecError(f"setting '{name}' must be from {low:g} to {high:g}, "
                                f"got {value!r}")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> TrainingSettings:
        return _from_dict(cls, d, "training settings")

    def replace(self, **changes) -> TrainingSettings:
        out = replace(self, **changes)
        out.validate()
        return out


@dataclass
class DataSource:
    """Where the data comes from and how it is split and scaled.

    ``kind`` is ``"builtin"`` (``name`` + generator ``params``) or ``"imported"``
    (the rows themselves travel in the project file, see ``simulator.project``).
    """

    kind: str = "builtin"
    name: str = "circle"
    params: dict = field(default_factory=dict)
    train_ratio: float = 0.5
    normalization: str = "none"
    #: Seed of the train/test split (the generators take their own ``seed`` param).
    split_seed: int = 0
    #: 2-D data: the network's input features (simulator.datasets.features), e.g.
    #: ["x1", "x2", "x1^2"]; empty (the default, and older files): the data's own columns.
    features: list = field(default_factory=list)

    def validate(self) -> None:
        if self.kind not in ("builtin", "imported"):
            raise SpecError(f"data source kind must be 'builtin' or 'imported', not '{self.kind}'")
        if isinstance(self.split_seed, bool) or not 0 <= self.split_seed <= MAX_SEED:
            raise SpecError(f"split seed must be from 0 to {MAX_SEED}, got {self.split_seed}")
        if not 0.0 < self.train_ratio <= 1.0:
            raise SpecError(f"train ratio must be in (0, 1], got {self.train_ratio}")
        if self.normalization not in NORMALIZATIONS:
            raise SpecError(f"normalization '{self.normalization}' is not one of "
                            f"{', '.join(NORMALIZATIONS)}")
        if self.features:
            from .datasets.features import canonical
            try:
                canonical(self.features)
            except Exception as exc:  # DataError: a SpecError for the project reader
                raise SpecError(str(exc)) from None

    def to_dict(self) -> dict:
        d = asdict(self)
        if not d["features"]:  # files without derived features stay as they were
            del d["features"]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> DataSource:
        return _from_dict(cls, d, "data source")

    def replace(self, **changes) -> DataSource:
        out = replace(self, **changes)
        out.validate()
        return out


def _from_dict(cls, d, what: str):
    if not isinstance(d, dict):
        raise SpecError(f"{what} must be an object")
    known = {f.name: f for f in fields(cls)}
    unknown = set(d) - set(known)
    if unknown:
        raise SpecError(f"{what}: unknown keys {sorted(unknown)}")
    defaults = cls()
    kwargs = {}
    for name, value in d.items():
        expected = type(getattr(defaults, name))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            raise SpecError(f"{what}: '{name}' must be {expected.__name__}, got {value!r}")
        kwargs[name] = value
    out = cls(**kwargs)
    out.validate()
    return out
