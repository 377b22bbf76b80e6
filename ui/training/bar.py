"""The training toolbar, Train menu and status bar widgets, and ``install``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QStyle, QWidget

from ui.commands import edit
from ui.retranslate import follow_language

from .controller import TrainingController
from .panel import TrainingPanel

#: Speeds offered in the toolbar (epochs per second; 0 = as fast as possible).
SPEEDS = (0.0, 1.0, 2.0, 5.0, 10.0, 30.0, 100.0)


def _t(text: str) -> str:
    return QCoreApplication.translate("Training", text)


def format_elapsed(seconds: float) -> str:
    m, s = divmod(max(0.0, seconds), 60.0)
    return f"{int(m):02d}:{s:04.1f}"


class TrainingBar:
    """Actions, counters and speed controls in the training toolbar, the Train menu
    and the status bar. Follows the controller's signals."""

    def __init__(self, window, controller: TrainingController) -> None:
        self.window = window
        self.controller = controller
        doc = window.document
        style = window.style()
        tb, menu = window.train_toolbar, window.train_menu

        def action(text, icon, shortcut, slot, tip):
            """``tip()``: the tooltip, with the keys added; re-made in a new language."""
            a = QAction(style.standardIcon(icon), text, window)
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.WindowShortcut)

            def set_tip() -> None:
                keys = QKeySequence(shortcut).toString(QKeySequence.NativeText)
                a.setToolTip(f"{tip()} ({keys})")
            set_tip()
            follow_language(window, set_tip)
            a.triggered.connect(slot)
            tb.addAction(a)
            menu.addAction(a)
            return a

        self.act_train = action(_t("Train"), QStyle.SP_MediaPlay, "F5", controller.toggle,
                                lambda: _t("Start or pause training"))
        self.act_step_epoch = action(_t("Step epoch"), QStyle.SP_MediaSkipForward, "Ctrl+Right",
                                     controller.step_epoch, lambda: _t("Train exactly one epoch"))
        self.act_step_batch = action(_t("Step batch"), QStyle.SP_MediaSeekForward,
                                     "Ctrl+Shift+Right", controller.step_batch,
                                     lambda: _t("Train exactly one batch (one weight update)"))
        self.act_stop = action(_t("Stop"), QStyle.SP_MediaStop, "Ctrl+.", controller.stop,
                               lambda: _t("Stop training; Train continues from the current "
                                          "weights"))
        self.act_reset = action(_t("Reset weights"), QStyle.SP_BrowserReload, "Ctrl+R",
                                lambda: controller.reset_weights(window.undo_stack),
                                lambda: _t("New initial weights for the seed; the run starts "
                                           "again"))
        tb.addSeparator()
        self.epoch_label = QLabel()
        self.epoch_label.setMinimumWidth(120)
        self.epoch_label.setToolTip(_t("Epochs trained in this run"))
        self.time_label = QLabel()
        self.time_label.setMinimumWidth(70)
        self.time_label.setToolTip(_t("Time spent training in this run"))
        tb.addWidget(self.epoch_label)
        tb.addWidget(self.time_label)
        tb.addSeparator()
        tb.addWidget(QLabel(_t("Stop at epoch ")))
        self.limit = QSpinBox()
        self.limit.setRange(0, 100_000_000)
        self.limit.setSingleStep(100)
        self.limit.setSpecialValueText(_t("no limit"))
        self.limit.setKeyboardTracking(False)
        self.limit.valueChanged.connect(
            lambda v: self._set(_t("Change epoch limit"), epoch_limit=int(v)))
        tb.addWidget(self.limit)
        tb.addWidget(QLabel(_t("  Speed ")))
        self.speed = QComboBox()
        for v in SPEEDS:
            self.speed.addItem(_t("as fast as possible") if v == 0 else speed_text(v), v)
        self.speed.setToolTip(_t("Slow motion: epochs per second. With the perceptron rule: "
                                 "samples per second, the line moving after each one"))
        self.speed.activated.connect(lambda i: self._set(
            _t("Change speed"), epochs_per_second=float(self.speed.itemData(i))))
        tb.addWidget(self.speed)
        spacer = QWidget()
        tb.addWidget(spacer)

        bar = window.statusBar()
        self.status_epoch = QLabel()
        self.status_train = QLabel()
        self.status_test = QLabel()
        self.status_backend = QLabel()
        self.status_device = QLabel()
        for w in (self.status_epoch, self.status_train, self.status_test, self.status_backend,
                  self.status_device):
            bar.addPermanentWidget(w)

        controller.state_changed.connect(self._on_state)
        controller.epoch_changed.connect(self._on_epoch)
        controller.note.connect(lambda m: window.show_status(m, 8000))
        controller.snapshot_applied.connect(self._on_snapshot)
        controller.diverged.connect(lambda _m: window.show_status(
            _t("Training diverged: the learning rate is probably too high (see the "
               "Hyperparameters panel)."), 15000))
        controller.limit_reached.connect(lambda e: window.show_status(
            _t("Reached the epoch limit ({0}).").format(e)))
        controller.early_stopped.connect(self._on_early_stop)
        doc.events.history.connect(self._on_history)
        doc.events.settings.connect(lambda _c: self._sync_settings())
        doc.events.reset.connect(self._sync_settings)
        doc.events.reset.connect(self._on_reset)
        self._sync_settings()
        self._on_state(controller.state)
        self._on_epoch(controller.epoch)
        self._on_history(None)
        follow_language(window, lambda: (self._on_state(controller.state),
                                         self._sync_settings()))  # speeds: "1 epoch/s"

    def _set(self, text: str, **changes) -> None:
        if self._updating:
            return
        doc = self.window.document
        msg = edit(self.window.undo_stack, doc, text, lambda: doc.set_settings(**changes))
        if msg:
            self.window.show_status(msg)

    def _sync_settings(self) -> None:
        s = self.window.document.settings
        self._updating = True
        try:
            self.limit.setValue(s.epoch_limit)
            i = self.speed.findData(float(s.epochs_per_second))
            if i < 0:
                self.speed.addItem(speed_text(s.epochs_per_second),
                                   float(s.epochs_per_second))
                i = self.speed.count() - 1
            self.speed.setCurrentIndex(i)
            per_sample = s.optimizer == "perceptron"  # slow motion steps one sample then
            for k in range(self.speed.count()):
                v = float(self.speed.itemData(k))
                if v > 0:
                    self.speed.setItemText(k, speed_text(v, per_sample))
        finally:
            self._updating = False
        self.status_backend.setText(_t("Backend: {0}").format(s.backend))
        self.status_device.setText(_t("Device: {0}").format(
            device_name(s.backend, self.window.document.spec)))

    def _on_state(self, state: str) -> None:
        running = state == "running"
        style = self.window.style()
        self.act_train.setText(_t("Pause") if running else _t("Train"))
        self.act_train.setIcon(style.standardIcon(QStyle.SP_MediaPause if running
                                                  else QStyle.SP_MediaPlay))
        self.act_stop.setEnabled(state != "stopped")

    def _on_snapshot(self, snap) -> None:
        """The training path as the backend label's tooltip; a note while it is prepared."""
        preparing = _t("Preparing the fast engine…")
        bar = self.window.statusBar()
        if snap.status == "preparing":
            self.window.show_status(preparing, 60000)
            return
        if bar.currentMessage() == preparing:
            bar.clearMessage()
        if snap.engine:
            self.status_backend.setToolTip(_t("Training path: {0}").format(snap.engine))

    def _on_epoch(self, epoch: int) -> None:
        self.epoch_label.setText(_t("Epoch {0}").format(f"{epoch:,}"))
        self.status_epoch.setText(_t("Epoch {0}").format(f"{epoch:,}"))
        self.time_label.setText(format_elapsed(self.controller.elapsed))

    def _on_history(self, rows) -> None:
        hist = self.window.document.history
        last = hist[-1] if hist else None
        train = last.get("train_loss") if last else None
        test = last.get("test_loss") if last else None
        self.status_train.setText(_t("Train loss: {0}").format(_num(train)))
        self.status_test.setText(_t("Test loss: {0}").format(_num(test)))

    def _on_early_stop(self, message: str) -> None:
        s = self.window.document.settings
        text = _t("Early stopping: the loss has not improved for {0} epochs.").format(s.patience)
        if s.restore_best:
            text += " " + _t("The weights of the best epoch are restored.")
        self.window.show_status(text, 15000)
        self.window.statusBar().setToolTip(message)

    def _on_reset(self) -> None:
        """Another project was opened: its own losses, not the previous project's."""
        self._on_history(None)

    _updating = False


