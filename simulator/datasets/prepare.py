"""From a DataSource (what the project file stores) to split, normalized arrays."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..errors import DataError, SimulatorError
from . import features as feats
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
    #: The derived input features (``features.canonical``), () for the data's own columns.
    features: tuple = ()
    #: Train and test rows on the (normalized) x1, x2 plane the plots draw: train.X and
    #: test.X themselves without derived features.
    train_plane: np.ndarray | None = None
    test_plane: np.ndarray | None = None

    def network_input(self, P: np.ndarray) -> np.ndarray:
        """Rows of the plots' plane (normalized x1, x2) as the network's input rows."""
        return feats.apply(P, self.features)

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
    train_plane, test_plane = normalizer.transform(train.X), normalizer.transform(test.X)
    names = feats.canonical(source.features) if source.features else ()
    train = _with_inputs(train, feats.apply(train_plane, names), names)
    test = _with_inputs(test, feats.apply(test_plane, names), names)
    return PreparedData(dataset, train, test, normalizer, train_idx, test_idx, names,
                        train_plane, test_plane)


def _with_inputs(part: Dataset, X: np.ndarray, names: tuple) -> Dataset:
    if not names:
        return replace(part, X=X)
    return replace(part, X=X, feature_names=tuple(feats.LABELS[n] for n in names))
