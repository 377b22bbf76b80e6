"""Pictures of the app for lecture notes: PNG at any scale, SVG, the clipboard, and a
figure bundle (every plot, the network, the config and the weights in one folder).

A *target* is a widget: the whole window, the network canvas, or the widget of a dock.
PNGs are rendered at ``scale`` times the screen size (text and lines are redrawn at that
resolution, not enlarged), so 2x or 3x is print quality; a plot exports itself as a figure
laid out for print instead (``ui/plots/figure.py``). SVGs are vector drawings.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QRegion
from PySide6.QtWidgets import QGraphicsView, QWidget

from simulator import atomic

try:  # QtSvg ships with PySide6-Essentials; keep PNG working if a build lacks it
    from PySide6.QtSvg import QSvgGenerator
except ImportError:  # pragma: no cover
    QSvgGenerator = None

SCALES = (1.0, 2.0, 3.0, 4.0)


def _flush_plots(widget: QWidget) -> None:
    """Plots redraw at most 10 times a second; draw what is pending before a picture."""
    from ui.plots.base import PlotPanel
    panels = widget.findChildren(PlotPanel)
    for plot in [widget, *panels] if isinstance(widget, PlotPanel) else panels:
        plot.flush()


def render_image(widget: QWidget, scale: float = 1.0) -> QImage:
    """The widget as it looks on screen, drawn at ``scale`` x resolution."""
    _flush_plots(widget)
    scale = max(0.25, min(float(scale), 8.0))
    size = widget.size()
    image = QImage(QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale))),
                   QImage.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(widget.palette().window().color())
    painter = QPainter(image)
    try:
        painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing
                               | QPainter.SmoothPixmapTransform)
        _render_widget(widget, painter)
    finally:
        painter.end()
    return image


def _render_widget(widget: QWidget, painter: QPainter) -> None:
    # QWidget.render explicitly: QGraphicsView overrides render() with a scene-style signature
    QWidget.render(widget, painter, QPoint(), QRegion(widget.rect()),
                   QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren)


def png_bytes(widget: QWidget, scale: float = 1.0) -> bytes:
    buf = QBuffer()
    buf.open(QIODevice.WriteOnly)
    render_image(widget, scale).save(buf, "PNG")
    return bytes(buf.data())


def svg_bytes(widget: QWidget, title: str = "ANN Simulator") -> bytes:
    """A vector drawing of the widget; a QGraphicsView draws its whole scene."""
    _flush_plots(widget)
    if QSvgGenerator is None:  # pragma: no cover
        raise RuntimeError("SVG export needs PySide6.QtSvg")
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buf)
    gen.setTitle(title)
    gen.setDescription("Exported by ANN Simulator")
    view = _graphics_view(widget)
    if view is not None:
        scene = view.scene()
        if _is_plot(view):  # what the plot shows (its scene has items far outside the axes)
            source = view.mapToScene(view.viewport().rect()).boundingRect()
        else:  # the whole network, even the part scrolled out of view
            source = scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        widget = view
        gen.setSize(source.size().toSize())
        gen.setViewBox(QRectF(0, 0, source.width(), source.height()))
        painter = QPainter(gen)
        try:
            painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
            painter.fillRect(QRectF(0, 0, source.width(), source.height()),
                             widget.backgroundBrush() if widget.backgroundBrush().style()
                             != Qt.NoBrush else QColor(Qt.white))
            scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
        finally:
            painter.end()
    else:
        gen.setSize(widget.size())
        gen.setViewBox(QRect(QPoint(), widget.size()))
        painter = QPainter(gen)
        try:
            painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
            _render_widget(widget, painter)
        finally:
            painter.end()
    buf.close()
    return bytes(data)


def _exporter(widget: QWidget):
    """The plot panel inside a dock's widget that offers ``export(path)``, else None.

    Rendering some pyqtgraph panels on their own with QWidget.render/grab segfaults under
    PySide6 6.12 (seen with the loss panel, offscreen); their own exporter does not."""
    if widget.isWindow():
        return None
    for c in (widget, *widget.findChildren(QWidget)):
        if callable(getattr(c, "export", None)):
            return c
    return None


def _is_plot(view: QGraphicsView) -> bool:
    return type(view).__module__.startswith("pyqtgraph")


def _graphics_view(widget: QWidget) -> QGraphicsView | None:
    """The widget itself when it is a QGraphicsView, or its only QGraphicsView child
    (a plot panel). Drawing the scene gives a true vector SVG, and rendering a whole
    pyqtgraph panel into QSvgGenerator can crash under PySide6 6.12."""
    if isinstance(widget, QGraphicsView):
        return widget if widget.scene() is not None else None
    if widget.isWindow():
        return None
    views = [v for v in widget.findChildren(QGraphicsView) if v.scene() is not None]
    return views[0] if len(views) == 1 else None


def save_picture(widget: QWidget, path: str | Path, scale: float = 1.0) -> Path:
    """Write ``widget`` to ``path`` (.png or .svg by suffix) atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        data = svg_bytes(widget, path.stem)
    elif suffix == ".png":
        plot = _exporter(widget)
        if plot is not None:  # a plot panel draws itself (grabbing one can crash, see below)
            plot.export(path)
            return path
        data = png_bytes(widget, scale)
    else:
        raise ValueError(f"'{path.name}': pictures are saved as .png or .svg")
    atomic.write_bytes(path, data)
    return path


