"""Compare: train the current project next to a copy with one setting changed.

Train > Compare… (or the Runs panel's button) opens :class:`CompareDialog`: one setting,
its current value, the new value, and where both runs start. Both start from the SAME
weights with the same seed (so the same batch order): by default fresh initial weights
for the seed, because the lecture's "α = 0.01 vs 0.1" lesson is in the whole curve from
epoch 0 (from already trained weights both curves are flat); or the current weights, to
see what a change does from here on. The current project trains as usual; the variant
trains in its own child process (a thread in thread mode) through
``simulator.training.runner``, and :class:`LiveComparison` pulls its snapshots on a 30 Hz
timer into the loss plot (``LossPlot.set_live``): its train (solid) and test (dashed) loss
in the colour it keeps as a run, legend "lr 0.3 (compare)".

The variant follows the current run: Train resumes it, Pause pauses it once it has caught
up to the current run's epoch, Stop, Reset weights, a new layout or new data end it (it is
then kept in ``document.runs``, ticked in the Runs panel so its curves stay, saved with
the project). It also ends by itself at the epoch limit, on early stopping or divergence.
When the current run diverges the variant trains on (that is often the lesson); Train >
Stop comparison ends it. Closing the window ends and keeps it before the "save changes?"
question; opening another project discards it. No child process is left behind.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QDoubleValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from simulator.errors import SimulatorError
from simulator.experiments import compare
from simulator.experiments.runs import run_color
from simulator.history import History
from simulator.settings import LEARNING_RATES, MAX_BATCH_SIZE, MAX_LEARNING_RATE, REGULARIZATIONS
from simulator.training.runner import ProcessRunner, ThreadRunner
from ui.labels import ACTIVATION_LABELS, choice_labels
from ui.plots.base import GrowingTable
from ui.training.panel import REG_RATES

#: Milliseconds between two looks at the variant's snapshot slot (the plots' 30 Hz).
PULL_MS = 33
#: The loss plot's columns the variant's history feeds (epoch, train, test).
LOSS_COLUMNS = ("epoch", "train_loss", "test_loss")


def _t(text: str) -> str:
    return QCoreApplication.translate("Compare", text)


def setting_name(key: str) -> str:
    return {"learning_rate": _t("Learning rate α"), "hidden_activation": _t("Hidden activation"),
            "output_activation": _t("Output activation"), "optimizer": _t("Optimizer"),
            "batch_size": _t("Batch size"), "regularization": _t("Regularization"),
            "loss": _t("Loss")}[key]


def display_value(key: str, value) -> str:
    """A value in the interface's words: "Adam", "ReLU", "L2, λ = 0.001", "0.03"."""
    labels = choice_labels()
    if value is None:
        return _t("(no hidden layer)")
    if key in ("optimizer", "loss"):
        return labels[key].get(value, value)
    if key.endswith("activation"):
        return " / ".join(ACTIVATION_LABELS.get(a, a) for a in str(value).split("/"))
    if key == "regularization":
        kind, rate = value
        name = labels["regularization"][kind]
        return name if kind == "none" else _t("{0}, λ = {1}").format(name, f"{rate:g}")
    return f"{value:g}" if isinstance(value, float) else str(value)


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def _editable_numbers(values, current: float) -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.NoInsert)
    for v in values:
        box.addItem(f"{v:g}", v)
    validator = QDoubleValidator(0.0, 1e6, 12, box)
    validator.setNotation(QDoubleValidator.ScientificNotation)
    box.setValidator(validator)
    box.setEditText(f"{current:g}")
    return box


