"""Presentation mode (View > Presentation Mode): on a projector the canvas's text and lines,
the plots' curves, points, legends and axes, the math views' cells and the enlarged neuron
are SCALE times as large, also for layers and projects that come while it is on; off puts
every size back exactly."""

from __future__ import annotations

import gc

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QApplication

from simulator.document import Document
from ui.display_scale import DisplayScale, display
from ui.editor.connections import pen_of
from ui.editor.items import FeatureChip, HeaderItem, LabelItem
from ui.lessons.presentation import SCALE
from ui.main_window import MainWindow

CIRCLE = {"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                  {"units": 2, "activation": "tanh"},
                                  {"units": 1, "activation": "sigmoid"}]}


@pytest.fixture
def window(qtbot):
    w = MainWindow(document=Document(spec=CIRCLE))
    qtbot.addWidget(w)
    w.files.ask_unsaved = lambda: "discard"
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.training.snapshot_applied, timeout=10000):
        w.training.step_epoch()  # curves, points and weights to draw
    yield w
    w.presentation.set_active(False)
    w.document.mark_dirty(False)
    w.training.shutdown()


def _toggle(window, on: bool) -> None:
    action = next(a for a in window.view_menu.actions()
                  if a.objectName() == "action-presentation")
    if action.isChecked() != on:
        action.trigger()
    QApplication.processEvents()  # widgets take the application font from a posted event
    QApplication.processEvents()  # the layout put back (off) once its docks have shrunk
    for plot in window.plots.values():
        plot.flush()


def _drawn(item) -> float:
    """A canvas text item's point size as drawn in the scene: font size x item scale."""
    return item._font.pointSizeF() * item.sceneTransform().m11()


def _canvas(window) -> dict:
    scene = window.canvas.network_scene
    out = {"legend": scene.legend.sceneTransform().m11(),
           "card": scene.card.scale(),
           "pens": [c.pen.widthF() for g in scene.groups for row in g.items for c in row]}
    for item in scene.items():
        if isinstance(item, HeaderItem | LabelItem | FeatureChip):
            key = (type(item).__name__, getattr(item, "column", None), item.text
                   if isinstance(item, LabelItem | FeatureChip) else item.full_title)
            out[key] = (_drawn(item), getattr(item, "title", None))
    return out


def _plot_sizes(view: pg.GraphicsView) -> list:
    """Every size presentation mode changes in a pyqtgraph view, in a fixed order."""
    out = []
    for item in view.scene().items():
        kind = type(item).__name__
        if isinstance(item, pg.AxisItem):
            tick = item.style["tickFont"]
            out.append((kind, item.orientation, None if tick is None else tick.pointSizeF(),
                        item.label.font().pointSizeF()))
        elif isinstance(item, pg.LabelItem):
            out.append((kind, item.text, item.opts.get("size"), item.item.font().pointSizeF()))
        elif isinstance(item, pg.PlotDataItem | pg.PlotCurveItem) and \
                not isinstance(item.parentItem(), pg.PlotDataItem):
            pen = item.opts.get("pen")
            out.append((kind, pen.widthF() if hasattr(pen, "widthF") else None))
        elif isinstance(item, pg.ScatterPlotItem) and \
                not isinstance(item.parentItem(), pg.PlotDataItem):
            out.append((kind, item.opts["size"], tuple(
                p.widthF() for p in item.data["pen"] if p is not None)))
        elif isinstance(item, pg.TextItem):
            out.append((kind, item.textItem.font().pointSizeF()))
    return sorted(out, key=repr)


def _everything(window) -> dict:
    for plot in window.plots.values():
        plot.changed()  # drawn at its present size (names that fit depend on it)
        plot.flush()
    views = {key: _plot_sizes(plot.graphics) for key, plot in window.plots.items()}
    matrix = window.mathviews["matrix"].blocks["W"]
    return {"canvas": _canvas(window), "plots": views,
            "matrix": (matrix.view.verticalHeader().defaultSectionSize(), matrix.cell_width,
                       window.mathviews["matrix"].plus.font().pointSizeF()),
            "font": QApplication.font().pointSizeF(),
            "window": (window.size().toTuple(), {  # the docks in front of their tabs
                k: d.size().toTuple() for k, d in window.docks.items()
                if d.isVisible() and not d.visibleRegion().isEmpty()})}


