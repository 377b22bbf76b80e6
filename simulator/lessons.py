"""Lessons: one lecture topic each, as plain data (Qt-free).

A lesson file (``*.lesson.json``, UTF-8 JSON) holds

    format, version   "ann-sim-lesson", 1
    order             position in the Lessons list (int)
    title, text       {"ko": ..., "en": ...}: what to do, what to look at, the formula
    project           the prepared project: a file name of an .annproj in the lesson's
                      folder, or an object {"spec", "settings", "data_source"} (embedded)
    open, tuck        dock keys to show / to tuck away (a key this version of the app does
                      not have is named as "not available yet", never an error)
    speed             epochs per second while training (0 = as fast as possible); slow
                      motion where the first epochs matter
    questions         1-3 of {"question": {...}, "answer": {...}}, the answer shown on click
    hide              (optional) control keys an instructor hid (classroom mode)

It is read and checked completely before anything uses it, like a project file: every
problem raises :class:`~simulator.errors.ProjectError` whose message names the file and
the field (``lesson-02.lesson.json: field 'questions[1].answer': ...``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import atomic
from .errors import ProjectError, SimulatorError
from .project import SUFFIX as PROJECT_SUFFIX
from .project import Project, load_project, save_project
from .settings import DataSource, TrainingSettings

FORMAT_NAME = "ann-sim-lesson"
FORMAT_VERSION = 1
SUFFIX = ".lesson.json"
LANGUAGES = ("ko", "en")
MAX_QUESTIONS = 3
MAX_BYTES = 1024**2  # a lesson is a page of text, not a data set
MAX_TEXT = 20_000
REQUIRED = ("format", "version", "order", "title", "text", "project", "open", "tuck", "speed",
            "questions")
OPTIONAL = ("hide",)
EMBEDDED = ("spec", "settings", "data_source")


@dataclass(frozen=True)
class Question:
    #: {"ko": ..., "en": ...}
    question: dict
    answer: dict


@dataclass(frozen=True)
class Lesson:
    """One lesson, checked. ``project`` is a file name (in ``folder``) or an embedded dict."""

    order: int
    title: dict
    text: dict
    project: str | dict
    open: tuple[str, ...]
    tuck: tuple[str, ...]
    speed: float
    questions: tuple[Question, ...]
    hide: tuple[str, ...] = ()
    #: Where the lesson was read from (None for one built in memory).
    path: Path | None = field(default=None, compare=False)
    #: How messages name the lesson (its file name).
    name: str = field(default="lesson", compare=False)

    def load_project(self) -> Project:
        """The lesson's project, read and checked (ProjectError naming the lesson)."""
        where = self.name
        if isinstance(self.project, dict):
            return _embedded(self.project, where)
        folder = self.path.parent if self.path else Path.cwd()
        try:
            return load_project(folder / self.project)
        except SimulatorError as exc:
            raise ProjectError(f"{where}: field 'project': {exc}") from exc

    def document(self):
        """A new Document of the lesson's project, its speed set (all-or-nothing: raises
        ProjectError before anything else changes)."""
        project = self.load_project()
        project = replace(project, settings=replace(project.settings,
                                                    epochs_per_second=float(self.speed)))
        doc = project.to_document()
        doc.title = doc.title or in_language(self.title, "en")
        return doc

    def to_dict(self) -> dict:
        return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "order": self.order,
                "title": dict(self.title), "text": dict(self.text), "project": self.project,
                "open": list(self.open), "tuck": list(self.tuck), "speed": self.speed,
                "questions": [{"question": dict(q.question), "answer": dict(q.answer)}
                              for q in self.questions],
                **({"hide": list(self.hide)} if self.hide else {})}


def in_language(texts: dict, lang: str) -> str:
    """``texts[lang]``, else the other language's text (both are optional per language)."""
    return texts.get(lang) or next((texts[k] for k in LANGUAGES if texts.get(k)), "")


