"""The dataset panel: choose a built-in or import a CSV, tune it, see its rows and plot.

Everything shown is read from the document (``document.data_source`` and
``document.data``); every change goes through ``ui.commands.edit`` as one undoable step
(``document.set_data`` also resizes the network's input and output layers).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from simulator import activations
from simulator.datasets import BUILTINS, LARGE_INPUT, load
from simulator.document import output_advice
from simulator.settings import NORMALIZATIONS, DataSource

from ..commands import edit
from ..observe import DocumentObserver
from .flow import FlowLayout
from .import_dialog import ImportDialog
from .look import MUTED
from .overfit import NetworkSize, OverfitActions, demo_button
from .plot import DataPlot
from .table_model import RowsModel
from .thumbnails import thumbnail

#: The built-in groups in the order shown; "table" (the feature table) joins the logic tables.
GROUPS = (("logic", "table"), ("2d-classification",), ("2d-regression",), ("real",))
#: Groups of 4-row tables: all rows are for training (a split would leave 2 rows).
SMALL_GROUPS = ("logic", "table")
#: Train ratio slider: percent, in steps of 5.
RATIO_MIN, RATIO_MAX, RATIO_STEP = 10, 100, 5

#: Thumbnail side in the chooser (the label under it tells the sets apart).
ICON_SIZE = 44


def short_titles() -> dict[str, str]:
    """Button caption of each built-in, short enough for a 60 px button."""
    def _t(text: str) -> str:
        return QCoreApplication.translate("DataPanel", text)
    return {"and": "AND", "or": "OR", "nand": "NAND", "xor_gate": "XOR",
            "features": _t("Table"), "circle": _t("Circle"), "xor": "XOR",
            "gauss": _t("Gauss"), "spiral": _t("Spiral"), "moons": _t("Moons"),
            "plane": _t("Plane"), "gauss_bumps": _t("Bumps"), "sine": _t("Sine"),
            "iris": _t("Iris"), "wine": _t("Wine"), "breast_cancer": _t("Cancer"),
            "digits": _t("Digits")}


BUTTON_STYLE = """
QToolButton { border: 1px solid transparent; border-radius: 6px; padding: 1px;
              font-size: 11px; }
