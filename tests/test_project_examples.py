"""The example projects in resources/examples: all open, train, and match their script."""

from __future__ import annotations

import importlib.util
import re
import sys

import pytest

import resources
from simulator.project import load_project
from simulator.trainer import Trainer

FOLDER = resources.path("examples")
REQUIRED = ["xor", "perceptron-and", "circle", "spiral", "iris", "vanishing-gradient"]
HANGUL = re.compile("[\uac00-\ud7a3]")


def _make_examples():
    spec = importlib.util.spec_from_file_location("make_examples", FOLDER / "make_examples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_every_required_example_exists():
    names = sorted(p.stem for p in FOLDER.glob("*.annproj"))
    assert sorted(REQUIRED) == names


@pytest.mark.parametrize("name", REQUIRED)
def test_example_opens_and_trains(name):
    project = load_project(FOLDER / f"{name}.annproj")
    assert project.title and HANGUL.search(project.title)
    assert len(project.description) > 80 and HANGUL.search(project.description)
    doc = project.to_document()
    assert not doc.dirty and doc.title == project.title
    net = doc.build_network()
    trainer = Trainer.from_settings(net, doc.settings)
    stats = trainer.fit(doc.data.train.X, doc.data.train.Y, epochs=2)
    assert stats[-1].epoch == 2 and stats[-1].status == "ok"


def test_circle_is_tensorflow_playgrounds_default():
    p = load_project(FOLDER / "circle.annproj")
    assert p.data_source.name == "circle" and p.data_source.kind == "builtin"
    assert p.data_source.params == {"n_points": 500, "noise": 0.0, "seed": 0}
    assert p.data_source.train_ratio == 0.5
    assert p.spec.sizes == [2, 4, 2, 1]
    assert [lay.activation for lay in p.spec.layers] == ["tanh"] * 3
    s = p.settings
    assert (s.loss, s.optimizer, s.learning_rate, s.batch_size) == ("mse", "sgd", 0.03, 10)
    assert s.regularization == "none"
    assert len(p.to_document().dataset) == 500


def test_perceptron_and_vanishing_gradient_are_what_they_say():
    p = load_project(FOLDER / "perceptron-and.annproj")
    assert p.settings.optimizer == "perceptron" and p.spec.sizes == [2, 1]
    assert p.spec.layers[0].activation == "step" and p.data_source.name == "and"
    v = load_project(FOLDER / "vanishing-gradient.annproj")
    hidden = v.spec.layers[:-1]
    assert len(hidden) == 8 and all(lay.activation == "sigmoid" for lay in hidden)


def test_committed_examples_match_the_script(tmp_path):
    """Rebuilding gives the same bytes: the files are current and reproducible."""
    _make_examples().main(tmp_path)
    for name in REQUIRED:
        assert (tmp_path / f"{name}.annproj").read_bytes() == \
            (FOLDER / f"{name}.annproj").read_bytes(), f"{name}: run make_examples.py"
