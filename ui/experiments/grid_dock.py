"""The Grid search dock: axes, runs and estimated time, progress with ETA and Cancel,
results streaming into a sortable table and a heatmap; double-click applies a run. For
2-D data the best and the worst run's decision boundaries, side by side, ranked by the
heatmap's measure (test loss unless the user picks another); a click on one selects its
configuration in the table.

The GUI thread never waits: starting the executor (a process pool, or connecting to a
Dask scheduler), estimating the time and computing boundary grids (1-2 ms for an 8,8
network, 3-20 ms for 32,32 as the machine is loaded) run on short helper threads; a
100 ms timer collects finished futures (``GridExecution.poll``, which never blocks) and
the helpers' results.
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
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from simulator.errors import SimulatorError
from simulator.experiments import (
    AXES,
    SUMMARY_COLUMNS,
    Grid,
    GridData,
    GridExecution,
    estimate_seconds,
    format_layout,
    heatmap,
    measure_of,
    parse_layouts,
    results_table,
    write_csv,
)
from simulator.experiments.boundaries import Plane, best_and_worst, boundary
from simulator.spec import NetworkSpec
from ui.commands import edit

from .boundary_view import BoundaryPanel
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
        self._estimate_when_shown = False
        #: The latest grid's data and input plane (None: no plane, not 2-D data).
        self._data: GridData | None = None
        self._plane: Plane | None = None
        #: Boundary of each drawn run (config.index), of the grid numbered _grid_token.
        self._boundaries: dict = {}
        self._grid_token = 0
        self._drawing: threading.Thread | None = None
        self._drawn: tuple | None = None  # (grid token, runs, [Boundary or error])
        #: The runs the best / worst pictures show (None: none shown).
        self.shown: tuple | None = None
        #: The dock got its room when first opened (``grow``).
        self.sized = False
        self._build()
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._estimate_timer = QTimer(self, singleShot=True, interval=300)
        self._estimate_timer.timeout.connect(self._start_estimate)
        self.document.events.reset.connect(self._on_reset)
        self.document.events.data.connect(self._on_data_changed)
        window.on_close(self.shutdown)
        self._fields_changed()
        self._on_data_changed()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._estimate_when_shown:
            self._estimate_when_shown = False
            self._estimate_timer.start()

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
        self.measure.currentIndexChanged.connect(self._update_boundaries)
        axes = QHBoxLayout()
        self.measure.setToolTip(_t("The measure the heatmap shows and the best and worst "
                                   "run are picked by"))
        for label, box in ((_t("x"), self.x_axis), (_t("y"), self.y_axis),
                           (_t("measure"), self.measure)):
            axes.addWidget(QLabel(label))
            axes.addWidget(box, 1)
        self.heatmap = HeatmapView()
        # the heatmap and the best / worst pictures share the room under the table
        self.result_views = QTabWidget()
        self.result_views.setDocumentMode(True)
        self.result_views.addTab(self.heatmap, _t("Heatmap"))
        self.result_views.addTab(self._build_boundaries(), _t("Best / worst"))
        self.result_views.currentChanged.connect(self._on_view_changed)
        lower = QWidget()
        lv = QVBoxLayout(lower)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(axes)
        lv.addWidget(self.result_views, 1)
        # the fields scroll: on a laptop screen the dock is shorter than all of it
        fields = QWidget()
        fields.setLayout(form)
        self.fields_area = QScrollArea()
        self.fields_area.setWidget(fields)
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setFrameShape(QFrame.NoFrame)
        margins = form.contentsMargins()
        self.fields_area.setMinimumHeight(2 * (self.hidden.sizeHint().height()
                                               + max(form.verticalSpacing(), 0))
                                          + margins.top() + margins.bottom())
        running = QWidget()
        rv = QVBoxLayout(running)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.summary)
        rv.addLayout(buttons)
        status = QHBoxLayout()  # one row: the bar and what it counts
        status.addWidget(self.progress, 1)
        status.addWidget(self.progress_label, 1)
        rv.addLayout(status)
        rv.addWidget(self.table, 1)
        self.split = QSplitter(Qt.Vertical)
        for pane, stretch in ((self.fields_area, 0), (running, 1), (lower, 1)):
            self.split.addWidget(pane)
            self.split.setStretchFactor(self.split.count() - 1, stretch)
        self.split.setChildrenCollapsible(False)
        top = QVBoxLayout(self)
        top.addWidget(self.split)
        self._set_running(False)

    def _build_boundaries(self) -> QWidget:
        """The "Best / worst" tab: a note when there is nothing to draw, and the two
        pictures side by side."""
        self.boundary_note = QLabel()
        self.boundary_note.setWordWrap(True)
        self.boundary_note.setStyleSheet("color: #555;")
        self.best_panel, self.worst_panel = BoundaryPanel(), BoundaryPanel()
        tip = _t("Click: select this run's configuration in the table (double-click "
                 "there to apply it)")
        pair = QHBoxLayout()
        for panel, which in ((self.best_panel, 0), (self.worst_panel, 1)):
            panel.image.setToolTip(tip)
            panel.image.clicked.connect(lambda which=which: self.select_run(self.shown[which]))
            pair.addWidget(panel, 1)
        area = QWidget()
        lay = QVBoxLayout(area)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addWidget(self.boundary_note)
        lay.addLayout(pair, 1)
        return area

    def show_results_room(self) -> None:
        """The fields shrink to two rows (they scroll; the splitter gives them back), the
        table and the heatmap or pictures share the rest."""
        total = sum(self.split.sizes())
        fields = self.fields_area.minimumHeight()
        rest = total - fields
        self.split.setSizes([fields, rest // 2, rest - rest // 2])

    def _on_view_changed(self, tab: int) -> None:
        """The x and y axes are the heatmap's; the measure serves both tabs."""
        for box in (self.x_axis, self.y_axis):
            box.setEnabled(tab == 0)

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
        if not self.isVisible():
            # estimated when shown: the probe runs train in this process (the first one
            # imports numba, ~1 s holding the GIL), a stutter for a dock nobody looks at
            self._estimate_when_shown = True
            return
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
        self.show_results_room()
        self.results = []
        self._new_plane(data)
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
        if self._drawn is not None:
            self._take_boundaries()
        busy = [t is not None and t.is_alive() for t in (self._estimating, self._drawing)]
        if self.execution is None and self._starting is None and self._estimate is None \
                and self._drawn is None and not any(busy) and not self._estimate_timer.isActive():
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
        if self._drawing is not None:  # milliseconds; no thread outlives the window
            self._drawing.join(timeout=2)
        return True

    # -- results -------------------------------------------------------------------------
    def summary_rows(self) -> list[dict]:
        return results_table(self.results)

    def _show_results(self) -> None:
        self.model.set_rows(self.summary_rows())
        self._update_heatmap()
        self._update_boundaries()

    def _update_heatmap(self) -> None:
        rows = self.model.rows
        measure = self.measure.currentData()
        xs, ys, values = heatmap(rows, self.x_axis.currentData(), self.y_axis.currentData(),
                                 measure)
        self.heatmap.set_data(xs, ys, values, higher_is_better=measure == "test_metric_mean")

    # -- best and worst run ----------------------------------------------------------
    def _new_plane(self, data: GridData | None = None) -> None:
        """A new grid (or project, or data without a grid): its plane and no pictures."""
        self._data = data or GridData.from_document(self.document)
        self._plane = Plane.from_document(self.document)
        self._boundaries = {}
        self._grid_token += 1

    def _on_data_changed(self) -> None:
        if not self.results:  # a shown grid keeps the plane it was trained on
            self._new_plane()
            self._update_boundaries()

    def ranking_key(self) -> str:
        """The run measure the best and worst run are picked by: the heatmap's."""
        return self.measure.currentData().removesuffix("_mean")

    def _update_boundaries(self) -> None:
        """Show the best and worst finished run, drawing missing pictures on a thread."""
        key = self.ranking_key()
        pair = best_and_worst(self.results, key) if self._plane is not None else None
        if pair is None:
            self._show_pair(None, self._missing_note())
            return
        missing = [r for r in ([pair[0]] if pair[0] is pair[1] else pair)
                   if r.config.index not in self._boundaries]
        if missing:
            self._draw(missing)
            if self.shown is None:
                self.boundary_note.setText(_t("Drawing the decision boundaries..."))
                self.boundary_note.show()
            return  # the pictures change when the thread is done
        failed = [self._boundaries[r.config.index] for r in pair
                  if isinstance(self._boundaries[r.config.index], str)]
        if failed:
            self._show_pair(None, _t("Cannot draw the run's boundary: {error}").format(
                error=failed[0]))
        else:
            self._show_pair(pair, "")

    def _missing_note(self) -> str:
        if self._plane is None:
            return _t("Decision boundaries are drawn for 2-D data only (this data has "
                      "{n} inputs).").format(n=self.document.data.train.X.shape[1])
        if any(not r.failed for r in self.results):
            return _t("Trained weights are not saved with the project: run the grid again "
                      "to see the best and worst decision boundaries.")
        return _t("The best and the worst run's decision boundaries appear here as soon "
                  "as a run has finished.")

    def _show_pair(self, pair: tuple | None, note: str) -> None:
        self.shown = pair
        self.boundary_note.setText(note)
        self.boundary_note.setVisible(bool(note))
        self.best_panel.setVisible(pair is not None)
        self.worst_panel.setVisible(pair is not None and pair[0] is not pair[1])
        if pair is None:
            return
        key = self.ranking_key()
        for panel, kind, run in ((self.best_panel, "best", pair[0]),
                                 (self.worst_panel, "worst", pair[1])):
            panel.show_boundary(self.run_title(kind, run, key),
                                self._boundaries[run.config.index], self._plane)

    def _draw(self, runs: list) -> None:
        """Compute the runs' boundaries on a helper thread (one at a time)."""
        if self._drawing is not None and self._drawing.is_alive():
            return  # _take_boundaries asks again when this one is done
        token, data, plane = self._grid_token, self._data, self._plane

        def work():
            out = []
            for run in runs:
                try:
                    out.append(boundary(run, data, plane))
                except Exception as exc:  # noqa: BLE001 - shown, never a dead thread
                    out.append(f"{type(exc).__name__}: {exc}")
            self._drawn = (token, runs, out)
        self._drawing = threading.Thread(target=work, name="grid-boundaries", daemon=True)
        self._drawing.start()
        self._timer.start()

    def _take_boundaries(self) -> None:
        token, runs, out = self._drawn
        self._drawn = None
        if token == self._grid_token:
            self._boundaries.update({r.config.index: b for r, b in zip(runs, out, strict=True)})
        self._update_boundaries()  # also for a newer grid whose drawing had to wait

    def run_title(self, kind: str, run, key: str) -> str:
        """"best: 8,8 tanh lr 0.03 — test loss 0.0213": the run's layout, activation and
        learning rate (batch size, optimizer and seed where the grid varies them) and its
        measure."""
        c = run.config
        parts = [format_layout(c.hidden), c.activation,
                 _t("lr {value:g}").format(value=c.learning_rate)]
        for name, text in (("batch_size", _t("batch {value}")), ("optimizer", "{value}"),
                           ("seed", _t("seed {value}"))):
            if len({getattr(r.config, name) for r in self.results}) > 1:
                parts.append(text.format(value=getattr(c, name)))
        name, value = measure_of(run, key)
        measure = {"test_loss": _t("test loss"), "train_loss": _t("train loss"),
                   "gap": _t("gap"),
                   "test_metric": _t("test R²") if run.metric == "r2" else _t("test accuracy"),
                   }[name]
        text = _t("best: {run} — {measure} {value}") if kind == "best" else \
            _t("worst: {run} — {measure} {value}")
        return text.format(run=" ".join(parts), measure=measure,
                           value="-" if value is None else f"{value:.3g}")

    def select_run(self, run) -> None:
        """Select the table row of the run's configuration (and scroll it into view)."""
        row = run.row()
        for i, summary in enumerate(self.model.rows):
            if all(summary[k] == row[k] for k in SUMMARY_COLUMNS[:5]):
                index = self.proxy.mapFromSource(self.model.index(i, 0))
                self.table.selectRow(index.row())
                self.table.scrollTo(index)
                return

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
        self._new_plane()
        self._show_results()
        self._set_running(False)
        self.progress_label.setText("")
        self._fields_changed()
        if self.results:
            self.progress_label.setText(_t("{n} runs saved with the project").format(
                n=len(self.results)))


#: Share of the window's height the dock takes when first opened (if it was shorter).
OPEN_SHARE = 0.7


def install(window) -> None:
    window.grid_dock = GridDock(window)
    # hidden: opened from the View menu; the default layout stays as it was
    dock = window.add_dock(window.grid_dock, "grid", _t("Grid search"), hidden=True)

    def opened(visible: bool) -> None:  # once: later the user's own sizes stay
        if visible and not window.grid_dock.sized:
            window.grid_dock.sized = True
            QTimer.singleShot(0, lambda: grow(window, dock))
    dock.visibilityChanged.connect(opened)


def grow(window, dock) -> None:
    """Give a just opened dock room (it shares a column with the output plot: without
    this it opens a few rows high) and its fields their full height if that leaves the
    results half of the dock."""
    want = int(window.height() * OPEN_SHARE)
    if dock.isVisible() and not dock.isFloating() and dock.height() < want:
        window.resizeDocks([dock], [want], Qt.Vertical)
    split = window.grid_dock.split
    total = sum(split.sizes())
    fields = min(window.grid_dock.fields_area.widget().sizeHint().height(), total // 2)
    split.setSizes([fields, (total - fields) // 2, total - fields - (total - fields) // 2])
