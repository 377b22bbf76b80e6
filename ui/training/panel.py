"""The hyperparameter panel: loss, optimizer, learning rate, batch size, initializer,
regularization, early stopping, train/test split, seed and backend.

Every change is one undoable edit (``ui.commands.edit``); the panel follows the
document's ``settings``, ``data`` and ``reset`` events and never keeps its own copy.
While training runs, the controller forwards the learning rate, batch size,
regularization and early stopping to the worker (next batch); the others restart or wait.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from simulator import formulas
from simulator.settings import BACKENDS, LEARNING_RATES, LOSSES, OPTIMIZERS, REGULARIZATIONS
from simulator.spec import INITIALIZERS
from ui import tooltips
from ui.commands import edit
from ui.labels import choice_labels
from ui.retranslate import follow_language
from ui.training import backend as backend_choice

#: Regularization rates offered (TensorFlow Playground's list).
REG_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)


def _t(text: str) -> str:
    return QCoreApplication.translate("TrainingPanel", text)


def format_number(v: float) -> str:
    return f"{v:g}"


class Banner(QFrame):
    """A dismissable message box inside the panel (divergence explanations)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("training-banner")
        self.setStyleSheet("#training-banner { background: #fdecea; border: 1px solid #e0a0a0;"
                           " border-radius: 4px; } QLabel { color: #5f1f1f; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        close = QPushButton(_t("Dismiss"))
        close.clicked.connect(self.hide)
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(close)
        lay.addLayout(row)
        lay.addWidget(self.text)
        self.hide()

    def show_message(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.show()


class TrainingPanel(QWidget):
    """The hyperparameter dock's widget."""

    def __init__(self, window, controller, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.document = window.document
        self.controller = controller
        self._updating = False
        labels = choice_labels()
        # The rows scroll (visibly) when a banner and a short dock leave too little room,
        # instead of being squeezed over the next dock's title.
        top = QVBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        top.addWidget(self.scroll)
        content = QWidget()
        self.scroll.setWidget(content)
        outer = QVBoxLayout(content)
        outer.setContentsMargins(6, 6, 6, 6)
        self.banner = Banner(content)
        outer.addWidget(self.banner)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(3)  # all twelve rows fit a 720 px laptop screen
        outer.addLayout(form)
        outer.addStretch(1)

        self.combos: dict[str, QComboBox] = {}
        for name, allowed, label in (("loss", LOSSES, _t("Loss")),
                                     ("optimizer", OPTIMIZERS, _t("Optimizer"))):
            self.combos[name] = self._choice(name, allowed, labels[name])
            form.addRow(label, self.combos[name])

        self.lr = QComboBox()
        self.lr.setEditable(True)
        self.lr.setInsertPolicy(QComboBox.NoInsert)
        for v in LEARNING_RATES:
            self.lr.addItem(format_number(v), v)
        validator = QDoubleValidator(1e-12, 1e6, 12, self.lr)
        validator.setNotation(QDoubleValidator.ScientificNotation)
        self.lr.setValidator(validator)
        self.lr.setToolTip(_t("The learning rate α: how far each step moves the weights "
                              "against the gradient. Type a value or pick one.")
                           + "\n" + formulas.LEARNING_RATE)
        self.lr.activated.connect(lambda _i: self._commit_lr())
        self.lr.lineEdit().editingFinished.connect(self._commit_lr)
        form.addRow(_t("Learning rate α"), self.lr)

        self.batch = QSpinBox()
        self.batch.setRange(1, 1_000_000)
        self.batch.setKeyboardTracking(False)
        self.batch.valueChanged.connect(
            lambda v: self._set(_t("Change batch size"), batch_size=int(v)))
        form.addRow(_t("Batch size"), self.batch)

        self.combos["init"] = self._choice("init", INITIALIZERS, labels["init"])
        form.addRow(_t("Initializer"), self.combos["init"])

        self.combos["regularization"] = self._choice("regularization", REGULARIZATIONS,
                                                     labels["regularization"])
        form.addRow(_t("Regularization"), self.combos["regularization"])
        self.reg_rate = QComboBox()
        self.reg_rate.setEditable(True)
        self.reg_rate.setInsertPolicy(QComboBox.NoInsert)
        for v in REG_RATES:
            self.reg_rate.addItem(format_number(v), v)
        rv = QDoubleValidator(0.0, 1e6, 12, self.reg_rate)
        rv.setNotation(QDoubleValidator.ScientificNotation)
        self.reg_rate.setValidator(rv)
        self.reg_rate.setToolTip(_t("The regularization rate λ: how much the penalty on the "
                                    "weights counts against the loss E.")
                                 + "\n" + formulas.REG_RATE)
        self.reg_rate.activated.connect(lambda _i: self._commit_reg_rate())
        self.reg_rate.lineEdit().editingFinished.connect(self._commit_reg_rate)
        form.addRow(_t("Regularization rate"), self.reg_rate)

        stop_row = QWidget()
        row = QHBoxLayout(stop_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.patience = QSpinBox()
        self.patience.setRange(0, 1_000_000)
        self.patience.setSpecialValueText(_t("off"))
        self.patience.setSuffix(_t(" epochs"))
        self.patience.setKeyboardTracking(False)
        self.patience.setToolTip(_t(
            "Early stopping: stop when the test loss (without test data: the training loss) "
            "has not improved for this many epochs. Guards against overfitting.")
            + "\n" + formulas.EARLY_STOPPING)
        self.patience.valueChanged.connect(
            lambda v: self._set(_t("Change early stopping"), patience=int(v)))
        self.restore_best = QCheckBox(_t("restore best"))
        self.restore_best.setToolTip(_t("On early stopping, go back to the weights of the "
                                        "epoch with the lowest loss"))
        self.restore_best.toggled.connect(
            lambda on: self._set(_t("Change early stopping"), restore_best=bool(on)))
        row.addWidget(self.patience, 1)
        row.addWidget(self.restore_best)
        form.addRow(_t("Early stopping"), stop_row)

        self.split = QSpinBox()
        self.split.setRange(10, 100)
        self.split.setSuffix(" %")
        self.split.setSingleStep(5)
        self.split.setKeyboardTracking(False)
        self.split.setToolTip(_t("Share of the rows used for training; the rest is the test set.")
                              + "\n" + formulas.TRAIN_SHARE)
        self.split.valueChanged.connect(self._commit_split)
        form.addRow(_t("Training data"), self.split)

        self.seed = QSpinBox()
        self.seed.setRange(0, 2_147_483_647)
        self.seed.setKeyboardTracking(False)
        self.seed.setToolTip(_t("Random seed of the initial weights and the batch order: the "
                                "same seed gives the same run."))
        self.seed.valueChanged.connect(lambda v: self._set(_t("Change seed"), seed=int(v)))
        form.addRow(_t("Seed"), self.seed)

        self.combos["backend"] = self._choice("backend", BACKENDS, labels["backend"])
        # Long choice labels ("Mean squared error (MSE)") must not widen the left column.
        for box in (*self.combos.values(), self.lr, self.reg_rate):
            box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
        for spin in (self.batch, self.patience, self.split, self.seed):
            spin.setMinimumWidth(72)  # their long ranges would widen the column too
        form.addRow(_t("Backend"), self.combos["backend"])
        self._backend_info = None  # until the GPU probe answers
        backend_choice.apply(self.combos["backend"], None)
        backend_choice.probe(self, self._on_backend_probed)
        follow_language(self, self._retranslate)

        ev = self.document.events
        ev.settings.connect(self._on_settings_changed)
        ev.data.connect(self._on_data_changed)
        ev.reset.connect(self._on_reset)
        controller.diverged.connect(self._on_diverged)
        controller.failed.connect(self._on_failed)
        self._on_reset()

    # -- building ----------------------------------------------------------------------
    def _choice(self, name: str, allowed, labels: dict) -> QComboBox:
        box = QComboBox()
        for value in allowed:
            box.addItem(labels.get(value, value), value)
        if name != "backend":  # the backend's tooltips say what works here (backend.py)
            tooltips.set_item_tips(box, name)
        text = {"loss": _t("Change loss"), "optimizer": _t("Change optimizer"),
                "init": _t("Change initializer"), "regularization": _t("Change regularization"),
                "backend": _t("Change backend")}[name]
        box.activated.connect(lambda i, n=name, b=box, t=text: self._set(t, **{n: b.itemData(i)}))
        return box

    # -- committing ------------------------------------------------------------------------
    def _set(self, text: str, **changes) -> None:
        if self._updating:
            return
        doc = self.document
        msg = edit(self.window_.undo_stack, doc, text, lambda: doc.set_settings(**changes))
        if msg:
            self.window_.show_status(msg)
            self._sync()

    def _commit_number(self, box: QComboBox, name: str, text: str) -> None:
        try:
            value = float(box.currentText().replace(",", "."))
        except ValueError:
            self._sync()
            return
        if value != getattr(self.document.settings, name):
            self._set(text, **{name: value})

    def _commit_lr(self) -> None:
        self._commit_number(self.lr, "learning_rate", _t("Change learning rate"))

    def _commit_reg_rate(self) -> None:
        self._commit_number(self.reg_rate, "reg_rate", _t("Change regularization rate"))

    def _commit_split(self, percent: int) -> None:
        if self._updating:
            return
        doc = self.document
        ratio = percent / 100.0
        if abs(ratio - doc.data_source.train_ratio) < 1e-9:
            return
        msg = edit(self.window_.undo_stack, doc, _t("Change train/test split"),
                   lambda: doc.set_data(doc.data_source.replace(train_ratio=ratio),
                                        doc.dataset))
        if msg:
            self.window_.show_status(msg)
            self._sync()

    # -- following the document ---------------------------------------------------------------
    def _sync(self) -> None:
        self._updating = True
        try:
            s = self.document.settings
            for name, box in self.combos.items():
                i = box.findData(getattr(s, name))
                box.setCurrentIndex(i)
                if name != "backend":
                    tooltips.sync_tip(box)
            self.lr.setEditText(format_number(s.learning_rate))
            self.reg_rate.setEditText(format_number(s.reg_rate))
            # 1 (online learning) .. every training row (full batch), as Playground's slider
            n_train = len(self.document.data.train)
            self.batch.setMaximum(max(1, n_train, s.batch_size))
            self.batch.setToolTip(_t("Rows per weight update: 1 = online learning, {0} (the "
                                     "training rows) = full batch.").format(n_train)
                                  + "\n" + formulas.BATCH_SIZE)
            self.batch.setValue(s.batch_size)
            self.seed.setValue(s.seed)
            self.patience.setValue(s.patience)
            self.restore_best.setChecked(s.restore_best)
            self.restore_best.setEnabled(s.patience > 0)
            self.split.setValue(round(self.document.data_source.train_ratio * 100))
            backend_choice.sync_tooltip(self.combos["backend"])
        finally:
            self._updating = False

    def _on_backend_probed(self, info) -> None:
        self._backend_info = info
        backend_choice.apply(self.combos["backend"], info)

    def _retranslate(self) -> None:
        """The language changed: the choices' tooltips (a sentence and a formula)."""
        for name, box in self.combos.items():
            if name != "backend":
                tooltips.set_item_tips(box, name)
        backend_choice.apply(self.combos["backend"], self._backend_info)
        self._sync()

    def _on_settings_changed(self, _changed) -> None:
        self._sync()

    def _on_data_changed(self) -> None:
        self._sync()

    def _on_reset(self) -> None:
        self.banner.hide()
        self._sync()

    def _on_diverged(self, message: str) -> None:
        lr = self.document.settings.learning_rate
        text = _t(
            "The loss became infinite or not a number (NaN), so training stopped. This "
            "usually means the learning rate α = {0} is too high: every step jumps past the "
            "valley of the loss, and the weights grow without bound.\n\n"
            "The last weights that were still finite have been restored.\n\n"
            "What to try: a smaller learning rate (for example {1}), normalized inputs "
            "(Data panel), Xavier or He initialization, or Reset weights."
        ).format(format_number(lr), format_number(lr / 10))
        self.banner.show_message(_t("Training diverged"), text)
        self.banner.setToolTip(message)

    def _on_failed(self, message: str) -> None:
        if message.startswith("BackendUnavailable"):  # e.g. a project saved on a GPU machine
            self.banner.show_message(_t("The GPU cannot be used here"), _t(
                "This project trains with CuPy (GPU), which this computer cannot use. Choose "
                "NumPy (CPU) or Automatic under Backend; the weights stay as they are."))
        else:
            self.banner.show_message(_t("Training stopped because of an error"),
                                     message.splitlines()[0] if message else "")
        self.banner.setToolTip(message)
