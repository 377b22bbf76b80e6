"""Engine messages in the interface language.

The engine (``simulator``) writes its error messages in English, with names and numbers
filled in. The fixed ones a student meets in dialogs are listed here as templates; a
message line that matches one is rebuilt from the template's translation (the .ts
catalog), with the filled-in parts translated again (they may be engine messages
themselves) or kept as they are. Lines that match nothing stay in English.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    """Marks an engine template for the catalog (``python -m ui.i18n`` collects it)."""
    return text


TEMPLATES = (
    _tr("'{0}' is not a project file: not a zip archive"),
    _tr("'{0}' is not a project file: not a zip archive (it looks like JSON; a project is "
        "a .annproj zip file)"),
    _tr("'{0}' does not exist"),
    _tr("'{0}' is a folder, not a project file"),
    _tr("'{0}' is empty (0 bytes); it is not a project file"),
    _tr("'{0}' is damaged or truncated ({1})"),
    _tr("'{0}' has no project.json; it is not a project file"),
    _tr("'{0}' is not an ANN Simulator project (format is {1}, expected {2})"),
    _tr("'{0}' was saved by a newer ANN Simulator (format version {1}; this one reads up "
        "to {2}); please update"),
    _tr("the project cannot be opened: {0}"),
    _tr("{0}: cannot read the lesson: {1}"),
    _tr("{0}: field '{1}': missing"),
    _tr("{0}: field '{1}': {2}"),
    _tr("backend 'cupy' is unavailable: {0}"),
    _tr("CuPy is installed but no CUDA device is usable ({0})"),
)
_MAX_DEPTH = 3


def _pattern(template: str) -> re.Pattern:
    parts = re.split(r"\{(\d)\}", template)
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<g{p}>.+?)"
                    for i, p in enumerate(parts))
    return re.compile(regex, re.DOTALL)


_PATTERNS = [(t, _pattern(t)) for t in TEMPLATES]


def translate(message: str, depth: int = 0) -> str:
    """``message`` with each line that matches a template in the interface language."""
    return "\n".join(_line(line, depth) for line in str(message).split("\n"))


def _line(line: str, depth: int) -> str:
    if depth >= _MAX_DEPTH:
        return line
    for template, pattern in _PATTERNS:
        m = pattern.fullmatch(line)
        if m is None:
            continue
        translated = QCoreApplication.translate("Engine", template)
        if translated == template:
            return line  # no translation installed (English interface)
        groups = m.groupdict()
        return translated.format(*(_line(groups.get(f"g{i}", ""), depth + 1)
                                   for i in range(len(groups))))
    return line
