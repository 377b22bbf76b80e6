"""Dataset type, built-ins, splits, normalization and prepare()."""

import json

import numpy as np
import pytest

from simulator.datasets import BUILTINS, Dataset, Normalizer, PreparedData, load, one_hot, prepare
from simulator.errors import DataError
from simulator.settings import DataSource

# name -> (rows, features, outputs, task, n_classes) with default params
SHAPES = {
    "and": (4, 2, 1, "classification", 2),
    "or": (4, 2, 1, "classification", 2),
    "nand": (4, 2, 1, "classification", 2),
    "xor_gate": (4, 2, 1, "classification", 2),
    "features": (4, 3, 1, "regression", 0),
    "circle": (500, 2, 1, "classification", 2),
    "xor": (500, 2, 1, "classification", 2),
    "gauss": (500, 2, 1, "classification", 2),
    "spiral": (500, 2, 1, "classification", 2),
    "moons": (500, 2, 1, "classification", 2),
    "plane": (500, 2, 1, "regression", 0),
    "gauss_bumps": (500, 2, 1, "regression", 0),
    "sine": (500, 1, 1, "regression", 0),
    "iris": (150, 4, 3, "classification", 3),
    "wine": (178, 13, 3, "classification", 3),
    "breast_cancer": (569, 30, 1, "classification", 2),
    "digits": (1797, 64, 10, "classification", 10),
}
GENERATORS = [k for k, i in BUILTINS.items() if i.params]


def test_every_builtin_is_documented_here():
    assert set(BUILTINS) == set(SHAPES)


@pytest.mark.parametrize("name", list(SHAPES))
def test_builtin_shape(name):
    rows, nf, no, task, k = SHAPES[name]
    ds = load(name)
    info = BUILTINS[name]
    assert ds.X.shape == (rows, nf) and ds.Y.shape == (rows, no)
    assert ds.X.dtype == np.float64 and ds.Y.dtype == np.float64
    assert (ds.task, ds.n_classes) == (task, k) == (info.task, k)
    assert (info.n_features, info.n_outputs) == (nf, no)
    assert len(ds.feature_names) == nf and ds.name == name and ds.description
    assert info.group in ("logic", "table", "2d-classification", "2d-regression", "real")
    assert np.all(np.isfinite(ds.X)) and np.all(np.isfinite(ds.Y))
    if task == "classification":
        assert set(np.unique(ds.labels)) == set(range(k))  # every class present


def test_logic_tables():
    inputs = [[0, 0], [0, 1], [1, 0], [1, 1]]
    for name, y in [("and", [0, 0, 0, 1]), ("or", [0, 1, 1, 1]),
                    ("nand", [1, 1, 1, 0]), ("xor_gate", [0, 1, 1, 0])]:
        ds = load(name)
        assert ds.X.tolist() == inputs and ds.labels.tolist() == y
        assert ds.class_names == ("0", "1")


def test_feature_table_is_the_lectures():
    ds = load("features")
    assert ds.feature_names == ("a", "b", "c")
    assert ds.X.tolist() == [[4, 3, 2], [2, 9, 1], [3, 3, 2], [2, 4, 1]]
    assert ds.Y[:, 0].tolist() == [9, 12, 8, 7]  # documented target: a + b + c


def test_real_tables_match_scikit_learn():
    sk = pytest.importorskip("sklearn.datasets")
    for name, loader in [("iris", sk.load_iris), ("wine", sk.load_wine),
                         ("breast_cancer", sk.load_breast_cancer), ("digits", sk.load_digits)]:
        ours, ref = load(name), loader()
        np.testing.assert_array_equal(ours.X, ref.data)
        assert list(ours.feature_names) == list(ref.feature_names)
        if name == "breast_cancer":  # sorted names: benign = 0, malignant = 1 (sklearn: 1, 0)
            assert ours.class_names == ("benign", "malignant")
            np.testing.assert_array_equal(ours.labels, 1 - ref.target)
        else:
            np.testing.assert_array_equal(ours.labels, ref.target)
    assert load("iris").class_names == ("setosa", "versicolor", "virginica")
    assert load("digits").class_names == tuple(str(d) for d in range(10))


