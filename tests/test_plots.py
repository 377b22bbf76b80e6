"""The live plots: vanishing gradients visible, long histories, output views, export."""

from __future__ import annotations

import numpy as np
import pytest

from simulator.document import Document
from simulator.inspector import GRID
from simulator.settings import DataSource, TrainingSettings
from ui.plots.base import MAX_DISPLAY, envelope


def deep_document(activation: str, init: str) -> Document:
    layers = [{"units": 8, "activation": activation}] * 8 + [{"units": 1, "activation": "sigmoid"}]
    return Document(spec={"inputs": 2, "layers": layers},
                    settings=TrainingSettings(loss="mse", learning_rate=0.03, batch_size=10,
                                              init=init, seed=0),
                    data_source=DataSource(name="circle", train_ratio=0.5))


def gradient_values_after_training(qtbot, doc: Document) -> np.ndarray:
    from ui.plots import GradientPlot
    from ui.training.controller import TrainingController
    plot = GradientPlot(doc)
    qtbot.addWidget(plot)
    plot.show()
    ctl = TrainingController(doc)
    try:
        for k in range(3):
            ctl.step_epoch()
            # a snapshot may come without the epoch's row (the worker's "paused" one)
            qtbot.waitUntil(lambda k=k: len(doc.history) == k + 1, timeout=10000)
    finally:
        ctl.shutdown()
    epochs, values = plot.series()
    assert list(epochs) == [1, 2, 3] and values.shape == (3, 9)
    plot.flush()  # plots redraw from a timer; the last snapshot may not be drawn yet
    bars = plot.bars.opts["height"]
    assert len(bars) == 9  # the bar chart shows the same values, input side first
    return plot.current_values()


def test_sigmoid_gradients_vanish_in_lower_layers(qtbot):
    g = gradient_values_after_training(qtbot, deep_document("sigmoid", "xavier"))
    assert g[-1] >= 100 * g[0], g
    assert np.all(np.diff(np.log10(g[:-1])) > 0)  # growing from the input side up


def test_relu_gradients_do_not_vanish(qtbot):
    g = gradient_values_after_training(qtbot, deep_document("relu", "he"))
    assert g[-1] < 100 * g[0], g


def test_loss_plot_keeps_100k_epochs_and_draws_few(qtbot):
    from ui.plots import LossPlot
    doc = Document()
    plot = LossPlot(doc)
    qtbot.addWidget(plot)
    plot.resize(500, 300)
    plot.show()
    rows = [{"epoch": k, "train_loss": 1.0 / k, "test_loss": 1.2 / k, "metric": "accuracy",
             "train_metric": 0.9, "test_metric": 0.8} for k in range(1, 100_001)]
    for start in range(0, len(rows), 1000):
        doc.append_history(rows[start:start + 1000])
    assert len(plot.series()["epoch"]) == 100_000
    plot.flush()  # redraws wait for their turn in the shared redraw queue
    x, _y = plot.train_curve.getData()
    assert len(x) <= MAX_DISPLAY and x[0] == 1 and x[-1] == 100_000
    plot.log_y.setChecked(True)
    doc.append_history([dict(rows[-1], epoch=100_001, train_loss=50.0)])  # a late spike
    plot.flush()
    x, y = plot.train_curve.getData()
    assert len(x) <= MAX_DISPLAY and x[-1] == 100_001
    assert np.nanmax(10 ** y) == pytest.approx(50.0)  # log mode: drawn as log10
    doc.archive_run()
    assert len(plot.series()["epoch"]) == 0


@pytest.fixture
def window(qtbot):
    from ui.main_window import MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    files = getattr(w, "files", None)
    if files is not None:
        files.ask_unsaved = lambda: "discard"  # never a modal "save changes?" in tests
    w.show()
    yield w
    w.document.mark_dirty(False)
    w.training.shutdown()


def test_every_plot_exports_png_and_svg(qtbot, window, tmp_path):
    ctl = window.training
    with qtbot.waitSignal(ctl.snapshot_applied, timeout=10000):
        ctl.step_epoch()
    assert set(window.plots) == {"loss", "activation", "gradients", "weights", "output"}
    for key, plot in window.plots.items():
        for suffix in (".png", ".svg"):
            path = plot.export(tmp_path / f"{key}{suffix}")
            assert path.exists() and path.stat().st_size > 1000, path


