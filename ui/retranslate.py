"""Switching the interface language while the app runs (View > Language).

Two parts, in this order (``ui.i18n.switch``):

1. :class:`Relabeler` walks every widget, action, dock, tab, header and plot label and
   puts each text that came from the catalog into the new language: the static texts
   set once when a view was built (labels, buttons, menus, tooltips, axis titles ...), so
   no view has to keep a second copy of them. A text is recognised by its source (the
   English text, or its Korean translation) or, for a formatted text such as "Epoch 12",
   by its template ("Epoch {0}"): the filled-in values are carried over. The source found
   is remembered on the object, so switching back picks the same source even where two
   English texts share one Korean translation ("Train" and "Training" are both 학습).
2. Qt then sends ``QEvent.LanguageChange`` to every widget; views whose texts are
   computed (from the document, a selection, a lesson file in two languages, painted
   canvas items) re-make them in :func:`follow_language`'s slot.

The document, the undo history, training and the layout are not touched: nothing is
rebuilt, only texts are set (the undo history's command names too).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QToolButton,
    QTreeWidget,
    QWidget,
)

#: Dynamic property (prefix) holding the source a text was translated from.
MEMO = "_i18n_source_"
#: Endings added to a catalog text outside tr(), e.g. a menu entry that opens a dialog.
SUFFIXES = ("…", ":")
#: A template needs at least this many letters outside its placeholders to be matched
#: ("{0} ({1})" would match any text with brackets).
MIN_LITERAL = 3


class _Language(QObject):
    """Event filter: ``slot()`` when the watched widget gets ``LanguageChange``."""

    def __init__(self, widget: QObject, slot: Callable[[], object]) -> None:
        super().__init__(widget)
        self._slot = slot

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._slot()
        return False


def follow_language(widget: QWidget, slot: Callable[[], object]) -> None:
    """Call ``slot()`` whenever the interface language changes (Qt's ``LanguageChange``,
    delivered after the new translator is in place): for texts a view computes, e.g. a
    lesson shown in the chosen language or a painted canvas title. Texts set once from
    ``tr()`` need nothing: :class:`Relabeler` translates them."""
    widget.installEventFilter(_Language(widget, slot))


class _Template:
    """A catalog text with placeholders, as it reads in one language: matches a filled-in
    text and gives the values by placeholder name."""

    def __init__(self, text: str) -> None:
        self.parts: list[tuple[str, str | None]] = []  # (literal, field name or None)
        regex, auto = [], 0
        for literal, field, _spec, _conv in string.Formatter().parse(text):
            regex.append(re.escape(literal))
            name = None
            if field is not None:
                name = field or str(auto)
                auto += field == ""
                regex.append("(.+?)")
            self.parts.append((literal, name))
        self.names = [n for _, n in self.parts if n is not None]
        self.regex = re.compile("".join(regex), re.S)
        literals = [p for p, _ in self.parts]
        self.longest = max(literals, key=len)
        self.weight = sum(len(p.strip()) for p in literals)

    def match(self, text: str) -> dict[str, str] | None:
        if self.longest not in text:
            return None
        m = self.regex.fullmatch(text)
        if m is None:
            return None
        values: dict[str, str] = {}
        for name, value in zip(self.names, m.groups(), strict=True):
            if values.setdefault(name, value) != value:
                return None  # "{0} … {0}" filled with two different values
        return values

    def fill(self, values: dict[str, str]) -> str:
        return "".join(lit + (values.get(name, "") if name else "") for lit, name in self.parts)


def _preference(source: str) -> tuple:
    """Which of several sources sharing one translation to take without a memo (the app
    started in Korean): a capitalized one (a title, not a phrase inside a sentence),
    then the longest ("Training" for the toolbar rather than the verb "Train")."""
    return (not source[:1].isupper(), -len(source))


def _is_template(text: str) -> bool:
    try:
        return any(f is not None for _, f, _, _ in string.Formatter().parse(text))
    except ValueError:
        return False


class Relabeler:
    """Translates texts shown in language ``old`` into ``new`` with the catalog
    {English source: Korean}; see the module's docstring."""

    def __init__(self, catalog: dict[str, str], old: str, new: str) -> None:
        self.catalog = catalog
        self.old, self.new = old, new
        self.sources: dict[str, list[str]] = {}  # text as shown in `old` -> its sources
        for source in catalog:
            self.sources.setdefault(self.render(source, old), []).append(source)
        self.templates: list[tuple[str, _Template]] = []
        for source in catalog:
            if _is_template(source) and _is_template(self.render(source, old)):
                shown = _Template(self.render(source, old))
                if shown.weight >= MIN_LITERAL:
                    self.templates.append((source, shown))
        self.templates.sort(key=lambda st: -st[1].weight)  # the most specific match first
        self._done: dict[tuple[str, str | None], tuple[str, str | None] | None] = {}
        self.changed = 0

    def render(self, source: str, lang: str) -> str:
        return self.catalog.get(source, source) if lang == "ko" else source

    def source_of(self, text: str, memo: str | None = None) -> str | None:
        """The catalog source that shows as ``text`` in the old language."""
        if memo is not None and self.render(memo, self.old) == text:
            return memo
        found = self.sources.get(text)
        return min(found, key=_preference) if found else None

    def translate(self, text: str, memo: str | None = None) -> tuple[str, str | None] | None:
        """(``text`` in the new language, its source when it is one catalog text), or None
        when ``text`` is not the catalog's (user data, numbers, names)."""
        if not text or self.old == self.new:
            return None
        key = (text, memo)
        if key not in self._done:  # a window shows many texts several times (tooltips)
            self._done[key] = self._translate(text, memo)
        return self._done[key]

    def _translate(self, text: str, memo: str | None) -> tuple[str, str | None] | None:
        source = self.source_of(text, memo)
        if source is not None:
            return self.render(source, self.new), source
        for suffix in SUFFIXES:  # "Layer properties…": the menu's dots added to a title
            core = self.source_of(text[:-len(suffix)], memo) if text.endswith(suffix) else None
            if core is not None:
                return self.render(core, self.new) + suffix, core
        for source, shown in self.templates:
            values = shown.match(text)
            if values is not None:
                values = {k: self._value(v) for k, v in values.items()}
                return _Template(self.render(source, self.new)).fill(values), None
        if "\n" in text:  # a tooltip of sentences, or a sentence and a formula
            lines = [self.translate(line) for line in text.split("\n")]
            if any(lines):
                return "\n".join(t[0] if t else line
                                 for t, line in zip(lines, text.split("\n"), strict=True)), None
        return None

    def _value(self, value: str) -> str:
        """A filled-in value that is itself a catalog text (a layer kind, a class name)."""
        source = self.source_of(value)
        return self.render(source, self.new) if source is not None else value

    # -- applying it to the interface ----------------------------------------------------
    def apply(self, app: QApplication | None = None) -> int:
        """Translate every text of the running app; returns how many were changed."""
        app = app or QApplication.instance()
        self.changed = 0
        actions: dict[int, QAction] = {}
        for widget in app.allWidgets():
            if not shiboken6.isValid(widget):
                continue  # deleted by a view reacting to an earlier text
            self._widget(widget)
            for action in widget.actions():
                actions[id(action)] = action
            for action in widget.findChildren(QAction):
                actions[id(action)] = action
        for action in actions.values():
            for prop in ("text", "toolTip", "statusTip"):
                if shiboken6.isValid(action):
                    self._prop(action, prop)
        for window in app.topLevelWidgets():
            for stack in window.findChildren(QUndoStack):
                self._undo_history(stack)
        return self.changed

    def _undo_history(self, stack: QUndoStack) -> None:
        """The names of the undo history's commands (Edit > Undo names the next one)."""
        for i in range(stack.count()):
            command = stack.command(i)
            self._set(None, "", command.text(), command.setText)

    def _set(self, owner: QObject | None, key: str, text: str, setter) -> None:
        memo = owner.property(MEMO + key) if owner is not None else None
        result = self.translate(text, memo if isinstance(memo, str) else None)
        if result is None or result[0] == text:
            return
        new_text, source = result
        setter(new_text)
        self.changed += 1
        if owner is not None and source is not None:
            owner.setProperty(MEMO + key, source)

    def _prop(self, obj: QObject, prop: str) -> None:
        setter = getattr(obj, "set" + prop[0].upper() + prop[1:])
        self._set(obj, prop, getattr(obj, prop)(), setter)

    def _widget(self, w: QWidget) -> None:
        if w.isWindow() or isinstance(w, QDockWidget):
            self._prop(w, "windowTitle")
        self._prop(w, "toolTip")
        self._prop(w, "statusTip")
        if isinstance(w, QLabel):
            self._prop(w, "text")
        elif isinstance(w, QAbstractButton):
            if not (isinstance(w, QToolButton) and w.defaultAction() is not None):
                self._prop(w, "text")
        elif isinstance(w, QGroupBox):
            self._prop(w, "title")
        elif isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
            self._prop(w, "placeholderText")
        elif isinstance(w, QAbstractSpinBox):
            for prop in ("prefix", "suffix", "specialValueText"):
                if hasattr(w, prop):
                    self._prop(w, prop)
        elif isinstance(w, QComboBox):
            self._combo(w)
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                self._set(w, f"tab{i}", w.tabText(i), lambda t, i=i: w.setTabText(i, t))
                self._set(w, f"tabtip{i}", w.tabToolTip(i),
                          lambda t, i=i: w.setTabToolTip(i, t))
        elif isinstance(w, QGraphicsView) and w.scene() is not None:
            self._scene(w.scene())
        if isinstance(w, QAbstractItemView):
            self._items(w)
        if w.isWindow() and hasattr(w, "statusBar") and w.statusBar().currentMessage():
            bar = w.statusBar()
            self._set(None, "", bar.currentMessage(), lambda t: bar.showMessage(t, 5000))

    def _combo(self, box: QComboBox) -> None:
        for i in range(box.count()):
            self._set(box, f"item{i}", box.itemText(i), lambda t, i=i: box.setItemText(i, t))
            tip = box.itemData(i, Qt.ToolTipRole)
            if isinstance(tip, str):
                self._set(box, f"itemtip{i}", tip,
                          lambda t, i=i: box.setItemData(i, t, Qt.ToolTipRole))

    def _items(self, view: QAbstractItemView) -> None:
        """Item widgets' texts and headers; a model's own headers are asked again."""
        for item, col in _view_items(view):
            self._set(None, "", item.text(col), lambda t, it=item, c=col: it.setText(c, t))
        model = view.model()
        if model is not None and not isinstance(view, (QTableWidget, QTreeWidget, QListWidget)):
            rows, cols = model.rowCount(QModelIndex()), columns(model)
            if cols > 0:
                model.headerDataChanged.emit(Qt.Horizontal, 0, cols - 1)
            if rows > 0 and cols > 0:
                model.headerDataChanged.emit(Qt.Vertical, 0, rows - 1)
                model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, cols - 1))

    def _scene(self, scene) -> None:
        """pyqtgraph's axis titles, plot titles and text items; plain graphics texts."""
        for item in scene.items():
            if hasattr(item, "labelText") and hasattr(item, "setLabel"):  # pg.AxisItem
                self._set(item, "label", item.labelText, lambda t, a=item: a.setLabel(t))
            elif isinstance(item, pg.LabelItem):
                self._set(item, "text", item.text, item.setText)  # pg.LabelItem (titles)
            elif isinstance(item, QGraphicsTextItem):
                parent = item.parentItem()
                if parent is None or not type(parent).__module__.startswith("pyqtgraph"):
                    self._set(item, "text", item.toPlainText(), item.setPlainText)
                elif getattr(parent, "textItem", None) is item:  # pg.TextItem: re-anchored
                    self._set(parent, "text", item.toPlainText(), parent.setText)
            elif isinstance(item, QGraphicsSimpleTextItem):
                self._set(None, "", item.text(), item.setText)


