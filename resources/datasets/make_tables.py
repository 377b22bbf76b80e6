"""Regenerate the bundled CSV tables from scikit-learn's copies (run once, by hand).

    .venv/bin/python resources/datasets/make_tables.py

Not imported by the app; scikit-learn is only a test/dev dependency. Each CSV has a
header row, the features first and the class label last (text for iris, wine and
breast cancer, the digit 0-9 for digits). See README.md for sources and licences.
"""

import csv
from pathlib import Path

from sklearn import datasets

HERE = Path(__file__).resolve().parent


def write(name: str, bunch, target: str, label_names=None, as_int: bool = False) -> None:
    rows = []
    for x, y in zip(bunch.data, bunch.target, strict=True):
        values = [str(int(v)) if as_int else repr(float(v)) for v in x]
        rows.append(values + [label_names[y] if label_names is not None else str(int(y))])
    with open(HERE / f"{name}.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(list(bunch.feature_names) + [target])
        w.writerows(rows)


if __name__ == "__main__":
    iris = datasets.load_iris()
    write("iris", iris, "species", list(iris.target_names))
    wine = datasets.load_wine()
    write("wine", wine, "cultivar", list(wine.target_names))
    bc = datasets.load_breast_cancer()
    write("breast_cancer", bc, "diagnosis", list(bc.target_names))
    digits = datasets.load_digits()
    write("digits", digits, "digit", None, as_int=True)