# -- reading -----------------------------------------------------------------------------------
def load_lesson(path: str | Path) -> Lesson:
    """Read and check one lesson file; every problem is a ProjectError naming the field."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ProjectError(f"{path.name}: {size} bytes, more than a lesson can be "
                               f"({MAX_BYTES})")
        raw = json.loads(path.read_bytes().decode("utf-8"))
    except ProjectError:
        raise
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ProjectError(f"{path.name}: cannot read the lesson: {exc}") from exc
    lesson = lesson_from_dict(raw, path.name)
    return replace(lesson, path=path)


def lesson_from_dict(d, where: str = "lesson") -> Lesson:
    """Check a lesson given as a dict (see the module docstring)."""
    def bad(name: str, why: str):
        return ProjectError(f"{where}: field '{name}': {why}")

    if not isinstance(d, dict):
        raise ProjectError(f"{where}: a lesson must be a JSON object")
    missing = [k for k in REQUIRED if k not in d]
    if missing:
        raise bad(missing[0], "missing")
    unknown = sorted(set(d) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise bad(unknown[0], f"unknown field (known: {', '.join(REQUIRED + OPTIONAL)})")
    if d["format"] != FORMAT_NAME:
        raise bad("format", f"must be '{FORMAT_NAME}', got {d['format']!r}")
    if d["version"] != FORMAT_VERSION:
        raise bad("version", f"this app reads version {FORMAT_VERSION}, got {d['version']!r}")
    if not isinstance(d["order"], int) or isinstance(d["order"], bool):
        raise bad("order", f"must be a whole number, got {d['order']!r}")
    speed = d["speed"]
    if isinstance(speed, bool) or not isinstance(speed, (int, float)) or \
            not math.isfinite(speed) or speed < 0:
        raise bad("speed", f"must be a number of epochs per second >= 0, got {speed!r}")
    questions = d["questions"]
    if not isinstance(questions, list) or not 1 <= len(questions) <= MAX_QUESTIONS:
        raise bad("questions", f"must be a list of 1 to {MAX_QUESTIONS} questions")
    checked = []
    for i, q in enumerate(questions):
        if not isinstance(q, dict) or set(q) != {"question", "answer"}:
            raise bad(f"questions[{i}]", "must be an object with 'question' and 'answer'")
        checked.append(Question(*(_texts(q[k], f"questions[{i}].{k}", bad)
                                  for k in ("question", "answer"))))
    project = d["project"]
    if isinstance(project, str):
        if not project.endswith(PROJECT_SUFFIX) or Path(project).name != project:
            raise bad("project", f"must be a {PROJECT_SUFFIX} file name in the lesson's folder "
                                 f"(no folders), got {project!r}")
    elif isinstance(project, dict):
        if set(project) != set(EMBEDDED):
            raise bad("project", f"an embedded project has exactly {', '.join(EMBEDDED)}")
    else:
        raise bad("project", "must be a file name or an object")
    return Lesson(order=d["order"], title=_texts(d["title"], "title", bad),
                  text=_texts(d["text"], "text", bad), project=project,
                  open=_keys(d["open"], "open", bad), tuck=_keys(d["tuck"], "tuck", bad),
                  speed=float(speed), questions=tuple(checked),
                  hide=_keys(d.get("hide", []), "hide", bad), name=where)


def _texts(value, name: str, bad) -> dict:
    if not isinstance(value, dict) or not value:
        raise bad(name, f"must be an object of texts per language ({', '.join(LANGUAGES)})")
    for lang, text in value.items():
        if lang not in LANGUAGES:
            raise bad(name, f"unknown language {lang!r} (known: {', '.join(LANGUAGES)})")
        if not isinstance(text, str) or not text.strip():
            raise bad(f"{name}.{lang}", "must be a non-empty text")
        if len(text) > MAX_TEXT:
            raise bad(f"{name}.{lang}", f"longer than {MAX_TEXT} characters")
    return dict(value)


def _keys(value, name: str, bad) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(k, str) and k for k in value):
        raise bad(name, "must be a list of names")
    return tuple(value)


def _embedded(d: dict, where: str) -> Project:
    from .document import Document
    try:
        doc = Document(d["spec"], TrainingSettings.from_dict(d["settings"]),
                       DataSource.from_dict(d["data_source"]))
    except SimulatorError as exc:
        raise ProjectError(f"{where}: field 'project': {exc}") from exc
    return Project.from_document(doc)


def lesson_files(folder: str | Path) -> list[Path]:
    return sorted(Path(folder).glob(f"*{SUFFIX}"))


def load_lessons(folder: str | Path) -> list[Lesson]:
    """Every lesson in ``folder``, by ``order``; the first bad file raises ProjectError."""
    return sorted((load_lesson(p) for p in lesson_files(folder)), key=lambda x: x.order)


# -- writing (classroom mode) ----------------------------------------------------------------
def save_lesson(lesson: Lesson, path: str | Path, project: Project | None = None) -> Path:
    """Write ``lesson`` to ``path`` (``*.lesson.json``) atomically; with ``project`` also
    its .annproj beside it (the lesson then names that file). Returns the lesson's path."""
    path = Path(path)
    if not path.name.endswith(SUFFIX):
        path = path.with_name(path.name.removesuffix(".json") + SUFFIX)
    if project is not None:
        name = path.name.removesuffix(SUFFIX) + PROJECT_SUFFIX
        save_project(project, path.with_name(name))
        lesson = replace(lesson, project=name)
    lesson_from_dict(lesson.to_dict(), path.name)  # never write what could not be read back
    text = json.dumps(lesson.to_dict(), ensure_ascii=False, indent=2) + "\n"
    atomic.write_bytes(path, text.encode("utf-8"))
    return path