def test_output_plot_shows_the_plane_for_two_inputs(qtbot, window):
    ctl = window.training
    with qtbot.waitSignal(ctl.snapshot_applied, timeout=10000):
        ctl.step_epoch()
    out = window.plots["output"]
    assert out.mode == "plane"
    assert out.image.image is not None and out.image.image.shape[:2] == (GRID, GRID)
    n_train, n_test = len(window.document.data.train.X), len(window.document.data.test.X)
    assert len(out.train_points.data) == n_train and len(out.test_points.data) == n_test


def test_activation_plot_follows_the_layer(qtbot, window):
    plot = window.plots["activation"]
    window.training.refresh_views()
    plot.set_layer(0)
    d = plot.curve_data()
    assert np.allclose(d["f"], np.tanh(d["x"]), atol=1e-6)
    assert np.allclose(d["df"], 1 - np.tanh(d["x"]) ** 2, atol=1e-6)
    assert d["hist"] is not None and d["hist"].sum() == pytest.approx(1.0)
    plot.set_layer(len(window.document.spec.layers) - 1)
    assert plot.combo.currentIndex() == len(window.document.spec.layers) - 1


@pytest.mark.parametrize("name, mode", [("sine", "curve"), ("iris", "confusion"),
                                        ("features", "scatter")])
def test_output_plot_modes(qtbot, name, mode):
    from ui.plots import OutputPlot
    from ui.training.controller import TrainingController
    doc = Document(data_source=DataSource(name=name, train_ratio=0.7 if name != "features"
                                          else 1.0))
    plot = OutputPlot(doc)
    qtbot.addWidget(plot)
    plot.show()
    ctl = TrainingController(doc)
    ctl.refresh_views()
    plot.flush()
    assert plot.mode == mode
    if mode == "confusion":  # the inspector's matrix: one row per true class, every row counted
        m = doc.inspector.views.confusion
        assert m.shape == (3, 3) and m.sum() == len(doc.inspector.views.predictions)
        assert plot.texts[0].toPlainText() == str(m[0, 0])
    if mode == "curve":
        plot.flush()
        x, y = plot.curve.getData()
        assert len(x) == 200 and np.isfinite(y).all()
    ctl.shutdown()


def test_envelope_keeps_ends_extremes_and_order():
    assert list(envelope(np.arange(5.0), limit=10)) == [0, 1, 2, 3, 4]
    rng = np.random.default_rng(0)
    y = rng.normal(size=100_003)
    y[12_345], y[77_777] = 40.0, -40.0  # one spike up, one down
    y[500:900] = np.nan  # epochs without a test loss
    idx = envelope(y, limit=1000)
    assert len(idx) <= 1000 and np.all(np.diff(idx) > 0)
    assert {0, len(y) - 1, 12_345, 77_777} <= set(idx.tolist())
    assert np.nanmax(y[idx]) == np.nanmax(y) and np.nanmin(y[idx]) == np.nanmin(y)


def test_grids_are_opaque_and_drawn_under_the_curves(qtbot, window, monkeypatch):
    """Translucent grid lines cost Qt's raster engine ~50x more (see ui/colors.py);
    opaque ones must then lie under the data, not over it."""
    import pyqtgraph as pg
    pens = []
    original = pg.AxisItem.drawPicture

    def record(axis, p, axis_spec, tick_specs, text_specs):
        pens.extend(pen for pen, _a, _b in tick_specs)
        original(axis, p, axis_spec, tick_specs, text_specs)

    monkeypatch.setattr(pg.AxisItem, "drawPicture", record)
    twins = {"loss", "activation"}  # the plots with a second y-axis on the right
    for key, panel in window.plots.items():
        for plot in panel.graphics.ci.items:
            if not isinstance(plot, pg.PlotItem):
                continue
            assert not plot.getAxis("top").isVisible()
            assert plot.getAxis("right").isVisible() == (key in twins), key
            for name in ("left", "bottom", "right"):
                axis = plot.getAxis(name)
                assert axis.zValue() < plot.vb.zValue(), (key, name)
                axis.picture = None
        panel.graphics.grab()
    assert len(pens) > 20
    assert all(pen.color().alpha() == 255 for pen in pens)