def copy_to_clipboard(widget: QWidget, scale: float = 1.0) -> None:
    plot = _exporter(widget)
    if plot is not None:
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            plot.export(Path(tmp) / "plot.png")
            image = QImage(str(Path(tmp) / "plot.png"))
    else:
        image = render_image(widget, scale)
    QGuiApplication.clipboard().setImage(image)


def targets(window) -> list[tuple[str, str, QWidget]]:
    """(key, title, widget) of everything worth a picture: window, canvas, each dock."""
    out = [("window", window.tr("Whole window"), window)]
    canvas = getattr(window, "canvas", None) or window.centralWidget()
    if canvas is not None:
        out.append(("network", window.tr("Network canvas"), canvas))
    for key, dock in window.docks.items():
        if dock.widget() is not None:
            out.append((key, dock.windowTitle(), dock.widget()))
    return out


def exportable_views(window) -> list[tuple[str, object]]:
    """(key, view) for every dock widget (or its child) with an ``export(path)`` method."""
    found = []
    for key, dock in window.docks.items():
        widget = dock.widget()
        if widget is None:
            continue
        candidates = [widget, *widget.findChildren(QWidget)]
        for c in candidates:
            if callable(getattr(c, "export", None)):
                found.append((key, c))
                break
    return found


def _safe_name(text: str) -> str:
    return re.sub(r"[^\w.-]+", "-", text, flags=re.UNICODE).strip("-") or "figure"


def figure_folder(parent: str | Path, project: str) -> Path:
    """Where the figure bundle of ``project`` goes inside ``parent``: ``x-figures``."""
    return Path(parent) / f"{_safe_name(project)}-figures"


def figure_name(key: str) -> str:
    """The file name stem of a dock's picture in a figure bundle: ``plot-loss`` -> ``loss``."""
    return _safe_name(key.removeprefix("plot-"))


def export_figure_bundle(window, folder: str | Path, scale: float = 2.0) -> list[Path]:
    """Every plot, the network picture, the config and the weights in ``folder``.

    Plots export themselves as figures for print (``loss.png``, ``loss.svg``, see
    :mod:`ui.plots.figure`); other visible docks are rendered at ``scale``
    (``hyperparameters.png``). Returns the files written.
    """
    from simulator.export import export_history, export_weights
    from simulator.project import Project

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    doc = window.document
    canvas = getattr(window, "canvas", None) or window.centralWidget()
    if canvas is not None:
        written.append(save_picture(canvas, folder / "network.png", scale))
        written.append(save_picture(canvas, folder / "network.svg"))
    written.append(save_picture(window, folder / "window.png", scale))
    exported = set()
    for key, view in exportable_views(window):
        for suffix in (".png", ".svg"):
            written.append(Path(view.export(folder / f"{figure_name(key)}{suffix}")))
        exported.add(key)
    taken = {p.stem for p in written} | {"config", "weights", "history", "project"}
    for key, dock in window.docks.items():
        if key in exported or dock.widget() is None or not dock.isVisible():
            continue
        name = figure_name(key)
        name = f"panel-{name}" if name in taken else name
        written.append(save_picture(dock.widget(), folder / f"{name}.png", scale))
    project = Project.from_document(doc)
    config = {"title": doc.title, "description": doc.description,
              "spec": doc.spec.to_dict(), "settings": doc.settings.to_dict(),
              "data_source": doc.data_source.to_dict(),
              "epochs_trained": len(doc.history)}
    atomic.write_text(folder / "config.json", json.dumps(config, ensure_ascii=False, indent=1))
    written.append(folder / "config.json")
    for name in ("weights.npz", "weights.json"):
        written.append(export_weights(doc.spec, doc.weights, folder / name,
                                      doc.data.features))
    if doc.history:
        written.append(export_history(doc.history, folder / "history.csv"))
    from simulator.project import save_project
    save_project(project, folder / "project.annproj")
    written.append(folder / "project.annproj")
    return written
