"""The Dataset type: a feature matrix, a target matrix and the names that go with them.

Convention for the targets ``Y`` (the network's output layer is sized from it):

- regression: one column per target, any finite numbers;
- classification with 2 classes: ONE column of 0/1 (row label 1 means ``target_names[1]``),
  so a single sigmoid output unit fits it;
- classification with k >= 3 classes: k columns, one-hot (``Y[i, c] == 1`` for the row's class).

A Dataset is treated as immutable: the helpers return new Datasets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from ..errors import DataError

TASKS = ("classification", "regression")
#: Most classes a classification dataset may have (the output layer gets one unit each).
MAX_CLASSES = 100


@dataclass(frozen=True, eq=False)
class Dataset:
    """Rows of features ``X`` (n, features) and targets ``Y`` (n, outputs), both float64."""

    X: np.ndarray
    Y: np.ndarray
    #: One name per column of X (shown as table headers and input-node labels).
    feature_names: tuple[str, ...]
    #: Class names (classification, index = class number) or target column names (regression).
    target_names: tuple[str, ...]
    #: "classification" or "regression".
    task: str = "classification"
    #: Short identifier, e.g. "circle" or the CSV file's stem.
    name: str = ""
    #: One or two sentences for the learner: where the data come from, what a row is.
    description: str = ""

    def __post_init__(self) -> None:
        X = np.array(self.X, dtype=np.float64)  # copies: callers cannot alias our arrays
        Y = np.array(self.Y, dtype=np.float64)
        if X.ndim == 1 and X.size == 0:
            X = X.reshape(0, len(self.feature_names))
        if Y.ndim == 1:
            Y = Y.reshape(-1, 1)
        object.__setattr__(self, "X", X)
        object.__setattr__(self, "Y", Y)
        object.__setattr__(self, "feature_names", tuple(str(s) for s in self.feature_names))
        object.__setattr__(self, "target_names", tuple(str(s) for s in self.target_names))
        self._validate()
        X.setflags(write=False)
        Y.setflags(write=False)

    def _validate(self) -> None:
        X, Y = self.X, self.Y
        if self.task not in TASKS:
            raise DataError(f"dataset task must be 'classification' or 'regression', "
                            f"not {self.task!r}")
        if X.ndim != 2 or Y.ndim != 2:
            raise DataError(f"X and Y must be 2-D tables, got shapes {X.shape} and {Y.shape}")
        if X.shape[0] != Y.shape[0]:
            raise DataError(f"X has {X.shape[0]} rows but Y has {Y.shape[0]}")
        if X.shape[1] < 1:
            raise DataError("a dataset needs at least one feature column")
        if X.shape[1] != len(self.feature_names):
            raise DataError(f"X has {X.shape[1]} columns but {len(self.feature_names)} "
                            f"feature names were given")
        _check_finite(X, "X", self.feature_names)
        _check_finite(Y, "Y", None)
        if self.task == "regression":
            if Y.shape[1] < 1 or Y.shape[1] != len(self.target_names):
                raise DataError(f"Y has {Y.shape[1]} columns but {len(self.target_names)} "
                                f"target names were given")
            return
        k = len(self.target_names)
        if not 2 <= k <= MAX_CLASSES:
            raise DataError(f"a classification dataset needs 2 to {MAX_CLASSES} class names, "
                            f"got {k}")
        if len(set(self.target_names)) != k:
            raise DataError(f"class names must be different: {list(self.target_names)}")
        want = 1 if k == 2 else k
        if Y.shape[1] != want:
            raise DataError(f"{k} classes need Y with {want} column(s), got {Y.shape[1]}")
        if k == 2:
            bad = np.flatnonzero((Y[:, 0] != 0) & (Y[:, 0] != 1))
            if bad.size:
                raise DataError(f"row {bad[0] + 1}: a 2-class target must be 0 or 1, "
                                f"got {Y[bad[0], 0]:g}")
        else:
            ok = np.all((Y == 0) | (Y == 1), axis=1) & (Y.sum(axis=1) == 1)
            bad = np.flatnonzero(~ok)
            if bad.size:
                raise DataError(f"row {bad[0] + 1}: a {k}-class target must be one-hot "
                                f"(a single 1), got {Y[bad[0]].tolist()}")

    # -- shape -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return self.X.shape[0]

    @property
    def n_features(self) -> int:
        return self.X.shape[1]

    @property
    def n_outputs(self) -> int:
        """Width of Y: the output layer's size."""
        return self.Y.shape[1]

    @property
    def n_classes(self) -> int:
        """Number of classes (0 for regression)."""
        return len(self.target_names) if self.task == "classification" else 0

    @property
    def class_names(self) -> tuple[str, ...]:
        """The class names for classification, () for regression."""
        return self.target_names if self.task == "classification" else ()

    @property
    def labels(self) -> np.ndarray:
        """Class number (int) of each row; classification only."""
        if self.task != "classification":
            raise DataError("labels exist only for classification data")
        if self.Y.shape[1] == 1:
            return self.Y[:, 0].astype(np.int64)
        return np.argmax(self.Y, axis=1).astype(np.int64) if len(self) else np.zeros(0, np.int64)

    def __repr__(self) -> str:
        what = (f"{self.n_classes} classes" if self.task == "classification"
                else f"{self.n_outputs} target(s)")
        return (f"Dataset({self.name!r}, {len(self)} rows x {self.n_features} features, "
                f"{self.task}, {what})")

    # -- building new datasets -------------------------------------------------------------
    def encode_labels(self, labels) -> np.ndarray:
        """Y rows for the given class numbers (0/1 column for 2 classes, one-hot otherwise)."""
        return one_hot(labels, self.n_classes)

    def subset(self, indices) -> Dataset:
        """The rows at ``indices`` (in that order)."""
        idx = np.asarray(indices, dtype=np.int64).reshape(-1)
        return replace(self, X=self.X[idx], Y=self.Y[idx])

    def with_points_added(self, points, labels) -> Dataset:
        """A copy with rows appended.

        ``points``: (m, n_features) feature values. ``labels``: for classification the class
        number of each point (m,); for regression the target values, (m,) or (m, outputs).
        """
        P = _as_float(points, "points")
        if P.ndim == 1:
            P = P.reshape(1, -1) if P.size == self.n_features else P.reshape(-1, 1)
        if P.ndim != 2 or P.shape[1] != self.n_features:
            raise DataError(f"points must have {self.n_features} value(s) each, "
                            f"got shape {P.shape}")
        if self.task == "classification":
            Y = self.encode_labels(labels)
        else:
            Y = _as_float(labels, "target values")
            if Y.size % self.n_outputs:
                raise DataError(f"each point needs {self.n_outputs} target value(s)")
            Y = Y.reshape(-1, self.n_outputs)
        if Y.shape[0] != P.shape[0]:
            raise DataError(f"{P.shape[0]} points but {Y.shape[0]} labels")
        return replace(self, X=np.vstack([self.X, P]), Y=np.vstack([self.Y, Y]))

    def with_points_removed(self, indices) -> Dataset:
        """A copy without the rows at ``indices`` (0-based; duplicates are ignored)."""
        idx = np.asarray(indices, dtype=np.int64).reshape(-1)
        if idx.size and (idx.min() < -len(self) or idx.max() >= len(self)):
            raise DataError(f"row index out of range 0..{len(self) - 1}: {idx.tolist()}")
        keep = np.ones(len(self), dtype=bool)
        keep[idx] = False
        return replace(self, X=self.X[keep], Y=self.Y[keep])

    # -- train / test split ----------------------------------------------------------------
    def split_indices(self, train_ratio: float, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """Row indices (sorted) of the training and test parts; see :meth:`split`."""
        if not (isinstance(train_ratio, (int, float)) and 0.0 < train_ratio <= 1.0):
            raise DataError(f"train ratio must be in (0, 1], got {train_ratio!r}")
        n = len(self)
        rng = np.random.default_rng(seed)
        n_train = min(n, max(1, round(train_ratio * n))) if n else 0
        order = np.argsort(_row_keys(self.X, self.Y, seed), kind="stable")
        if self.task == "regression":
            train = order[:n_train]
        else:
            train = _stratified(self.labels, self.n_classes, n_train, order, rng)
        mask = np.zeros(n, dtype=bool)
        mask[train] = True
        return np.flatnonzero(mask), np.flatnonzero(~mask)

    def split(self, train_ratio: float, seed: int = 0) -> tuple[Dataset, Dataset]:
        """(train, test): ``round(ratio * n)`` training rows, the rest for testing.

        Classification splits are stratified: each class is divided in the same ratio
        (largest remainders decide the rounding; a class that has rows gets at least one
        training row when there is room). The same seed gives the same split. Ratio 1.0
        leaves an empty test set with the right number of columns. Rows keep their order.
        """
        train, test = self.split_indices(train_ratio, seed)
        return self.subset(train), self.subset(test)

    # -- plain data ------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """JSON-able form (lists, strings); :meth:`from_dict` reads it back."""
        return {"name": self.name, "description": self.description, "task": self.task,
                "feature_names": list(self.feature_names),
                "target_names": list(self.target_names),
                "X": self.X.tolist(), "Y": self.Y.tolist()}

    @classmethod
    def from_dict(cls, d) -> Dataset:
        """Validate and build; any problem raises DataError naming the key (and row)."""
        if not isinstance(d, dict):
            raise DataError("dataset must be an object")
        required = ("task", "feature_names", "target_names", "X", "Y")
        missing = [k for k in required if k not in d]
        if missing:
            raise DataError(f"dataset: missing keys {missing}")
        unknown = set(d) - set(required) - {"name", "description"}
        if unknown:
            raise DataError(f"dataset: unknown keys {sorted(unknown)}")
        for key in ("name", "description", "task"):
            if not isinstance(d.get(key, ""), str):
                raise DataError(f"dataset: '{key}' must be a string")
        for key in ("feature_names", "target_names"):
            v = d[key]
            if not isinstance(v, list) or not all(isinstance(s, str) for s in v):
                raise DataError(f"dataset: '{key}' must be a list of strings")
        if d["task"] not in TASKS:
            raise DataError(f"dataset: task must be 'classification' or 'regression', "
                            f"not {d['task']!r}")
        X = _table(d["X"], "X", len(d["feature_names"]))
        width = len(d["target_names"])
        if d["task"] == "classification" and width == 2:
            width = 1
        Y = _table(d["Y"], "Y", width)
        return cls(X=X, Y=Y, feature_names=tuple(d["feature_names"]),
                   target_names=tuple(d["target_names"]), task=d["task"],
                   name=d.get("name", ""), description=d.get("description", ""))


def one_hot(labels, n_classes: int) -> np.ndarray:
    """Y for class numbers: a 0/1 column when n_classes == 2, else one-hot (m, n_classes)."""
    lab = _as_float(labels, "class labels")
    if lab.ndim == 0:
        lab = lab.reshape(1)
    if lab.ndim != 1:
        raise DataError(f"class labels must be a list of class numbers, got shape {lab.shape}")
    if lab.size and (np.any(lab != np.round(lab)) or lab.min() < 0 or lab.max() >= n_classes):
        raise DataError(f"class labels must be whole numbers 0..{n_classes - 1}, "
                        f"got {sorted(set(lab.tolist()))[:10]}")
    lab = lab.astype(np.int64)
    if n_classes == 2:
        return lab.astype(np.float64).reshape(-1, 1)
    Y = np.zeros((lab.size, n_classes))
    Y[np.arange(lab.size), lab] = 1.0
    return Y


def _row_keys(X: np.ndarray, Y: np.ndarray, seed: int) -> np.ndarray:
    """A pseudo-random uint64 per row, made from the row's own values and the seed.

    Splitting by these keys (instead of a permutation of row numbers) keeps every
    row on its side of the split when the learner adds or removes other points.
    Each 64-bit word of the row goes through SplitMix64's finalizer.
    """
    words = np.ascontiguousarray(np.hstack([X, Y]), dtype=np.float64).view(np.uint64)
    h = np.full(len(words), (int(seed) * 0x9E3779B97F4A7C15 + 1) % 2**64, dtype=np.uint64)
    for column in words.T:
        h ^= column
        h ^= h >> np.uint64(30)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(27)
        h *= np.uint64(0x94D049BB133111EB)
        h ^= h >> np.uint64(31)
    return h


def _stratified(labels: np.ndarray, k: int, n_train: int, order: np.ndarray,
                rng) -> np.ndarray:
    """Pick n_train rows so each class keeps (almost exactly) the overall ratio;
    within a class, rows are taken in ``order``."""
    n = labels.size
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    ordered = labels[order]
    members = [order[ordered == c] for c in range(k)]
    counts = np.array([m.size for m in members])
    exact = counts * (n_train / n)
    take = np.floor(exact).astype(np.int64)
    # Largest remainders get the leftover rows; ties go to a random class (seeded).
    order = np.lexsort((rng.permutation(k), -(exact - take)))
    for c in order[: n_train - take.sum()]:
        take[c] += 1
    # Every class that has rows should appear in training when there is room for it.
    for c in np.flatnonzero((take == 0) & (counts > 0)):
        donor = int(np.argmax(take))
        if take[donor] > 1:
            take[donor] -= 1
            take[c] += 1
    return np.concatenate([m[:t] for m, t in zip(members, take, strict=True)])


def _as_float(values, what: str) -> np.ndarray:
    try:
        a = np.array(values, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise DataError(f"{what} must be numbers: {exc}") from None
    if not np.all(np.isfinite(a)):
        raise DataError(f"{what} must be finite numbers (no NaN or infinity)")
    return a


def _check_finite(A: np.ndarray, what: str, names) -> None:
    bad = np.argwhere(~np.isfinite(A))
    if bad.size:
        r, c = bad[0]
        col = f"column '{names[c]}'" if names is not None and c < len(names) else f"column {c + 1}"
        raise DataError(f"{what} row {r + 1}, {col}: {A[r, c]} is not a finite number")


def _table(rows, what: str, width: int) -> np.ndarray:
    """A list of equal-length lists of numbers -> (n, width) float array, or DataError."""
    if not isinstance(rows, list):
        raise DataError(f"dataset: '{what}' must be a list of rows")
    out = np.empty((len(rows), width))
    for i, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != width:
            raise DataError(f"dataset: '{what}' row {i + 1} must be a list of {width} numbers")
        for j, v in enumerate(row):
            try:
                ok = not isinstance(v, bool) and isinstance(v, (int, float)) and math.isfinite(v)
            except OverflowError:
                ok = False
            if not ok:
                raise DataError(f"dataset: '{what}' row {i + 1}, column {j + 1}: {v!r} is not "
                                f"a finite number")
            out[i, j] = v
    return out