def test_display_scale_calls_live_observers_only():
    scale, calls = DisplayScale(), []

    class View:
        def on_scale(self, factor):
            calls.append(factor)

    kept, dropped = View(), View()
    scale.observe(kept.on_scale)
    scale.observe(dropped.on_scale)
    del dropped
    gc.collect()
    scale.set_factor(2.0)
    scale.set_factor(2.0)  # unchanged: no call
    assert calls == [2.0] and scale.factor == 2.0
    with pytest.raises(ValueError):
        scale.set_factor(0)


def test_canvas_text_and_lines_grow_by_the_factor_and_come_back(window):
    before = _canvas(window)
    _toggle(window, True)
    on = _canvas(window)
    assert display.factor == SCALE
    assert on["pens"] == pytest.approx([w * SCALE for w in before["pens"]])
    assert on["legend"] == pytest.approx(before["legend"] * SCALE)
    assert on["card"] == SCALE
    texts = [k for k in before if isinstance(k, tuple)]
    assert {k[0] for k in texts} == {"HeaderItem", "LabelItem", "FeatureChip"}
    for key in texts:
        assert on[key][0] == pytest.approx(before[key][0] * SCALE), key
    _toggle(window, False)
    assert _canvas(window) == before


def test_big_titles_stay_inside_their_column(window):
    _toggle(window, True)
    scene = window.canvas.network_scene
    headers = sorted((i for i in scene.items() if isinstance(i, HeaderItem)),
                     key=lambda h: h.column)
    rects = [h.sceneBoundingRect() for h in headers]
    for a, b in zip(rects, rects[1:], strict=False):
        assert a.right() < b.left(), "titles overlap"
    assert all(r.width() <= HeaderItem.MAX_WIDTH + 4 for r in rects)
    hidden = headers[1]
    assert hidden.title != hidden.full_title and hidden.full_title in hidden.toolTip()
    # the +/- buttons sit under the bigger title band, not on it
    plus = scene.layers[1].plus.sceneBoundingRect()
    assert plus.top() >= hidden.sceneBoundingRect().bottom() - 1


def test_plot_curves_points_and_legends_grow_and_come_back(window):
    loss, out = window.plots["loss"], window.plots["output"]
    assert out.mode == "plane"
    before = _everything(window)
    _toggle(window, True)
    assert loss.train_curve.opts["pen"].widthF() == pytest.approx(2 * SCALE)
    assert loss.train_metric.opts["pen"].widthF() == pytest.approx(1.5 * SCALE)
    assert out.train_points.opts["size"] == pytest.approx(7 * SCALE)
    hollow = [p.widthF() for p in out.test_points.data["pen"]]
    assert hollow and hollow == pytest.approx([1.8 * SCALE] * len(hollow))
    labels = [lab for _s, lab in loss.legend.items]
    assert labels[0].opts["size"] == f"{9 * SCALE:g}pt"
    assert loss.legend.items[0][0].size == (22 * SCALE, 12 * SCALE)
    axis = loss.plot.getAxis("bottom")
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(before["font"] * SCALE)
    assert axis.label.font().pointSizeF() == pytest.approx(before["font"] * SCALE)
    grads = window.plots["gradients"]
    assert all(c.opts["pen"].widthF() == pytest.approx(2 * SCALE) for c in grads.curves)
    _toggle(window, False)
    assert _everything(window) == before


def test_a_layer_or_project_arriving_while_on_is_drawn_large(window, qtbot):
    _toggle(window, True)
    window.editor.controller.insert_layer(1, "relu", 3)
    QApplication.processEvents()
    scene = window.canvas.network_scene
    assert len(scene.layers) == 5
    assert all(h.scale() == SCALE for h in scene.items() if isinstance(h, HeaderItem))
    new = scene.connection_item(1, 0, 0)  # a line into the new layer
    assert new.scale == SCALE
    assert new.pen.widthF() == pytest.approx(pen_of(new.pen_key).widthF() * SCALE)
    grads = window.plots["gradients"]
    with qtbot.waitSignal(window.training.snapshot_applied, timeout=10000):
        window.training.step_epoch()
    grads.flush()
    assert len(grads.curves) == 4  # made by the redraw: scaled after it
    assert all(c.opts["pen"].widthF() == pytest.approx(2 * SCALE) for c in grads.curves)
    window.document.replace_with(Document(spec={"inputs": 2, "layers": [
        {"units": 1, "activation": "sigmoid"}]}))
    QApplication.processEvents()
    headers = [h for h in scene.items() if isinstance(h, HeaderItem)]
    assert len(headers) == 2 and all(_drawn(h) == pytest.approx(9.5 * SCALE) for h in headers)


