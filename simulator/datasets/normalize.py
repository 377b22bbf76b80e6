"""Feature scaling whose statistics come from the training rows only.

- ``none``:        x' = x
- ``standardize``: x' = (x - mean) / std      (std of the training rows, ddof = 0)
- ``minmax``:      x' = (x - min) / (max - min), so training values land in [0, 1]

A constant training column (std = 0 or max = min) is only shifted (divided by 1), so it
becomes 0 instead of NaN. Test rows use the training statistics and may fall outside [0, 1].
"""

from __future__ import annotations

import numpy as np

from ..errors import DataError

METHODS = ("none", "standardize", "minmax")


class Normalizer:
    """``fit(train_X)`` once, then ``transform(X)`` any rows with the same columns."""

    def __init__(self, method: str = "none") -> None:
        if method not in METHODS:
            raise DataError(f"normalization '{method}' is not one of {', '.join(METHODS)}")
        #: "none", "standardize" or "minmax".
        self.method = method
        #: Per-column value subtracted (mean or min); None until fit.
        self.shift: np.ndarray | None = None
        #: Per-column divisor (std or max - min, 1 for constant columns); None until fit.
        self.scale: np.ndarray | None = None

    def fit(self, X) -> Normalizer:
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2:
            raise DataError(f"normalizer needs a 2-D table, got shape {X.shape}")
        if X.shape[0] == 0 and self.method != "none":
            raise DataError("cannot compute normalization statistics from 0 training rows")
        if self.method == "standardize":
            shift, scale = X.mean(axis=0), X.std(axis=0)
        elif self.method == "minmax":
            shift, scale = X.min(axis=0), X.max(axis=0) - X.min(axis=0)
        else:
            shift, scale = np.zeros(X.shape[1]), np.ones(X.shape[1])
        scale = np.where(scale > 1e-12 * np.maximum(1.0, np.abs(shift)), scale, 1.0)
        self.shift, self.scale = shift, scale
        return self

    @property
    def fitted(self) -> bool:
        return self.shift is not None

    def transform(self, X) -> np.ndarray:
        X = self._check(X)
        return (X - self.shift) / self.scale

    def inverse_transform(self, X) -> np.ndarray:
        """Back to the original units (e.g. to show a clicked point's raw coordinates)."""
        X = self._check(X)
        return X * self.scale + self.shift

    def fit_transform(self, X) -> np.ndarray:
        return self.fit(X).transform(X)

    def _check(self, X) -> np.ndarray:
        if self.shift is None:
            raise DataError("normalizer used before fit()")
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.shift.size:
            raise DataError(f"normalizer was fit on {self.shift.size} columns, "
                            f"got shape {X.shape}")
        return X

    def to_dict(self) -> dict:
        return {"method": self.method,
                "shift": None if self.shift is None else self.shift.tolist(),
                "scale": None if self.scale is None else self.scale.tolist()}

    def __repr__(self) -> str:
        return f"Normalizer({self.method!r}, {'fitted' if self.fitted else 'not fitted'})"
