"""Live plots, each in its own dock and exportable (``export(path)``, PNG or SVG):
loss, activation function, gradient magnitudes, weights and network output.

``install(window)`` sets ``window.plots``: key -> plot widget. The plots draw the
document and ``document.inspector`` (fed by ``ui.training``'s controller).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from .activation import ActivationPlot
from .gradients import GradientPlot
from .loss import LossPlot
from .output import OutputPlot
from .weights import WeightsPlot

__all__ = ["ActivationPlot", "GradientPlot", "LossPlot", "OutputPlot", "WeightsPlot", "install"]


def _t(text: str) -> str:
    return QCoreApplication.translate("Plots", text)


def install(window) -> None:
    doc = window.document
    plots = {
        "output": (OutputPlot(doc, window.undo_stack), _t("Network output")),
        "loss": (LossPlot(doc), _t("Loss")),
        "gradients": (GradientPlot(doc), _t("Gradient magnitudes")),
        "activation": (ActivationPlot(doc), _t("Activation function")),
        "weights": (WeightsPlot(doc), _t("Weights")),
    }
    window.plots = {key: plot for key, (plot, _title) in plots.items()}
    docks = {}
    for key, (plot, title) in plots.items():
        area = Qt.RightDockWidgetArea if key in ("output", "loss") else Qt.BottomDockWidgetArea
        docks[key] = window.add_dock(plot, f"plot-{key}", title, area)
    # the three layer-wise plots side by side under the canvas
    window.splitDockWidget(docks["gradients"], docks["activation"], Qt.Horizontal)
    window.splitDockWidget(docks["activation"], docks["weights"], Qt.Horizontal)

    canvas = getattr(window, "canvas", None)
    signal = getattr(canvas, "selection_changed", None)
    if signal is not None:
        # the canvas counts columns (0 = inputs); the plot counts layers (0 = first hidden)
        signal.connect(lambda column: column > 0 and window.plots["activation"].set_layer(
            column - 1))
