"""A plot laid out as a printed figure: a fixed size in inches, text at its point sizes.

On screen a docked plot is whatever size the dock is; enlarging that picture to print
resolution enlarges its text with it (a 450-pixel plot exported 1200 pixels wide had
27-pixel tick labels) while pyqtgraph's legends stayed at screen size. Here the plot's
layout is set to the figure's size in the screen's logical pixels (inches x logical
dpi), so a 9 pt label takes the share of a 6.4 x 4 inch figure it takes on paper, then
drawn ``dpi / logical dpi`` times finer: 6.4 x 4 inches at 250 dpi are 1600 x 1000
pixels. The dock shows its own size again right after.
"""

from __future__ import annotations

from contextlib import contextmanager

import pyqtgraph as pg
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QRectF,
    QSize,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPen

#: Width and height of an exported plot, inches (matplotlib's width, a 1.6 : 1 frame).
FIGURE_INCHES = (6.4, 4.0)
#: Resolution of an exported PNG: print quality, 1600 x 1000 pixels at FIGURE_INCHES.
FIGURE_DPI = 250


@contextmanager
def figure_layout(panel, inches: tuple[float, float] = FIGURE_INCHES):
    """Lay ``panel``'s plots out at ``inches`` for the body of the ``with`` and yield
    the scene rectangle to draw; the panel is redrawn at the figure size (legends,
    labels that depend on the width) and then at its own size again."""
    view = panel.graphics
    ci = view.ci
    dpi = view.logicalDpiX() or 96
    rect = QRectF(0, 0, inches[0] * dpi, inches[1] * dpi)
    before = ci.geometry()
    try:
        _settle(panel, rect)
        yield rect
    finally:
        _settle(panel, before)


def _settle(panel, rect: QRectF) -> None:
    """Geometry, layout, data and auto-ranges of the panel's plots at ``rect``.

    Qt lays nested graphics layouts out in posted events, and axes size themselves to
    their widest label while painting: so the posted layout requests are handled here,
    after one paint into a throwaway image, twice over."""
    ci = panel.graphics.ci
    scene = panel.graphics.scene()
    for _ in range(2):
        ci.setGeometry(rect)
        QCoreApplication.sendPostedEvents(None, QEvent.LayoutRequest)
        panel.redraw()
        for plot in ci.items:
            legend = getattr(plot, "legend", None)
            if hasattr(legend, "arrange"):
                legend.arrange()
        QCoreApplication.sendPostedEvents(None, QEvent.LayoutRequest)
        scene.prepareForPaint()
        for item in scene.items():
            if isinstance(item, pg.AxisItem):
                item.picture = None  # labels for this length
        scratch = QImage(8, 8, QImage.Format_ARGB32_Premultiplied)
        painter = QPainter(scratch)
        scene.render(painter, QRectF(0, 0, 8, 8), rect)
        painter.end()
    QCoreApplication.sendPostedEvents(None, QEvent.LayoutRequest)


@contextmanager
def _export_mode(scene, painter: QPainter, scale: float):
    """pyqtgraph's export mode for the body of the ``with``: antialiased curves, point
    symbols ``scale`` times larger, and curve lines ``scale`` times wider (their pens
    are cosmetic, a width in device pixels, and would come out hair-thin)."""
    items = [item for item in scene.items() if hasattr(item, "setExportMode")]
    curves = [item for item in items if isinstance(item, (pg.PlotCurveItem, pg.PlotDataItem))]
    pens = [curve.opts["pen"] for curve in curves]
    for curve, pen in zip(curves, pens, strict=True):
        if pen is not None:
            wide = QPen(pen)
            wide.setWidthF(max(pen.widthF(), 1.0) * scale)
            curve.opts["pen"] = wide
    opts = {"antialias": True, "background": QColor("white"), "painter": painter,
            "resolutionScale": scale}
    for item in items:
        item.setExportMode(True, opts)
    try:
        yield
    finally:
        for item in items:
            item.setExportMode(False)
        for curve, pen in zip(curves, pens, strict=True):
            curve.opts["pen"] = pen


def figure_image(panel, inches: tuple[float, float] = FIGURE_INCHES,
                 dpi: int = FIGURE_DPI) -> QImage:
    """``panel`` as a figure of ``inches`` at ``dpi`` (antialiased, white background,
    the dpi written into the image for printing)."""
    with figure_layout(panel, inches) as rect:
        scene = panel.graphics.scene()
        image = QImage(QSize(round(inches[0] * dpi), round(inches[1] * dpi)),
                       QImage.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            # no smooth pixmap scaling: a confusion matrix's cells (and the output grid's)
            # stay cells, as on screen
            painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
            with _export_mode(scene, painter, image.width() / rect.width()):
                scene.render(painter, QRectF(0, 0, image.width(), image.height()), rect)
        finally:
            painter.end()
    dots_per_meter = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    return image


def figure_png(panel, inches: tuple[float, float] = FIGURE_INCHES,
               dpi: int = FIGURE_DPI) -> bytes:
    """:func:`figure_image` as PNG file contents."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.WriteOnly)
    figure_image(panel, inches, dpi).save(buf, "PNG")
    buf.close()
    return bytes(data)


def figure_svg(panel, title: str, inches: tuple[float, float] = FIGURE_INCHES) -> bytes:
    """``panel`` as an SVG drawing of ``inches`` (Qt's own generator: pyqtgraph's SVG
    exporter fails on some items with recent Qt versions)."""
    from PySide6.QtSvg import QSvgGenerator
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.WriteOnly)
    with figure_layout(panel, inches) as rect:
        gen = QSvgGenerator()
        gen.setOutputDevice(buf)
        gen.setSize(rect.size().toSize())
        gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        gen.setResolution(panel.graphics.logicalDpiX() or 96)  # text at its layout size
        gen.setTitle(title)
        painter = QPainter(gen)
        try:
            painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
            painter.fillRect(QRectF(0, 0, rect.width(), rect.height()), QColor("white"))
            scene = panel.graphics.scene()
            with _export_mode(scene, painter, 1.0):
                scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
        finally:
            painter.end()
    buf.close()
    return bytes(data)
