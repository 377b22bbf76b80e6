"""The matrix dock: one layer as X · W + b = Z, then H = f(Z), with the real numbers.

The numbers come from ``simulator.matrix_view`` (one ``net.forward``); this module only
draws them. Clicking a cell of Z selects the row of X and the column of W that make it
and writes out the weighted sum; editing a cell of W or b edits the network (undoable).

The panel shares ``document.selection`` with the canvas: a selected neuron frames its
column of W, b, Z and H (an input neuron: its column of X and row of W), a selected
connection its cell W[i, j]; clicking a cell or a column header selects the neuron or
connection it belongs to.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simulator.backprop_steps import fmt
from simulator.matrix_view import MAX_ROWS, MatrixView, view_for_document
from ui.commands import edit
from ui.labels import ACTIVATION_LABELS
from ui.observe import DocumentObserver

from .cells import layer_title, text_color, value_color
from .refresh import RefreshWhenShown

#: Recompute at most this often while weights stream in from training (ms, ~10 Hz).
_REFRESH_MS = 100
#: Width of one number column (the least: wider for a larger font, e.g. presentation mode),
#: and the most rows and columns a matrix shows unscrolled.
_CELL_WIDTH = 64
_VISIBLE_ROWS = 12
_VISIBLE_COLUMNS = 6
_REMOVED = QColor("#eceff1")


class MatrixModel(QAbstractTableModel):
    """One matrix: values (n, m), headers, colours by value; optionally editable cells."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.values = np.zeros((0, 0))
        self.rows: list[str] = []
        self.cols: list[str] = []
        self.present: np.ndarray | None = None
        #: commit(i, j, value) -> None for editable matrices (W, b).
        self.commit = None
        #: Cells (i, j) framed as the ones a clicked Z cell is made of.
        self.highlight: set[tuple[int, int]] = set()
        self._scale = 1.0

    def set_highlight(self, cells) -> None:
        cells = set(cells)
        if cells == self.highlight:
            return
        self.highlight = cells
        if self.values.size:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.values.shape[0] - 1, self.values.shape[1] - 1))

    def show(self, values: np.ndarray, rows: list[str], cols: list[str],
             present: np.ndarray | None = None) -> None:
        self.beginResetModel()
        self.values, self.rows, self.cols, self.present = values, rows, cols, present
        self.highlight = {(i, j) for i, j in self.highlight
                          if i < values.shape[0] and j < values.shape[1]}
        finite = np.abs(values[np.isfinite(values)]) if values.size else np.zeros(0)
        self._scale = float(finite.max()) if finite.size else 1.0
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else self.values.shape[0]

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else self.values.shape[1]

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role != Qt.DisplayRole:
            return None
        names = self.cols if orientation == Qt.Horizontal else self.rows
        return names[section] if section < len(names) else None

    def _removed(self, i: int, j: int) -> bool:
        return self.present is not None and not self.present[i, j]

    def data(self, index, role=Qt.DisplayRole):
        i, j = index.row(), index.column()
        v = float(self.values[i, j])
        if role in (Qt.DisplayRole, Qt.EditRole):
            return "—" if self._removed(i, j) else fmt(v, 3)
        if role == Qt.ToolTipRole:
            return None if self._removed(i, j) else repr(v)
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.BackgroundRole:
            return _REMOVED if self._removed(i, j) else value_color(v, self._scale)
        if role == Qt.ForegroundRole:
            return text_color(value_color(v, self._scale))
        return None

    def flags(self, index):
        f = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if self.commit is not None and not self._removed(index.row(), index.column()):
            f |= Qt.ItemIsEditable
        return f

    def setData(self, index, value, role=Qt.EditRole) -> bool:  # noqa: N802 (Qt override)
        try:
            number = float(str(value).replace(",", "."))
        except ValueError:
            return False
        if self.commit is None or not np.isfinite(number):
            return False
        self.commit(index.row(), index.column(), number)
        return True


