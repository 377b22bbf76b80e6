"""The network editor: canvas in the centre, layer palette (left), properties (right).

``install(window)`` puts it into the main window and returns the :class:`Editor`,
also reachable as ``window.editor``; the canvas is ``window.canvas`` (see
``NetworkCanvas`` for its public API). The neurons' heatmaps come from
``document.inspector``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from .controller import EditorController
from .neuron_view import NeuronView
from .palette import Palette
from .properties import PropertiesPanel
from .view import NetworkCanvas


def _tr(text: str) -> str:
    return QCoreApplication.translate("Editor", text)


class Editor:
    """The editor's parts, for other areas and tests to reach."""

    def __init__(self, window):
        self.window = window
        #: Undoable edits (insert, move, resize, weights, masks ...).
        self.controller = EditorController(window)
        #: The network canvas (QGraphicsView) and its scene.
        self.canvas = NetworkCanvas(window.document, self.controller)
        self.scene = self.canvas.network_scene
        self.palette = Palette()
        self.properties = PropertiesPanel(window.document, self.controller, self.scene)
        self.palette.add_requested.connect(self._append_layer)
        #: The enlarged heatmap of a double-clicked neuron (made on first use).
        self.neuron_view: NeuronView | None = None
        self.scene.neuron_enlarge_requested.connect(self.enlarge_neuron)
        self.actions: dict[str, QAction] = {}

    def _append_layer(self, activation: str, units: int) -> None:
        n = len(self.window.document.spec.layers)
        self.controller.insert_layer(n - 1, activation, units)

    def enlarge_neuron(self, column: int, index: int) -> None:
        """Show neuron ``index`` of ``column`` (0 = inputs) in the enlarged heatmap."""
        if self.neuron_view is None:
            self.neuron_view = NeuronView(self.window.document, self.scene, self.window)
        self.neuron_view.show_neuron(column, index)

    def detach(self) -> None:
        """Stop following the document (window closing)."""
        self.scene.detach()
        self.properties.detach()
        if self.neuron_view is not None:
            self.neuron_view.detach()


def install(window) -> Editor:
    editor = Editor(window)
    window.editor = editor
    window.canvas = editor.canvas
    window.setCentralWidget(editor.canvas)
    window.add_dock(editor.palette, "palette", _tr("Layers"), Qt.LeftDockWidgetArea)
    window.add_dock(editor.properties, "properties", _tr("Layer properties"),
                    Qt.RightDockWidgetArea)
    canvas = editor.canvas

    def action(key, text, slot, shortcut=None, widget_only=False):
        a = QAction(text, window)
        if shortcut is not None:
            a.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        if widget_only:  # only while the canvas has focus: Delete in a text box stays its own
            a.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            canvas.addAction(a)
        a.triggered.connect(slot)
        window.edit_menu.addAction(a)
        editor.actions[key] = a
        return a

    action("delete", _tr("&Delete layer"), canvas.delete_selection, QKeySequence.Delete,
           widget_only=True)
    window.edit_menu.addSeparator()
    action("zoom_in", _tr("Zoom &in"), canvas.zoom_in, QKeySequence.ZoomIn)
    action("zoom_out", _tr("Zoom &out"), canvas.zoom_out, QKeySequence.ZoomOut)
    action("fit", _tr("&Fit to view"), canvas.fit_to_view, QKeySequence("Ctrl+0"))
    window.show_status(_tr("Drag layers from the palette onto the canvas; "
                           "drag a layer's header to move it."), 8000)
    return editor
