"""The output plot's "Show test data" and "Discretize output" toggles (Playground's)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from simulator import palette
from simulator.inspector import class_labels
from tests.test_plots import trained_document


def _plot(qtbot, doc):
    from ui.plots import OutputPlot
    plot = OutputPlot(doc)
    qtbot.addWidget(plot)
    plot.resize(600, 620)
    plot.show()
    qtbot.waitExposed(plot)
    plot.flush()
    return plot


def test_show_test_data_hides_the_hollow_points(qtbot):
    doc = trained_document("circle")
    plot = _plot(qtbot, doc)
    assert plot.test_points.isVisible() and len(plot.test_points.data) == len(doc.data.test)
    qtbot.mouseClick(plot.show_test, Qt.LeftButton)
    plot.flush()
    assert not plot.show_test.isChecked() and len(plot.test_points.data) == 0
    assert len(plot.train_points.data) == len(doc.data.train)
    qtbot.mouseClick(plot.show_test, Qt.LeftButton)
    plot.flush()
    assert len(plot.test_points.data) == len(doc.data.test)
    plot.detach()


def test_discretize_paints_the_class_the_network_picks(qtbot):
    doc = trained_document("circle")
    plot = _plot(qtbot, doc)
    v = doc.inspector.views
    smooth = plot.image.image.copy()
    qtbot.mouseClick(plot.discretize, Qt.LeftButton)
    plot.flush()
    crisp = plot.image.image  # (w, h, 3): transposed grid
    assert not np.array_equal(crisp, smooth)
    colours = {tuple(c) for c in crisp.reshape(-1, 3)}
    assert len(colours) == 2  # two classes, two flat colours
    picked = class_labels(v.grid_output.reshape(1, -1).T, v.threshold).reshape(
        v.grid_output.shape[1:])
    iy, ix = np.argwhere(picked == 1)[0]
    r, _g, b = crisp[ix, iy]
    assert b > r  # class 1: blue, as palette.class_rgb(1)
    assert palette.class_rgb(1)[2] > palette.class_rgb(1)[0]
    # a pixel of the rendered plot under a class-0 grid point is orange
    iy, ix = np.argwhere(picked == 0)[0]
    plot.train_points.setVisible(False)
    plot.test_points.setVisible(False)
    image = plot.graphics.viewport().grab().toImage()
    p = plot.graphics.mapFromScene(plot.plot.vb.mapViewToScene(
        QPointF(float(v.grid_x[ix]), float(v.grid_y[iy]))))
    rr, _gg, bb = QColor(image.pixel(p.x(), p.y())).getRgb()[:3]
    assert rr > bb
    plot.detach()