def test_math_views_and_the_enlarged_neuron_follow(window):
    window.editor.enlarge_neuron(1, 0)
    view = window.editor.neuron_view
    side = view.heatmap.image_rect.width()
    matrix = window.mathviews["matrix"]
    rows = matrix.blocks["W"].view.verticalHeader().defaultSectionSize()
    stepper = window.mathviews["backprop"].table.verticalHeader().defaultSectionSize()
    op = matrix.plus.font().pointSizeF()
    note = window.mathviews["backprop"].message  # grey: a style sheet of its own
    assert note.styleSheet()
    small = note.font().pointSizeF()
    _toggle(window, True)
    assert note.font().pointSizeF() == pytest.approx(small * SCALE)
    assert view.heatmap.image_rect.width() == round(side * SCALE)
    assert matrix.blocks["W"].view.verticalHeader().defaultSectionSize() > rows * 1.3
    assert matrix.blocks["W"].cell_width > 64
    assert window.mathviews["backprop"].table.verticalHeader().defaultSectionSize() > stepper
    assert matrix.plus.font().pointSizeF() == pytest.approx(op * SCALE)
    _toggle(window, False)
    assert view.heatmap.image_rect.width() == side
    assert matrix.blocks["W"].view.verticalHeader().defaultSectionSize() == rows
    assert matrix.plus.font().pointSizeF() == pytest.approx(op)
    assert note.font().pointSizeF() == small


def test_closing_the_window_ends_presentation_mode(qtbot):
    w = MainWindow(document=Document(spec=CIRCLE))
    qtbot.addWidget(w)
    w.files.ask_unsaved = lambda: "discard"
    before = QApplication.font().pointSizeF()
    w.presentation.set_active(True)
    assert display.factor == SCALE
    w.document.mark_dirty(False)
    w.close()
    w.training.shutdown()
    assert display.factor == 1.0 and QApplication.font().pointSizeF() == before



def test_on_a_laptop_projector_the_whole_network_shows_larger(qtbot):
    """1366 x 768 in the default layout: the circle's network no longer fits at the normal
    readable zoom once its text is larger, so fitting may shrink it as far as the titles
    stay as large on screen as without presentation mode; it then shows whole."""
    from tests.test_canvas_readable import _headers, _window
    window, view = _window(qtbot, CIRCLE)
    normal = min(_drawn(h) * view.transform().m11() for h in _headers(view))
    try:
        window.presentation.set_active(True)
        QApplication.processEvents()
        headers = _headers(view)
        viewport = view.viewport().rect()
        for h in headers:
            assert viewport.contains(view.mapFromScene(h.sceneBoundingRect()).boundingRect())
            assert _drawn(h) * view.transform().m11() >= max(normal, 7.0) - 0.01
    finally:
        window.presentation.set_active(False)
        window.training.shutdown()


def test_crowded_names_and_axis_titles_are_shortened_at_the_big_size(qtbot):
    from ui.plots import GradientPlot, WeightsPlot
    doc = Document(spec=CIRCLE)
    doc.inspector.refresh()
    weights, grads = WeightsPlot(doc), GradientPlot(doc)
    for plot, height in ((weights, 220), (grads, 300)):
        qtbot.addWidget(plot)
        plot.resize(330, height)
        plot.show()
    qtbot.waitExposed(weights)

    def names():
        weights.flush()
        return [label.text for _s, label in weights.legend.items]

    def left_title():
        axis = grads.lines_plot.getAxis("left")
        return axis.label.toPlainText().strip(), axis.toolTip()

    assert names() == ["Hidden 1", "Hidden 2", "Output"]
    assert left_title() == ("mean |∂E/∂W|", "")
    try:
        display.set_factor(SCALE)
        qtbot.waitUntil(lambda: names() == ["H1", "H2", "Out"])  # one row, not three
        grads.flush()
        text, tip = left_title()
        assert text.endswith("…") and tip == "mean |∂E/∂W|"
    finally:
        display.set_factor(1.0)
    qtbot.waitUntil(lambda: names() == ["Hidden 1", "Hidden 2", "Output"])
    assert left_title() == ("mean |∂E/∂W|", "")
