"""Every text a window shows, for the live language switch tests: widgets, actions, dock
titles, tabs, combo items, headers, tooltips, plot titles and axis labels, canvas texts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from ui.retranslate import columns


def _name(obj) -> str:
    return f"{type(obj).__name__}:{obj.objectName()}" if hasattr(obj, "objectName") \
        else type(obj).__name__


def shown_texts(window) -> list[tuple[str, str]]:
    """(where, text) of every non-empty text of ``window`` and its children."""
    out: list[tuple[str, str]] = []

    def add(where: str, text) -> None:
        if isinstance(text, str) and text.strip():
            out.append((where, text))

    for w in [window, *window.findChildren(QWidget)]:
        n = _name(w)
        if w.isWindow() or w.inherits("QDockWidget"):
            add(n + ".windowTitle", w.windowTitle())
        add(n + ".toolTip", w.toolTip())
        if isinstance(w, (QLabel, QAbstractButton)):
            add(n + ".text", w.text())
        if isinstance(w, QGroupBox):
            add(n + ".title", w.title())
        if isinstance(w, QLineEdit):
            add(n + ".placeholder", w.placeholderText())
        if hasattr(w, "suffix") and callable(w.suffix):
            add(n + ".suffix", w.suffix())
            add(n + ".special", w.specialValueText())
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                add(f"{n}.item", w.itemText(i))
                add(f"{n}.itemtip", w.itemData(i, Qt.ToolTipRole))
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                add(f"{n}.tab", w.tabText(i))
                add(f"{n}.tabtip", w.tabToolTip(i))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m, top = w.model(), QModelIndex()
            for c in range(min(columns(m), 50)):
                add(f"{n}.header", m.headerData(c, Qt.Horizontal, Qt.DisplayRole))
                add(f"{n}.headertip", m.headerData(c, Qt.Horizontal, Qt.ToolTipRole))
            if m.rowCount(top) < 100:
                for r in range(m.rowCount(top)):
                    for c in range(min(columns(m), 20)):
                        add(f"{n}.cell", m.data(m.index(r, c), Qt.DisplayRole))
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                add(f"{n}/{type(item).__name__}", _item_text(item))
    actions = {id(a): a for a in window.findChildren(QAction)}
    for w in window.findChildren(QWidget):
        actions.update({id(a): a for a in w.actions()})
    for a in actions.values():
        add(_name(a) + ".text", a.text())
        add(_name(a) + ".toolTip", a.toolTip())
    add("statusbar", window.statusBar().currentMessage())
    return out


def _item_text(item):
    """A graphics item's text: pyqtgraph's axis label and titles, plain text items, our
    canvas items' painted ``title`` / ``text``."""
    for attr in ("labelText", "title", "text"):
        value = getattr(item, attr, None)
        if isinstance(value, str):
            return value
    for method in ("toPlainText",):
        if hasattr(item, method):
            return getattr(item, method)()
    return None