def _num(v) -> str:
    return "—" if v is None else f"{v:.4f}"


def device_name(backend: str, spec=None) -> str:
    """"CPU", or the GPU's name when CuPy is chosen (or "auto" picks it for ``spec``)."""
    from simulator import xp
    from simulator.errors import BackendUnavailable
    from simulator.network import dense_params
    if backend == "numpy":
        return _t("CPU")
    try:
        chosen = xp.choose_backend(backend, dense_params(spec) if spec is not None else 0)
    except BackendUnavailable:
        return _t("unavailable")
    return _t("CPU") if chosen == "numpy" else xp.device_name()


def speed_text(v: float, per_sample: bool = False) -> str:
    """"1 epoch/s", "5 epochs/s" (Korean has one form for both); ``per_sample``: the
    perceptron rule's slow motion, "5 samples/s"."""
    if per_sample:
        return (_t("{0:g} sample/s") if v == 1 else _t("{0:g} samples/s")).format(v)
    return (_t("{0:g} epoch/s") if v == 1 else _t("{0:g} epochs/s")).format(v)


def install(window) -> None:
    controller = TrainingController(window.document, window)
    window.training = controller
    window.training_bar = TrainingBar(window, controller)
    panel = TrainingPanel(window, controller)
    window.training_panel = panel
    window.add_dock(panel, "hyperparameters", _t("Hyperparameters"), Qt.LeftDockWidgetArea)
    window.on_close(controller.shutdown)
