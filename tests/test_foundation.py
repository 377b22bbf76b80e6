"""The skeleton: the engine stays Qt-free, the window opens, Korean renders."""

import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
FORBIDDEN = ("PySide6", "pyqtgraph", "ui", "shiboken6")


def test_simulator_never_imports_qt():
    offenders = []
    for path in (ROOT / "simulator").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names
                          if n.split(".")[0] in FORBIDDEN]
    assert not offenders, offenders


def test_simulator_imports_without_qt_in_a_fresh_interpreter():
    import subprocess
    import sys
    code = ("import sys, simulator, simulator.document, simulator.spec, simulator.settings\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'ui')]\n"
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_main_window_opens_with_title(qtbot):
    from ui.main_window import WINDOW_TITLE, MainWindow
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == WINDOW_TITLE == "ANN Simulator — 인공신경망 시뮬레이터"


def test_bundled_korean_font_registers(qapp):
    from PySide6.QtGui import QFontDatabase

    from ui.fonts import install_app_font
    family = install_app_font(qapp)
    assert family is not None
    assert QFontDatabase.hasFamily(family)
    assert QFontDatabase.writingSystems(family).count(QFontDatabase.Korean)


def test_qt_void_calls_keep_none_alive(qapp):
    """PySide6 6.12.0 dropped a reference to None on every void C++ call under Python
    3.11, aborting the app after ~10,000 canvas updates; pyproject pins it out."""
    import sys

    from PySide6.QtWidgets import QGraphicsRectItem
    item = QGraphicsRectItem(0, 0, 1, 1)
    before = sys.getrefcount(None)
    for _ in range(2000):
        item.update()
    assert sys.getrefcount(None) - before > -100
