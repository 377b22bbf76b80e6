"""The properties panel of the selected layer: name, neurons, activation (with a plot of
f and f'), bias, initializer. Every change is an undoable command via the controller."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from simulator.spec import ACTIVATIONS, INITIALIZERS, MAX_UNITS
from ui import tooltips
from ui.labels import ACTIVATION_LABELS, choice_labels
from ui.observe import DocumentObserver

from . import style


class ActivationPlot(QWidget):
    """f (blue) and its derivative f' (orange, dashed) over the activation's own x range."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.activation = "tanh"
        self.setMinimumHeight(110)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, 120)

    def set_activation(self, name: str) -> None:
        self.activation = name
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(QPen(QColor("#d5d9df"), 1))
        p.setBrush(QColor("#ffffff"))
        p.drawRoundedRect(r, 6, 6)
        plot = r.adjusted(8, 8, -8, -22)
        x0, x1 = style.x_range(self.activation)
        x = np.linspace(x0, x1, 161)
        y, dy = style.curve(self.activation, x)
        lo = float(min(y.min(), dy.min(), -1.0))
        hi = float(max(y.max(), dy.max(), 1.0))
        lo, hi = max(lo, -4.0), min(hi, 4.0)

        def pt(a, b):
            b = min(max(b, lo), hi)
            return QPointF(plot.left() + (a - x0) / (x1 - x0) * plot.width(),
                           plot.bottom() - (b - lo) / (hi - lo) * plot.height())

        p.setPen(QPen(QColor("#e3e6ea"), 1))
        p.drawLine(pt(x0, 0), pt(x1, 0))
        p.drawLine(QPointF(pt(0, 0).x(), plot.top()), QPointF(pt(0, 0).x(), plot.bottom()))
        for values, color, dash in ((dy, style.NEGATIVE, Qt.DashLine),
                                    (y, style.POSITIVE, Qt.SolidLine)):
            path = QPainterPath(pt(x[0], values[0]))
            for a, b in zip(x[1:], values[1:], strict=True):
                path.lineTo(pt(a, b))
            p.setPen(QPen(color, 2.0, dash))
            p.setBrush(Qt.NoBrush)
            p.drawPath(path)
        p.setPen(style.POSITIVE)
        legend = QRectF(plot.left(), plot.bottom() + 4, plot.width() / 2, 16)
        p.drawText(legend, Qt.AlignLeft | Qt.AlignVCenter, "— f(x)")
        p.setPen(style.NEGATIVE)
        p.drawText(legend.translated(plot.width() / 2, 0), Qt.AlignLeft | Qt.AlignVCenter,
                   "-- f′(x)")
        p.end()


