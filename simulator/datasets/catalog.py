"""The built-in datasets: one declarative table (BUILTINS) that the UI and load() both read.

2-D generators follow TensorFlow Playground's ``src/dataset.ts`` (Apache-2.0): points live
in about [-6, 6]^2, ``noise`` is a fraction 0 .. 0.5 (the Playground's 0 .. 50 %), and class 1
is the Playground's positive (blue) label. Our generators take a ``seed`` so that the same
parameters always give the same points.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from ..errors import DataError
from .dataset import Dataset


@dataclass(frozen=True)
class Param:
    """One generator parameter, with the range its UI slider offers."""

    default: float
    minimum: float
    maximum: float
    step: float
    #: int or float.
    type: type = float
    #: Label for the UI.
    label: str = ""


@dataclass(frozen=True)
class BuiltinInfo:
    """What the dataset panel needs to know about a built-in before loading it."""

    name: str
    #: English title; ``title_ko`` is the Korean one.
    title: str
    title_ko: str
    #: "logic", "table", "2d-classification", "2d-regression" or "real".
    group: str
    #: "classification" or "regression".
    task: str
    #: Number of feature columns (input layer size).
    n_features: int
    #: Width of Y (output layer size): 1 for 2 classes, k for k >= 3 classes.
    n_outputs: int
    description: str
    #: Generator parameters (name -> Param); empty for fixed tables.
    params: dict[str, Param] = field(default_factory=dict)
    #: Builds the Dataset from the params (internal; use :func:`load`).
    build: Callable[..., Dataset] | None = field(default=None, repr=False, compare=False)

    def defaults(self) -> dict:
        return {k: p.type(p.default) for k, p in self.params.items()}


GENERATOR_PARAMS = {
    "n_points": Param(500, 10, 2000, 10, int, "points"),
    "noise": Param(0.0, 0.0, 0.5, 0.05, float, "noise"),
    "seed": Param(0, 0, 2**31 - 1, 1, int, "seed"),
}
XY = ("x1", "x2")
BINARY = ("0", "1")


def _labeled(X, labels, name, description) -> Dataset:
    lab = np.asarray(labels, dtype=np.float64).reshape(-1, 1)
    return Dataset(np.asarray(X, dtype=np.float64), lab, XY, BINARY, "classification",
                   name, description)


# -- the lecture's tables ---------------------------------------------------------------------
_GATES = {
    "and": ("AND", "AND 게이트", [0, 0, 0, 1]),
    "or": ("OR", "OR 게이트", [0, 1, 1, 1]),
    "nand": ("NAND", "NAND 게이트", [1, 1, 1, 0]),
    "xor_gate": ("XOR", "XOR 게이트", [0, 1, 1, 0]),
}
_GATE_INPUTS = [[0, 0], [0, 1], [1, 0], [1, 1]]


def _gate(name: str) -> Dataset:
    title, _, y = _GATES[name]
    extra = (" No single straight line separates the classes: a perceptron cannot learn "
             "it, a network with a hidden layer can." if name == "xor_gate"
             else " A single perceptron (one straight line) can learn it.")
    return Dataset(np.array(_GATE_INPUTS, float), np.array(y, float).reshape(-1, 1), XY,
                   BINARY, "classification", name,
                   f"The {title} truth table: inputs x1, x2 in {{0, 1}}, target 0 or 1." + extra)


#: The lecture's feature table (4 rows x 3 columns a, b, c) used for the matrix view.
FEATURE_TABLE = np.array([[4, 3, 2], [2, 9, 1], [3, 3, 2], [2, 4, 1]], dtype=np.float64)


def _features() -> Dataset:
    return Dataset(FEATURE_TABLE, FEATURE_TABLE.sum(axis=1, keepdims=True), ("a", "b", "c"),
                   ("a+b+c",), "regression", "features",
                   "The lecture's feature table (4 rows, columns a, b, c) for the matrix view "
                   "X @ W. The lecture gives no target, so the target is the plain sum "
                   "a + b + c: a weighted sum with every weight 1, which one linear neuron "
                   "learns exactly.")


# -- 2-D generators (TensorFlow Playground's shapes) ------------------------------------------
def _halves(n: int) -> tuple[int, int]:
    """Point counts of the first (class 1) and second half: n1 + n2 == n."""
    return (n + 1) // 2, n // 2


def _circle(n_points, noise, seed) -> Dataset:
    rng = np.random.default_rng(seed)
    radius = 5.0
    n1, n2 = _halves(n_points)
    r = np.concatenate([rng.uniform(0, radius * 0.5, n1), rng.uniform(radius * 0.7, radius, n2)])
    angle = rng.uniform(0, 2 * math.pi, n_points)
    X = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
    shifted = X + rng.uniform(-radius, radius, X.shape) * noise
    label = np.hypot(shifted[:, 0], shifted[:, 1]) < radius * 0.5
    return _labeled(X, label, "circle",
                    "Class 1 inside a circle of radius 2.5, class 0 in a ring from 3.5 to 5. "
                    "Noise moves the point used to pick the label, so labels near the "
                    "border get mixed.")


def _xor(n_points, noise, seed) -> Dataset:
    rng = np.random.default_rng(seed)
    X = rng.uniform(-5, 5, (n_points, 2))
    X += np.where(X > 0, 0.3, -0.3)  # a small gap along the axes
    shifted = X + rng.uniform(-5, 5, X.shape) * noise
    label = shifted[:, 0] * shifted[:, 1] >= 0
    return _labeled(X, label, "xor",
                    "Class 1 in the quadrants where x1 and x2 have the same sign, class 0 "
                    "in the others: the XOR pattern, which no single line separates.")


def _gauss(n_points, noise, seed) -> Dataset:
    rng = np.random.default_rng(seed)
    variance = 0.5 + noise / 0.5 * 3.5  # Playground: noise 0 .. 0.5 -> variance 0.5 .. 4
    n1, n2 = _halves(n_points)
    centers = np.repeat(np.array([[2.0, 2.0], [-2.0, -2.0]]), [n1, n2], axis=0)
    X = centers + rng.normal(0, math.sqrt(variance), (n_points, 2))
    label = np.repeat([1, 0], [n1, n2])
    return _labeled(X, label, "gauss",
                    "Two Gaussian clouds: class 1 around (2, 2), class 0 around (-2, -2). "
                    "More noise widens the clouds until they overlap.")


def _spiral(n_points, noise, seed) -> Dataset:
    rng = np.random.default_rng(seed)
    parts, labels = [], []
    for count, delta, label in zip(_halves(n_points), (0.0, math.pi), (1, 0), strict=True):
        i = np.arange(count)
        r = i / max(count, 1) * 5
        t = 1.75 * i / max(count, 1) * 2 * math.pi + delta
        xy = np.column_stack([r * np.sin(t), r * np.cos(t)])
        parts.append(xy + rng.uniform(-1, 1, xy.shape) * noise)
        labels.append(np.full(count, label))
    return _labeled(np.vstack(parts), np.concatenate(labels), "spiral",
                    "Two interleaved spirals (class 1 and class 0), the hardest of the 2-D "
                    "sets: it needs several hidden layers or extra input features.")


def _moons(n_points, noise, seed) -> Dataset:
    rng = np.random.default_rng(seed)
    n1, n2 = _halves(n_points)
    t1, t2 = np.linspace(0, math.pi, n1), np.linspace(0, math.pi, n2)
    upper = np.column_stack([np.cos(t1), np.sin(t1)])  # class 0 in scikit-learn; 1 here
    lower = np.column_stack([1 - np.cos(t2), 0.5 - np.sin(t2)])
    X = np.vstack([upper, lower]) + rng.normal(0, 1, (n_points, 2)) * noise
    X = 3.0 * (X - [0.5, 0.25])  # centre and scale to about [-4.5, 4.5]
    return _labeled(X, np.repeat([1, 0], [n1, n2]), "moons",
                    "Two interleaving half circles (scikit-learn's make_moons, scaled by 3): "
                    "class 1 the upper moon, class 0 the lower. Noise is Gaussian with "
                    "standard deviation noise x 3.")


def _plane(n_points, noise, seed) -> Dataset:
    rng = np.random.default_rng(seed)
    X = rng.uniform(-6, 6, (n_points, 2))
    shifted = X + rng.uniform(-6, 6, X.shape) * noise
    y = (shifted[:, 0] + shifted[:, 1]) / 10.0
    return Dataset(X, y.reshape(-1, 1), XY, ("y",), "regression", "plane",
                   "Regression on a tilted plane: y = (x1 + x2) / 10, about -1.2 .. 1.2. "
                   "Noise shifts the point before y is computed.")


_BUMPS = np.array([[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1],
                   [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]], dtype=np.float64)


def _gauss_bumps(n_points, noise, seed) -> Dataset:
    rng = np.random.default_rng(seed)
    X = rng.uniform(-6, 6, (n_points, 2))
    p = X + rng.uniform(-6, 6, X.shape) * noise
    d = np.hypot(p[:, None, 0] - _BUMPS[:, 0], p[:, None, 1] - _BUMPS[:, 1])
    height = _BUMPS[:, 2] * np.clip(1 - d / 2, 0, 1)  # 1 at a centre, 0 from distance 2
    y = height[np.arange(n_points), np.argmax(np.abs(height), axis=1)]
    return Dataset(X, y.reshape(-1, 1), XY, ("y",), "regression", "gauss_bumps",
                   "Regression on six bumps (three up, three down) in a 3 x 2 grid; "
                   "y is -1 .. 1 and 0 away from the bumps.")


def _sine(n_points, noise, seed) -> Dataset:
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(-6, 6, n_points))
    y = np.sin(x) + rng.normal(0, 1, n_points) * noise
    return Dataset(x.reshape(-1, 1), y.reshape(-1, 1), ("x",), ("y",), "regression", "sine",
                   "1-D regression: y = sin(x) for x in -6 .. 6, plus Gaussian noise with "
                   "standard deviation = noise.")


# -- real tables (CSV files in resources/datasets) ----------------------------------------------
_REAL = {
    "iris": ("species", "Fisher's iris flowers: 4 measurements (cm) of 150 flowers, 3 species "
                        "(50 each). UCI Machine Learning Repository, CC BY 4.0."),
    "wine": ("cultivar", "Chemical analysis of 178 Italian wines from 3 cultivars, 13 "
                         "measurements each. UCI Machine Learning Repository, CC BY 4.0."),
    "breast_cancer": ("diagnosis", "Breast Cancer Wisconsin (Diagnostic): 30 measurements of "
                                   "cell nuclei from 569 samples; class benign (0) or "
                                   "malignant (1). UCI Machine Learning Repository, CC BY 4.0."),
    "digits": ("digit", "1797 handwritten digits as 8 x 8 images (64 pixel values 0 .. 16), "
                        "10 classes 0 .. 9. UCI Optical Recognition of Handwritten Digits, "
                        "CC BY 4.0."),
}


@cache
def _real(name: str) -> Dataset:
    """Parsed once per process; Datasets are read-only, so sharing one is safe."""
    from resources import path as resource_path

    from .csvio import load_csv

    target, description = _REAL[name]
    ds = load_csv(resource_path("datasets", f"{name}.csv"), target=target,
                  task="classification")
    return Dataset(ds.X, ds.Y, ds.feature_names, ds.target_names, ds.task, name, description)


# -- the table ---------------------------------------------------------------------------------
def _info(name, title, title_ko, group, task, n_features, n_outputs, build, params=True):
    probe = build(**{k: p.type(p.default) for k, p in GENERATOR_PARAMS.items()}) \
        if params else None
    description = probe.description if probe is not None else ""
    return BuiltinInfo(name, title, title_ko, group, task, n_features, n_outputs, description,
                       dict(GENERATOR_PARAMS) if params else {}, build)


def _fixed(name, title, title_ko, group, task, n_features, n_outputs, build, description):
    return BuiltinInfo(name, title, title_ko, group, task, n_features, n_outputs, description,
                       {}, build)


def _make_table() -> dict[str, BuiltinInfo]:
    table: dict[str, BuiltinInfo] = {}
    for key, (title, title_ko, _) in _GATES.items():
        ds = _gate(key)
        table[key] = _fixed(key, f"{title} gate", title_ko, "logic", "classification", 2, 1,
                            lambda key=key: _gate(key), ds.description)
    table["features"] = _fixed("features", "Feature table (a, b, c)", "Feature 표 (a, b, c)",
                               "table", "regression", 3, 1, _features, _features().description)
    gens = [
        ("circle", "Circle", "원", "2d-classification", "classification", 2, _circle),
        ("xor", "Exclusive or (quadrants)", "XOR (사분면)", "2d-classification",
         "classification", 2, _xor),
        ("gauss", "Two Gaussians", "두 가우시안", "2d-classification", "classification", 2,
         _gauss),
        ("spiral", "Spiral", "나선", "2d-classification", "classification", 2, _spiral),
        ("moons", "Two moons", "두 개의 반달", "2d-classification", "classification", 2, _moons),
        ("plane", "Plane", "평면", "2d-regression", "regression", 2, _plane),
        ("gauss_bumps", "Gaussian bumps", "가우시안 봉우리", "2d-regression", "regression", 2,
         _gauss_bumps),
        ("sine", "Sine (1-D)", "사인 (1차원)", "2d-regression", "regression", 1, _sine),
    ]
    for key, title, title_ko, group, task, nf, build in gens:
        table[key] = _info(key, title, title_ko, group, task, nf, 1, build)
    real = [("iris", "Iris flowers", "붓꽃", 4, 3), ("wine", "Wine", "와인", 13, 3),
            ("breast_cancer", "Breast cancer (Wisconsin)", "유방암 (위스콘신)", 30, 1),
            ("digits", "Handwritten digits 8x8", "손글씨 숫자 8x8", 64, 10)]
    for key, title, title_ko, nf, no in real:
        table[key] = _fixed(key, title, title_ko, "real", "classification", nf, no,
                            lambda key=key: _real(key), _REAL[key][1])
    return table


#: name -> BuiltinInfo, in the order the dataset panel shows them.
BUILTINS: dict[str, BuiltinInfo] = _make_table()


def load(name: str, **params) -> Dataset:
    """Build the built-in dataset ``name``; missing params take their defaults.

    Unknown names, unknown params and out-of-range values raise DataError.
    """
    info = BUILTINS.get(name)
    if info is None:
        raise DataError(f"unknown built-in dataset '{name}'; choose one of "
                        f"{', '.join(BUILTINS)}")
    unknown = set(params) - set(info.params)
    if unknown:
        allowed = ", ".join(info.params) or "none"
        raise DataError(f"dataset '{name}': unknown parameter(s) {sorted(unknown)} "
                        f"(allowed: {allowed})")
    values = info.defaults()
    for key, value in params.items():
        p = info.params[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not math.isfinite(value):
            raise DataError(f"dataset '{name}': {key} must be a number, got {value!r}")
        if p.type is int and value != int(value):
            raise DataError(f"dataset '{name}': {key} must be a whole number, got {value!r}")
        if not p.minimum <= value <= p.maximum:
            raise DataError(f"dataset '{name}': {key} must be in {p.minimum:g} .. "
                            f"{p.maximum:g}, got {value!r}")
        values[key] = p.type(value)
    return info.build(**values)
