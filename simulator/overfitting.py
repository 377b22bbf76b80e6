"""Overfitting, Qt-free: where the test loss was best, what early stopping restored, and
the overfitting demo with its three fixes.

The lecture's picture: the training error keeps falling while the test error, after a
minimum, rises again; the epoch of that minimum is where overfitting starts, and early
stopping goes back to its weights. The loss plot marks both from the numbers here.

The demo (:func:`apply_demo`) is the lesson's setting made one click: few training
points, noisy labels, a large network. Each fix (:data:`FIXES`) changes one thing and
starts a fresh run from the same initial weights, so the Runs panel compares it with the
overfitting run. tests/test_overfitting.py trains them and checks that the demo does
overfit and that every fix narrows the gap between test and training loss.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

import numpy as np

from .datasets import BUILTINS
from .errors import DataError
from .settings import DataSource
from .spec import LayerSpec, NetworkSpec


class Best(NamedTuple):
    """The epoch with the lowest test loss (the first one on a tie) and that loss."""

    epoch: int
    loss: float


class EarlyStop(NamedTuple):
    """An early stop that restored weights: where training stopped and whose weights the
    network holds since (``restored`` <= ``stopped``)."""

    stopped: int
    restored: int


def best_test(epochs, test_loss) -> Best | None:
    """argmin over the finite test losses; None when there is none (no test set, an empty
    history, every value NaN or None)."""
    loss = _floats(test_loss)
    finite = np.isfinite(loss)
    if not finite.any():
        return None
    i = int(np.argmin(np.where(finite, loss, np.inf)))
    return Best(int(_floats(epochs)[i]), float(loss[i]))


def early_stop(epochs, restored_epoch) -> EarlyStop | None:
    """The latest row whose ``restored_epoch`` is set (``EpochStats.restored_epoch``),
    None when early stopping never restored weights in this run."""
    restored = _floats(restored_epoch)
    rows = np.flatnonzero(np.isfinite(restored))
    if not len(rows):
        return None
    i = int(rows[-1])
    return EarlyStop(int(_floats(epochs)[i]), int(restored[i]))


class MarkTracker:
    """:func:`best_test` and :func:`early_stop` of a series that only grows (a live plot's
    history), each row looked at once: a redraw of a million-epoch run costs the new
    rows, not the run. Call :meth:`reset` when the series starts again."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        #: Rows looked at so far, and what they gave.
        self.rows = 0
        self.best: Best | None = None
        self.stop: EarlyStop | None = None

    def update(self, epochs, test_loss, restored_epoch) -> tuple[Best | None, EarlyStop | None]:
        """The marks of the whole series, whose first ``rows`` rows were seen before."""
        n = len(epochs)
        if n < self.rows:  # shorter than before: another series
            self.reset()
        new = slice(self.rows, n)
        best = best_test(epochs[new], test_loss[new])
        if best is not None and (self.best is None or best.loss < self.best.loss):
            self.best = best  # (strictly lower: the first of equal losses stays)
        self.stop = early_stop(epochs[new], restored_epoch[new]) or self.stop
        self.rows = n
        return self.best, self.stop


def marks(history) -> tuple[Best | None, EarlyStop | None]:
    """:func:`best_test` and :func:`early_stop` of a :class:`~simulator.history.History`
    (or a list of rows)."""
    epochs, test, restored = (_column(history, k)
                              for k in ("epoch", "test_loss", "restored_epoch"))
    return best_test(epochs, test), early_stop(epochs, restored)


#: Rows averaged for the gap at the end of a run (the training loss is a mean over the
#: epoch's mini-batches and wanders from epoch to epoch).
GAP_ROWS = 10


def final_gap(history) -> float | None:
    """Test loss minus training loss of the weights the network ends with: at the
    restored epoch after an early stop, else averaged over the last GAP_ROWS epochs.
    None without test losses."""
    epochs, train, test = (_column(history, k) for k in ("epoch", "train_loss", "test_loss"))
    stop = early_stop(epochs, _column(history, "restored_epoch"))
    if stop is not None:
        rows = np.flatnonzero(epochs == stop.restored)[-1:]
    else:
        rows = np.arange(max(0, len(epochs) - GAP_ROWS), len(epochs))
    gap = test[rows] - train[rows]
    gap = gap[np.isfinite(gap)]
    return float(gap.mean()) if gap.size else None