@pytest.mark.parametrize("name", GENERATORS)
def test_generators_are_seeded_and_take_params(name):
    a, b = load(name, seed=3, noise=0.2), load(name, seed=3, noise=0.2)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.Y, b.Y)
    c = load(name, seed=4, noise=0.2)
    assert not np.array_equal(a.X, c.X)
    for n in (10, 11, 2000):
        assert len(load(name, n_points=n)) == n
    assert np.abs(load(name, noise=0.5).X).max() < 12


def test_circle_shape_without_noise():
    ds = load("circle")
    r = np.hypot(ds.X[:, 0], ds.X[:, 1])
    assert np.all(r[ds.labels == 1] < 2.5) and np.all(r[ds.labels == 0] >= 3.5)
    assert np.all(r <= 5) and ds.labels.sum() == 250


def test_xor_labels_follow_quadrants_without_noise():
    ds = load("xor")
    assert np.array_equal(ds.labels == 1, ds.X[:, 0] * ds.X[:, 1] >= 0)
    assert np.abs(ds.X).min() >= 0.3


def test_load_rejects_bad_names_and_params():
    with pytest.raises(DataError, match="unknown built-in"):
        load("nope")
    with pytest.raises(DataError, match="unknown parameter"):
        load("iris", n_points=10)
    with pytest.raises(DataError, match="n_points"):
        load("circle", n_points=5)
    with pytest.raises(DataError, match="noise"):
        load("circle", noise=0.9)
    with pytest.raises(DataError, match="whole number"):
        load("circle", n_points=10.5)
    with pytest.raises(DataError, match="number"):
        load("circle", seed="1")


def test_param_defaults_are_in_range():
    for info in BUILTINS.values():
        for key, p in info.params.items():
            assert p.minimum <= p.default <= p.maximum, key
    assert BUILTINS["circle"].defaults() == {"n_points": 500, "noise": 0.0, "seed": 0}


# -- the Dataset type ----------------------------------------------------------------------
def test_dataset_validates_its_shape():
    X = np.zeros((3, 2))
    with pytest.raises(DataError, match="one-hot"):
        Dataset(X, np.ones((3, 3)), ("a", "b"), ("p", "q", "r"))
    with pytest.raises(DataError, match="0 or 1"):
        Dataset(X, [[0], [2], [1]], ("a", "b"), ("p", "q"))
    with pytest.raises(DataError, match="column"):
        Dataset(X, np.zeros((3, 2)), ("a", "b"), ("p", "q"))  # 2 classes need 1 column
    with pytest.raises(DataError, match="rows"):
        Dataset(X, np.zeros((2, 1)), ("a", "b"), ("y",), "regression")
    with pytest.raises(DataError, match="row 2"):
        Dataset([[0, 0], [np.nan, 1]], [[0], [1]], ("a", "b"), ("p", "q"))
    ds = Dataset(X, [0, 1, 1], ("a", "b"), ("p", "q"))
    assert ds.Y.shape == (3, 1) and ds.labels.tolist() == [0, 1, 1]
    with pytest.raises(ValueError):
        ds.X[0, 0] = 5  # read-only


def test_one_hot_convention():
    assert one_hot([0, 1, 1], 2).tolist() == [[0], [1], [1]]
    assert one_hot([2, 0], 3).tolist() == [[0, 0, 1], [1, 0, 0]]
    with pytest.raises(DataError):
        one_hot([3], 3)


def test_points_added_and_removed():
    ds = load("gauss", n_points=10)
    more = ds.with_points_added([[0.5, 0.5], [1, 2]], [1, 0])
    assert len(more) == 12 and more.labels[-2:].tolist() == [1, 0]
    assert len(ds) == 10  # the original is untouched
    fewer = more.with_points_removed([0, 11])
    assert len(fewer) == 10 and np.array_equal(fewer.X[0], ds.X[1])
    with pytest.raises(DataError):
        ds.with_points_added([[0, 0]], [2])
    with pytest.raises(DataError):
        ds.with_points_added([[0, 0, 0]], [1])
    with pytest.raises(DataError):
        ds.with_points_removed([10])
    iris = load("iris")
    assert iris.with_points_added(np.zeros((1, 4)), [2]).Y[-1].tolist() == [0, 0, 1]
    plane = load("plane", n_points=10)
    assert plane.with_points_added([1, 2], [0.3]).Y[-1, 0] == 0.3