class _FrameDelegate(QStyledItemDelegate):
    """Draws a dark frame around the model's highlighted cells (colour stays the value's)."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        if (index.row(), index.column()) in index.model().highlight:
            painter.save()
            painter.setPen(QPen(QColor("#202124"), 2))
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()


class MatrixBlock(QWidget):
    """A caption ("W  3x2") over a scrolling table of one matrix; rows and columns sized
    for the font (it follows the application font: presentation mode enlarges it)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        font = QFont(self.caption.font())
        font.setBold(True)
        self.caption.setFont(font)
        self.model = MatrixModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        # Selection colours would hide the value colours: a clicked Z cell frames its cells.
        self.view.setSelectionMode(QAbstractItemView.NoSelection)
        self.view.setItemDelegate(_FrameDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                  | QAbstractItemView.AnyKeyPressed)
        self.view.horizontalHeader().setSectionsClickable(True)  # a header picks its neuron
        self.view.verticalHeader().setSectionsClickable(True)
        self._fit_font()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)

    def _fit_font(self) -> None:
        """Cells as high as a line and as wide as "-0.00000" (fmt(v, 3) of a small v)."""
        fm = QFontMetrics(self.font())
        self.cell_width = max(_CELL_WIDTH, fm.horizontalAdvance("-0.00000") + 12)
        self.view.horizontalHeader().setDefaultSectionSize(self.cell_width)
        self.view.verticalHeader().setDefaultSectionSize(fm.height() + 6)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self._fit_font()
            self._fit_size()

    def show_matrix(self, title: str, values, rows, cols, present=None) -> None:
        self.caption.setText(f"{title}   {values.shape[0]}x{values.shape[1]}")
        self.model.show(values, rows, cols, present)
        self._fit_size()

    def _fit_size(self) -> None:
        v, cell = self.view, self.cell_width
        n, m = self.model.values.shape
        bar = v.verticalScrollBar().sizeHint().width()
        head = v.verticalHeader().sizeHint().width() + 4
        width = head + cell * max(1, m) + (bar if n > _VISIBLE_ROWS else 0)
        shown = min(_VISIBLE_ROWS, max(1, n))
        height = (v.horizontalHeader().sizeHint().height() + 4
                  + v.verticalHeader().defaultSectionSize() * shown
                  + (bar if m > _VISIBLE_COLUMNS else 0))
        # Whole up to 12 rows x 6 columns; larger matrices scroll inside their table.
        v.setMinimumWidth(min(width, head + cell * _VISIBLE_COLUMNS + bar))
        v.setMaximumWidth(width)
        v.setFixedHeight(height)


def _operator(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignCenter)
    label.setProperty("relative_size", 1.6)  # of the panel's font: see MatrixPanel._fit_fonts
    return label


def _relative_font(base: QFont, size: float, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * size)
    font.setBold(bold)
    return font