def test_one_redraw_settles_the_ranges(qtbot, window):
    """pyqtgraph settles auto-ranges while painting and then paints again; flush()
    settles them first, so a redraw costs one paint."""
    loss = window.plots["loss"]
    window.document.append_history([{"epoch": k, "train_loss": 1.0 / k, "test_loss": 2.0 / k}
                                    for k in range(1, 301)])
    loss.flush()
    before = loss.plot.vb.viewRange()
    loss.graphics.scene().prepareForPaint()
    assert loss.plot.vb.viewRange() == before
    assert before[0][1] >= 300  # the new epochs are in view


def test_on_white_blends_translucent_colours_into_opaque_ones():
    from PySide6.QtGui import QColor, QPen

    from ui.colors import on_white, opaque_pen
    assert on_white(QColor(0, 0, 0, 51)).getRgb() == (204, 204, 204, 255)  # 255 (1 - 0.2)
    assert on_white(QColor(8, 119, 189), 1.0).getRgb() == (8, 119, 189, 255)
    assert on_white(QColor(8, 119, 189), 0.0).getRgb() == (255, 255, 255, 255)
    solid = QPen(QColor(1, 2, 3))
    assert opaque_pen(solid) is solid
    faded = opaque_pen(QPen(QColor(0, 0, 0, 128), 2.5))
    assert faded.color().alpha() == 255 and faded.widthF() == 2.5


def test_history_plots_explain_themselves_until_the_first_epoch(qtbot):
    from ui.plots import GradientPlot, LossPlot
    doc = Document()
    plots = [LossPlot(doc), GradientPlot(doc)]
    for plot in plots:
        qtbot.addWidget(plot)
        plot.show()
        plot.flush()
        assert plot.empty_label.isVisible() and not plot.graphics.isVisible()
        assert "F5" in plot.empty_label.text()
    doc.append_history([{"epoch": 1, "train_loss": 0.5, "grad_mean_abs": [0.1, 0.01]}])
    for plot in plots:
        plot.flush()
        assert plot.graphics.isVisible() and not plot.empty_label.isVisible()


def test_gradient_bars_shorten_their_labels_when_crowded(qtbot):
    from ui.plots import GradientPlot
    doc = deep_document("sigmoid", "xavier")  # 9 layers
    plot = GradientPlot(doc)
    qtbot.addWidget(plot)
    doc.append_history([{"epoch": 1, "grad_mean_abs": [10.0 ** -k for k in range(9, 0, -1)]}])

    def labels():
        plot.flush()
        return plot.bar_labels

    plot.resize(320, 300)
    plot.show()
    qtbot.waitExposed(plot)
    assert labels() == [f"H{k}" for k in range(1, 9)] + ["Out"]
    plot.resize(1600, 300)
    qtbot.waitUntil(lambda: labels()[0] == "Hidden 1")
    assert labels()[-1] == "Output"


def test_plots_read_a_long_history_as_columns(qtbot):
    """Opening a long run: the plots read columns from the packed history (no dict per
    epoch) and get what they would get row by row."""
    from simulator.history_io import CHUNK
    from ui.plots import GradientPlot, LossPlot
    n = 2 * CHUNK + 100
    rows = [{"epoch": k, "train_loss": 1.0 / k, "test_loss": None if k % 5 else 2.0 / k,
             "metric": "accuracy", "grad_mean_abs": [0.1, 0.2] if k <= CHUNK + 7 else
             [0.3, 0.2, 0.1]} for k in range(1, n + 1)]
    del rows[CHUNK + 50]["grad_mean_abs"]  # a row without statistics is skipped
    doc = Document()
    doc.history = rows  # packed as it is assigned
    loss, grads = LossPlot(doc), GradientPlot(doc)
    for plot in (loss, grads):
        qtbot.addWidget(plot)
    series = loss.series()
    assert np.array_equal(series["epoch"], np.arange(1, n + 1))
    assert np.allclose(series["train_loss"], [1.0 / k for k in range(1, n + 1)])
    assert np.isnan(series["test_loss"][0]) and series["test_loss"][4] == pytest.approx(0.4)
    epochs, values = grads.series()
    expect = [r["epoch"] for r in rows[CHUNK + 7:] if "grad_mean_abs" in r]
    assert list(epochs) == expect  # only rows since the change to 3 layers
    assert values.shape == (len(expect), 3) and np.allclose(values[-1], [0.3, 0.2, 0.1])