QToolButton:hover { border-color: #c6cbd2; }
QToolButton:checked { border: 2px solid #3367d6; background: #e3ecfb; padding: 1px; }
"""


def _range_text(activation: str) -> str:
    lo, hi = activations.get(activation).range
    return f"{lo:g} … {hi:g}".replace("inf", "∞")


def translated_description(text: str) -> str:
    """A built-in's description in the interface language (an imported file's own
    description has no translation and stays as it is)."""
    return QCoreApplication.translate("BuiltinDatasets", text) if text else text


def builtin_title(info) -> str:
    """The built-in's name as shown: the (translatable) English title and the Korean one."""
    title = QCoreApplication.translate("BuiltinDatasets", info.title)
    return title if title == info.title_ko else f"{title} · {info.title_ko}"


class CompactTabs(QTabWidget):
    """Tabs that ask only for their minimum height: they take the room left, and the
    panel's scroll area does not scroll just because the square plot would like more."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return False


class ParamSlider(QWidget):
    """A slider over a generator Param's range in its steps, with the value beside it."""

    def __init__(self, minimum: float, maximum: float, step: float, fmt: str = "{:g}",
                 parent=None):
        super().__init__(parent)
        self.minimum, self.step, self.fmt = minimum, step, fmt
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setRange(0, round((maximum - minimum) / step))
        self.slider.setPageStep(max(1, self.slider.maximum() // 10))
        self.slider.setTracking(False)  # one edit on release, not one per pixel dragged
        self.label = QLabel()
        self.label.setMinimumWidth(QLabel("0000 %").sizeHint().width())
        self.label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.label)
        self.slider.sliderMoved.connect(lambda k: self.label.setText(self.fmt.format(
            self.value_at(k))))
        self.slider.valueChanged.connect(lambda k: self.label.setText(self.fmt.format(
            self.value_at(k))))

    def value_at(self, k: int) -> float:
        return self.minimum + k * self.step

    def value(self) -> float:
        return self.value_at(self.slider.value())

    def set_value(self, v: float, emit: bool = False) -> None:
        """Move the slider to the step nearest ``v``; ``emit`` as if the user moved it."""
        k = round((v - self.minimum) / self.step)
        self.slider.blockSignals(not emit)
        self.slider.setValue(k)
        self.slider.blockSignals(False)
        self.label.setText(self.fmt.format(self.value()))


class DataPanel(DocumentObserver, QWidget):
    """Dock contents. ``show_status(message)`` reports refused edits (the status bar)."""

    def __init__(self, document, undo_stack, show_status=None, parent=None):
        super().__init__(parent)
        self._doc = document
        self._stack = undo_stack
        self._status = show_status or (lambda message: None)
        self._plot_auto_hidden = False
        self._shown_name = None
        self._import_dialog: ImportDialog | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        lay = QVBoxLayout(content)
        lay.setContentsMargins(6, 4, 6, 6)
        lay.setSpacing(4)
        self._build_chooser()
        lay.addWidget(self.chooser)
        # The lesson's knobs right under the chooser, visible at first sight; the
        # description (which can be long) after them.
        self._build_info(lay)

        self.tabs = CompactTabs()
        self.tabs.setMinimumHeight(180)
        self.plot = DataPlot()
        self.plot.add_requested.connect(self.add_point)
        self.plot.remove_requested.connect(self.remove_point)
        self.rows_model = RowsModel(document, self)
        self.table = QTableView()
        self.table.setModel(self.rows_model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setDefaultSectionSize(64)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.plot_tab = self.tabs.addTab(self.plot, self.tr("Plot"))
        self.rows_tab = self.tabs.addTab(self.table, self.tr("Rows"))
        lay.addWidget(self.tabs, 1)
        # Everything scrolls when the dock is short (it shares the left side with the palette).
        self.scroll = QScrollArea()
        self.scroll.setWidget(content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll)
        self.setMinimumWidth(240)
        self._content = content

        self.observe(document, data=self._on_data_changed, reset=self._on_reset,
                     spec=self._update_hints, language=self._retranslate)
        self.follow(document.inspector.changed, self._on_views_changed)
        self._refresh(refit=True)

    def _on_views_changed(self, views) -> None:
        self.plot.show_separator(views.separator if views is not None else None,
                                 self._doc.data.normalizer)
        self.plot.show_step(views.step if views is not None else None,
                            self._doc.data.train_indices)

    # -- building ---------------------------------------------------------------------------
    def _build_chooser(self) -> None:
        """One tab per group of built-ins, each a row of thumbnails; Import CSV in the corner."""
        self.buttons: dict[str, QToolButton] = {}
        self.button_group = QButtonGroup(self)
        self.chooser = QTabWidget()
        self.chooser.setDocumentMode(True)
        self.chooser.setUsesScrollButtons(True)
        titles = {"logic": (self.tr("Lecture"), self.tr("The lecture's tables: logic gates "
                                                        "and the feature table")),
                  "2d-classification": (self.tr("2-D"),
                                        self.tr("Two inputs, two classes: the decision "
                                                "boundary is visible")),
                  "2d-regression": (self.tr("Regression"),
                                    self.tr("Predict a number from one or two inputs")),
                  "real": (self.tr("Real data"), self.tr("Measured tables with more inputs "
                                                         "and classes"))}
        #: group -> tab index
        self._group_tab: dict[str, int] = {}
        self._pages: list[QWidget] = []
        for groups in GROUPS:
            names = [n for n, info in BUILTINS.items() if info.group in groups]
            if not names:
                continue
            page = QWidget()
            self._pages.append(page)
            flow = FlowLayout(page, spacing=3)
            flow.setContentsMargins(2, 4, 2, 2)
            for name in names:
                info = BUILTINS[name]
                b = QToolButton()
                b.setObjectName(f"dataset-{name}")
                b.setCheckable(True)
                b.setIcon(thumbnail(name))
                b.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
                b.setText(self.short_title(name))
                b.setToolButtonStyle(Qt.ToolButtonTextUnderIcon)
                b.setMinimumWidth(ICON_SIZE + 14)
                b.setStyleSheet(BUTTON_STYLE)
                b.setToolTip(self._button_tip(info))
                b.setAccessibleName(info.title)
                b.clicked.connect(lambda _=False, n=name: self.choose(n))
                self.button_group.addButton(b)
                flow.addWidget(b)
                self.buttons[name] = b
            title, tip = titles[groups[0]]
            k = self.chooser.addTab(page, title)
            self.chooser.setTabToolTip(k, tip)
            for g in groups:
                self._group_tab[g] = k
        self.import_button = QPushButton(self.tr("Import CSV..."))
        self.import_button.setToolTip(self.tr("Use your own table: a CSV file with one column "
                                              "to predict (UTF-8 or CP949)"))
        self.import_button.clicked.connect(self.open_import_dialog)

    @staticmethod
    def _button_tip(info) -> str:
        return f"<b>{builtin_title(info)}</b><br>{translated_description(info.description)}"

    def _retranslate(self) -> None:
        """The language changed: the texts made from the data, in the new one."""
        for name, b in self.buttons.items():
            b.setText(self.short_title(name))
            b.setToolTip(self._button_tip(BUILTINS[name]))
        self._show_texts()
        self._update_hints()
        self.plot.show_legend()

    def short_title(self, name: str) -> str:
        """The caption under a thumbnail (AND, OR and XOR told apart at a glance)."""
        return short_titles().get(name, BUILTINS[name].title)

    def _build_info(self, lay: QVBoxLayout) -> None:
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-weight: bold;")
        self.title_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.title_label, 1)
        row.addWidget(self.import_button, 0, Qt.AlignTop)
        lay.addLayout(row)
        self._build_controls(lay)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.description_label = QLabel()
        self.description_label.setWordWrap(True)
        self.description_label.setStyleSheet(f"color: {MUTED};")
        for w in (self.summary_label, self.description_label):
            lay.addWidget(w)
        # Hints when the data and the network or scaling do not fit, each with its remedy.
        self.output_hint, self.output_fix = self._hint(lay, self.use_fitting_output)
        self.input_hint, self.input_fix = self._hint(lay, lambda: self.set_normalization(
            "standardize"))
        self.input_fix.setText(self.tr("Standardize inputs"))

    def _hint(self, lay: QVBoxLayout, remedy) -> tuple[QLabel, QPushButton]:
        box = QFrame()
        box.setStyleSheet("QFrame { background: #fff4e0; border-radius: 4px; }")
        row = QHBoxLayout(box)
        row.setContentsMargins(6, 4, 6, 4)
        label = QLabel()
        label.setWordWrap(True)
        button = QPushButton()
        button.clicked.connect(remedy)
        row.addWidget(label, 1)
        row.addWidget(button, 0, Qt.AlignVCenter)
        lay.addWidget(box)
        box.hide()
        label.box = box
        return label, button

    def _build_controls(self, lay: QVBoxLayout) -> None:
        form = QFormLayout()
        form.setVerticalSpacing(1)  # (the network row must fit a 1280 x 720 screen)
        form.setContentsMargins(0, 4, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        p = next(info.params for info in BUILTINS.values() if info.params)
        n, noise, seed = p["n_points"], p["noise"], p["seed"]
        self.points = ParamSlider(n.minimum, n.maximum, n.step, "{:.0f}")
        self.points.setToolTip(self.tr("Number of generated points"))
        self.points.slider.valueChanged.connect(
            lambda: self.set_param("n_points", int(self.points.value()),
                                   self.tr("Change number of points")))
        self.noise = ParamSlider(noise.minimum, noise.maximum, noise.step, "{:.2f}")
        self.noise.setToolTip(self.tr("Noise: how much the points stray from the pattern"))
        self.noise.slider.valueChanged.connect(
            lambda: self.set_param("noise", round(self.noise.value(), 6),
                                   self.tr("Change noise")))
        seed_row = QWidget()
        row = QHBoxLayout(seed_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.seed = QSpinBox()
        self.seed.setRange(int(seed.minimum), int(seed.maximum))
        self.seed.setKeyboardTracking(False)
        self.seed.setMinimumWidth(64)  # its 10-digit range would make the dock wide
        self.seed.setToolTip(self.tr("Random seed: the same seed gives the same points"))
        self.seed.valueChanged.connect(
            lambda v: self.set_param("seed", int(v), self.tr("Change seed")))
        self.regenerate_button = QPushButton(self.tr("Regenerate"))
        self.regenerate_button.setToolTip(self.tr("New random points (the next seed)"))
        self.regenerate_button.clicked.connect(self.regenerate)
        row.addWidget(self.seed, 1)
        row.addWidget(self.regenerate_button)
        self.ratio = ParamSlider(RATIO_MIN, RATIO_MAX, RATIO_STEP, "{:.0f} %")
        self.ratio.setToolTip(self.tr("Share of the rows used for training; the rest test "
                                      "how well the network generalizes"))
        self.ratio.slider.valueChanged.connect(lambda: self.set_train_ratio(
            self.ratio.value() / 100.0))
        self.normalization = QComboBox()
        self.normalization.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.normalization.setMinimumContentsLength(10)
        labels = {"none": self.tr("None"), "standardize": self.tr("Standardize (mean 0, sd 1)"),
                  "minmax": self.tr("Min-max (0 to 1)")}
        for key in NORMALIZATIONS:
            self.normalization.addItem(labels.get(key, key), key)
        self.normalization.setToolTip(self.tr("Scaling of the input features, with statistics "
                                              "from the training rows only"))
        self.normalization.currentIndexChanged.connect(
            lambda: self.set_normalization(self.normalization.currentData()))
        form.addRow(self.tr("Points"), self.points)
        form.addRow(self.tr("Noise"), self.noise)
        form.addRow(self.tr("Seed"), seed_row)
        form.addRow(self.tr("Training data"), self.ratio)
        form.addRow(self.tr("Normalize"), self.normalization)
        # Overfitting's third knob beside the data's two, and the demo with its fixes.
        self.network_size = NetworkSize(self._doc, self._stack, self._status)
        self.overfit = OverfitActions(self._doc, self._stack, self._status, self)
        self.network_size.row.addWidget(demo_button(self.overfit))
        form.addRow(self.tr("Network"), self.network_size)
        lay.addLayout(form)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """The chooser is as tall as its fullest page needs at this width (a QTabWidget
        alone would reserve the height of the narrowest wrapping)."""
        super().resizeEvent(event)
        width = max(1, self.chooser.width() - 6)
        rows = max(page.layout().heightForWidth(width) for page in self._pages)
        self.chooser.setFixedHeight(self.chooser.tabBar().sizeHint().height() + rows + 2)

    # -- edits -------------------------------------------------------------------------------
    def _apply(self, text: str, source: DataSource, dataset=None) -> bool:
        """One undoable ``set_data``; a refusal goes to the status bar and changes nothing."""
        doc = self._doc
        message = edit(self._stack, doc, text, lambda: doc.set_data(source, dataset))
        if message:
            self._status(self.tr("Data not changed: {0}").format(message))
            self._refresh()  # put the widgets back to what the document holds
            return False
        return True

    def choose(self, name: str) -> bool:
        """Switch to built-in ``name``, keeping the generator settings it shares."""
        src = self._doc.data_source
        info = BUILTINS[name]
        if src.kind == "builtin" and src.name == name:
            # Clicking the chosen one again drops points added or removed by hand.
            fresh = load(name, **src.params)
            ds = self._doc.dataset
            if np.array_equal(fresh.X, ds.X) and np.array_equal(fresh.Y, ds.Y):
                return False
            return self._apply(self.tr("Restore data set {0}").format(info.title),
                               replace(src), None)
        old = BUILTINS.get(src.name) if src.kind == "builtin" else None
        params = {k: v for k, v in src.params.items() if k in info.params} if old else {}
        ratio = src.train_ratio
        if info.group in SMALL_GROUPS:
            ratio = 1.0
        elif ratio == 1.0 or (old is not None and old.group in SMALL_GROUPS):
            ratio = DataSource().train_ratio
        new = DataSource("builtin", name, params, ratio, src.normalization, src.split_seed)
        return self._apply(self.tr("Choose data set {0}").format(info.title), new)

    def _effective_params(self) -> dict:
        src = self._doc.data_source
        info = BUILTINS.get(src.name) if src.kind == "builtin" else None
        return {**info.defaults(), **src.params} if info else {}

    def set_param(self, key: str, value, text: str) -> bool:
        """Change one generator parameter; the data is generated again from the source."""
        src = self._doc.data_source
        current = self._effective_params()
        if key not in current or current[key] == value:
            return False
        return self._apply(text, replace(src, params={**src.params, key: value}))

    def regenerate(self) -> bool:
        """New points: the next seed (the Playground's "Regenerate")."""
        current = self._effective_params()
        if "seed" not in current:
            return False
        nxt = (int(current["seed"]) + 1) % (int(self.seed.maximum()) + 1)
        return self.set_param("seed", nxt, self.tr("Regenerate data"))

    def set_train_ratio(self, ratio: float) -> bool:
        src = self._doc.data_source
        if abs(src.train_ratio - ratio) < 1e-9:
            return False
        return self._apply(self.tr("Change training ratio"), replace(src, train_ratio=ratio),
                           self._doc.dataset)

    def set_normalization(self, method: str) -> bool:
        src = self._doc.data_source
        if method is None or src.normalization == method:
            return False
        return self._apply(self.tr("Change normalization"), replace(src, normalization=method),
                           self._doc.dataset)

    def add_point(self, x: float, y: float, label: int) -> bool:
        ds = self._doc.dataset
        new = ds.with_points_added([[x, y]], [label])
        return self._apply(self.tr("Add point"), replace(self._doc.data_source), new)

    def remove_point(self, row: int) -> bool:
        ds = self._doc.dataset
        new = ds.with_points_removed([row])
        return self._apply(self.tr("Remove point"), replace(self._doc.data_source), new)

    def use_fitting_output(self) -> bool:
        """The output hint's remedy: the activation that can reach the targets (undoable)."""
        doc = self._doc
        advice = output_advice(doc.spec, doc.dataset)
        if advice is None:
            return False
        message = edit(self._stack, doc, self.tr("Use {0} output").format(advice[1]),
                       lambda: doc.set_output_activation(advice[1]))
        if message:
            self._status(message)
        return message is None

    # -- import ------------------------------------------------------------------------------
    def open_import_dialog(self) -> ImportDialog:
        """Open the (window-modal) import dialog; Import adds its dataset as one edit."""
        if self._import_dialog is not None:  # one at a time; the previous one is done
            self._import_dialog.deleteLater()
        dlg = ImportDialog(self.window(), ImportDialog.last_dir())
        dlg.accepted.connect(self._on_import_accepted)
        self._import_dialog = dlg
        dlg.open()
        return dlg

    def _on_import_accepted(self) -> None:
        dlg = self._import_dialog
        if dlg is not None and dlg.dataset is not None and dlg.path is not None:
            self.import_dataset(dlg.dataset, dlg.path.stem)

    def import_dataset(self, dataset, name: str) -> bool:
        src = self._doc.data_source
        ratio = src.train_ratio if src.train_ratio < 1.0 else DataSource().train_ratio
        # Imported features come in their own units (pixels 0..16, prices...): standardize.
        new = DataSource("imported", name, {}, ratio, "standardize", src.split_seed)
        return self._apply(self.tr("Import {0}").format(name), new, dataset)

    # -- following the document ---------------------------------------------------------------
    def _on_data_changed(self) -> None:
        self._refresh()

    def _on_reset(self) -> None:
        self._refresh(refit=True)

    def _update_hints(self) -> None:
        doc = self._doc
        advice = output_advice(doc.spec, doc.dataset)
        if advice is not None:
            Y = doc.dataset.Y
            self.output_hint.setText(self.tr(
                "The targets go from {0:g} to {1:g}, but a {2} output only reaches {3}: the "
                "network cannot fit them and the loss stays high.").format(
                float(Y.min()), float(Y.max()), advice[0], _range_text(advice[0])))
            self.output_fix.setText(self.tr("Use {0} output").format(advice[1]))
        self.output_hint.box.setVisible(advice is not None)
        big = doc.data.largest_input
        large = big > LARGE_INPUT and doc.data_source.normalization == "none"
        if large:
            self.input_hint.setText(self.tr(
                "Inputs reach {0:g}: such large values saturate tanh and sigmoid units, so "
                "the network learns little. Standardize them.").format(big))
        self.input_hint.box.setVisible(large)

    def _show_texts(self) -> None:
        """Title, summary and description of the data set, in the interface language."""
        doc = self._doc
        src, ds = doc.data_source, doc.dataset
        info = BUILTINS.get(src.name) if src.kind == "builtin" else None
        if info is not None:
            self.title_label.setText(builtin_title(info))
        else:
            self.title_label.setText(self.tr("Imported: {0}").format(src.name))
        if ds.task == "classification":
            names = ", ".join(ds.class_names[:6]) + (", ..." if ds.n_classes > 6 else "")
            task = self.tr("{0} classes ({1})").format(ds.n_classes, names)
        else:
            task = self.tr("regression")
        self.summary_label.setText(self.tr("{0} rows · {1} inputs · {2} · {3} for training")
                                   .format(len(ds), ds.n_features, task,
                                           len(doc.data.train_indices)))
        self.description_label.setText(translated_description(ds.description))

    def _refresh(self, refit: bool = False) -> None:
        doc = self._doc
        src, ds = doc.data_source, doc.dataset
        info = BUILTINS.get(src.name) if src.kind == "builtin" else None

        self.button_group.setExclusive(False)
        for name, b in self.buttons.items():
            b.setChecked(info is not None and name == src.name)
        self.button_group.setExclusive(True)

        if info is not None and src.name != self._shown_name:
            # show the chosen one's group (not while browsing)
            self.chooser.setCurrentIndex(self._group_tab.get(info.group, 0))
        self._show_texts()
        self._shown_name = src.name

        params = self._effective_params()
        for key, widget in (("n_points", self.points), ("noise", self.noise)):
            widget.setEnabled(key in params)
            if key in params:
                widget.set_value(params[key])
        self.seed.setEnabled("seed" in params)
        self.regenerate_button.setEnabled("seed" in params)
        if "seed" in params:
            self.seed.blockSignals(True)
            self.seed.setValue(int(params["seed"]))
            self.seed.blockSignals(False)
        self.ratio.set_value(src.train_ratio * 100.0)
        self.normalization.blockSignals(True)
        self.normalization.setCurrentIndex(max(0, self.normalization.findData(
            src.normalization)))
        self.normalization.blockSignals(False)

        self._update_hints()
        self.rows_model.refresh()
        plottable = DataPlot.can_show(ds)
        was_plot = self.tabs.currentIndex() == self.plot_tab
        self.tabs.setTabEnabled(self.plot_tab, plottable)  # may switch tabs by itself
        if plottable:
            key = None if refit else (src.kind, src.name, tuple(sorted(src.params.items())))
            # Generated 2-D data share units on both axes: keep circles round.
            self.plot.show_data(doc.data, key,
                                square=info is not None and ds.n_features == 2)
            if self._plot_auto_hidden:
                self.tabs.setCurrentIndex(self.plot_tab)
                self._plot_auto_hidden = False
        elif was_plot:
            self.tabs.setCurrentIndex(self.rows_tab)
            self._plot_auto_hidden = True