class MatrixPanel(RefreshWhenShown, QWidget, DocumentObserver):
    """Z = X · W + b and H = f(Z) for one layer and a few rows of the data."""

    #: The user chose this layer (engine index) in the panel (the canvas selects it).
    layer_chosen = Signal(int)

    def __init__(self, document, undo_stack, show_status=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.undo_stack, self._show_status = document, undo_stack, show_status
        self.matrices: MatrixView | None = None
        self._init_refresh(_REFRESH_MS)
        self._build()
        #: (row, unit) of the clicked Z cell whose weighted sum is written out, or None.
        self._z_cell: tuple[int, int] | None = None
        self.observe(document, weights=self._on_changed, spec=self._on_spec_changed,
                     language=self._on_spec_changed,
                     data=self._on_changed, reset=self._on_spec_changed,
                     settings=self._on_settings_changed)
        self.follow(document.selection.changed, self._on_selection_changed)
        self._fill_layers()
        # computed when first shown (showEvent): hidden docks cost nothing at startup

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.layer = QComboBox()
        self.layer.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.layer.currentIndexChanged.connect(lambda _i: self.recompute())
        self.layer.activated.connect(self.layer_chosen)  # the user's choice only
        self.first = QSpinBox(minimum=1, maximum=1)
        self.first.setPrefix(self.tr("From row "))
        self.count = QSpinBox(minimum=1, maximum=MAX_ROWS, value=4)
        self.count.setPrefix(self.tr("Rows "))
        for box in (self.first, self.count):
            box.valueChanged.connect(lambda _v: self.recompute())
        one = QPushButton(self.tr("One sample"))
        one.clicked.connect(lambda: self.count.setValue(1))
        batch = QPushButton(self.tr("One batch"))
        batch.setToolTip(self.tr("As many rows as the batch size"))
        batch.clicked.connect(lambda: self.count.setValue(min(MAX_ROWS,
                                                              self.document.settings.batch_size)))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer")))
        for w in (self.layer, self.first, self.count, one, batch):
            top.addWidget(w)
        top.addStretch(1)

        self.blocks = {key: MatrixBlock() for key in ("A", "W", "b", "Z", "H")}
        self.blocks["W"].model.commit = self._edit_weight
        self.blocks["b"].model.commit = lambda _i, j, v: self._edit_bias(j, v)
        self.blocks["Z"].view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self._connect_clicks()
        self.plus = _operator("+")
        self.f_label = _operator("f")
        row = QHBoxLayout()
        for w in (self.blocks["A"], _operator("·"), self.blocks["W"], self.plus,
                  self.blocks["b"], _operator("="), self.blocks["Z"], self.f_label,
                  self.blocks["H"]):
            row.addWidget(w, 0, Qt.AlignTop if isinstance(w, MatrixBlock) else Qt.AlignVCenter)
        row.addStretch(1)
        self.sum = QLabel(self.tr("Click a cell of Z to see its weighted sum."))
        self.sum.setWordWrap(True)
        self.sum.setTextInteractionFlags(Qt.TextSelectableByMouse)
        column = QVBoxLayout()
        column.addLayout(row)
        column.addWidget(self.sum)
        column.addStretch(1)
        strip = QWidget()
        strip.setLayout(column)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(strip)
        scroll.setFrameShape(QScrollArea.NoFrame)

        self.shapes = QLabel()
        self.shapes.setProperty("relative_size", 1.25)
        self.sum.setProperty("relative_size", 1.15)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.shapes)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        self._fit_fonts()

    def _fit_fonts(self) -> None:
        """The operators (·, +, =) and the shapes and sum lines, larger than the panel's
        font by their ``relative_size``: set again when that font changes (presentation
        mode), which a font of their own would not follow."""
        for label in self.findChildren(QLabel):
            size = label.property("relative_size")
            if size:
                label.setFont(_relative_font(self.font(), size, bold=label is self.shapes))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.FontChange and hasattr(self, "shapes"):
            self._fit_fonts()

    def _fill_layers(self) -> None:
        spec = self.document.spec
        keep = self.layer.currentIndex()
        self.layer.blockSignals(True)
        self.layer.clear()
        for l, lay in enumerate(spec.layers):
            act = ACTIVATION_LABELS.get(lay.activation, lay.activation)
            self.layer.addItem(f"{layer_title(spec, l)} · {lay.units} · {act}")
        self.layer.setCurrentIndex(min(max(0, keep), len(spec.layers) - 1))
        self.layer.blockSignals(False)

    def show_layer(self, layer: int) -> None:
        """Show engine layer ``layer`` (e.g. the one selected on the canvas)."""
        if 0 <= layer < self.layer.count():
            self.layer.setCurrentIndex(layer)

    # -- document ---------------------------------------------------------------------
    def _on_spec_changed(self, *_args) -> None:
        self._fill_layers()
        self._on_changed()

    def _on_settings_changed(self, names) -> None:
        if "dtype" in names:
            self._on_changed()

    def recompute(self) -> None:
        self._stale = False
        n = self.document.dataset.X.shape[0]
        self.first.blockSignals(True)
        self.first.setMaximum(max(1, n))
        self.first.setSuffix(self.tr(" of {0}").format(n))
        self.first.blockSignals(False)
        try:
            self.matrices = view_for_document(self.document, max(0, self.layer.currentIndex()),
                                              self.first.value() - 1, self.count.value())
        except ValueError as exc:
            self.matrices = None
            self.message.setText(str(exc))
            return
        self.message.setText("")
        self._draw()

    def _draw(self) -> None:
        m, spec = self.matrices, self.document.spec
        source = self.tr("X") if m.is_data else self.tr("H of {0}").format(
            layer_title(spec, m.layer - 1))
        self.blocks["A"].show_matrix(source, m.A, m.row_names, m.in_names)
        self.blocks["W"].show_matrix("W", m.W, m.in_names, m.out_names, m.present)
        has_bias = m.b is not None
        for w in (self.plus, self.blocks["b"]):
            w.setVisible(has_bias)
        if has_bias:
            self.blocks["b"].show_matrix("b", m.b.reshape(1, -1), ["b"], m.out_names)
        self.blocks["Z"].show_matrix("Z", m.Z, m.row_names, m.out_names)
        act = ACTIVATION_LABELS.get(m.activation, m.activation)
        self.f_label.setText(f"→ {act} →")
        self.blocks["H"].show_matrix("H = f(Z)", m.H, m.row_names, m.out_names)
        self.shapes.setText(m.shapes + ("  (+ b)" if has_bias else ""))
        self._show_selection()

    # -- the shared selection ---------------------------------------------------------
    def _on_selection_changed(self, selected) -> None:
        """Show the layer the canvas's pick belongs to, framed (see the module docstring)."""
        self._z_cell = None
        if self.layer.count() != len(self.document.spec.layers):
            return  # a new layout: _on_spec_changed refills the layers and redraws
        if selected.kind == "connection":
            self.show_layer(selected.layer)
        elif selected.kind == "neuron":
            self.show_layer(max(0, selected.layer - 1))  # the layer whose output it is
        self._show_selection()

    def _show_selection(self) -> None:
        """Frame the cells of the selected neuron or connection if they are in this layer."""
        m = self.matrices
        if m is None:
            return
        s = self.document.selection.current
        (n, k), units = m.A.shape, m.W.shape[1]
        cells = {key: [] for key in self.blocks}
        text = self.tr("Click a cell of Z to see its weighted sum.")
        if s.kind == "neuron" and s.layer == m.layer + 1 and s.index < units:
            j = s.index
            if self._z_cell is not None and self._z_cell[1] == j and self._z_cell[0] < n:
                row = self._z_cell[0]
                rows = [row]
                text = (f"z({m.row_names[row]}, {m.out_names[j]}) = "
                        f"{m.weighted_sum_symbols(j)}\n= {m.weighted_sum(row, j)}")
                cells["A"] = [(row, i) for i in range(k) if m.present[i, j]]
            else:
                rows = range(n)
                text = f"z({m.out_names[j]}) = {m.weighted_sum_symbols(j)}"
            cells["W"] = [(i, j) for i in range(k) if m.present[i, j]]
            cells["b"] = [(0, j)] if m.b is not None else []
            cells["Z"] = cells["H"] = [(r, j) for r in rows]
        elif s.kind == "neuron" and s.layer == m.layer and s.index < k:
            i = s.index
            cells["A"] = [(r, i) for r in range(n)]
            cells["W"] = [(i, j) for j in range(units) if m.present[i, j]]
            text = self.tr("{0} feeds every unit of this layer through its row of W.").format(
                m.in_names[i])
        elif s.kind == "connection" and s.layer == m.layer and s.index < k and \
                s.target < units:
            i, j = s.index, s.target
            cells["W"] = [(i, j)]
            text = f"W[{m.in_names[i]}, {m.out_names[j]}] = {fmt(m.W[i, j], 4)}"
        for key, block in self.blocks.items():
            block.model.set_highlight(cells[key])
        self.sum.setText(text)

    # -- clicks and edits -------------------------------------------------------------
    def _connect_clicks(self) -> None:
        """Every cell and column header selects the neuron or connection it belongs to."""
        clicks = {"A": lambda index: self._pick_source(index.column()),
                  "W": lambda index: self._pick_weight(index.row(), index.column()),
                  "b": lambda index: self._pick_unit(index.column()),
                  "Z": lambda index: self.select_z(index.row(), index.column()),
                  "H": lambda index: self._pick_unit(index.column())}
        for key, block in self.blocks.items():
            block.view.clicked.connect(clicks[key])
            header = self._pick_source if key == "A" else self._pick_unit
            block.view.horizontalHeader().sectionClicked.connect(header)
        self.blocks["W"].view.verticalHeader().sectionClicked.connect(self._pick_source)

    def _pick_unit(self, j: int) -> None:
        """Unit j of the shown layer (a column of W, b, Z, H)."""
        if self.matrices is not None:
            self.document.selection.select_neuron(self.matrices.layer + 1, j)

    def _pick_source(self, i: int) -> None:
        """Input i of the shown layer (a column of X or H before, a row of W)."""
        if self.matrices is not None:
            self.document.selection.select_neuron(self.matrices.layer, i)

    def _pick_weight(self, i: int, j: int) -> None:
        if self.matrices is not None:
            self.document.selection.select_connection(self.matrices.layer, i, j)

    def select_z(self, row: int, unit: int) -> None:
        """Show how Z[row, unit] is made: its X row, W column and the sum with numbers
        (and select its neuron, on the canvas too)."""
        m = self.matrices
        if m is None:
            return
        self.document.selection.select_neuron(m.layer + 1, unit)
        self._z_cell = (row, unit)
        self._show_selection()

    def _edit_weight(self, i: int, j: int, value: float) -> None:
        layer = self.matrices.layer
        self._report(edit(self.undo_stack, self.document, self.tr("Edit weight"),
                          lambda: self.document.set_weight(layer, i, j, value)))

    def _edit_bias(self, j: int, value: float) -> None:
        layer = self.matrices.layer
        self._report(edit(self.undo_stack, self.document, self.tr("Edit bias"),
                          lambda: self.document.set_bias(layer, j, value)))

    def _report(self, refusal: str | None) -> None:
        if refusal and self._show_status is not None:
            self._show_status(refusal)
        elif refusal:
            self.message.setText(refusal)
        else:
            self.recompute()  # the edited value at once, not after the refresh delay