def test_dict_round_trip_through_json():
    for name in ("iris", "features", "xor_gate"):
        ds = load(name)
        back = Dataset.from_dict(json.loads(json.dumps(ds.to_dict())))
        np.testing.assert_array_equal(back.X, ds.X)
        np.testing.assert_array_equal(back.Y, ds.Y)
        assert (back.feature_names, back.target_names, back.task, back.name) == \
            (ds.feature_names, ds.target_names, ds.task, ds.name)


@pytest.mark.parametrize("change, match", [
    (lambda d: d.pop("X"), "missing"),
    (lambda d: d.update(extra=1), "unknown"),
    (lambda d: d.update(task="clustering"), "task"),
    (lambda d: d["X"][1].pop(), "row 2"),
    (lambda d: d["X"][2].__setitem__(0, "7"), "row 3, column 1"),
    (lambda d: d["X"][2].__setitem__(1, True), "row 3, column 2"),
    (lambda d: d["Y"][0].__setitem__(0, 5.0), "row 1"),
    (lambda d: d.update(feature_names=["a"]), "row 1"),
    (lambda d: d.update(target_names="ab"), "list of strings"),
])
def test_from_dict_rejects_bad_data(change, match):
    d = load("xor_gate").to_dict()
    change(d)
    with pytest.raises(DataError, match=match):
        Dataset.from_dict(d)
    with pytest.raises(DataError):
        Dataset.from_dict([1, 2])


# -- splits --------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["iris", "circle", "breast_cancer", "digits"])
@pytest.mark.parametrize("ratio", [0.3, 0.5, 0.8])
def test_split_is_stratified(name, ratio):
    ds = load(name)
    train, test = ds.split(ratio, seed=1)
    assert len(train) + len(test) == len(ds) and len(train) == round(ratio * len(ds))
    whole = np.bincount(ds.labels, minlength=ds.n_classes)
    part = np.bincount(train.labels, minlength=ds.n_classes)
    assert np.all(np.abs(part - whole * ratio) < 1 + 1e-9)


def test_split_is_reproducible_and_disjoint():
    ds = load("moons", n_points=200, noise=0.1)
    a_train, a_test = ds.split_indices(0.7, seed=5)
    b_train, b_test = ds.split_indices(0.7, seed=5)
    assert np.array_equal(a_train, b_train) and np.array_equal(a_test, b_test)
    assert not set(a_train) & set(a_test) and len(a_train) + len(a_test) == 200
    c_train, _ = ds.split_indices(0.7, seed=6)
    assert not np.array_equal(a_train, c_train)
    reg = load("sine", n_points=50)
    r1, r2 = reg.split(0.6, seed=2), reg.split(0.6, seed=2)
    np.testing.assert_array_equal(r1[0].X, r2[0].X)
    assert len(r1[0]) == 30 and len(r1[1]) == 20


def test_split_ratio_one_gives_empty_test_with_columns():
    ds = load("iris")
    train, test = ds.split(1.0, seed=0)
    assert len(train) == 150 and test.X.shape == (0, 4) and test.Y.shape == (0, 3)
    assert test.labels.shape == (0,)
    with pytest.raises(DataError):
        ds.split(0.0)
    with pytest.raises(DataError):
        ds.split(1.5)


def test_split_keeps_every_class_in_training_when_possible():
    train, test = load("and").split(0.5, seed=0)  # the single 1 must be learned
    assert sorted(train.labels.tolist()) == [0, 1] and len(test) == 2


