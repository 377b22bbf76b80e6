"""The rows of the current dataset as a table model (a view over the document's data).

Columns: train/test membership, the features, then the target (the class name, or one
column per regression target). Values are the dataset's own units, before normalization.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from .look import MUTED, class_color

#: The raw value of a cell (float, or the class number), for code and tests.
VALUE_ROLE = Qt.UserRole + 1


class RowsModel(QAbstractTableModel):
    """Reads ``document.data`` (a PreparedData); call :meth:`refresh` when it changes."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self._doc = document
        self._prepared = None
        #: Row is in the training part (True) or the test part (False).
        self._train = np.zeros(0, dtype=bool)
        self._labels = None
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._prepared = self._doc.data
        n = len(self._prepared.dataset)
        self._train = np.zeros(n, dtype=bool)
        self._train[self._prepared.train_indices] = True
        ds = self._prepared.dataset
        #: Class number of each row (classification), computed once instead of per cell.
        self._labels = ds.labels if ds.task == "classification" else None
        self.endResetModel()

    @property
    def _ds(self):
        return self._prepared.dataset

    def _n_targets(self) -> int:
        return 1 if self._ds.task == "classification" else self._ds.n_outputs

    # -- QAbstractTableModel ---------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ds)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 1 + self._ds.n_features + self._n_targets()

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole:
            if orientation == Qt.Vertical:
                return str(section + 1)
            return self.column_name(section)
        if role == Qt.ToolTipRole and orientation == Qt.Horizontal:
            if section == 0:
                return self.tr("Whether the row is used for training or only for testing")
            if section > self._ds.n_features:
                return self.tr("Target: what the network learns to output")
            return self.tr("Input feature")
        return None

    def column_name(self, col: int) -> str:
        ds = self._ds
        if col == 0:
            return self.tr("Part")
        if col <= ds.n_features:
            return ds.feature_names[col - 1]
        if ds.task == "classification":
            return self.tr("Class")
        return ds.target_names[col - 1 - ds.n_features]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        ds, r, c = self._ds, index.row(), index.column()
        nf = ds.n_features
        if role in (Qt.DisplayRole, Qt.ToolTipRole, VALUE_ROLE):
            if c == 0:
                if role == VALUE_ROLE:
                    return "train" if self._train[r] else "test"
                return self.tr("train") if self._train[r] else self.tr("test")
            if c <= nf:
                v = float(ds.X[r, c - 1])
                return v if role == VALUE_ROLE else f"{v:.6g}"
            if ds.task == "classification":
                k = int(self._labels[r])
                return k if role == VALUE_ROLE else ds.target_names[k]
            v = float(ds.Y[r, c - 1 - nf])
            return v if role == VALUE_ROLE else f"{v:.6g}"
        if role == Qt.TextAlignmentRole:
            if c == 0 or (c > nf and ds.task == "classification"):
                return int(Qt.AlignLeft | Qt.AlignVCenter)
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and c == 0 and not self._train[r]:
            return QColor(MUTED)
        if role == Qt.DecorationRole and c > nf and ds.task == "classification":
            return class_color(int(self._labels[r]))
        return None

    def flags(self, index):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags
