"""Interface language.

Translations live in ``resources/translations/ann_sim_ko.ts`` (Qt Linguist's XML,
editable with ``pyside6-linguist``). They are looked up by source text alone:
PySide code calls ``tr()`` from many places (``self.tr``, ``window.tr``, module
helpers around ``QCoreApplication.translate``) whose contexts ``lupdate`` cannot
always tell, so one English string has one Korean translation everywhere.

``python -m ui.i18n`` (or ``make translations``) adds new source strings to the
.ts file, keeping the existing translations.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

import resources

TS_FILE = resources.path("translations", "ann_sim_ko.ts")
UI_ROOT = Path(__file__).resolve().parent
#: Call names whose first string literal is a translatable source text.
TR_NAMES = {"tr", "_tr", "_t"}


class CatalogTranslator(QTranslator):
    """A QTranslator answering from a {source: translation} dict, whatever the context."""

    def __init__(self, catalog: dict[str, str], parent=None):
        super().__init__(parent)
        self._catalog = catalog

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return self._catalog.get(source)  # None: not ours, Qt keeps the source text

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return not self._catalog


def load_catalog(path: Path = TS_FILE) -> dict[str, str]:
    """Finished translations of a .ts file, by source text."""
    if not Path(path).exists():
        return {}
    catalog = {}
    for message in ET.parse(path).getroot().iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        if source and translation is not None and translation.text and \
                translation.get("type") not in ("unfinished", "obsolete", "vanished"):
            catalog[source] = translation.text
    return catalog


def wants_korean(lang: str) -> bool:
    return lang == "ko" or (lang == "auto" and QLocale().language() == QLocale.Korean)


_installed = {"lang": "en"}


def saved_language(lang: str = "auto") -> str:
    """``lang`` unless "auto": then the one chosen in View > Language, else "auto"."""
    if lang != "auto":
        return lang
    from .settings_store import LANGUAGE, app_settings
    saved = app_settings().value(LANGUAGE)
    return saved if saved in ("en", "ko") else "auto"


def current_language() -> str:
    """"ko" or "en": the language :func:`install` put in place."""
    return _installed["lang"]


_translators: list[QTranslator] = []


def install(app, lang: str = "auto") -> CatalogTranslator | None:
    """Install the Korean catalog when asked for ("ko") or when the system speaks Korean;
    "auto" first looks at the choice saved from View > Language."""
    lang = saved_language(lang)
    _installed["lang"] = "ko" if wants_korean(lang) else "en"
    if not wants_korean(lang):
        return None
    qt_own = QTranslator(app)  # Qt's own dialogs and buttons (Cancel, Yes, ...)
    if qt_own.load(QLocale(QLocale.Korean), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _translators.append(qt_own)
    translator = CatalogTranslator(load_catalog(), app)
    app.installTranslator(translator)
    _translators.append(translator)
    return translator


def switch(app, lang: str) -> bool:
    """Change the interface language of the running app to ``lang`` ("en" or "ko") at
    once: the translators are swapped, every text on screen is put into the new language
    (``ui.retranslate``) and views with computed texts re-make them on Qt's
    ``LanguageChange``. Nothing else changes (document, undo history, training, layout).
    False when ``lang`` is already the current language."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from .retranslate import Relabeler
    old = current_language()
    if lang == old:
        return False
    while _translators:
        translator = _translators.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    install(app, lang)
    Relabeler(load_catalog(), old, current_language()).apply(app)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return True


# -- extraction (development tool; also used by the tests) ------------------------------------
def extract_sources(root: Path = UI_ROOT) -> dict[str, list[str]]:
    """Every literal passed to ``tr``/``_tr``/``x.tr`` or ``translate(ctx, literal)`` under
    ``root``: {source text: ["file:line", ...]}. Non-literal arguments are reported by
    :func:`dynamic_tr_calls`."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        for node, text in _tr_calls(path):
            if text is not None:
                found.setdefault(text, []).append(f"{path.relative_to(root.parent)}:{node.lineno}")
    return found


def builtin_texts() -> dict[str, str | None]:
    """The built-in datasets' titles and descriptions, which the data panel translates at
    run time: {English: Korean or None}. Titles bring their Korean from
    ``simulator.datasets``; descriptions get theirs in the catalog."""
    from simulator.datasets import BUILTINS
    texts: dict[str, str | None] = {}
    for info in BUILTINS.values():
        texts[info.title] = info.title_ko
        if info.description:
            texts.setdefault(info.description, None)
    return texts


def dynamic_tr_calls(root: Path = UI_ROOT) -> list[str]:
    """tr() calls on f-strings or concatenations: no catalog can translate those."""
    bad = []
    for path in sorted(root.rglob("*.py")):
        for node, text in _tr_calls(path):
            arg = _text_arg(node)
            if text is None and isinstance(arg, (ast.JoinedStr, ast.BinOp)):
                bad.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    return bad


def _text_arg(call: ast.Call):
    name = _call_name(call)
    args = call.args[1:] if name == "translate" else call.args
    return args[0] if args else None


def _call_name(call: ast.Call) -> str | None:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _tr_calls(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        if name in TR_NAMES or (name == "translate" and len(node.args) >= 2):
            arg = _text_arg(node)
            literal = arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) \
                else None
            yield node, literal


def update_ts(path: Path = TS_FILE) -> tuple[int, int]:
    """Rewrite the .ts file with every current source text; returns (total, untranslated)."""
    builtins = builtin_texts()
    old = {**{k: v for k, v in builtins.items() if v}, **load_catalog(path)}
    sources = extract_sources()
    for text in builtins:
        sources.setdefault(text, ["simulator/datasets/catalog.py:0"])
    root = ET.Element("TS", version="2.1", language="ko_KR", sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = "ANN Simulator"
    missing = 0
    for source in sorted(sources):
        message = ET.SubElement(context, "message")
        for where in sources[source]:
            file, line = where.rsplit(":", 1)
            ET.SubElement(message, "location", filename=file, line=line)
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if source in old:
            translation.text = old[source]
        else:
            translation.set("type", "unfinished")
            missing += 1
    ET.indent(root)
    tmp = Path(path).with_suffix(".tmp")
    tmp.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                   + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    tmp.replace(path)
    return len(sources), missing


if __name__ == "__main__":
    total, missing = update_ts()
    print(f"{TS_FILE}: {total} strings, {missing} untranslated")
    sys.exit(0)