class CompareDialog(QDialog):
    """One setting, its new value and where both runs start; ``choice()`` after OK."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setWindowTitle(_t("Compare runs"))
        doc = window.document
        self.spec, self.settings = doc.spec, doc.settings
        self.n_train = len(doc.data.train)
        intro = QLabel(_t("Trains a copy of this project with one setting changed, next to "
                          "it, from the same initial weights and the same seed. Both loss "
                          "curves appear on the loss plot; the copy is kept as a run."))
        intro.setWordWrap(True)
        self.setting = QComboBox()
        self.editors = QStackedWidget()
        self.editors.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)  # one line high
        self.keys = compare.available(self.spec, self.settings)
        for key in self.keys:
            self.setting.addItem(setting_name(key), key)
            self.editors.addWidget(self._editor(key))
        self.current = QLabel()
        self.start_from = QComboBox()
        self.start_from.addItem(_t("New initial weights (seed {0})").format(
            self.settings.seed), True)
        epoch = window.training.epoch
        self.start_from.addItem(_t("The current weights (epoch {0})").format(epoch), False)
        self.start_from.setToolTip(_t(
            "New initial weights: the current run is kept as a run and both start at epoch 0 "
            "(to compare whole learning curves). Current weights: both go on from here."))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_t("Setting to change"), self.setting)
        form.addRow(_t("Now"), self.current)
        form.addRow(_t("New value"), self.editors)
        form.addRow(_t("Both start from"), self.start_from)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.Ok)
        self.ok.setText(_t("Start comparison"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(_t("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.setting.currentIndexChanged.connect(self._on_setting)
        self.setMinimumWidth(440)
        self._on_setting(0)

    # -- editors ---------------------------------------------------------------------------
    def _editor(self, key: str) -> QWidget:
        now = compare.current_value(key, self.spec, self.settings)
        if key == "learning_rate":
            # the lecture's tenfold step (0.03 -> 0.3; a tenth from the top of the list)
            step = now * 10 if now * 10 <= LEARNING_RATES[-1] else now / 10
            box = _editable_numbers(LEARNING_RATES, min(
                LEARNING_RATES, key=lambda v: abs(np.log(v / step))))
            box.editTextChanged.connect(lambda _text: self._update())
            return box
        if key == "batch_size":
            box = QSpinBox()
            box.setRange(1, max(1, self.n_train, now) if self.n_train else MAX_BATCH_SIZE)
            box.setValue(1 if now != 1 else max(1, min(10, self.n_train)))
            box.setToolTip(_t("1 = online learning, {0} = full batch").format(self.n_train))
            box.valueChanged.connect(lambda _v: self._update())
            return box
        if key == "regularization":
            widget = QWidget()
            row = QHBoxLayout(widget)
            row.setContentsMargins(0, 0, 0, 0)
            kind = QComboBox()
            for name in REGULARIZATIONS:
                kind.addItem(choice_labels()["regularization"][name], name)
            kind.setCurrentIndex(kind.findData("l2" if now[0] == "none" else "none"))
            rate = _editable_numbers(REG_RATES[1:], now[1] if now[1] > 0 else 0.001)
            kind.currentIndexChanged.connect(lambda _i: self._update())
            rate.editTextChanged.connect(lambda _text: self._update())
            row.addWidget(kind, 1)
            row.addWidget(QLabel("λ"))
            row.addWidget(rate, 1)
            widget.kind, widget.rate = kind, rate
            return widget
        box = QComboBox()
        for name in compare.options(key, self.spec, self.settings):
            box.addItem(display_value(key, name), name)
        others = [i for i in range(box.count()) if box.itemData(i) != now]
        box.setCurrentIndex(others[0] if others else 0)
        box.currentIndexChanged.connect(lambda _i: self._update())
        return box

    def key(self) -> str:
        return self.setting.currentData()

    def value(self):
        """The new value as the editor holds it (None: not a number)."""
        editor, key = self.editors.currentWidget(), self.key()
        if key == "learning_rate":
            return _number(editor.currentText())
        if key == "batch_size":
            return editor.value()
        if key == "regularization":
            kind = editor.kind.currentData()
            rate = _number(editor.rate.currentText())
            return (kind, 0.0 if kind == "none" else rate)
        return editor.currentData()

    def choice(self) -> tuple[str, object, bool]:
        """(setting, new value, fresh initial weights?)."""
        return self.key(), self.value(), bool(self.start_from.currentData())

    # -- following the choice ---------------------------------------------------------------
    def _on_setting(self, index: int) -> None:
        self.editors.setCurrentIndex(index)
        key = self.key()
        if key is not None:
            self.current.setText(display_value(key, compare.current_value(
                key, self.spec, self.settings)))
            if key == "regularization":
                self.editors.currentWidget().rate.setEnabled(True)
        self._update()

    def _update(self) -> None:
        key = self.key()
        if key is None:
            self.ok.setEnabled(False)
            self.hint.setText(_t("This network has no setting to compare."))
            return
        editor = self.editors.currentWidget()
        if key == "regularization":
            editor.rate.setEnabled(editor.kind.currentData() != "none")
        value = self.value()
        # the rates, checked here to say it in the interface's language
        rate = value if key == "learning_rate" else (
            value[1] if key == "regularization" and value[0] != "none" else 1.0)
        try:
            if rate is None or not 0 < rate <= MAX_LEARNING_RATE:
                raise SimulatorError(_t("Enter a number above 0 and at most {0}.").format(
                    f"{MAX_LEARNING_RATE:g}"))
            variant = compare.make_variant(self.spec, self.settings, key, value)
        except SimulatorError as exc:
            self.ok.setEnabled(False)
            self.hint.setStyleSheet("color: #b00020;")
            self.hint.setText(str(exc))
            return
        self.ok.setEnabled(True)
        self.hint.setStyleSheet("")
        if variant.value == variant.was:
            self.hint.setText(_t("The same value as now: the two runs should draw the same "
                                 "curve, since training is deterministic for a seed."))
        else:
            self.hint.setText(_t("The copy trains with {0} instead of {1}; everything else, "
                                 "the initial weights and the batch order included, stays "
                                 "the same.").format(display_value(key, variant.value),
                                                     display_value(key, variant.was)))


class LiveComparison(QObject):
    """The variant training now: its runner, its history and its curves on the loss plot.
    ``ended`` carries the run kept in ``document.runs`` (None when it was discarded)."""

    ended = Signal(object)

    def __init__(self, window, variant: compare.Variant, weights, epoch: int,
                 prefix: History) -> None:
        super().__init__(window)
        self.window, self.doc, self.ctl = window, window.document, window.training
        self.variant = variant
        #: The weights both runs started from (the tests check they are bit-equal).
        self.start_weights = weights
        #: The variant's history: the rows both runs share, then its own.
        self.history = prefix.copy()
        self._shared = len(prefix)
        self.table = GrowingTable(len(LOSS_COLUMNS))
        if len(prefix):
            self.table.append(np.column_stack([prefix.column(c) for c in LOSS_COLUMNS]))
        self.epoch = epoch
        #: The epoch limit of the settings, and the epoch it waits at while the current run
        #: is paused (see _catch_up).
        self.limit = int(variant.settings.epoch_limit)
        self._target: int | None = None
        self._runs = self.doc.runs  # the project it belongs to (opening another discards it)
        self._runs_before = len(self.doc.runs)
        self._main_failed = False
        self.message = ""
        job = compare.variant_job(self.doc, variant, weights, epoch)
        self.runner = self._start(job)
        self._timer = QTimer(self)
        self._timer.setInterval(PULL_MS)
        self._timer.timeout.connect(self._pull)
        self._timer.start()
        self._hooks = [(self.ctl.state_changed, self._on_main_state),
                       (self.ctl.epoch_changed, self._on_main_epoch),
                       (self.ctl.diverged, self._on_main_failed),
                       (self.ctl.failed, self._on_main_failed)]
        self._doc_hooks = [(self.doc.events.spec, self.finish),
                           (self.doc.events.data, self.finish),
                           (self.doc.events.reset, self.discard),
                           (self.doc.events.settings, self._on_settings)]
        for signal, slot in self._hooks + self._doc_hooks:
            signal.connect(slot)
        self._draw()

    @property
    def active(self) -> bool:
        return self.runner is not None

    @property
    def label(self) -> str:
        return _t("{0} (compare)").format(self.variant.label)

    def _start(self, job):
        if self.ctl.mode == "process":
            try:
                return ProcessRunner(job)
            except (OSError, RuntimeError, ValueError):
                pass  # as the controller does: a thread instead
        return ThreadRunner(job)

    # -- following the current run --------------------------------------------------------
    def _on_main_state(self, state: str) -> None:
        if state == "running":
            self._target = None
            self._send("set", "epoch_limit", self.limit)
            self._send("resume")
        elif state == "paused":
            self._catch_up()
        else:  # stopped: by the user (end too), or by divergence (train on), decided below
            QTimer.singleShot(0, self, self._on_main_stopped)

    def _on_main_epoch(self, _epoch: int) -> None:
        if self.ctl.state == "paused":
            self._catch_up()  # a step of the current run: the variant steps along

    def _catch_up(self) -> None:
        """Train up to the current run's epoch, then wait there (the epoch limit of its loop
        set to that epoch); a variant already there or beyond pauses."""
        target = self.ctl.epoch
        if self.epoch < target:
            if self._target != target:
                self._target = target
                self._send("set", "epoch_limit", target)
                self._send("resume")
        else:
            self._send("pause")

    def _on_main_failed(self, _message: str) -> None:
        self._main_failed = True

    def _on_main_stopped(self) -> None:
        if not self.active or self.ctl.state != "stopped":
            return
        if self._main_failed:  # the current run diverged: the variant's curve goes on
            self._main_failed = False
            self.window.show_status(_t("The current run stopped; the comparison run ({0}) "
                                       "goes on. Train > Stop comparison ends it.").format(
                                           self.variant.label), 10000)
            return
        self.finish()

    def _on_settings(self, changed: set) -> None:
        s = self.doc.settings
        if "epochs_per_second" in changed:
            self._send("set", "epochs_per_second", s.epochs_per_second)
        if "epoch_limit" in changed:
            self.limit = int(s.epoch_limit)
            if self._target is None:
                self._send("set", "epoch_limit", self.limit)

    def _send(self, *cmd) -> None:
        if self.runner is not None:
            self.runner.send(cmd)

    # -- snapshots ------------------------------------------------------------------------
    def _pull(self) -> None:
        runner = self.runner
        if runner is None:
            return
        snap = runner.take()
        if snap is not None:
            self._take_rows(snap)
            self._draw()
            self._on_status(snap)
        if self.runner is runner and not runner.alive:  # killed: keep what came
            self.message = _t("The comparison run's process ended unexpectedly.")
            self.finish()

    def _take_rows(self, snap) -> None:
        if snap.rows:
            self.history.extend(snap.rows)
            self.table.append([[_f(r.get(c)) for c in LOSS_COLUMNS] for r in snap.rows])
        self.epoch = snap.epoch

    def _on_status(self, snap) -> None:
        if snap.status == "diverged":
            self.message = _t("The comparison run ({0}) diverged at epoch {1}; its curve is "
                              "kept as a run.").format(self.variant.label, snap.epoch)
            self.finish()
        elif snap.status == "error":
            self.message = _t("The comparison run failed: {0}").format(
                snap.message.splitlines()[0] if snap.message else "")
            self.finish()
        elif snap.status == "limit" and (snap.message or (self.limit
                                                          and self.epoch >= self.limit)):
            self.finish()  # early stopping, or the epoch limit of the settings
        # any other "limit": waiting at the current run's epoch (see _catch_up)

    def _draw(self) -> None:
        plot = getattr(self.window, "plots", {}).get("loss")
        if plot is None:
            return
        v = self.table.view
        plot.set_live(None if self.runner is None else
                      (self.label, run_color(len(self.doc.runs)), v[:, 0], v[:, 1], v[:, 2]))

    # -- ending -----------------------------------------------------------------------------
    def finish(self) -> None:
        """Stop the variant and keep it in ``document.runs`` (ticked in the Runs panel)."""
        if not self._stop():
            return
        run = None
        if self.doc.runs is self._runs and len(self.history) > self._shared:
            main_runs = range(self._runs_before, len(self.doc.runs))  # archived meanwhile
            run = compare.variant_run(self.variant, self.history)
            self.doc.add_run(run)
            panel = getattr(self.window, "runs_panel", None)
            if panel is not None:
                for k in (*main_runs, len(self.doc.runs) - 1):
                    panel.tick(k)
        self.ended.emit(run)

    def discard(self) -> None:
        """Stop the variant and forget it (another project was opened, the window closes)."""
        if self._stop():
            self.ended.emit(None)

    def _stop(self) -> bool:
        runner, self.runner = self.runner, None
        if runner is None:
            return False
        snap = runner.halt()
        if snap is not None:
            self._take_rows(snap)
        self._timer.stop()
        for signal, slot in self._hooks + self._doc_hooks:
            signal.disconnect(slot)
        self._draw()
        return True


def _f(v) -> float:
    return float("nan") if v is None else float(v)


class Comparer(QObject):
    """Train > Compare… / Stop comparison and the Runs panel's button; holds the live
    comparison (``window.compare.live``)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.live: LiveComparison | None = None
        self.dialog: CompareDialog | None = None
        self.act_compare = QAction(_t("Compare…"), window)
        self.act_compare.setObjectName("action-compare")
        self.act_compare.setToolTip(_t("Train a copy of this project with one setting "
                                       "changed, next to it, and overlay both loss curves"))
        self.act_compare.triggered.connect(lambda _c=False: self.open_dialog())
        self.act_stop = QAction(_t("Stop comparison"), window)
        self.act_stop.setObjectName("action-stop-comparison")
        self.act_stop.setEnabled(False)
        self.act_stop.triggered.connect(lambda _c=False: self.stop())
        window.train_menu.addSeparator()
        window.train_menu.addAction(self.act_compare)
        window.train_menu.addAction(self.act_stop)
        self.button = QPushButton(_t("Compare…"))
        self.button.setToolTip(self.act_compare.toolTip())
        self.button.clicked.connect(lambda _c=False: self.open_dialog())
        panel = getattr(window, "runs_panel", None)
        if panel is not None:
            panel.buttons.insertWidget(0, self.button)
        # before the "save changes?" question, so that saving keeps the comparison's run
        window.on_close(self.stop, first=True)

    def open_dialog(self) -> CompareDialog:
        """The dialog, open without blocking; OK starts the comparison."""
        dlg = CompareDialog(self.window)
        dlg.accepted.connect(lambda: self.start(*dlg.choice()))
        dlg.finished.connect(dlg.deleteLater)
        self.dialog = dlg
        dlg.open()
        return dlg

    def start(self, key: str, value, fresh: bool = True) -> str | None:
        """Start comparing; returns why not (also shown in the status bar), else None."""
        w, doc, ctl = self.window, self.window.document, self.window.training
        try:
            variant = compare.make_variant(doc.spec, doc.settings, key, value)
        except SimulatorError as exc:
            w.show_status(str(exc))
            return str(exc)
        self.stop()  # an earlier comparison is kept as it stands
        ctl.stop()  # both start now, from fresh trainers: the same seed, the same batches
        if fresh:
            ctl.reset_weights(w.undo_stack)
        weights, epoch, prefix = list(doc.weights), ctl.epoch, doc.history.copy()
        ctl.train()
        if ctl.state != "running":  # e.g. the epoch limit is reached (the controller said)
            return _t("The current run cannot train further.")
        self.live = LiveComparison(w, variant, weights, epoch, prefix)
        self.live.ended.connect(self._on_ended)
        self.act_stop.setEnabled(True)
        dock = w.docks.get("plot-loss")
        if dock is not None:
            dock.show()
            dock.raise_()
        w.show_status(_t("Comparing with {0}: both loss curves are on the loss plot.").format(
            variant.label), 8000)
        return None

    def stop(self) -> None:
        """End the comparison; the variant is kept as a run."""
        if self.live is not None:
            self.live.finish()

    def shutdown(self) -> None:
        """End the comparison without keeping it."""
        if self.live is not None:
            self.live.discard()

    def _on_ended(self, run) -> None:
        live, self.live = self.live, None
        self.act_stop.setEnabled(False)
        if live is not None and live.message:
            self.window.show_status(live.message, 15000)
        elif run is not None:
            self.window.show_status(_t("The comparison run ({0}) is kept in the Runs "
                                       "panel.").format(live.variant.label if live else ""))


def install(window) -> None:
    window.compare = Comparer(window)
