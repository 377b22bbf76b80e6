"""The formula of every hyperparameter choice, in one table for tooltips and docs.

Losses and activations keep their formula beside their code (``Loss.formula``,
``Activation.formula``); this module collects them and adds the update rules of
the optimizers, the scales of the initializers and the regularization penalties,
written as in :mod:`simulator.optimizers` and :mod:`simulator.initializers`
(g = ∂E/∂w, α = learning rate, λ = regularization rate). Qt-free.
"""

from __future__ import annotations

from . import activations, losses
from .settings import OPTIMIZERS as _OPTIMIZER_NAMES
from .settings import REGULARIZATIONS as _REG_NAMES
from .spec import INITIALIZERS as _INIT_NAMES

#: Update rule per optimizer (defaults as in ``simulator.optimizers``).
OPTIMIZERS: dict[str, str] = {
    "sgd": "w ← w − α·g",
    "momentum": "v ← μ·v + g;  w ← w − α·v  (μ = 0.9)",
    "rmsprop": "s ← a·s + (1 − a)·g²;  w ← w − α·g / (√s + ε)  (a = 0.99, ε = 1e-8)",
    "adam": "m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  "
            "w ← w − α·m̂ / (√v̂ + ε),  m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)  "
            "(β₁ = 0.9, β₂ = 0.999)",
    "perceptron": "w ← w + α·(t − y)·x",
}

#: Distribution of the starting weights per initializer (biases start at 0).
INITIALIZERS: dict[str, str] = {
    "uniform01": "W ~ U(0, 1)",
    "uniform": "W ~ U(−l, l),  l = 1/√fan_in",
    "normal": "W ~ N(0, 1)",
    "xavier": "W ~ U(−l, l),  l = √(6/(fan_in + fan_out))",
    "he": "W ~ N(0, σ²),  σ = √(2/fan_in)",
    "zeros": "W = 0",
}

#: Loss with the penalty (weights only, never biases) per regularization.
REGULARIZATIONS: dict[str, str] = {
    "none": "E",
    "l1": "E + λ·Σ|w|",
    "l2": "E + λ/2·Σw²",
}

#: Formulas of the numeric hyperparameters (B = batch size, n = rows, k = patience).
LEARNING_RATE = "w ← w − α·∂E/∂w"
BATCH_SIZE = "g = (1/B)·Σ_batch ∂E_n/∂w"
REG_RATE = "λ:  " + REGULARIZATIONS["l1"] + "  /  " + REGULARIZATIONS["l2"]
EARLY_STOPPING = "stop at epoch e when min E_test over epochs e−k+1 … e ≥ min before them"
TRAIN_SHARE = "n_train = round(share·n),  n_test = n − n_train"

assert tuple(OPTIMIZERS) == _OPTIMIZER_NAMES, "optimizer formulas out of sync with settings"
assert tuple(INITIALIZERS) == _INIT_NAMES, "initializer formulas out of sync with spec"
assert tuple(REGULARIZATIONS) == _REG_NAMES, "regularization formulas out of sync"


def choice(kind: str, name: str) -> str:
    """The formula of choice ``name`` of setting ``kind`` ("loss", "optimizer", "init",
    "regularization", "activation"); "" where there is none (the backend)."""
    if kind == "loss":
        return losses.LOSSES[name].formula
    if kind == "activation":
        return activations.ACTIVATIONS[name].formula
    table = {"optimizer": OPTIMIZERS, "init": INITIALIZERS,
             "regularization": REGULARIZATIONS}.get(kind, {})
    return table.get(name, "")
