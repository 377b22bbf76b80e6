"""The Grid search dock: axes, runs and estimated time, progress with ETA and Cancel,
results streaming into a sortable table and a heatmap; double-click applies a run.

The GUI thread never waits: starting the executor (a process pool, or connecting to a
Dask scheduler) and estimating the time run on short helper threads; a 100 ms timer
collects finished futures (``GridExecution.poll``, which never blocks).
"""

from __future__ import annotations

import math
import os
import threading
import time

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simulator.errors import SimulatorError
from simulator.experiments import (
    AXES,
    Grid,
    GridData,
    GridExecution,
    estimate_seconds,
    heatmap,
    parse_layouts,
    results_table,
    write_csv,
)
from simulator.spec import NetworkSpec
from ui.commands import edit

from .heatmap import HeatmapView
from .results_model import SORT_ROLE, GridResultsModel

#: Milliseconds between two looks at the futures (and the estimate thread).
POLL_MS = 100


def _t(text: str) -> str:
    return QCoreApplication.translate("GridDock", text)


def _words(text: str) -> list[str]:
    return [w for w in text.replace(",", " ").split() if w]


def _numbers(text: str, kind, what: str) -> list:
    try:
        return [kind(w) for w in _words(text)]
    except ValueError:
        raise SimulatorError(_t("{what}: write numbers separated by spaces or commas")
                             .format(what=what)) from None


def duration(seconds: float) -> str:
    seconds = max(0.0, seconds)
    if seconds < 90:
        return _t("{n:.0f} s").format(n=seconds)
    if seconds < 5400:
        return _t("{n:.0f} min").format(n=seconds / 60)
    return _t("{n:.1f} h").format(n=seconds / 3600)


