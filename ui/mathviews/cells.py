"""What the math views share: the value colour of a cell and the layers' display names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from simulator import palette


def value_color(value: float, scale: float) -> QColor:
    """The app's diverging colour of ``value`` (orange < 0, neutral 0, blue > 0), full at
    |scale| (``simulator.palette.ramp``, as the canvas and the output plot)."""
    t = 0.0 if scale <= 0 else max(-1.0, min(1.0, value / scale))
    r, g, b = (int(c) for c in palette.ramp(t))
    return QColor(r, g, b)


def text_color(background: QColor) -> QColor:
    """Black on light cells, white on dark ones (readable on every palette colour)."""
    return QColor("#ffffff") if background.lightness() < 110 else QColor("#202124")


def _t(text: str) -> str:
    return QCoreApplication.translate("MathViews", text)


def layer_title(spec, layer: int) -> str:
    """Translated name of engine layer ``layer`` (0 = first hidden), as the canvas names it."""
    lay = spec.layers[layer]
    if lay.name:
        return lay.name
    if layer == len(spec.layers) - 1:
        return _t("Output")
    return _t("Hidden {0}").format(layer + 1)
