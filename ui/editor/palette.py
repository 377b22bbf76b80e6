"""The layer palette: drag a Dense layer preset onto the canvas to insert it.

Each entry's QMimeData carries ``LAYER_MIME`` with JSON ``{"units": n, "activation": a}``;
the canvas (``NetworkCanvas``) accepts that on drop. Double-click an entry to add
the layer just before the output layer.
"""

from __future__ import annotations

import json

import numpy as np
from PySide6.QtCore import QMimeData, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from simulator.spec import MAX_UNITS
from ui import tooltips
from ui.labels import ACTIVATION_LABELS

from . import style

LAYER_MIME = "application/x-ann-sim-layer"
#: Palette order: the common choices first. Softmax is output-only and not offered.
PRESETS = ("tanh", "relu", "sigmoid", "leaky_relu", "elu", "gelu", "swish", "softplus",
           "linear", "step")
ROLE_ACTIVATION = Qt.UserRole + 1


def activation_icon(name: str, size: int = 28, dpr: float | None = None) -> QIcon:
    """A tiny plot of the activation on [-3, 3], drawn at the screen's device pixel ratio
    (``dpr``, default the application's) so that it stays sharp on HiDPI screens."""
    return QIcon(activation_pixmap(name, size, dpr))


def activation_pixmap(name: str, size: int = 28, dpr: float | None = None) -> QPixmap:
    """The icon's pixmap: ``size * dpr`` device pixels, ``devicePixelRatio() == dpr``."""
    dpr = dpr or QGuiApplication.instance().devicePixelRatio()
    pm = QPixmap(round(size * dpr), round(size * dpr))
    pm.setDevicePixelRatio(dpr)  # the painter below works in logical pixels
    pm.fill(Qt.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.Antialiasing)
    p.setPen(QPen(QColor("#d5d9df"), 1))
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(0.5, 0.5, size - 1, size - 1, 5, 5)
    p.setPen(QPen(QColor("#e3e6ea"), 1))
    p.drawLine(QPointF(3, size / 2), QPointF(size - 3, size / 2))
    p.drawLine(QPointF(size / 2, 3), QPointF(size / 2, size - 3))
    x = np.linspace(-3, 3, 40)
    y = style.curve(name, x)[0]
    lo, hi = min(y.min(), -1.0), max(y.max(), 1.0)
    path = QPainterPath()
    for k, (a, b) in enumerate(zip(x, y, strict=True)):
        pt = QPointF(3 + (a + 3) / 6 * (size - 6), size - 3 - (b - lo) / (hi - lo) * (size - 6))
        path.moveTo(pt) if k == 0 else path.lineTo(pt)
    p.setPen(QPen(style.POSITIVE, 1.8))
    p.setBrush(Qt.NoBrush)
    p.drawPath(path)
    p.end()
    return pm


class LayerList(QListWidget):
    """The draggable list; ``mimeData`` puts the preset (and the chosen size) on the drag."""

    def __init__(self, units_box: QSpinBox, parent=None):
        super().__init__(parent)
        self._units = units_box
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragOnly)
        self.setDefaultDropAction(Qt.CopyAction)
        self.setIconSize(QSize(28, 28))
        self.setSpacing(2)
        self.setUniformItemSizes(True)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [LAYER_MIME]

    def mimeData(self, items) -> QMimeData:  # noqa: N802
        acts = [it.data(ROLE_ACTIVATION) for it in items]
        return layer_mime(acts[0] if acts else "tanh", self._units.value())


def layer_mime(activation: str, units: int = 4) -> QMimeData:
    """The QMimeData a palette drag carries."""
    mime = QMimeData()
    payload = json.dumps({"units": int(units), "activation": activation}).encode("utf-8")
    mime.setData(LAYER_MIME, payload)
    mime.setText(f"Dense {units} {activation}")
    return mime


class Palette(QWidget):
    """Dock contents: the neuron count for new layers and the Dense presets."""

    #: Double-click on a preset: (activation, units).
    add_requested = Signal(str, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(6)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.units = QSpinBox()
        self.units.setRange(1, MAX_UNITS)
        self.units.setValue(4)
        self.units.setToolTip(self.tr("Neurons of a newly inserted layer"))
        form.addRow(self.tr("Neurons"), self.units)
        lay.addLayout(form)
        self.list = LayerList(self.units)
        for act in PRESETS:
            label = self.tr("Dense {0}").format(ACTIVATION_LABELS[act])
            item = QListWidgetItem(activation_icon(act), label)
            item.setData(ROLE_ACTIVATION, act)
            item.setToolTip(self.tr("Drag onto the canvas to insert a hidden layer with the "
                                    "{0} activation").format(ACTIVATION_LABELS[act])
                            + "\n\n" + tooltips.choice("activation", act))
            self.list.addItem(item)
        self.list.itemDoubleClicked.connect(
            lambda it: self.add_requested.emit(it.data(ROLE_ACTIVATION), self.units.value()))
        lay.addWidget(self.list, 1)
        hint = QLabel(self.tr("Drag a layer onto the canvas between two columns. "
                              "Double-click adds it before the output."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        lay.addWidget(hint)

    def item_for(self, activation: str) -> QListWidgetItem:
        for k in range(self.list.count()):
            if self.list.item(k).data(ROLE_ACTIVATION) == activation:
                return self.list.item(k)
        raise KeyError(activation)

    def mime_for(self, activation: str) -> QMimeData:
        """What dragging the ``activation`` entry puts on the drag (via ``mimeData``)."""
        return self.list.mimeData([self.item_for(activation)])