def columns(model) -> int:
    """Column count of any model (a list model's columnCount is private in PySide)."""
    try:
        return model.columnCount(QModelIndex())
    except TypeError:
        return 1


class _ListItem:
    """A list item with the tree and table items' ``text(column)`` / ``setText``."""

    def __init__(self, item) -> None:
        self.item = item

    def text(self, _col: int) -> str:
        return self.item.text()

    def setText(self, _col: int, text: str) -> None:  # noqa: N802 (Qt's name)
        self.item.setText(text)


def _view_items(view) -> Iterator:
    """(item, column) of every text of an item widget, headers included."""
    if isinstance(view, QTableWidget):
        cells = [view.horizontalHeaderItem(c) for c in range(view.columnCount())]
        cells += [view.verticalHeaderItem(r) for r in range(view.rowCount())]
        cells += [view.item(r, c) for r in range(view.rowCount())
                  for c in range(view.columnCount())]
        yield from ((_ListItem(i), 0) for i in cells if i is not None)
    elif isinstance(view, QListWidget):
        yield from ((_ListItem(view.item(r)), 0) for r in range(view.count()))
    elif isinstance(view, QTreeWidget):
        items = [view.headerItem()] + [view.topLevelItem(r)
                                       for r in range(view.topLevelItemCount())]
        yield from ((i, c) for i in items for c in range(i.columnCount()))
