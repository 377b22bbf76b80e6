"""See the math: the matrix view (X · W + b = Z), backpropagation step by step and the
activation gallery.

``install(window)`` docks each view and sets ``window.mathviews``: key -> widget.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from .gallery import ActivationGallery
from .matrix import MatrixPanel
from .stepper import StepperPanel

__all__ = ["ActivationGallery", "MatrixPanel", "StepperPanel", "install"]


def _t(text: str) -> str:
    return QCoreApplication.translate("MathViews", text)


def install(window) -> None:
    doc = window.document
    views = {
        "matrix": (MatrixPanel(doc, window.undo_stack, window.show_status),
                   _t("Matrix view")),
        "backprop": (StepperPanel(doc, window.undo_stack, window.show_status),
                     _t("Backpropagation step by step")),
        "gallery": (ActivationGallery(), _t("Activation gallery")),
    }
    window.mathviews = {key: view for key, (view, _title) in views.items()}
    for key, (view, title) in views.items():
        # hidden: opened from View > Panels or a lesson; the first-run layout stays as it was
        dock = window.add_dock(view, f"math-{key}", title, Qt.BottomDockWidgetArea, hidden=True)
        # toggled, not visibilityChanged: a dock opened behind a tab is not "visible" yet
        dock.toggleViewAction().toggled.connect(
            lambda shown, d=dock: shown and _first_show(window, d))
    _follow_canvas(window)


def _follow_canvas(window) -> None:
    """Selecting a layer on the canvas shows it in the matrix view and back (a neuron or
    connection: both follow ``document.selection``); stepping through backpropagation
    selects the layer the step is about."""
    canvas = getattr(window, "canvas", None)
    scene = getattr(canvas, "network_scene", None)
    if scene is None:
        return
    matrix, stepper = window.mathviews["matrix"], window.mathviews["backprop"]
    # the canvas counts columns (0 = inputs); the views count layers (0 = first hidden)
    canvas.selection_changed.connect(lambda column: column > 0 and matrix.show_layer(column - 1))
    matrix.layer_chosen.connect(lambda layer: scene.select_layer(layer + 1))
    stepper.step_changed.connect(lambda layer: layer >= 0 and scene.select_column(layer + 1))


def _first_show(window, dock) -> None:
    """The first time a math view opens it floats large over the window: its tables are
    read line by line, which a narrow dock beside the plots does not allow. The user may
    dock it anywhere; the saved layout remembers where."""
    if dock.property("placed") or not window.isVisible():  # not while the layout is built
        return
    dock.setProperty("placed", True)
    if not dock.isFloating() and dock.width() >= 700 and dock.height() >= 400:
        return  # a restored layout already gives it room
    frame = window.geometry()
    w, h = min(1100, int(frame.width() * 0.8)), min(680, int(frame.height() * 0.75))
    dock.setFloating(True)
    dock.setGeometry(frame.x() + (frame.width() - w) // 2, frame.y() + (frame.height() - h) // 2,
                     w, h)
