"""Best and worst grid runs and their decision boundaries: the ranking, and each run's
grid equal to the last bit to the inspector's grid for a document holding its weights."""

from __future__ import annotations

import math

import numpy as np
import pytest

from simulator.document import Document
from simulator.experiments import Grid, GridData, RunConfig, RunResult, ranked, run_one
from simulator.experiments.boundaries import Plane, best_and_worst, boundary
from simulator.palette import plane_rgb
from simulator.settings import DataSource
from simulator.spec import NetworkSpec


def run_grid(doc, **axes):
    data = GridData.from_document(doc)
    grid = Grid(**{"hidden": [(3,), (4, 2)], "learning_rate": [0.03, 0.3], "epochs": 30,
                   **axes})
    return data, [run_one(c, data) for c in grid.expand(data.settings,
                                                          data.hidden_activation)]


def inspector_views(doc, result):
    """The Output plot's data for a copy of ``doc`` holding the run's network and weights."""
    c = result.config
    doc.set_settings(learning_rate=c.learning_rate, seed=c.seed)
    doc.set_spec(NetworkSpec.coerce(c.network_spec(doc.spec.to_dict())), result.weights)
    doc.inspector.refresh()
    return doc.inspector.views


@pytest.mark.parametrize("source", [DataSource(), DataSource(name="xor", features=[
    "x1", "x2", "x1*x2", "sin(x1)"])], ids=["circle", "xor-features"])
def test_a_runs_boundary_is_the_inspectors_grid_for_its_weights(source):
    doc = Document(data_source=source)
    data, results = run_grid(doc)
    plane = Plane.from_document(doc)
    assert plane is not None and plane.points.shape[1] == 2
    best, worst = best_and_worst(results, "test_loss")
    assert best.test_loss == min(r.test_loss for r in results)
    assert worst.test_loss == max(r.test_loss for r in results)
    for run in (best, worst):
        b = boundary(run, data, plane)
        views = inspector_views(Document(data_source=source), run)
        assert b.output.tobytes() == views.grid_output.tobytes()  # bitwise
        assert np.array_equal(b.grid_x, views.grid_x) and np.array_equal(b.grid_y, views.grid_y)
        assert np.array_equal(b.rgb, plane_rgb(views.grid_output, views.output_scale))
    # the best boundary separates: orange (class 0) where its output is well below 0.5
    b = boundary(best, data, plane)
    assert plane.scale == (0.5, 0.5)
    low, high = b.output[0] < 0.1, b.output[0] > 0.9
    assert low.any() and high.any()
    assert (b.rgb[low][:, 0] > b.rgb[low][:, 2]).all()   # more red than blue: orange side
    assert (b.rgb[high][:, 2] > b.rgb[high][:, 0]).all()  # blue side


def test_the_training_points_keep_their_class_colours():
    doc = Document()
    plane = Plane.from_document(doc)
    y = doc.data.train.Y[:, 0]
    assert np.array_equal(plane.points, doc.data.train.X)
    assert (plane.point_colors[y == 0] == (245, 147, 34)).all()
    assert (plane.point_colors[y == 1] == (8, 119, 189)).all()


def test_data_without_an_input_plane_has_no_boundaries():
    assert Plane.from_document(Document(data_source=DataSource(name="features"))) is None


def result(index, test_loss, test_metric=None, status="ok", train_loss=0.5):
    config = RunConfig(index, (2,), "tanh", 0.1, 4, "sgd", index, 10)
    return RunResult(config, status, train_loss=train_loss, test_loss=test_loss,
                     test_metric=test_metric, weights=[])


def test_ranking_lower_loss_first_higher_accuracy_first_failed_and_nan_out():
    runs = [result(0, 0.3, 0.7), result(1, 0.1, 0.9), result(2, math.nan, 0.5),
            result(3, 0.05, 1.0, status="error"), result(4, 0.2, 0.6)]
    assert [r.config.index for r in ranked(runs, "test_loss")] == [1, 4, 0, 2]
    assert [r.config.index for r in ranked(runs, "test_metric")] == [1, 0, 4, 2]
    # no test split: the train loss ranks
    runs = [result(0, None, train_loss=0.4), result(1, None, train_loss=0.2)]
    assert [r.config.index for r in ranked(runs, "test_loss")] == [1, 0]
    # runs read back from a file have no weights: nothing to draw
    runs[0].weights = runs[1].weights = None
    assert best_and_worst(runs) is None
    assert best_and_worst([]) is None