def trained_document(name: str, epochs: int = 300) -> Document:
    """The Playground network (2-4-2-1, tanh) trained by the engine on ``name``."""
    from simulator.trainer import Trainer
    doc = Document(data_source=DataSource(name=name))
    net = doc.build_network()
    Trainer.from_settings(net, doc.settings, epoch_limit=0).fit(
        doc.data.train.X, doc.data.train.Y, epochs=epochs)
    doc.set_weights(net.get_weights())
    doc.inspector.refresh()
    return doc


def side(rgb) -> int:
    """Which end of the ramp a pixel leans to: 1 blue, 0 orange, -1 neither (neutral,
    white or a point's edge)."""
    r, _g, b = rgb
    return 1 if b - r > 40 else 0 if r - b > 40 else -1


@pytest.mark.parametrize("name", ["circle", "xor"])
def test_points_sit_on_regions_of_their_own_colour(qtbot, name):
    """Issue 11.1: class 1 was drawn orange on the blue region the network rightly
    predicts for it. Render the real plot and read the pixels under each training point."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor

    from simulator import palette
    from ui.plots import OutputPlot
    doc = trained_document(name)
    v = doc.inspector.views
    assert v.threshold == 0.5 and v.output_scale == (0.5, 0.5)  # 0/1 targets
    plot = OutputPlot(doc)
    qtbot.addWidget(plot)
    plot.resize(620, 640)
    plot.show()
    qtbot.waitExposed(plot)
    plot.flush()
    plot.test_points.setVisible(False)  # hollow points would cover filled ones

    def pixels():
        image = plot.graphics.viewport().grab().toImage()
        vb, view = plot.plot.vb, plot.graphics
        out = []
        for x, y in doc.data.train.X:
            p = view.mapFromScene(vb.mapViewToScene(QPointF(float(x), float(y))))
            out.append(QColor(image.pixel(p.x(), p.y())).getRgb()[:3])
        return out

    on_points = pixels()
    plot.train_points.setVisible(False)
    regions = pixels()
    out = doc.build_network().predict(doc.data.train.X)[:, 0]
    labels = doc.data.train.Y[:, 0].astype(int)
    assert np.mean((out > 0.5) == labels) > 0.97  # trained: the network is right
    checked = 0
    for k, (pt, region, y, o) in enumerate(zip(on_points, regions, labels, out, strict=True)):
        if abs(o - 0.5) < 0.2 or side(pt) < 0:
            continue  # near the boundary, or the pixel is another point's white edge
        checked += 1
        assert side(pt) == y, (k, pt, y)  # the point in its class's colour
        assert side(region) == int(o > 0.5), (k, region, o)  # the region says the output
        if (o > 0.5) == y:
            assert side(pt) == side(region), (k, pt, region)
    assert checked > 0.8 * len(labels)
    exact = [tuple(pt) == palette.class_rgb(y) for pt, y in zip(on_points, labels, strict=True)]
    assert np.mean(exact) > 0.5, np.mean(exact)  # filled with the palette's very colour
    # test points are rings of their class's colour
    pens = plot.test_points.data["pen"]
    test_labels = doc.data.test.Y[:, 0].astype(int)
    assert [p.color().getRgb()[:3] for p in pens] == [palette.class_rgb(k) for k in test_labels]
    plot.detach()


def test_plots_follow_the_inspector_and_outlive_nothing(qtbot):
    """Every plot reads document.inspector through the guarded observer: new views
    reach a live plot and are ignored by a deleted one (no 'C++ object deleted')."""
    import shiboken6

    from ui.plots import ActivationPlot, GradientPlot, LossPlot, OutputPlot, WeightsPlot
    doc = Document(data_source=DataSource(name="xor"))
    plots = [cls(doc) for cls in (OutputPlot, WeightsPlot, ActivationPlot, LossPlot,
                                  GradientPlot)]
    live = plots[1]
    qtbot.addWidget(live)
    live.show()
    doc.inspector.refresh()
    live.flush()
    assert live.views is doc.inspector.views and len(live.curves) == len(doc.spec.layers)
    for p in plots[:1] + plots[2:]:
        shiboken6.delete(p)
    doc.inspector.refresh()
    doc.append_history([{"epoch": 1, "train_loss": 0.5}])
    doc.replace_with(Document(data_source=DataSource(name="circle")))


def test_every_view_gives_a_class_the_same_colour(qtbot):
    """The data plot, the rows table and the output plot once had opposite class tables."""
    from PySide6.QtCore import Qt

    from simulator import palette
    from ui.data.plot import DataPlot
    from ui.data.table_model import RowsModel
    from ui.plots import OutputPlot
    doc = Document(data_source=DataSource(name="xor"))
    doc.inspector.refresh()
    data_plot, out_plot = DataPlot(), OutputPlot(doc)
    for w in (data_plot, out_plot):
        qtbot.addWidget(w)
        w.show()
    data_plot.show_data(doc.data)
    out_plot.flush()
    labels = doc.dataset.labels[doc.data.train_indices]
    want = [palette.class_rgb(k) for k in labels]
    drawn = [b.color().getRgb()[:3] for b in data_plot.train_item.data["brush"]]
    assert drawn == want
    assert [b.color().getRgb()[:3] for b in out_plot.train_points.data["brush"]] == want
    model = RowsModel(doc)
    row = int(np.flatnonzero(doc.dataset.labels == 1)[0])
    color = model.data(model.index(row, model.columnCount() - 1), Qt.DecorationRole)
    assert color.getRgb()[:3] == palette.BLUE
    out_plot.detach()


# -- legibility: legends, tick labels, ranges, exported figures -----------------------------
@pytest.fixture
def drawn_labels(monkeypatch):
    """Every tick label pyqtgraph draws from now on: (axis, text, rect in scene coordinates),
    newest drawing of each axis only."""
    import pyqtgraph as pg
    seen: dict = {}
    original = pg.AxisItem.drawPicture

    def record(axis, p, axis_spec, tick_specs, text_specs):
        seen[axis] = [(text, axis.mapRectToScene(rect)) for rect, _flags, text in text_specs]
        original(axis, p, axis_spec, tick_specs, text_specs)

    monkeypatch.setattr(pg.AxisItem, "drawPicture", record)

    def labels(panel):
        """The labels on the visible axes of ``panel``, drawn afresh."""
        seen.clear()
        for axis in _axes(panel):
            axis.picture = None
        panel.graphics.grab()
        return [(axis, text, rect) for axis in _axes(panel) for text, rect in seen.get(axis, [])]

    return labels


def _axes(panel):
    import pyqtgraph as pg
    return [plot.getAxis(side) for plot in panel.graphics.ci.items
            if isinstance(plot, pg.PlotItem) for side in ("left", "bottom", "right")
            if plot.getAxis(side).isVisible()]


def _long_history(doc, epochs: int, layers: int) -> None:
    doc.append_history([{"epoch": k, "train_loss": 1.0 / k, "test_loss": 1.2 / k,
                         "metric": "accuracy", "train_metric": 0.9, "test_metric": 0.8,
                         "grad_mean_abs": [10.0 ** -j for j in range(layers)]}
                        for k in range(1, epochs + 1, 7)])


@pytest.mark.parametrize("size", [(280, 190), (420, 260), (900, 520)])
def test_tick_labels_never_overlap(qtbot, window, drawn_labels, size):
    """At any plot size no two tick labels touch, and long epoch numbers are written short
    ("50k", not "50000": a narrow axis read "1000020000")."""
    from PySide6.QtGui import QFontMetricsF
    _long_history(window.document, 120_000, len(window.document.spec.layers))
    window.training.refresh_views()
    for key, panel in window.plots.items():
        panel.resize(*size)
        panel.graphics.resize(*size)
        panel.changed()
        panel.flush()
        labels = drawn_labels(panel)
        assert len(labels) >= 4, key
        if key == "output":  # the circle's plane, -6 ... 6: negative labels on both axes
            for side in ("left", "bottom"):
                axis = panel.plot.getAxis(side)
                assert any(a is axis and t.startswith("-") for a, t, _r in labels), side
        for i, (axis, text, rect) in enumerate(labels):
            width = QFontMetricsF(axis.style["tickFont"] or axis.font()).horizontalAdvance(text)
            assert rect.width() >= width - 1, (key, text)  # the rect is the text's own
            assert not (text.isdigit() and len(text) >= 5), (key, text)
            for _axis, other, other_rect in labels[i + 1:]:
                assert not rect.intersects(other_rect), (key, size, text, other)


def test_tick_label_text():
    from ui.plots.axes import tick_label
    assert [tick_label(v, 10_000, 30_000) for v in (0, 10_000, 20_000)] == ["0", "10k", "20k"]
    assert [tick_label(v, 2_500, 10_000) for v in (7_500, 10_000)] == ["7.5k", "10.0k"]
    assert [tick_label(v, 5e5, 2e6) for v in (5e5, 1.5e6)] == ["0.5M", "1.5M"]
    assert tick_label(2.5e9, 1e9, 3e9) == "2.5e9"
    assert [tick_label(v, 0.5, 1) for v in (-1, -0.5, 5e-17)] == ["-1.0", "-0.5", "0"]
    assert tick_label(2e-4, 1e-4, 5e-4) == "2e-4"
    assert tick_label(-4, 2, 10) == "-4"  # negative labels stay


def test_legends_lie_outside_the_data(qtbot, window):
    """The loss, activation and weights legends never cover a curve: each sits outside its
    plot's data area, fully in view, with an entry for every curve shown."""
    import pyqtgraph as pg
    ctl = window.training
    with qtbot.waitSignal(ctl.snapshot_applied, timeout=10000):
        ctl.step_epoch()
    window.document.append_history([{"epoch": 2, "train_loss": 0.3, "test_loss": 0.4,
                                     "metric": "accuracy", "train_metric": 0.7,
                                     "test_metric": 0.6}])
    expect = {"loss": 4, "activation": 3, "weights": len(window.document.spec.layers)}
    for key, entries in expect.items():
        panel = window.plots[key]
        for size in ((300, 200), (700, 420)):
            panel.resize(*size)
            panel.graphics.resize(*size)
            panel.changed()
            panel.flush()
            qtbot.wait(1)  # nested graphics layouts settle in posted events
            legend, vb = panel.plot.legend, panel.plot.vb
            shown = [s for s, _label in legend.items if s.isVisible()]
            assert legend.isVisible() and len(shown) == entries, key
            box = legend.sceneBoundingRect()
            assert not box.intersects(vb.sceneBoundingRect()), (key, size)
            view = panel.graphics.mapToScene(panel.graphics.viewport().rect()).boundingRect()
            assert view.contains(box), (key, size)
            for item in panel.plot.listDataItems() + [i for i in vb.addedItems
                                                      if isinstance(i, pg.PlotCurveItem)]:
                x, y = item.getData() if not isinstance(item, pg.PlotCurveItem) else (
                    item.xData, item.yData)
                if x is None or not len(x):
                    continue
                n = min(len(x), len(y))
                points = [vb.mapViewToScene(pg.Point(a, b)) for a, b in zip(x[:n], y[:n],
                                                                            strict=True)]
                assert not any(box.contains(pt) for pt in points), key


