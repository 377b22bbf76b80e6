"""Axes lay out their ticks again only when what they show changes (ui/plots/axes.py)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from simulator.document import Document
from simulator.settings import DataSource, TrainingSettings
from ui.colors import opaque_pen


@pytest.fixture
def layouts(monkeypatch):
    """The text specs of every layout pyqtgraph makes from now on: [(axis, [(text, rect)])]."""
    made: list = []
    original = pg.AxisItem.generateDrawSpecs

    def record(axis, p):
        specs = original(axis, p)
        made.append((axis, [(text, rect) for rect, _flags, text in specs[2]]))
        return specs

    monkeypatch.setattr(pg.AxisItem, "generateDrawSpecs", record)
    return made


@pytest.fixture
def panel(qtbot):
    from ui.plots.base import PlotPanel
    panel = PlotPanel()
    qtbot.addWidget(panel)
    panel.plot = panel.add_plot()
    panel.plot.plot(np.arange(100.0), np.linspace(1.0, 0.1, 100))
    panel.resize(420, 260)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_the_same_range_again_keeps_the_layout(panel, layouts):
    """pyqtgraph laid the ticks out anew on every setRange, the unchanged ones too (the
    loss plot's accuracy axis: ~2.5 ms every snapshot)."""
    axis = panel.plot.getAxis("left")
    panel.graphics.grab()
    layouts.clear()
    axis.setRange(*list(axis.range))
    panel.graphics.grab()
    assert layouts == []
    axis.setRange(0.0, 10.0)  # a new range: laid out again, labels of the new range
    panel.graphics.grab()
    assert [text for a, specs in layouts if a is axis for text, _r in specs] == \
        ["0", "2", "4", "6", "8", "10"]


def newest(axis, layouts) -> list:
    """The labels of ``axis``' newest layout: [(text, (x, y, w, h))]."""
    specs = next(specs for a, specs in reversed(layouts) if a is axis)
    return [(text, rect.getRect()) for text, rect in specs]


@pytest.mark.parametrize("lo, hi", [(0.0, 1.0), (-0.02, 1.02), (0.0, 120_000.0),
                                    (-3.3, 7.9), (1e-4, 5e-4), (95.0, 10_050.0)])
def test_kept_layouts_match_a_fresh_one(panel, layouts, lo, hi):
    """A plot setting the range it has again keeps its layout, and that shows exactly what
    a layout made from scratch (pyqtgraph's own path) shows."""
    panel.plot.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0)
    panel.graphics.grab()
    kept = {side: newest(panel.plot.getAxis(side), layouts) for side in ("left", "bottom")}
    layouts.clear()
    panel.plot.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0)  # a redraw
    panel.graphics.grab()
    assert layouts == []
    for side in ("left", "bottom"):
        axis = panel.plot.getAxis(side)
        axis.picture = None
        panel.graphics.grab()
        assert newest(axis, layouts) == kept[side] and len(kept[side]) >= 2, (side, lo, hi)


def test_a_larger_font_still_lays_the_labels_out_again(panel, layouts):
    """Presentation mode (and a language switch, which resets the fonts) changes the tick
    font: the kept layout gives way, and the labels grow."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from ui.plots.scaling import scale_view
    axis = panel.plot.getAxis("bottom")
    axis.setStyle(tickFont=QFont(axis.font().family(), 9))
    panel.graphics.grab()
    small = max(r.height() for a, specs in layouts if a is axis for _t, r in specs)
    layouts.clear()
    scale_view(panel.graphics, 2.0)
    axis.setRange(*list(axis.range))
    panel.graphics.grab()
    QApplication.processEvents()  # the axis grows to the larger labels: laid out again
    panel.graphics.grab()
    large = max(r.height() for a, specs in layouts if a is axis for _t, r in specs)
    assert large > 1.5 * small
    layouts.clear()
    scale_view(panel.graphics, 1.0)
    panel.graphics.grab()
    assert max(r.height() for a, specs in layouts if a is axis for _t, r in specs) == small


def test_tick_pens_are_the_opaque_copies_of_their_level(panel, monkeypatch):
    """One opaque pen per tick level, the colour ``opaque_pen`` gives each tick's own pen."""
    given, drawn_pens = [], []
    original_specs, original_draw = pg.AxisItem.generateDrawSpecs, pg.AxisItem.drawPicture

    def specs(axis, p):
        out = original_specs(axis, p)
        given.extend(pen for pen, _a, _b in out[1])
        return out

    def draw(axis, p, axis_spec, tick_specs, text_specs):
        drawn_pens.extend(pen for pen, _a, _b in tick_specs)
        original_draw(axis, p, axis_spec, tick_specs, text_specs)

    monkeypatch.setattr(pg.AxisItem, "generateDrawSpecs", specs)
    monkeypatch.setattr(pg.AxisItem, "drawPicture", draw)
    panel.plot.getAxis("left").picture = None
    panel.graphics.grab()
    assert len(given) == len(drawn_pens) > 10
    assert [p.color().rgba() for p in drawn_pens] == \
        [opaque_pen(p).color().rgba() for p in given]
    assert len({p.color().rgba() for p in drawn_pens}) >= 2  # major and minor ticks differ


def test_the_loss_plot_lays_out_only_axes_whose_range_moved(qtbot, layouts):
    """More epochs move the epoch and loss axes; the accuracy axis (0 .. 1) keeps its."""
    from ui.plots.loss import LossPlot
    doc = Document(spec={"inputs": 2, "layers": [{"units": 1, "activation": "tanh"}]},
                   settings=TrainingSettings(),
                   data_source=DataSource(name="circle", params={"n_points": 40}))
    plot = LossPlot(doc)
    qtbot.addWidget(plot)
    plot.resize(500, 300)
    plot.show()
    qtbot.waitExposed(plot)

    def rows(first, last):
        return [{"epoch": k, "train_loss": 1.0 / k, "test_loss": 1.2 / k, "metric": "accuracy",
                 "train_metric": 0.9, "test_metric": 0.8} for k in range(first, last)]

    doc.append_history(rows(1, 50))
    plot.flush()
    plot.graphics.grab()
    layouts.clear()
    doc.append_history(rows(50, 400))
    plot.flush()
    plot.graphics.grab()
    moved = {a.orientation for a, _specs in layouts}
    assert {"bottom", "left"} <= moved and "right" not in moved
    right = plot.plot.getAxis("right")
    assert right.isVisible() and right.picture is not None


def test_grid_lines_follow_a_narrower_view(panel, qtbot, monkeypatch):
    """A second axis on the right narrows the view, not the left axis: the left axis'
    grid lines (same range, same size) must end at the view's new edge all the same."""
    ends = {}
    original = pg.AxisItem.drawPicture

    def record(axis, p, axis_spec, tick_specs, text_specs):
        ends[axis] = max(axis.mapToScene(a).x() for _pen, a, _b in tick_specs)
        original(axis, p, axis_spec, tick_specs, text_specs)

    monkeypatch.setattr(pg.AxisItem, "drawPicture", record)
    left, vb = panel.plot.getAxis("left"), panel.plot.vb
    panel.plot.setYRange(0.0, 1.0, padding=0)
    panel.graphics.grab()
    wide = vb.sceneBoundingRect().right()
    assert ends[left] == pytest.approx(wide, abs=1)
    panel.plot.showAxis("right")
    qtbot.waitUntil(lambda: vb.sceneBoundingRect().right() < wide - 10)
    panel.graphics.grab()
    assert ends[left] == pytest.approx(vb.sceneBoundingRect().right(), abs=1)
