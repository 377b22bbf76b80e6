"""Datasets: the lecture's tables, 2-D generators, real tables and CSV import (no Qt here).

- :class:`Dataset`: X (n, features), Y (n, outputs), names, task;
- :data:`BUILTINS` / :func:`load`: the built-in datasets and their generator parameters;
- :func:`load_csv` / :func:`read_csv_preview`: importing a learner's own file;
- :class:`Normalizer` and :func:`prepare`: split + scaling with training statistics only.

Every bad input raises :class:`simulator.errors.DataError`.
"""

from .catalog import BUILTINS, GENERATOR_PARAMS, BuiltinInfo, Param, load
from .csvio import CsvPreview, load_csv, read_csv_preview
from .dataset import MAX_CLASSES, TASKS, Dataset, one_hot
from .normalize import METHODS, Normalizer
from .prepare import LARGE_INPUT, PreparedData, prepare

__all__ = [
    "BUILTINS", "GENERATOR_PARAMS", "BuiltinInfo", "Param", "load",
    "CsvPreview", "load_csv", "read_csv_preview",
    "MAX_CLASSES", "TASKS", "Dataset", "one_hot",
    "METHODS", "Normalizer",
    "LARGE_INPUT", "PreparedData", "prepare",
]
