"""From a DataSource (what the project file stores) to split, normalized arrays."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..errors import DataError, SimulatorError
from .catalog import load
from .dataset import Dataset
from .normalize import Normalizer

#: Inputs beyond this (as the network sees them) drive the first layer's tanh or sigmoid
#: units deep into saturation from the first step: the data panel suggests normalizing.
LARGE_INPUT = 5.0


@dataclass(frozen=True, eq=False)
class PreparedData:
    """The data a Trainer consumes: normalized train and test parts of one dataset."""

    #: The whole dataset in its original units (what the table view and the plots show).
    dataset: Dataset
    #: Training rows, X normalized with the training statistics.
    train: Dataset
    #: Test rows (possibly 0 rows), X normalized with the same training statistics.
    test: Dataset
    #: Fitted on train's raw X; maps new points (e.g. the decision-boundary grid) the same way.
    normalizer: Normalizer
    #: Row numbers in ``dataset`` of the train and test rows (sorted).
    train_indices: np.ndarray
    test_indices: np.ndarray

    @property
    def largest_input(self) -> float:
        """max |x| over the training inputs as the network sees them (after scaling)."""
        X = self.train.X
        return float(np.abs(X).max()) if X.size else 0.0


def prepare(source, dataset: Dataset | None = None) -> PreparedData:
    """Build (builtin) or take (imported) the dataset, split it, and normalize its features.

    ``source`` is a :class:`simulator.settings.DataSource`. For ``kind == "imported"`` the
    rows come from ``dataset``; for ``"builtin"`` a given ``dataset`` is used instead of
    regenerating (e.g. after the learner added points by clicking). Errors raise DataError.
    """
    try:
        source.validate()
    except SimulatorError as exc:
        raise DataError(str(exc)) from None
    if dataset is None:
        if source.kind == "imported":
            raise DataError("an imported data source needs its dataset (the rows)")
        if not isinstance(source.params, dict):
            raise DataError("data source params must be an object")
        dataset = load(source.name, **source.params)
    elif not isinstance(dataset, Dataset):
        raise DataError(f"expected a Dataset, got {type(dataset).__name__}")
    if len(dataset) == 0:
        raise DataError(f"dataset '{dataset.name}' has no rows")
    train_idx, test_idx = dataset.split_indices(source.train_ratio, source.split_seed)
    normalizer = Normalizer(source.normalization).fit(dataset.X[train_idx])
    train = dataset.subset(train_idx)
    test = dataset.subset(test_idx)
    train = replace(train, X=normalizer.transform(train.X))
    test = replace(test, X=normalizer.transform(test.X))
    return PreparedData(dataset, train, test, normalizer, train_idx, test_idx)
