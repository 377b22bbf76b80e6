"""Lesson files (simulator/lessons.py, resources/lessons): every lesson loads and trains,
bad files are refused with a message naming the field, and the files match their script."""

from __future__ import annotations

import importlib.util
import json
import re
import sys

import numpy as np
import pytest

import resources
from simulator.errors import ProjectError
from simulator.lessons import (
    Lesson,
    Question,
    in_language,
    lesson_from_dict,
    load_lesson,
    load_lessons,
    save_lesson,
)
from simulator.project import load_project
from simulator.trainer import Trainer

FOLDER = resources.path("lessons")
HANGUL = re.compile("[\uac00-\ud7a3]")
LESSONS = load_lessons(FOLDER)


def test_one_lesson_per_lecture_topic_in_order():
    assert [lesson.order for lesson in LESSONS] == list(range(1, 12))
    assert "AND" in LESSONS[0].title["en"] and "XOR" in LESSONS[1].title["en"]
    assert "GPU" in LESSONS[10].title["en"]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.path.stem)
def test_lesson_loads_and_its_project_trains(lesson):
    for texts in (lesson.title, lesson.text, *[q.question for q in lesson.questions],
                  *[q.answer for q in lesson.questions]):
        assert HANGUL.search(texts["ko"]) and not HANGUL.search(texts["en"])
    assert 1 <= len(lesson.questions) <= 3
    assert set(lesson.open).isdisjoint(lesson.tuck)
    doc = lesson.document()
    assert doc.settings.epochs_per_second == lesson.speed
    net = doc.build_network()
    stats = Trainer.from_settings(net, doc.settings).fit(doc.data.train.X, doc.data.train.Y,
                                                         epochs=3)
    assert stats[-1].epoch == 3 and stats[-1].status == "ok"
    assert np.isfinite(stats[-1].train_loss)


def test_slow_motion_where_the_first_epochs_matter():
    by_order = {lesson.order: lesson for lesson in LESSONS}
    assert 0 < by_order[1].speed <= 5  # the perceptron's few epochs are seen one by one
    assert 0 < by_order[5].speed <= 2  # one epoch, step by step


def test_the_gpu_lesson_says_there_is_no_gpu_measurement():
    gpu = LESSONS[10]
    assert "No GPU measurement exists yet" in gpu.text["en"]
    assert "1 108" in gpu.text["en"] and "1 108" in gpu.text["ko"]  # docs/benchmarks.md
    assert "1 108 epochs/s" in resources.ROOT.parent.joinpath("docs", "benchmarks.md") \
        .read_text(encoding="utf-8").replace("**", "")


def test_the_shallow_lesson_data_is_the_lectures_linear_model():
    doc = LESSONS[9].document()
    X, y = doc.dataset.X, doc.dataset.Y[:, 0]
    coef = np.linalg.lstsq(np.c_[X, np.ones(len(X))], y, rcond=None)[0]
    assert coef[:2] == pytest.approx([0.2, 0.8], abs=0.01)
    assert doc.dataset.feature_names == ("x1", "x2")