def test_exported_figure_is_laid_out_for_print(qtbot, window, tmp_path):
    """An exported plot is a 6.4 x 4 inch figure at 250 dpi: tick labels 2-5 % of its height
    (not enlarged with the dock), the legend's text as large as the tick labels and drawn
    at that scale outside the data, and the dock keeps its own layout afterwards."""
    from PySide6.QtGui import QFontMetricsF, QImage

    from ui.plots.figure import FIGURE_DPI, figure_layout
    panel = window.plots["loss"]
    window.document.append_history([{"epoch": k, "train_loss": 1.0 / k, "test_loss": 1.5 / k,
                                     "metric": "accuracy", "train_metric": 0.5,
                                     "test_metric": 0.4} for k in range(1, 200)])
    panel.flush()
    qtbot.wait(10)  # nested graphics layouts settle in posted events
    before = panel.plot.sceneBoundingRect()
    path = panel.export(tmp_path / "loss.png")
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1600, 1000)
    assert image.dotsPerMeterX() == pytest.approx(FIGURE_DPI / 0.0254, rel=0.01)
    with figure_layout(panel) as rect:
        scale = image.width() / rect.width()
        axis = panel.plot.getAxis("bottom")
        tick = QFontMetricsF(axis.style["tickFont"] or axis.font()).height() * scale
        legend = panel.plot.legend
        _sample, label = legend.items[0]
        text = label.item.boundingRect().height() * scale
        box = legend.sceneBoundingRect()
        vb = panel.plot.vb.sceneBoundingRect()
    assert 0.02 <= tick / image.height() <= 0.05, tick
    assert 0.8 <= text / tick <= 1.6, (text, tick)
    assert not box.intersects(vb)
    # the legend is in the picture at the figure's scale: its swatches carry the curve colours
    x0, y0 = int(box.left() * scale), int(box.top() * scale)
    colors = {image.pixelColor(x, y).getRgb()[:3]
              for x in range(x0, min(int(box.right() * scale), 1600), 2)
              for y in range(y0, min(int(box.bottom() * scale), 1000), 2)}
    assert (8, 119, 189) in colors and (245, 147, 34) in colors
    assert panel.plot.sceneBoundingRect() == before  # the dock's own layout again


