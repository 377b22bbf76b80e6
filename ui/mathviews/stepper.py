"""The backpropagation stepper dock: the table of ``simulator.backprop_steps``, one step at
a time (Next / Back / Run to end), and Apply, which performs exactly that SGD update on the
document as one undoable edit. The widget only draws: every number is the engine's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

import resources
from simulator.atomic import write_text
from simulator.backprop_steps import (
    MAX_SAMPLES,
    BackpropSteps,
    fmt,
    load_worked_example,
    steps_for_document,
)
from ui.commands import edit
from ui.observe import DocumentObserver

from .cells import layer_title
from .refresh import RefreshWhenShown

WORKED_EXAMPLE = resources.path("worked", "backprop-2-2-2.json")
#: Background of the rows of the current step.
_CURRENT = QColor("#e8f0fe")
#: Recompute at most this often while weights stream in from training (ms).
_REFRESH_MS = 150


class StepsModel(QAbstractTableModel):
    """The table's lines: a step's title (a str) or (step number, StepRow)."""

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self.headers, self.lines, self.current = headers, [], -1
        self._bold = QFont()
        self._bold.setBold(True)

    def show(self, lines: list, current: int) -> None:
        self.beginResetModel()
        self.lines, self.current = lines, current
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        line = self.lines[index.row()]
        if isinstance(line, str):
            if role == Qt.DisplayRole and index.column() == 0:
                return line
            return self._bold if role == Qt.FontRole else None
        k, r = line
        if role == Qt.DisplayRole:
            return ("" if r.sample is None else str(r.sample + 1),
                    f"{r.quantity} {r.name}".strip(), r.formula, r.numbers)[index.column()]
        if role == Qt.BackgroundRole and k == self.current:
            return _CURRENT
        if role == Qt.ToolTipRole and index.column() == 3:
            return repr(r.value)  # the engine's value to full precision
        return None


class StepperPanel(RefreshWhenShown, QWidget, DocumentObserver):
    """Backpropagation step by step for one sample (or a few) of the training data."""

    #: The user stepped to a step about this layer (engine index; -1 for the error E).
    step_changed = Signal(int)

    def __init__(self, document, undo_stack, show_status=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.undo_stack, self._show_status = document, undo_stack, show_status
        self.steps: BackpropSteps | None = None
        #: Steps shown so far (1 = only the first); the last one is the current step.
        self.shown = 1
        self._init_refresh(_REFRESH_MS)
        self._build()
        self.observe(document, weights=self._on_changed, spec=self._on_changed,
                     data=self._on_changed, reset=self._on_changed,
                     settings=self._on_settings_changed, language=self._retranslate)
        # computed when first shown (showEvent): hidden docks cost nothing at startup

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.first = QSpinBox(minimum=1, maximum=1)
        self.first.setPrefix(self.tr("Sample "))
        self.count = QSpinBox(minimum=1, maximum=MAX_SAMPLES)
        self.count.setPrefix(self.tr("Batch size "))
        for box in (self.first, self.count):
            box.valueChanged.connect(self._on_rows_changed)
        self.worked = QPushButton(self.tr("Load worked example"))
        self.worked.setToolTip(self.tr("A 2-2-2 sigmoid network with round weights and one "
                                       "sample, to check a calculation done by hand"))
        self.worked.clicked.connect(self.load_worked_example)
        top = QHBoxLayout()
        for w in (self.first, self.count):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.worked)

        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.model = StepsModel(self._headers(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)  # compact: more lines shown
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setResizeContentsPrecision(64)  # widths from 64 rows, not the whole table
        header.setStretchLastSection(True)

        self.back = QPushButton(self.tr("◀ Back"))
        self.next = QPushButton(self.tr("Next ▶"))
        self.run_all = QPushButton(self.tr("Run to end ▶▶"))
        self.apply = QPushButton(self.tr("Apply update"))
        self.apply.setToolTip(self.tr("Change the network's weights to the new values "
                                      "(w ← w − α·∂E/∂w); undo with Ctrl+Z"))
        self.back.clicked.connect(lambda: self.step_to(self.shown - 1))
        self.next.clicked.connect(lambda: self.step_to(self.shown + 1))
        self.run_all.clicked.connect(
            lambda: self.step_to(len(self.steps.groups) if self.steps else 1))
        self.apply.clicked.connect(self.apply_update)
        self.copy = QPushButton(self.tr("Copy table"))
        self.copy.clicked.connect(self.copy_table)
        self.export = QToolButton()
        self.export.setText(self.tr("Export"))
        self.export.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(self.export)
        menu.addAction(self.tr("CSV…"), lambda: self.export_to(None, "csv"))
        menu.addAction(self.tr("Markdown…"), lambda: self.export_to(None, "md"))
        self.export.setMenu(menu)
        buttons = QHBoxLayout()
        for w in (self.back, self.next, self.run_all, self.apply):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.copy)
        buttons.addWidget(self.export)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def _headers(self) -> list[str]:
        return [self.tr("Sample"), self.tr("Quantity"), self.tr("Formula"),
                self.tr("With the numbers")]

    def _retranslate(self) -> None:
        self.model.headers = self._headers()
        self.model.headerDataChanged.emit(Qt.Horizontal, 0, len(self.model.headers) - 1)
        self._on_changed()

    # -- document ---------------------------------------------------------------------
    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """A larger font (presentation mode): rows as high as its lines."""
        super().changeEvent(event)
        if event.type() == QEvent.FontChange and hasattr(self, "table"):
            self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def _on_settings_changed(self, names) -> None:
        if {"loss", "learning_rate", "dtype"} & set(names):
            self._on_changed()

    def _on_rows_changed(self, *_args) -> None:
        self.shown = 1
        self.recompute()

    def recompute(self) -> None:
        """Rebuild the table from the document (small networks: milliseconds)."""
        self._stale = False
        n = self.document.data.train.X.shape[0]
        self.first.blockSignals(True)
        self.first.setMaximum(max(1, n))
        self.first.setSuffix(self.tr(" of {0}").format(n))
        self.first.blockSignals(False)
        try:
            self.steps = steps_for_document(self.document, self.first.value() - 1,
                                            self.count.value())
        except ValueError as exc:
            self.steps = None
            self.message.setText(str(exc))
        else:
            s = self.steps
            self.message.setText(self.tr("Loss {0}, learning rate α = {1}, E = {2}. Apply is "
                                         "plain gradient descent on this data loss, as in the "
                                         "lecture.").format(s.loss, fmt(s.learning_rate),
                                                            fmt(s.error)))
        self.go(self.shown)

    # -- stepping ---------------------------------------------------------------------
    def go(self, shown: int) -> None:
        """Show steps 1 .. ``shown``; the last is the current one."""
        total = len(self.steps.groups) if self.steps else 0
        self.shown = max(1, min(shown, total)) if total else 1
        self._fill()
        self.back.setEnabled(self.shown > 1)
        self.next.setEnabled(self.shown < total)
        self.run_all.setEnabled(self.shown < total)
        for w in (self.apply, self.copy, self.export):
            w.setEnabled(total > 0)

    def step_to(self, shown: int) -> None:
        """The user moved: show the step and announce its layer (the canvas selects it)."""
        self.go(shown)
        if self.steps:
            layer = self.steps.groups[self.shown - 1].layer
            self.step_changed.emit(-1 if layer is None else layer)

    def group_title(self, k: int) -> str:
        g = self.steps.groups[k]
        phase = {"forward": self.tr("Forward propagation"), "error": self.tr("Error E"),
                 "delta": self.tr("Delta δ = ∂E/∂z"), "gradient": self.tr("Gradients"),
                 "update": self.tr("Update")}[g.phase]
        where = "" if g.layer is None else f" · {layer_title(self.document.spec, g.layer)}"
        return self.tr("Step {0} of {1}: {2}").format(k + 1, len(self.steps.groups),
                                                      phase + where)

    def _fill(self) -> None:
        if not self.steps:
            self.title.setText(self.tr("No step-by-step table"))
            self.model.show([], -1)
            return
        self.title.setText(self.group_title(self.shown - 1))
        lines, first = [], 0
        for k in range(self.shown):
            if k == self.shown - 1:
                first = len(lines)
            lines.append(self.group_title(k))
            lines += [(k, r) for r in self.steps.groups[k].rows]
        self.table.clearSpans()
        self.model.show(lines, self.shown - 1)
        for row, line in enumerate(lines):
            if isinstance(line, str):
                self.table.setSpan(row, 0, 1, 4)
        self.table.scrollTo(self.model.index(first, 0), QAbstractItemView.PositionAtTop)

    # -- actions ----------------------------------------------------------------------
    def apply_update(self) -> None:
        """w ← w − α·∂E/∂w on the document, undoable."""
        if not self.steps:
            return
        new = [(W.copy(), b.copy()) for W, b in self.steps.new_weights]
        self._report(edit(self.undo_stack, self.document, self.tr("Apply backpropagation step"),
                          lambda: self.document.set_weights(new)))
        self.shown = 1

    def load_worked_example(self) -> None:
        ex = load_worked_example(WORKED_EXAMPLE)
        self.count.setValue(1)
        self.first.setValue(1)
        self._report(edit(self.undo_stack, self.document, self.tr("Load worked example"),
                          lambda: ex.apply_to(self.document)))
        self.shown = 1
        self.recompute()

    def copy_table(self) -> None:
        """The whole table (every step) to the clipboard, as Markdown (pastes as text)."""
        if self.steps:
            QGuiApplication.clipboard().setText(self.steps.to_markdown())
            self._status(self.tr("Table copied to the clipboard"))

    def export_to(self, path: str | None, kind: str) -> None:
        if not self.steps:
            return
        if path is None:
            filters = self.tr("CSV (*.csv)") if kind == "csv" else self.tr("Markdown (*.md)")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export step-by-step table"),
                                                  f"backprop-steps.{kind}", filters)
            if not path:
                return
        text = self.steps.to_csv() if kind == "csv" else self.steps.to_markdown()
        try:
            write_text(path, text)
        except OSError as exc:
            self._status(self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc))
            return
        self._status(self.tr("Exported {0}").format(Path(path).name))

    def _report(self, refusal: str | None) -> None:
        if refusal:
            self._status(refusal)

    def _status(self, text: str) -> None:
        if self._show_status is not None:
            self._show_status(text)
        else:
            self.message.setText(text)
