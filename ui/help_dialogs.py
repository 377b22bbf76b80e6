"""Help menu dialogs: About (version, licences, where to report problems) and the list
of keyboard shortcuts (read from the window's actions, so it is never out of date)."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

import resources

DISTRIBUTION = "ann-simulator"


def _t(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def version() -> str:
    """The installed package's version, else the source tree's pyproject.toml."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pyproject = Path(resources.ROOT).parent / "pyproject.toml"
        try:
            return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "?"


def about_html() -> str:
    fonts = resources.path("fonts", "LICENSE-NanumGothic.txt")
    data = resources.path("datasets", "README.md")
    return "".join((
        f"<h3>{_t('ANN Simulator')} {version()}</h3>",
        "<p>", _t("A desktop simulator for learning how artificial neural networks work."),
        "</p>",
        "<p><b>", _t("Licences"), "</b><br>",
        _t("Korean font: NanumGothic, © 2010 NAVER Corporation, SIL Open Font License 1.1 "
           "({0})").format(fonts.name), "<br>",
        _t("Data tables: iris, wine, breast cancer (Wisconsin) and digits from the UCI "
           "Machine Learning Repository, CC BY 4.0, via scikit-learn (BSD-3-Clause); "
           "sources in {0}").format(f"datasets/{data.name}"), "</p>",
        "<p><b>", _t("Reporting a problem"), "</b><br>",
        _t("Tell your instructor or the project's issue tracker what you did, what you "
           "expected and what happened, with this version number ({0}) and, if you can, "
           "the project file (File > Save As) and a screenshot (File > Export Screenshot)."
           ).format(version()), "</p>"))


def show_about(window) -> QDialog:
    dialog = QDialog(window)
    dialog.setWindowTitle(_t("About ANN Simulator"))
    text = QTextBrowser(dialog)
    text.setObjectName("about-text")
    text.setHtml(about_html())
    return _show_with_close(dialog, text, 560, 420)


def shortcuts(window) -> list[tuple[str, str]]:
    """(action, keys) for every action of the window that has a shortcut, sorted by name."""
    rows = {}
    for action in window.findChildren(QAction):
        keys = [k.toString(QKeySequence.NativeText) for k in action.shortcuts() if not k.isEmpty()]
        name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
        if keys and name:
            rows[name] = ", ".join(keys)
    return sorted(rows.items(), key=lambda r: r[0].lower())


def show_shortcuts(window) -> QDialog:
    dialog = QDialog(window)
    dialog.setWindowTitle(_t("Keyboard shortcuts"))
    rows = shortcuts(window)
    table = QTableWidget(len(rows), 2, dialog)
    table.setObjectName("shortcuts-table")
    table.setHorizontalHeaderLabels([_t("Command"), _t("Keys")])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.NoEditTriggers)
    for r, (name, keys) in enumerate(rows):
        table.setItem(r, 0, QTableWidgetItem(name))
        item = QTableWidgetItem(keys)
        item.setTextAlignment(Qt.AlignCenter)
        table.setItem(r, 1, item)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
    return _show_with_close(dialog, table, 440, 480)


def _show_with_close(dialog: QDialog, content, width: int, height: int) -> QDialog:
    """``content`` over a Close button, shown (not modal: the window stays usable)."""
    buttons = QDialogButtonBox(QDialogButtonBox.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(content)
    layout.addWidget(buttons)
    dialog.resize(width, height)
    dialog.show()
    return dialog