def _column(history, key: str) -> np.ndarray:
    if hasattr(history, "column"):
        return history.column(key)
    return _floats([row.get(key) for row in history])


def _floats(values) -> np.ndarray:
    """float64 array, None as NaN."""
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64) \
        if isinstance(values, list) else np.asarray(values, dtype=np.float64)


# -- the demo and its fixes ---------------------------------------------------------------
#: Few points (30 for training), a quarter or more of them pushed across the circle's edge.
DEMO_DATA = DataSource(name="circle", params={"n_points": 60, "noise": 0.35, "seed": 0},
                       train_ratio=0.5, normalization="none", split_seed=0)
#: Three hidden layers of 10 tanh units: 261 weights for 30 points.
DEMO_HIDDEN = (10, 10, 10)
#: Training settings of the demo: Adam at a small step so the test loss turns visibly
#: (lowest near epoch 90, then rising), no penalty, no early stopping, 100 epochs a second.
DEMO_TRAINING = {"loss": "mse", "optimizer": "adam", "learning_rate": 0.003,
                 "batch_size": 10, "init": "xavier", "seed": 0, "regularization": "none",
                 "reg_rate": 0.0, "patience": 0, "restore_best": True, "epoch_limit": 1000,
                 "epochs_per_second": 100.0}
#: The fixes: name -> (part, changes). "data": generator parameters (raised to at least
#: these); "settings": training settings.
FIXES = {
    "more_data": ("data", {"n_points": 400}),
    "l2": ("settings", {"regularization": "l2", "reg_rate": 0.01}),
    "early_stopping": ("settings", {"patience": 50, "restore_best": True}),
}


def demo_spec(outputs: int = 1, output_activation: str = "tanh") -> NetworkSpec:
    """2 inputs, the demo's hidden layers, the given output layer."""
    return NetworkSpec(2, [LayerSpec(u, "tanh") for u in DEMO_HIDDEN]
                       + [LayerSpec(outputs, output_activation)])


def hidden_size(spec: NetworkSpec) -> tuple[int, int]:
    """(hidden layers, units of the widest hidden layer; 0 without hidden layers)."""
    hidden = spec.layers[:-1]
    return len(hidden), max((layer.units for layer in hidden), default=0)


def with_hidden_size(spec: NetworkSpec, layers: int, units: int) -> NetworkSpec:
    """``spec`` with ``layers`` hidden layers of ``units`` units each: the first ones kept
    (their activation, bias, name; connections that still fit), new ones appended with
    the last hidden layer's activation (tanh when there is none); the output layer stays.
    SpecError (from the spec) for sizes it refuses."""
    out = spec
    while len(out.layers) - 1 > layers:
        out = out.with_layer_removed(len(out.layers) - 2)
    activation = out.layers[-2].activation if len(out.layers) > 1 else "tanh"
    while len(out.layers) - 1 < layers:
        out = out.with_layer_inserted(len(out.layers) - 1, LayerSpec(units, activation))
    for column in range(1, layers + 1):
        if out.layers[column - 1].units != units:
            out = out.with_units(column, units)
    return out


def apply_demo(document) -> None:
    """Put the demo into ``document`` through its setters (run inside one undoable edit):
    its data, network and settings, and the seed's initial weights (a new run)."""
    document.set_settings(**DEMO_TRAINING)
    document.set_data(replace(DEMO_DATA, params=dict(DEMO_DATA.params)))
    spec = demo_spec()
    document.set_spec(spec, document.initial_weights(spec))


def apply_fix(document, name: str) -> None:
    """Fix ``name`` of :data:`FIXES` on the current document, then fresh initial weights
    (the overfitting run goes to the document's runs for comparison). DataError when the
    data has no such parameter (an imported table); KeyError for an unknown name."""
    part, changes = FIXES[name]
    if part == "data":
        src = document.data_source
        current = _generator_params(src)
        if not set(changes) <= set(current):
            raise DataError("this data set is not generated: import a table with more rows, "
                            "or choose a built-in 2-D data set")
        raised = {k: max(v, current[k]) for k, v in changes.items()}
        document.set_data(replace(src, params={**src.params, **raised}))
    else:
        document.set_settings(**changes)
    document.reset_weights()


def _generator_params(source: DataSource) -> dict:
    """The generator parameters in effect (defaults filled in); {} for imported data."""
    info = BUILTINS.get(source.name) if source.kind == "builtin" else None
    return {**info.defaults(), **source.params} if info else {}
