"""The grid results table: one row per configuration, mean ± std over its seeds.

Sorting (click a header) goes by the numbers, not by the text: ``SORT_ROLE`` holds the
mean, and missing values sort last.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

#: Role holding a cell's number for sorting.
SORT_ROLE = Qt.UserRole + 1


def _t(text: str) -> str:
    return QCoreApplication.translate("GridResults", text)


#: (summary key or measure, header) in column order; measures show "mean ± std".
COLUMNS = (("layout", "Layout"), ("activation", "Activation"),
           ("learning_rate", "Learning rate"), ("batch_size", "Batch"),
           ("optimizer", "Optimizer"), ("runs", "Runs"), ("failed", "Failed"),
           ("train_loss", "Train loss"), ("test_loss", "Test loss"),
           ("test_metric", "Test accuracy"), ("gap", "Gap (test - train)"),
           ("epochs", "Epochs"), ("seconds", "Seconds"))
MEASURES = ("train_loss", "test_loss", "test_metric", "gap", "epochs", "seconds")


def cell_text(row: dict, key: str) -> str:
    if key in MEASURES:
        mean, std = row[f"{key}_mean"], row[f"{key}_std"]
        if mean is None:
            return "-"
        digits = 1 if key in ("epochs", "seconds") else 4
        return f"{mean:.{digits}f} ± {std:.{digits}f}"
    value = row[key]
    return f"{value:g}" if isinstance(value, float) else str(value)


def cell_number(row: dict, key: str):
    if key in MEASURES:
        v = row[f"{key}_mean"]
        return math.inf if v is None else v
    if key == "layout":  # by size: total units, then depth
        units = [int(u) for u in row[key].split(",") if u != "0"]
        return (sum(units), len(units), row[key])
    return row[key]


class GridResultsModel(QAbstractTableModel):
    """Summary rows of :func:`simulator.experiments.results_table`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row, key = self.rows[index.row()], COLUMNS[index.column()][0]
        if role == Qt.DisplayRole:
            return cell_text(row, key)
        if role == SORT_ROLE:
            return cell_number(row, key)
        if role == Qt.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return _t(COLUMNS[section][1])
        return super().headerData(section, orientation, role)