# -- normalization -------------------------------------------------------------------------
def test_normalizer_uses_training_statistics_only():
    rng = np.random.default_rng(0)
    train, test = rng.normal(3, 2, (50, 3)), rng.normal(-10, 5, (20, 3))
    z = Normalizer("standardize").fit(train)
    np.testing.assert_allclose(z.transform(train).mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(z.transform(train).std(axis=0), 1)
    np.testing.assert_allclose(z.transform(test), (test - train.mean(0)) / train.std(0))
    m = Normalizer("minmax").fit(train)
    t = m.transform(train)
    assert t.min() == 0 and t.max() == 1
    np.testing.assert_allclose(m.transform(test),
                               (test - train.min(0)) / (train.max(0) - train.min(0)))
    np.testing.assert_allclose(m.inverse_transform(m.transform(test)), test)
    assert np.array_equal(Normalizer("none").fit(train).transform(test), test)


def test_normalizer_matches_scikit_learn():
    pre = pytest.importorskip("sklearn.preprocessing")
    X = load("wine").X
    np.testing.assert_allclose(Normalizer("standardize").fit_transform(X),
                               pre.StandardScaler().fit_transform(X), atol=1e-12)
    np.testing.assert_allclose(Normalizer("minmax").fit_transform(X),
                               pre.MinMaxScaler().fit_transform(X), atol=1e-12)


@pytest.mark.parametrize("method", ["standardize", "minmax"])
def test_constant_column_gives_no_nan(method):
    X = np.array([[1.0, 7.0], [2.0, 7.0], [3.0, 7.0]])
    out = Normalizer(method).fit(X).transform(np.vstack([X, [[4.0, 8.0]]]))
    assert np.all(np.isfinite(out)) and np.all(out[:3, 1] == 0)
    one = Normalizer(method).fit(X[:1]).transform(X)  # a single training row
    assert np.all(np.isfinite(one))


def test_normalizer_errors():
    with pytest.raises(DataError):
        Normalizer("zscore")
    with pytest.raises(DataError):
        Normalizer("minmax").transform(np.zeros((2, 2)))
    with pytest.raises(DataError):
        Normalizer("minmax").fit(np.zeros((3, 2))).transform(np.zeros((2, 3)))


# -- prepare -------------------------------------------------------------------------------
def test_prepare_builtin():
    src = DataSource(kind="builtin", name="circle", params={"n_points": 200, "noise": 0.1},
                     train_ratio=0.5, normalization="standardize", split_seed=3)
    p = prepare(src)
    assert isinstance(p, PreparedData)
    assert len(p.train) == 100 and len(p.test) == 100 and len(p.dataset) == 200
    raw_train = p.dataset.X[p.train_indices]
    np.testing.assert_allclose(p.train.X, (raw_train - raw_train.mean(0)) / raw_train.std(0))
    np.testing.assert_allclose(p.test.X, p.normalizer.transform(p.dataset.X[p.test_indices]))
    np.testing.assert_array_equal(p.train.Y, p.dataset.Y[p.train_indices])
    again = prepare(src)
    np.testing.assert_array_equal(again.test.X, p.test.X)


def test_prepare_imported_and_given_dataset():
    ds = load("iris")
    p = prepare(DataSource(kind="imported", name="mine", train_ratio=1.0,
                           normalization="minmax"), ds)
    assert len(p.train) == 150 and p.test.X.shape == (0, 4)
    assert p.train.X.min() == 0 and p.train.X.max() == 1
    with pytest.raises(DataError, match="imported"):
        prepare(DataSource(kind="imported", name="mine"))
    with pytest.raises(DataError, match="unknown built-in"):
        prepare(DataSource(name="nope"))
    with pytest.raises(DataError, match="unknown parameter"):
        prepare(DataSource(name="iris", params={"noise": 0.1}))
    with pytest.raises(DataError, match="train ratio"):
        prepare(DataSource(name="circle", train_ratio=0.0))
    with pytest.raises(DataError, match="normalization"):
        prepare(DataSource(name="circle", normalization="zscore"))


def test_adding_or_removing_points_keeps_the_other_rows_on_their_side():
    """Clicking points in must not reshuffle the train/test split of the others."""
    from simulator.datasets import load
    ds = load("circle", n_points=200, noise=0.1, seed=3)
    train0, _ = ds.split_indices(0.5, seed=7)
    side = np.zeros(len(ds), bool)
    side[train0] = True
    grown = ds.with_points_added(np.array([[0.5, 0.5]]), np.array([1]))
    train1, _ = grown.split_indices(0.5, seed=7)
    moved = np.flatnonzero(np.isin(np.arange(len(ds)), train1) != side)
    assert len(moved) <= 1
    shrunk = ds.with_points_removed([5])
    train2, _ = shrunk.split_indices(0.5, seed=7)
    kept = np.delete(side, 5)
    assert (np.isin(np.arange(len(shrunk)), train2) != kept).sum() <= 1
