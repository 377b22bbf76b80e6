"""Explainability: which input features a trained network relies on (Qt-free).

Two model-agnostic views of a black box (the lecture's "eXplainable AI"):

* :func:`permutation_importance`: shuffle one feature column of the test set and see how
  much the loss grows. A feature the network ignores can be shuffled for free.
* :func:`saliency`: gradient × input for one sample, the first-order share of each
  feature in one output: s_j = x_j · ∂y_k/∂x_j. For a linear model y = x·w + b it is
  exactly x_j · w_j.

:func:`explain_document` does both for a :class:`~simulator.document.Document`, with the
features named as the data tables name them. Everything returns plain NumPy numbers, so
a GUI can run it in a worker thread and draw the result.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import activations
from .errors import DataError

#: Shuffles per feature: enough for a stable mean and spread on the app's data sets.
REPEATS = 10
#: Rows beyond this are subsampled (seeded) so one explanation takes well under a second.
MAX_ROWS = 2000


@dataclass(frozen=True)
class Importance:
    """Permutation importance per feature (test loss increase), with its spread."""

    names: tuple[str, ...]
    #: mean over repeats of E(permuted) - E(original), per feature
    mean: np.ndarray
    #: standard deviation over the repeats, per feature
    std: np.ndarray
    #: E(original): the loss on the unshuffled rows
    baseline: float
    repeats: int

    def ranking(self) -> list[str]:
        """Feature names, most important first."""
        return [self.names[i] for i in np.argsort(-self.mean, kind="stable")]


@dataclass(frozen=True)
class Saliency:
    """Gradient × input of one output for one sample."""

    names: tuple[str, ...]
    #: the sample's inputs (as the network sees them, i.e. after normalization)
    x: np.ndarray
    #: ∂y_k/∂x_j
    gradient: np.ndarray
    #: x_j · ∂y_k/∂x_j
    values: np.ndarray
    output: int


def permutation_importance(net, X, Y, loss: str = "mse", repeats: int = REPEATS,
                           seed: int = 0, names=None) -> Importance:
    """I_j = (1/R) Σ_r [E(X with column j permuted by π_r, Y) − E(X, Y)], r = 1 … R.

    ``E`` is the network's data loss (``net.loss``); each π_r is a seeded random
    permutation of the rows, so the result is reproducible. The spread is the standard
    deviation of the R differences. Breiman (2001), Random Forests, section 10.
    """
    X = np.asarray(X, dtype=np.float64)
    Y = np.asarray(Y, dtype=np.float64)
    if X.ndim != 2 or len(X) < 2:
        raise DataError("permutation importance needs at least 2 rows of test data")
    if repeats < 1:
        raise DataError(f"repeats must be at least 1, got {repeats}")
    rng = np.random.default_rng(seed)
    if len(X) > MAX_ROWS:
        keep = np.sort(rng.choice(len(X), MAX_ROWS, replace=False))
        X, Y = X[keep], Y[keep]
    names = _names(names, X.shape[1])
    base = float(net.loss(X, Y, loss))
    drops = np.empty((X.shape[1], repeats))
    shuffled = X.copy()
    for j in range(X.shape[1]):
        for r in range(repeats):
            shuffled[:, j] = X[rng.permutation(len(X)), j]
            drops[j, r] = float(net.loss(shuffled, Y, loss)) - base
        shuffled[:, j] = X[:, j]
    return Importance(names, drops.mean(axis=1), drops.std(axis=1), base, repeats)


def input_gradient(net, X, output: int = 0) -> np.ndarray:
    """∂y_k/∂X for every row of X, (n, features): backpropagation of the output unit k.

    From the output back: g_L = ∂y_k/∂Z_L (f′(Z_L) in column k, or the softmax Jacobian's
    row k: y_k (δ_kj − y_j)), then g_{l-1} = (g_l W_lᵀ) ⊙ f′_{l-1}(Z_{l-1}), and finally
    ∂y_k/∂X = g_1 W_1ᵀ. Uses the network's own forward pass (``net.forward``).
    """
    traces = net.forward(X)
    weights = net.get_weights()
    names = net.activations
    n_out = traces[-1].H.shape[1]
    if not 0 <= output < n_out:
        raise DataError(f"output {output} does not exist (the network has {n_out})")
    last = traces[-1]
    Z, H = last.Z.astype(np.float64), last.H.astype(np.float64)
    if names[-1] == "softmax":
        g = -H[:, [output]] * H
        g[:, output] += H[:, output]
    else:
        g = np.zeros_like(Z)
        g[:, output] = activations.get(names[-1]).df(Z, H)[:, output]
    for layer in range(len(weights) - 1, 0, -1):
        W = np.asarray(weights[layer][0], dtype=np.float64)
        prev = traces[layer]
        g = (g @ W.T) * activations.get(names[layer - 1]).df(
            prev.Z.astype(np.float64), prev.H.astype(np.float64))
    return g @ np.asarray(weights[0][0], dtype=np.float64).T


def saliency(net, x, output: int = 0, names=None) -> Saliency:
    """Gradient × input for one sample x: s_j = x_j · ∂y_k/∂x_j (k = ``output``)."""
    x = np.asarray(x, dtype=np.float64).reshape(1, -1)
    grad = input_gradient(net, x, output)[0]
    return Saliency(_names(names, x.shape[1]), x[0].copy(), grad, x[0] * grad, output)


def explain_document(doc, sample: int = 0, output: int = 0, repeats: int = REPEATS,
                     seed: int = 0) -> tuple[Importance, Saliency]:
    """Permutation importance on the document's test rows (the training rows when there
    is no test part) and the saliency of test row ``sample``; features named by the
    dataset (``dataset.feature_names``)."""
    net = doc.build_network()
    part = doc.data.test if len(doc.data.test) >= 2 else doc.data.train
    names = doc.dataset.feature_names
    importance = permutation_importance(net, part.X, part.Y, doc.settings.loss, repeats,
                                        seed, names)
    row = min(max(int(sample), 0), len(part) - 1)
    return importance, saliency(net, part.X[row], output, names)


def _names(names, n: int) -> tuple[str, ...]:
    if names is None:
        return tuple(f"x{j + 1}" for j in range(n))
    names = tuple(str(s) for s in names)
    if len(names) != n:
        raise DataError(f"{len(names)} feature names for {n} columns")
    return names