class PropertiesPanel(DocumentObserver, QWidget):
    """Edits the layer selected on the canvas (``scene.selection_changed``)."""

    def __init__(self, document, controller, scene, parent=None):
        super().__init__(parent)
        self.document, self.controller, self.scene = document, controller, scene
        #: Column shown (0 = inputs), -1 when nothing is selected.
        self.column = -1
        self.setMinimumWidth(250)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 10)
        lay.setSpacing(8)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        lay.addWidget(self.title)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")
        lay.addWidget(self.hint)
        self.form_widget = QWidget()
        form = QFormLayout(self.form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.name = QLineEdit()
        self.name.editingFinished.connect(self._name_edited)
        form.addRow(self.tr("Name"), self.name)
        self.units = QSpinBox()
        self.units.setRange(1, MAX_UNITS)
        self.units.setKeyboardTracking(False)  # one command per committed value
        self.units.valueChanged.connect(self._units_changed)
        form.addRow(self.tr("Neurons"), self.units)
        self.activation = QComboBox()
        for act in ACTIVATIONS:
            self.activation.addItem(ACTIVATION_LABELS[act], act)
        tooltips.set_item_tips(self.activation, "activation")
        self.activation.currentIndexChanged.connect(self._activation_changed)
        form.addRow(self.tr("Activation"), self.activation)
        self.plot = ActivationPlot()
        form.addRow(self.plot)
        self.bias = QCheckBox(self.tr("Use a bias"))
        self.bias.toggled.connect(self._bias_toggled)
        form.addRow(self.tr("Bias"), self.bias)
        self.init = QComboBox()
        self.init.addItem("", None)  # "network default (...)", filled in refresh()
        for name in INITIALIZERS:
            self.init.addItem(choice_labels()["init"].get(name, name), name)
        tooltips.set_item_tips(self.init, "init")
        self.init.setToolTip(self.tr("Changing it draws this layer's weights again"))
        self.init.currentIndexChanged.connect(self._init_changed)
        form.addRow(self.tr("Initializer"), self.init)
        self.params = QLabel()
        self.params.setWordWrap(True)
        self.params.setStyleSheet("color: #5f6368;")
        form.addRow(self.params)
        lay.addWidget(self.form_widget)
        lay.addStretch(1)
        self.observe(document, spec=self.refresh, reset=self.refresh,
                     settings=lambda *_: self.refresh())
        scene.selection_changed.connect(self.show_column)
        self.show_column(scene.selected_column)

    # -- model -> widgets -------------------------------------------------------------------
    def show_column(self, column: int) -> None:
        self.column = column
        self.refresh()

    def refresh(self) -> None:
        spec = self.document.spec
        c = self.column
        if c >= len(spec.sizes):
            c = self.column = -1
        widgets = (self.name, self.units, self.activation, self.bias, self.init)
        for w in widgets:
            w.blockSignals(True)
        try:
            if c < 0:
                self.title.setText(self.tr("No layer selected"))
                self.hint.setText(self.tr("Click a layer on the canvas to edit it."))
                self.form_widget.setVisible(False)
                return
            self.form_widget.setVisible(True)
            self.title.setText(self.scene.spec_column_name(c))
            self.units.setValue(spec.sizes[c])
            output = c == len(spec.layers)
            if c == 0:
                self.hint.setText(self.tr("The input layer has one neuron per feature of the "
                                          "data ({0}).").format(spec.inputs))
                self.name.setText("")
                self.name.setPlaceholderText(self.tr("Input"))
                for w in (self.name, self.units, self.activation, self.bias, self.init):
                    w.setEnabled(False)
                self.plot.setVisible(False)
                self.params.setText("—")
                return
            layer = spec.layers[c - 1]
            self.hint.setText(self.tr("The output layer has one neuron per target of the data; "
                                      "its size follows the data.") if output else
                              self.tr("A hidden layer: drag its header to move it."))
            self.name.setEnabled(True)
            self.name.setText(layer.name)
            self.name.setPlaceholderText(self.scene.spec_column_name(c))
            self.units.setEnabled(not output)
            self.activation.setEnabled(True)
            self._fill_activations(output)
            self.activation.setCurrentIndex(max(0, self.activation.findData(layer.activation)))
            tooltips.sync_tip(self.activation)
            self.plot.setVisible(True)
            self.plot.set_activation(layer.activation)
            self.bias.setEnabled(True)
            self.bias.setChecked(layer.use_bias)
            self.init.setEnabled(True)
            default = self.document.settings.init
            self.init.setItemText(0, self.tr("default ({0})").format(
                choice_labels()["init"].get(default, default)))
            self.init.setCurrentIndex(max(0, self.init.findData(layer.init)) if layer.init
                                      else 0)
            self.init.setItemData(0, tooltips.choice("init", default), Qt.ToolTipRole)
            tooltips.sync_tip(self.init, self.tr("Changing it draws this layer's weights again"))
            fan_in = spec.sizes[c - 1]
            n = fan_in * layer.units + (layer.units if layer.use_bias else 0)
            self.params.setText(self.tr("Parameters: {0} × {1} weights{2} = {3}").format(
                fan_in, layer.units,
                self.tr(" + {0} biases").format(layer.units) if layer.use_bias else "", n))
        finally:
            for w in widgets:
                w.blockSignals(False)

    def _fill_activations(self, output: bool) -> None:
        """Softmax is offered on the output layer only, and only for several classes."""
        spec = self.document.spec
        allow_softmax = output and spec.layers[-1].units > 1
        want = [a for a in ACTIVATIONS if a != "softmax" or allow_softmax]
        have = [self.activation.itemData(k) for k in range(self.activation.count())]
        if have != want:
            self.activation.clear()
            for act in want:
                self.activation.addItem(ACTIVATION_LABELS[act], act)
            tooltips.set_item_tips(self.activation, "activation")

    # -- widgets -> commands ------------------------------------------------------------------
    def _layer(self) -> int | None:
        return self.column - 1 if self.column > 0 else None

    def _name_edited(self) -> None:
        k = self._layer()
        if k is not None:
            self.controller.set_layer_fields(k, name=self.name.text().strip())

    def _units_changed(self, value: int) -> None:
        if self.column > 0:
            if not self.controller.set_units(self.column, value):
                self.refresh()

    def _activation_changed(self, index: int) -> None:
        k = self._layer()
        if k is not None and index >= 0:
            if not self.controller.set_layer_fields(k, activation=self.activation.itemData(index)):
                self.refresh()

    def _bias_toggled(self, on: bool) -> None:
        k = self._layer()
        if k is not None:
            self.controller.set_layer_fields(k, use_bias=bool(on))

    def _init_changed(self, index: int) -> None:
        k = self._layer()
        if k is not None and index >= 0:
            self.controller.set_layer_fields(k, init=self.init.itemData(index))