def test_output_plot_ranges_follow_the_data(qtbot, window):
    """The output plot shows its data whatever it showed before: the lecture's feature table
    (targets 7..12) after the circle's plane, and a single point with a small range."""
    from simulator.datasets.dataset import Dataset
    doc, out = window.document, window.plots["output"]

    def view():
        window.training.refresh_views()
        out.flush()
        return out.plot.vb.viewRange()

    view()
    assert out.mode == "plane"
    doc.set_data(DataSource(name="features", train_ratio=1.0))
    (x0, x1), (y0, y1) = view()
    assert out.mode == "scatter"
    targets = doc.data.train.Y[:, 0]
    predicted = out.train_points.getData()[1]
    assert x0 <= targets.min() and targets.max() <= x1  # every point visible
    assert y0 <= predicted.min() and predicted.max() <= y1
    assert x1 - x0 <= 1.5 * (max(targets.max(), predicted.max())
                             - min(targets.min(), predicted.min()))
    one = Dataset(np.array([[3.0, 4.0]]), np.array([[1.0]]), ("x1", "x2"), ("y",),
                  "regression", "one")
    doc.set_data(DataSource(kind="imported", name="one", train_ratio=1.0), one)
    (x0, x1), (y0, y1) = view()
    assert out.mode == "plane"
    assert x0 < 3.0 < x1 and y0 < 4.0 < y1
    assert 0.5 <= x1 - x0 <= 5 and 0.5 <= y1 - y0 <= 5  # not ±20 000, not zero