class GridDock(QWidget):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window, self.document = window, window.document
        #: RunResult of the latest grid (with trained weights), in arrival order.
        self.results: list = []
        self.execution: GridExecution | None = None
        self._starting: threading.Thread | None = None
        self._start_error: str | None = None
        self._estimate: tuple | None = None  # (token, seconds) from the estimate thread
        self._token = 0
        self._estimating: threading.Thread | None = None
        self._build()
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._estimate_timer = QTimer(self, singleShot=True, interval=300)
        self._estimate_timer.timeout.connect(self._start_estimate)
        self.document.events.reset.connect(self._on_reset)
        window.on_close(self.shutdown)
        self._fields_changed()

    # -- widgets -------------------------------------------------------------------------
    def _build(self) -> None:
        s = self.document.settings
        self.hidden = QLineEdit("2; 4; 8; 4,4")
        self.hidden.setToolTip(_t("Units per hidden layer, layouts separated by ';' "
                                  "(e.g. 4; 8; 4,4; 8,8)"))
        self.activations = QLineEdit("tanh relu")
        self.rates = QLineEdit("0.01 0.1 1")
        self.batches = QLineEdit(str(s.batch_size))
        self.optimizers = QLineEdit(s.optimizer)
        self.seeds = QSpinBox(minimum=1, maximum=100, value=3)
        self.epochs = QSpinBox(minimum=1, maximum=1_000_000, value=300, singleStep=100)
        self.patience = QSpinBox(minimum=0, maximum=100_000, value=0)
        self.patience.setSpecialValueText(_t("off"))
        self.executor = QComboBox()
        self.executor.addItem(_t("Local processes"), "local")
        self.executor.addItem(_t("Dask cluster"), "dask")
        self.workers = QSpinBox(minimum=1, maximum=1024, value=os.cpu_count() or 1)
        self.address = QLineEdit()
        self.address.setPlaceholderText("tcp://host:8786")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_t("Hidden layouts"), self.hidden)
        form.addRow(_t("Activations"), self.activations)
        form.addRow(_t("Learning rates"), self.rates)
        form.addRow(_t("Batch sizes"), self.batches)
        form.addRow(_t("Optimizers"), self.optimizers)
        form.addRow(_t("Seeds"), self.seeds)
        form.addRow(_t("Epochs per run"), self.epochs)
        form.addRow(_t("Early stop (patience)"), self.patience)
        form.addRow(_t("Run on"), self.executor)
        form.addRow(_t("Workers"), self.workers)
        form.addRow(_t("Scheduler address"), self.address)
        for w in (self.hidden, self.activations, self.rates, self.batches, self.optimizers,
                  self.address):
            w.textChanged.connect(self._fields_changed)
        for w in (self.seeds, self.epochs, self.workers):
            w.valueChanged.connect(self._fields_changed)
        self.executor.currentIndexChanged.connect(self._fields_changed)

        self.start_button = QPushButton(_t("Start"))
        self.cancel_button = QPushButton(_t("Cancel"))
        self.export_button = QPushButton(_t("Export CSV..."))
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button.clicked.connect(self._export)
        buttons = QHBoxLayout()
        for b in (self.start_button, self.cancel_button, self.export_button):
            buttons.addWidget(b)
        self.progress = QProgressBar()
        self.progress_label = QLabel()

        self.model = GridResultsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setToolTip(_t("Double-click: apply this configuration with its best "
                                 "seed's trained weights to the editor (undoable)"))
        self.table.doubleClicked.connect(self._apply_index)

        self.x_axis, self.y_axis, self.measure = QComboBox(), QComboBox(), QComboBox()
        names = {"layout": _t("Layout"), "activation": _t("Activation"),
                 "learning_rate": _t("Learning rate"), "batch_size": _t("Batch"),
                 "optimizer": _t("Optimizer")}
        for box in (self.x_axis, self.y_axis):
            for a in AXES:
                box.addItem(names[a], a)
        self.x_axis.setCurrentIndex(AXES.index("learning_rate"))
        for key, label in (("test_loss_mean", _t("Test loss")),
                           ("train_loss_mean", _t("Train loss")),
                           ("test_metric_mean", _t("Test accuracy")),
                           ("gap_mean", _t("Gap (test - train)"))):
            self.measure.addItem(label, key)
        for box in (self.x_axis, self.y_axis, self.measure):
            box.currentIndexChanged.connect(self._update_heatmap)
        axes = QHBoxLayout()
        for label, box in ((_t("x"), self.x_axis), (_t("y"), self.y_axis),
                           (_t("colour"), self.measure)):
            axes.addWidget(QLabel(label))
            axes.addWidget(box, 1)
        self.heatmap = HeatmapView()
        lower = QWidget()
        lv = QVBoxLayout(lower)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(axes)
        lv.addWidget(self.heatmap, 1)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)

        top = QVBoxLayout(self)
        top.addLayout(form)
        top.addWidget(self.summary)
        top.addLayout(buttons)
        top.addWidget(self.progress)
        top.addWidget(self.progress_label)
        top.addWidget(split, 1)
        self._set_running(False)

    # -- the grid from the fields ------------------------------------------------------
    def grid(self) -> Grid:
        """The fields as a validated :class:`Grid` (raises SimulatorError naming the field)."""
        g = Grid(hidden=parse_layouts(self.hidden.text()),
                 activation=_words(self.activations.text()),
                 learning_rate=_numbers(self.rates.text(), float, _t("Learning rates")),
                 batch_size=_numbers(self.batches.text(), int, _t("Batch sizes")),
                 optimizer=_words(self.optimizers.text()),
                 seeds=self.seeds.value(), epochs=self.epochs.value(),
                 patience=self.patience.value())
        g.validate()
        return g

    def _configs(self):
        data = GridData.from_document(self.document)
        return self.grid().expand(data.settings, data.hidden_activation), data

    def _fields_changed(self) -> None:
        dask = self.executor.currentData() == "dask"
        self.address.setEnabled(dask)
        self.workers.setEnabled(not dask)
        try:
            n = self.grid().size()
        except SimulatorError as exc:
            self.summary.setText(str(exc))
            self.start_button.setEnabled(False)
            return
        self.start_button.setEnabled(self.execution is None and self._starting is None)
        self._token += 1
        self._runs = n
        self.summary.setText(_t("{n} runs; estimating the time...").format(n=n))
        self._estimate_timer.start()

    def _start_estimate(self) -> None:
        try:
            configs, data = self._configs()
        except SimulatorError as exc:
            self.summary.setText(str(exc))
            return
        token, workers = self._token, self.workers.value()

        def work():
            try:
                self._estimate = (token, estimate_seconds(configs, data, workers))
            except Exception:  # noqa: BLE001 - an estimate is optional
                self._estimate = (token, None)
        self._estimating = threading.Thread(target=work, name="grid-estimate", daemon=True)
        self._estimating.start()
        self._timer.start()

    # -- running -------------------------------------------------------------------------
    def start(self) -> None:
        if self.execution is not None or self._starting is not None:
            return
        try:
            configs, data = self._configs()
        except SimulatorError as exc:
            self.window.show_status(str(exc))
            return
        dask = self.executor.currentData() == "dask"
        address = self.address.text().strip() if dask else None
        if dask and not address:
            self.window.show_status(_t("Enter the Dask scheduler's address first"))
            return
        workers = None if dask else self.workers.value()
        self.results = []
        self._cancel_requested = False
        self._start_error = None
        self._started_at = time.monotonic()
        self.model.set_rows([])
        self.progress.setRange(0, len(configs))
        self.progress.setValue(0)
        self.progress_label.setText(_t("Starting the workers..."))

        def begin():  # a pool start or a scheduler connection can take seconds
            try:
                self._pending = GridExecution(configs, data, workers=workers,
                                              scheduler=address)
            except SimulatorError as exc:
                self._start_error = str(exc)
            except Exception as exc:  # noqa: BLE001 - shown, never a dead thread
                self._start_error = f"{type(exc).__name__}: {exc}"
        self._pending = None
        self._starting = threading.Thread(target=begin, name="grid-start", daemon=True)
        self._starting.start()
        self._set_running(True)
        self._timer.start()

    def cancel(self) -> None:
        """Stop the grid: pending runs are cancelled, running ones end at their next check."""
        self._cancel_requested = True
        if self.execution is not None:
            self.execution.cancel()
            self._finish(_t("Cancelled after {done} of {total} runs"))

    def _poll(self) -> None:
        if self._estimate is not None:
            token, seconds = self._estimate
            self._estimate = None
            if token == self._token and seconds is not None:
                self.summary.setText(_t("{n} runs, about {time}").format(
                    n=self._runs, time=duration(seconds)))
        if self._starting is not None and not self._starting.is_alive():
            self._starting = None
            self.execution, self._pending = self._pending, None
            if self._start_error is not None or self.execution is None:
                self._set_running(False)
                self.progress_label.setText(self._start_error or "")
                self.window.show_status(self._start_error or "")
            elif self._cancel_requested:
                self.cancel()
        ex = self.execution
        if ex is not None:
            new = ex.poll()
            if new:
                self.results += new
                self._show_results()
            self.progress.setValue(ex.done)
            eta = ex.eta()
            self.progress_label.setText(
                _t("{done} / {total} runs").format(done=ex.done, total=ex.total)
                + ("" if eta is None else "  " + _t("{time} left").format(time=duration(eta))))
            if ex.finished:
                self._finish(_t("Finished {done} of {total} runs in {time}"))
        estimating = self._estimating is not None and self._estimating.is_alive()
        if self.execution is None and self._starting is None and self._estimate is None \
                and not estimating and not self._estimate_timer.isActive():
            self._timer.stop()

    def _finish(self, message: str) -> None:
        ex, self.execution = self.execution, None
        ex.close()
        # Kept with the project (saved without weights). Not an undoable edit: results are
        # a record of what was run, like the history, and only mark the project unsaved.
        self.document.grid = list(self.results)
        self.document.mark_dirty()
        self._set_running(False)
        self.progress_label.setText(message.format(
            done=sum(not r.failed for r in self.results), total=ex.total,
            time=duration(time.monotonic() - self._started_at)))
        self._show_results()

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.export_button.setEnabled(not running and bool(self.results))

    def shutdown(self) -> bool:
        """Window closing: stop the grid (no process is left behind)."""
        self._cancel_requested = True
        if self._starting is not None:  # a pool being started: wait for it, then stop it
            self._starting.join(timeout=15)
            self._starting, self.execution, self._pending = None, self._pending, None
        if self.execution is not None:
            self.execution.cancel()
            self.execution = None
        return True

    # -- results -------------------------------------------------------------------------
    def summary_rows(self) -> list[dict]:
        return results_table(self.results)

    def _show_results(self) -> None:
        self.model.set_rows(self.summary_rows())
        self._update_heatmap()

    def _update_heatmap(self) -> None:
        rows = self.model.rows
        measure = self.measure.currentData()
        xs, ys, values = heatmap(rows, self.x_axis.currentData(), self.y_axis.currentData(),
                                 measure)
        self.heatmap.set_data(xs, ys, values, higher_is_better=measure == "test_metric_mean")

    def _apply_index(self, index) -> None:
        self.apply_row(self.proxy.mapToSource(index).row())

    def apply_row(self, row: int) -> None:
        """Put the row's configuration and its best seed's trained weights into the
        editor and the settings, as one undoable edit."""
        group = self._group_of(self.model.rows[row])
        runs = [r for r in self.results if r.config.group == group and not r.failed]
        if not runs:
            self.window.show_status(_t("This configuration has no finished run to apply"))
            return
        best = min(runs, key=lambda r: math.inf if r.test_loss is None or not
                   math.isfinite(r.test_loss) else r.test_loss)
        c, doc = best.config, self.document
        spec = NetworkSpec.coerce(c.network_spec(doc.spec.to_dict()))

        def mutate():
            doc.set_settings(learning_rate=c.learning_rate, batch_size=c.batch_size,
                             optimizer=c.optimizer, seed=c.seed, patience=c.patience)
            # results read back from a file have no weights: the seed's initial ones
            doc.set_spec(spec, best.weights or doc.initial_weights(spec))
        refused = edit(self.window.undo_stack, doc, _t("Apply grid run"), mutate)
        if refused:
            self.window.show_status(refused)
        elif best.weights is None:
            self.window.show_status(_t("Applied the configuration with its initial weights "
                                       "(trained weights are not saved with the project)"))

    def _group_of(self, row: dict) -> tuple:
        keys = ("layout", "activation", "learning_rate", "batch_size", "optimizer")
        for r in self.results:
            if all(r.row()[k] == row[k] for k in keys):
                return r.config.group
        return ()

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, _t("Export grid results"), "grid.csv",
                                              _t("CSV files (*.csv)"))
        if path:
            self.export_csv(path)

    def export_csv(self, path: str) -> None:
        try:
            write_csv(path, self.summary_rows())
        except OSError as exc:
            self.window.show_status(_t("Cannot write {path}: {error}").format(
                path=path, error=exc.strerror or exc))
            return
        self.window.show_status(_t("Exported {path}").format(path=path))

    def _on_reset(self) -> None:
        """Another project: its grid is not this one."""
        self.shutdown()
        self.results = list(self.document.grid)
        self._show_results()
        self._set_running(False)
        self.progress_label.setText("")
        self._fields_changed()
        if self.results:
            self.progress_label.setText(_t("{n} runs saved with the project").format(
                n=len(self.results)))


def install(window) -> None:
    window.grid_dock = GridDock(window)
    # hidden: opened from the View menu; the default layout stays as it was
    window.add_dock(window.grid_dock, "grid", _t("Grid search"), hidden=True)
