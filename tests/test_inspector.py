"""The Qt-free plot data (simulator/inspector.py) and palette (simulator/palette.py)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from simulator import palette
from simulator.document import Document
from simulator.inspector import (
    GRID,
    MIN_GRID,
    NEURON_STRIDE,
    SHOWN_NEURONS,
    compute_views,
    grid_side,
    layer_outputs,
    plot_points,
    plotted_targets,
)
from simulator.settings import DataSource
from simulator.stats import accuracy


def test_palette_orders_classes_like_the_ramp():
    """Class 0 is the colour of low outputs, class 1 of high ones (the Playground's)."""
    assert palette.class_rgb(0) == palette.ORANGE == tuple(palette.ramp(-1.0))
    assert palette.class_rgb(1) == palette.BLUE == tuple(palette.ramp(1.0))
    assert tuple(palette.ramp(0.0)) == palette.NEUTRAL
    assert tuple(palette.ramp(7.0)) == palette.BLUE  # clipped
    half = palette.ramp(0.5).astype(int)
    assert np.all(half == np.round((np.array(palette.NEUTRAL) + palette.BLUE) / 2))
    assert np.array_equal(palette.RAMP_LUT[[0, 255]], palette.ramp([-1.0, 1.0]))
    assert tuple(palette.ramp(np.nan)) == palette.NEUTRAL  # never a crash on a NaN
    assert palette.class_rgbs([0, 1, 11]).tolist() == [list(palette.ORANGE),
                                                       list(palette.BLUE),
                                                       list(palette.class_rgb(1))]


def test_engine_modules_stay_qt_free():
    code = ("import sys, simulator.inspector, simulator.palette, simulator.document; "
            "sys.exit('PySide6' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_one_forward_pass_gives_the_output_and_every_neurons_grid():
    doc = Document(data_source=DataSource(name="circle"))  # Playground's 2-4-2-1
    net = doc.build_network()
    sample, extent = plot_points(doc)
    v = compute_views(net, sample, extent)
    assert v.grid_output.shape == (1, GRID, GRID) == (1, 100, 100)
    side = -(-GRID // NEURON_STRIDE)
    assert [g.shape for g in v.neuron_grids] == [(n, side, side) for n in doc.spec.sizes]
    s = NEURON_STRIDE
    xx, yy = np.meshgrid(v.grid_x, v.grid_y)
    assert np.allclose(v.neuron_grids[0][0], xx[::s, ::s]) and \
        np.allclose(v.neuron_grids[0][1], yy[::s, ::s])  # the inputs: [k, iy, ix]
    assert np.array_equal(v.neuron_grids[-1][0], v.grid_output[0, ::s, ::s])
    pts = np.column_stack([xx.ravel(), yy.ravel()]).astype(np.float32)
    for h, trace in zip(layer_outputs(net, pts), net.forward(pts), strict=True):
        assert np.array_equal(h, trace.H)  # the engine's own numbers, to the last digit
    point = np.array([[v.grid_x[4], v.grid_y[2]]], dtype=np.float32)
    assert v.grid_output[0, 2, 4] == pytest.approx(float(net.predict(point)[0, 0]), abs=1e-6)


def test_grid_stays_cheap_for_big_networks():
    assert grid_side([2, 4, 2, 1]) == GRID and grid_side([2] + [8] * 6 + [1]) == GRID
    big = grid_side([2, 1024, 1024, 1])
    assert MIN_GRID <= big < GRID
    doc = Document(spec={"inputs": 2, "layers": [{"units": 40, "activation": "relu"},
                                                 {"units": 1, "activation": "tanh"}]},
                   data_source=DataSource(name="xor"))
    v = compute_views(doc.build_network(), *plot_points(doc))
    assert v.neuron_grids[1].shape[0] == SHOWN_NEURONS  # only the neurons the canvas draws


def test_inspector_labels_views_once_for_every_view():
    doc = Document(data_source=DataSource(name="iris", train_ratio=0.7))
    seen = []
    doc.inspector.changed.connect(seen.append)
    doc.inspector.refresh()
    v = doc.inspector.views
    assert seen == [v] and v.task == "classification"
    assert v.threshold is None  # three classes: the largest output wins
    Y = plotted_targets(doc.data)[: len(v.predictions)]
    m = v.confusion
    assert m.shape == (3, 3) and m.sum(axis=1).tolist() == Y.sum(axis=0).astype(int).tolist()
    assert np.trace(m) / m.sum() == pytest.approx(accuracy(v.predictions, Y))
    # one output column: the trainer's threshold, and it is the neutral point of the colours
    doc2 = Document(data_source=DataSource(name="xor"))
    doc2.inspector.refresh()
    v2 = doc2.inspector.views
    assert v2.threshold == 0.5 and v2.output_scale == (0.5, 0.5)
    assert v2.confusion.shape == (2, 2)
    assert np.trace(v2.confusion) / v2.confusion.sum() == pytest.approx(
        accuracy(v2.predictions, plotted_targets(doc2.data)[: len(v2.predictions)], 0.5))


def test_regression_colours_center_on_zero():
    doc = Document(data_source=DataSource(name="plane"))
    doc.inspector.refresh()
    v = doc.inspector.views
    Y = plotted_targets(doc.data)
    assert v.threshold is None and v.confusion is None
    assert v.output_scale == (0.0, pytest.approx(float(np.abs(Y).max())))


def test_views_of_other_data_are_forgotten():
    """Views labelled with the old targets (3 classes) must not colour the new data."""
    doc = Document(data_source=DataSource(name="iris", train_ratio=0.7))
    doc.inspector.refresh()
    doc.replace_with(Document(data_source=DataSource(name="xor")))
    assert doc.inspector.views is None
    doc.inspector.refresh()
    assert doc.inspector.views.threshold == 0.5
    doc.set_data(DataSource(name="plane"))
    assert doc.inspector.views is None


@pytest.mark.parametrize("acts", [("relu", "sigmoid", "softmax"), ("gelu", "elu", "linear")])
def test_grid_pass_equals_the_engines_forward(acts):
    from simulator.network import Network
    spec = {"inputs": 2, "layers": [{"units": 5, "activation": acts[0]},
                                    {"units": 3, "activation": acts[1]},
                                    {"units": 3, "activation": acts[2]}]}
    net = Network.from_spec(spec, seed=3, dtype="float32")
    X = np.random.default_rng(0).normal(size=(333, 2)).astype(np.float32)
    for h, trace in zip(layer_outputs(net, X), net.forward(X), strict=True):
        assert np.array_equal(h, trace.H)