def test_data_range():
    from ui.plots.axes import data_range
    assert data_range([0.0, 10.0]) == pytest.approx((-0.5, 10.5))
    assert data_range([3.0], [3.0 + 1e-9]) == pytest.approx((2.5, 3.5), abs=1e-6)
    assert data_range([20_000.0]) == pytest.approx((18_000.0, 22_000.0))
    assert data_range([np.nan], []) == (0.0, 1.0)


def test_loss_legend_lists_only_the_curves_drawn(qtbot):
    """Without a test set (XOR trains on all four rows) the legend names no test curves."""
    from ui.plots import LossPlot
    doc = Document()
    plot = LossPlot(doc)
    qtbot.addWidget(plot)
    plot.show()
    doc.append_history([{"epoch": k, "train_loss": 1.0 / k, "metric": "accuracy",
                         "train_metric": 0.5} for k in range(1, 5)])
    plot.flush()
    shown = [label.text for sample, label in plot.legend.items if sample.isVisible()]
    assert shown == ["Train loss", "Train accuracy"]
    plot.show_metric.setChecked(False)
    plot.flush()
    assert [label.text for sample, label in plot.legend.items if sample.isVisible()] == [
        "Train loss"]


def test_confusion_matrix_names_every_column(qtbot, drawn_labels):
    """Under a narrow matrix the class names are cut short, not dropped."""
    from ui.plots import OutputPlot
    doc = Document(data_source=DataSource(name="iris", train_ratio=0.7))
    plot = OutputPlot(doc)
    qtbot.addWidget(plot)
    plot.resize(400, 250)
    plot.show()
    doc.inspector.refresh()
    plot.flush()
    qtbot.wait(20)  # the axes settle their width in posted layout events
    plot.changed()
    plot.flush()
    bottom = [text for axis, text, _rect in drawn_labels(plot)
              if axis is plot.plot.getAxis("bottom")]
    plot.detach()
    names = doc.dataset.class_names
    assert len(bottom) == len(names)
    assert all(name.startswith(text.rstrip("…")) for text, name in zip(bottom, names,
                                                                      strict=True))
