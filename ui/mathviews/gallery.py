"""The activation gallery: every activation's f and f′ side by side, the largest slope
marked, and one sentence on what that slope does to gradients through many layers."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from simulator.activation_gallery import Curve, gallery
from simulator.backprop_steps import fmt
from ui.display_scale import display
from ui.labels import ACTIVATION_LABELS
from ui.plots.base import BLUE, ORANGE
from ui.plots.scaling import scale_view

#: Width a card needs; the grid shows as many columns as fit.
CARD_WIDTH = 330


def _t(text: str) -> str:
    return QCoreApplication.translate("MathViews", text)


def gradient_sentences() -> dict[str, str]:
    """Per activation: what its slope does to a gradient passing back through many layers."""
    return {
        "step": _t("Its slope is 0 everywhere, so no gradient passes back at all: only the "
                   "perceptron rule can train it."),
        "sigmoid": _t("Its slope is at most 0.25, so each layer cuts the gradient to a quarter "
                      "or less: after 10 layers at most 0.25^10 ≈ 0.000001 is left, the "
                      "vanishing gradient."),
        "tanh": _t("Slope 1 at z = 0, but it falls fast once |z| passes 2: saturated units "
                   "still make the gradient vanish in deep networks."),
        "relu": _t("Slope exactly 1 for every z > 0, so the gradient passes many layers "
                   "without shrinking; a unit stuck at z < 0 passes nothing (a dead ReLU)."),
        "leaky_relu": _t("Like ReLU, slope 1 for z > 0, and 0.01 instead of 0 for z < 0, so "
                         "no unit stops learning for good."),
        "elu": _t("Slope 1 for z > 0 and e^z below 0: gradients pass as with ReLU, and "
                  "negative units still learn a little."),
        "softplus": _t("A smooth ReLU whose slope σ(z) lies between 0 and 1 and nears 1 only "
                       "for large z, so every layer shrinks the gradient somewhat."),
        "swish": _t("z·σ(z): its slope rises a little above 1 and stays near 1 for large z, "
                    "so gradients survive deep networks about as well as with ReLU."),
        "gelu": _t("A ReLU with a smooth bend: its slope peaks a little above 1 and is near 1 "
                   "for positive z, so gradients pass deep networks well."),
        "linear": _t("Slope 1 everywhere, so gradients never shrink; but stacked linear layers "
                     "are still one linear map, so it belongs on regression outputs."),
        "softmax": _t("Output layer only: with cross-entropy its slope cancels and the output "
                      "delta is just o − t, so it adds no vanishing of its own."),
    }


class ActivationCard(QFrame):
    """One activation: name and formula, the plot of f and f′ with hover values, a sentence."""

    def __init__(self, c: Curve, sentence: str, parent=None) -> None:
        super().__init__(parent)
        self.curve = c
        self.setFrameShape(QFrame.StyledPanel)
        title = QLabel(f"<b>{ACTIVATION_LABELS.get(c.name, c.name)}</b>  {c.formula}")
        title.setWordWrap(True)
        self.plot = pg.PlotWidget()
        self.plot.setFixedHeight(170)  # cards keep their size; the gallery scrolls
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.getPlotItem().vb.setDefaultPadding(0.1)  # room for the peak's label
        self.plot.plot(c.x, c.f, pen=pg.mkPen(BLUE, width=2.5))
        self.plot.plot(c.x, c.df, pen=pg.mkPen(ORANGE, width=2, style=Qt.DashLine))
        self.plot.addItem(pg.ScatterPlotItem([c.peak_x], [c.peak_df], size=9,
                                             brush=pg.mkBrush(ORANGE), pen=pg.mkPen("k")))
        self.peak_text = self.peak_label(c)
        mark = pg.TextItem(self.peak_text, color=(60, 60, 60), anchor=(0.0, 1.0))
        mark.setPos(c.peak_x, c.peak_df)
        self.plot.addItem(mark)
        self.hover = QLabel(_t("Point at the plot to read f and f′."))
        self.hover.setStyleSheet("color: #5f6368;")
        self.plot.scene().sigMouseMoved.connect(self._on_mouse)
        text = QLabel(sentence)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addWidget(self.plot)
        layout.addWidget(self.hover)
        layout.addWidget(text)
        layout.addStretch(1)

    @staticmethod
    def peak_label(c: Curve) -> str:
        if c.max_df == 0:
            return _t("f′ = 0 everywhere")
        if c.asymptotic:
            return _t("max f′ → {0} (large z)").format(fmt(c.max_df, 3))
        return _t("max f′ = {0}").format(fmt(c.max_df, 3))

    def _on_mouse(self, pos) -> None:
        x = self.plot.getPlotItem().vb.mapSceneToView(pos).x()
        z, f, df = self.curve.at(x)
        self.hover.setText(f"z = {fmt(z, 3)}:  f = {fmt(f, 3)},  f′ = {fmt(df, 3)}")


class ActivationGallery(QWidget):
    """All activations of ``simulator.activations`` as cards, reflowed to the width.

    The cards (eleven plots, ~0.5 s) are built when the gallery is first shown, not at startup.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[ActivationCard] = []
        legend = QLabel(_t("Blue: f(z). Orange, dashed: the slope f′(z), the factor a gradient "
                           "is multiplied by in each layer it passes back through; the dot marks "
                           "its largest value."))
        legend.setWordWrap(True)
        font = QFont(legend.font())
        font.setBold(True)
        legend.setFont(font)
        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        inner = QWidget()
        inner.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QFrame.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(legend)
        layout.addWidget(scroll, 1)
        self.columns = 0

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self.cards:
            sentences = gradient_sentences()
            self.cards = [ActivationCard(c, sentences[c.name]) for c in gallery()]
            for card in self.cards:  # built while presentation mode is on: drawn large
                scale_view(card.plot, display.factor)
            self._reflow(self._fitting_columns(self.width()))
        super().showEvent(event)

    @staticmethod
    def _fitting_columns(width: int) -> int:
        return max(1, min(4, (width - 24) // CARD_WIDTH))

    def _reflow(self, columns: int) -> None:
        if columns == self.columns or not self.cards:
            return
        self.columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for k, card in enumerate(self.cards):
            self.grid.addWidget(card, k // columns, k % columns)
        for r in range(self.grid.rowCount()):
            self.grid.setRowStretch(r, 0)
        self.grid.setRowStretch((len(self.cards) - 1) // columns + 1, 1)  # cards stay on top

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._reflow(self._fitting_columns(event.size().width()))
