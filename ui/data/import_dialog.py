"""Import CSV: choose a file, see its first rows, pick the target and the task.

The whole file is read (``load_csv``) every time a choice changes, so OK is enabled only
when the file really loads; a DataError is shown under the preview with its row and column,
and the cell it names is highlighted when it is among the previewed rows.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simulator.datasets import Dataset, load_csv, read_csv_preview
from simulator.errors import DataError

from ..settings_store import IMPORT_DIR, app_settings
from .look import MUTED

PREVIEW_ROWS = 20
ERROR_COLOR = "#c5221f"
TARGET_TINT = "#fdf1e4"
_ROW = re.compile(r"\brow (\d+)")
_COLUMN = re.compile(r"\bcolumn '([^']*)'")


def error_location(message: str) -> tuple[int | None, str | None]:
    """(spreadsheet row, column name) named by a DataError message, where it names them."""
    row, col = _ROW.search(message), _COLUMN.search(message)
    return (int(row.group(1)) if row else None, col.group(1) if col else None)


class _PathEdit(QLineEdit):
    """Enter loads the typed path; it does not also press the dialog's Import button."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().keyPressEvent(event)
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            event.accept()


class ImportDialog(QDialog):
    """After ``accepted``: :attr:`dataset` holds the loaded Dataset, :attr:`path` the file."""

    def __init__(self, parent: QWidget | None = None, start_dir: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import CSV"))
        self.resize(640, 520)
        #: The loaded dataset, or None while the file (or a choice) is invalid.
        self.dataset: Dataset | None = None
        self.path: Path | None = None
        self._preview = None
        self._start_dir = start_dir

        lay = QVBoxLayout(self)
        file_row = QHBoxLayout()
        self.path_edit = _PathEdit()
        self.path_edit.setPlaceholderText(self.tr("CSV file (UTF-8 or CP949; comma, "
                                                  "semicolon or tab separated)"))
        self.path_edit.editingFinished.connect(lambda: self.set_path(self.path_edit.text()))
        browse = QPushButton(self.tr("Browse..."))
        browse.clicked.connect(self._browse)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        lay.addLayout(file_row)

        form = QFormLayout()
        self.target_box = QComboBox()
        self.target_box.setToolTip(self.tr("The column the network learns to predict; the "
                                           "other columns are its inputs"))
        self.task_box = QComboBox()
        for key, text in (("auto", self.tr("Automatic")),
                          ("classification", self.tr("Classification (classes)")),
                          ("regression", self.tr("Regression (numbers)"))):
            self.task_box.addItem(text, key)
        self.delimiter_box = QComboBox()
        for key, text in ((None, self.tr("Detect")), (",", self.tr("Comma  ,")),
                          (";", self.tr("Semicolon  ;")), ("\t", self.tr("Tab"))):
            self.delimiter_box.addItem(text, key)
        self.header_box = QComboBox()
        for key, text in ((None, self.tr("Detect")), (True, self.tr("First row is the header")),
                          (False, self.tr("No header row"))):
            self.header_box.addItem(text, key)
        form.addRow(self.tr("Target column"), self.target_box)
        form.addRow(self.tr("Task"), self.task_box)
        form.addRow(self.tr("Delimiter"), self.delimiter_box)
        form.addRow(self.tr("Header"), self.header_box)
        lay.addLayout(form)

        self.info = QLabel()
        self.info.setStyleSheet(f"color: {MUTED};")
        self.info.setWordWrap(True)
        lay.addWidget(self.info)
        self.preview_model = QStandardItemModel(self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setEditTriggers(QTableView.NoEditTriggers)
        self.preview_view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.preview_view.verticalHeader().setDefaultSectionSize(22)
        lay.addWidget(self.preview_view, 1)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        lay.addWidget(self.error_label)
        lay.addWidget(self.summary)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

        self.task_box.currentIndexChanged.connect(self._load)
        self.target_box.currentIndexChanged.connect(self._load)
        self.delimiter_box.currentIndexChanged.connect(self._reread)
        self.header_box.currentIndexChanged.connect(self._reread)
        self._show_error(None)
        self.ok_button.setEnabled(False)

    # -- choosing the file ----------------------------------------------------------------------
    def _browse(self) -> None:
        start = str(self.path.parent) if self.path else self._start_dir
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import CSV"), start,
            self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"))
        if name:
            self.set_path(name)

    def set_path(self, path) -> None:
        """Read ``path`` (str or Path): preview, columns, then the full load."""
        text = str(path).strip()
        if self.path_edit.text() != text:
            self.path_edit.setText(text)
        new = Path(text) if text else None
        if new == self.path and self._preview is not None:
            return
        self.path = new
        self._reread()

    def _reread(self) -> None:
        """Preview the file with the current delimiter/header choices, refill the target list."""
        self._preview = None
        self.dataset = None
        self.preview_model.clear()
        if self.path is None:
            self.info.clear()
            self._show_error(None)
            self._update_ok()
            return
        try:
            self._preview = read_csv_preview(self.path, PREVIEW_ROWS,
                                             delimiter=self.delimiter_box.currentData(),
                                             header=self.header_box.currentData())
        except DataError as exc:
            self.info.clear()
            self._set_targets([])
            self._show_error(str(exc))
            self._update_ok()
            return
        pv = self._preview
        delim = {",": self.tr("comma"), ";": self.tr("semicolon"), "\t": self.tr("tab")}
        self.info.setText(self.tr("Encoding {0}, {1}-separated, {2}. First rows:").format(
            pv.encoding, delim.get(pv.delimiter, pv.delimiter),
            self.tr("first row is the header") if pv.has_header else self.tr("no header row")))
        self.preview_model.setHorizontalHeaderLabels(pv.columns)
        first = 2 if pv.has_header else 1  # spreadsheet number of the first data row
        for i, cells in enumerate(pv.rows):
            self.preview_model.appendRow([QStandardItem(c) for c in cells])
            self.preview_model.setHeaderData(i, Qt.Vertical, str(first + i))
        self._set_targets(pv.columns)
        self._load()

    def _set_targets(self, columns: list[str]) -> None:
        old = self.target_box.currentText()
        self.target_box.blockSignals(True)
        self.target_box.clear()
        self.target_box.addItems(columns)
        if columns:
            self.target_box.setCurrentIndex(columns.index(old) if old in columns
                                            else len(columns) - 1)
        self.target_box.blockSignals(False)

    # -- loading -----------------------------------------------------------------------------
    def _load(self) -> None:
        self.dataset = None
        self._clear_marks()
        self._tint_target()
        if self._preview is None or self.target_box.currentIndex() < 0:
            self._update_ok()
            return
        try:
            self.dataset = load_csv(self.path, target=self.target_box.currentIndex(),
                                    task=self.task_box.currentData(),
                                    delimiter=self.delimiter_box.currentData(),
                                    header=self.header_box.currentData())
        except DataError as exc:
            self._show_error(str(exc))
        else:
            self._show_error(None)
        self._update_ok()

    def _summary_text(self, ds: Dataset) -> str:
        if ds.task == "classification":
            names = ", ".join(ds.class_names[:8]) + (" ..." if ds.n_classes > 8 else "")
            what = self.tr("classification into {0} classes ({1})").format(ds.n_classes, names)
        else:
            what = self.tr("regression of {0}").format(", ".join(ds.target_names))
        return self.tr("{0} rows, {1} input features: {2}.").format(len(ds), ds.n_features,
                                                                    what)

    def _show_error(self, message: str | None) -> None:
        self.error_label.setVisible(bool(message))
        self.error_label.setText(self.tr("Cannot import: {0}").format(message) if message
                                 else "")
        if message:
            self._mark(*error_location(message))
            self.summary.clear()
        elif self.dataset is not None:
            self.summary.setText(self._summary_text(self.dataset))
        else:
            self.summary.clear()

    def _mark(self, row: int | None, column: str | None) -> None:
        """Highlight the previewed cell (or row / column) that the error names."""
        pv = self._preview
        if pv is None:
            return
        first = 2 if pv.has_header else 1
        r = row - first if row is not None and 0 <= row - first < len(pv.rows) else None
        c = pv.columns.index(column) if column in pv.columns else None
        if r is None and c is None:
            return
        color = QColor(ERROR_COLOR).lighter(190)
        rows = [r] if r is not None else range(self.preview_model.rowCount())
        cols = [c] if c is not None else range(self.preview_model.columnCount())
        for i in rows:
            for j in cols:
                item = self.preview_model.item(i, j)
                if item is not None:
                    item.setBackground(color)
        if r is not None:
            self.preview_view.scrollTo(self.preview_model.index(r, c or 0))

    def _tint_target(self) -> None:
        """The target column's cells get the class colour's light tint: what is predicted."""
        j = self.target_box.currentIndex()
        if j < 0:
            return
        for i in range(self.preview_model.rowCount()):
            item = self.preview_model.item(i, j)
            if item is not None:
                item.setBackground(QColor(TARGET_TINT))

    def _clear_marks(self) -> None:
        for i in range(self.preview_model.rowCount()):
            for j in range(self.preview_model.columnCount()):
                item = self.preview_model.item(i, j)
                if item is not None and item.background().style() != Qt.NoBrush:
                    item.setBackground(Qt.NoBrush)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.dataset is not None)

    def accept(self) -> None:
        if self.dataset is None:
            return
        if self.path is not None:
            app_settings().setValue(IMPORT_DIR, str(self.path.parent))
        super().accept()

    @staticmethod
    def last_dir() -> str:
        return str(app_settings().value(IMPORT_DIR, "") or "")