def test_files_match_their_script(tmp_path):
    spec = importlib.util.spec_from_file_location("make_lessons", FOLDER / "make_lessons.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for path in sorted(tmp_path.iterdir()):
        assert path.read_bytes() == (FOLDER / path.name).read_bytes(), path.name


def _good() -> dict:
    return json.loads((FOLDER / "01-perceptron.lesson.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("change", "field"), [
    (lambda d: d.pop("speed"), "'speed': missing"),
    (lambda d: d.update(speed=-1), "'speed'"),
    (lambda d: d.update(speed="fast"), "'speed'"),
    (lambda d: d.update(questions=[]), "'questions'"),
    (lambda d: d.update(questions=d["questions"] * 2), "'questions'"),
    (lambda d: d["questions"][1]["answer"].update(ko=""), "'questions[1].answer.ko'"),
    (lambda d: d["questions"][0].pop("answer"), "'questions[0]'"),
    (lambda d: d["title"].update(fr="Bonjour"), "'title'"),
    (lambda d: d.update(project="../../etc/x.annproj"), "'project'"),
    (lambda d: d.update(project=3), "'project'"),
    (lambda d: d.update(open="data"), "'open'"),
    (lambda d: d.update(format="something"), "'format'"),
    (lambda d: d.update(version=99), "'version'"),
    (lambda d: d.update(colour="red"), "'colour': unknown field"),
])
def test_bad_lesson_names_the_field(tmp_path, change, field):
    d = _good()
    change(d)
    path = tmp_path / "bad.lesson.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        load_lesson(path)
    assert f"bad.lesson.json: field {field}" in str(info.value)


def test_unreadable_lesson_and_missing_project(tmp_path):
    path = tmp_path / "broken.lesson.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ProjectError, match="broken.lesson.json: cannot read"):
        load_lesson(path)
    d = _good() | {"project": "gone.annproj"}
    path.write_text(json.dumps(d), encoding="utf-8")
    lesson = load_lesson(path)  # the file itself is fine ...
    with pytest.raises(ProjectError, match="broken.lesson.json: field 'project'"):
        lesson.document()  # ... its project is not: nothing half-opened


def test_embedded_project_and_bad_embedded_settings():
    d = _good() | {"project": {"spec": {"inputs": 2, "layers": [{"units": 1,
                                                                 "activation": "sigmoid"}]},
                               "settings": {"learning_rate": 0.5},
                               "data_source": {"name": "or", "train_ratio": 1.0}}}
    doc = lesson_from_dict(d, "emb").document()
    assert doc.settings.learning_rate == 0.5 and doc.data_source.name == "or"
    assert doc.settings.epochs_per_second == 2.0
    d["project"]["settings"] = {"learning_rate": -1.0}
    with pytest.raises(ProjectError, match="emb: field 'project': learning rate"):
        lesson_from_dict(d, "emb").document()


def test_save_and_reload_a_lesson_with_its_project(tmp_path):
    project = load_project(FOLDER / "02-xor.annproj")
    lesson = Lesson(order=50, title={"en": "Mine"}, text={"ko": "나의 수업"}, project="",
                    open=("plot-loss",), tuck=("data",), speed=3.0,
                    questions=(Question({"en": "Why?"}, {"en": "Because."}),),
                    hide=("optimizer",))
    path = save_lesson(lesson, tmp_path / "mine", project)
    assert path.name == "mine.lesson.json" and (tmp_path / "mine.annproj").exists()
    back = load_lesson(path)
    assert back.hide == ("optimizer",) and back.project == "mine.annproj"
    assert in_language(back.title, "ko") == "Mine"  # the other language stands in
    assert back.document().spec.sizes == project.spec.sizes


def _train(order: int, epochs: int, **changes):
    doc = next(x for x in LESSONS if x.order == order).document()
    if changes:
        doc.set_settings(**changes)
    net, d = doc.build_network(), doc.data
    test = (d.test.X, d.test.Y) if len(d.test) else (None, None)
    stats = Trainer.from_settings(net, doc.settings).fit(d.train.X, d.train.Y, epochs, *test)
    return stats, net


def test_lessons_show_what_their_texts_say():
    """What each text tells the student to look for really happens (engine, seconds)."""
    stats, _ = _train(1, 40)  # the perceptron finds AND's line within a few epochs
    assert next(s.epoch for s in stats if s.train_loss == 0.0) <= 10
    stats, _ = _train(2, 1000)  # no hidden layer: XOR stalls near 0.25
    assert stats[-1].train_loss == pytest.approx(0.25, abs=0.01)
    slow, _ = _train(6, 10)
    fast, _ = _train(6, 10, learning_rate=0.03)
    assert slow[-1].train_loss > 0.9 * slow[0].train_loss  # 0.0001: barely moves
    assert fast[-1].train_loss < 0.2 * fast[0].train_loss
    big, _ = _train(6, 10, learning_rate=3.0)
    assert big[-1].status == "diverged" and big[-1].epoch <= 2
    stats, _ = _train(7, 600)  # overfitting: test loss turns back up, training loss falls
    test = [s.test_loss for s in stats]
    assert test[-1] > 1.3 * min(test) and stats[-1].train_loss < 0.1 * min(test)
    stats, _ = _train(9, 3)  # vanishing gradient: first layer far below the last
    grads = stats[-1].grad_mean_abs
    assert grads[0] < 1e-3 * grads[-1]
    _, net = _train(10, 500)  # the linear model's weights read 0.2 and 0.8
    np.testing.assert_allclose(net.get_weights()[0][0].ravel(), [0.2, 0.8], atol=0.02)
