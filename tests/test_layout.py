"""The default layout on a student's laptop: the real main window at 1366 x 768 and
1280 x 720, every dock brought to the front in turn, and every visible control of it
inside the window, not overlapping its siblings and not clipped by a parent."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QApplication,
    QComboBox,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTabBar,
)

from ui.main_window import MainWindow

SCREENS = ((1366, 768), (1280, 720))
#: The window's frame and a taskbar take this much of the screen's height.
TASKBAR = 40
#: Docks whose controls must all be visible without scrolling.
MAIN_DOCKS = ("data", "hyperparameters", "palette", "plot-output", "plot-loss", "properties",
              "plot-activation", "plot-gradients", "plot-weights")
CONTROLS = (QAbstractButton, QComboBox, QSpinBox, QLineEdit, QAbstractSlider, QLabel, QTabBar)


def _window_rect(widget, window) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def _leaves(root):
    """Visible widgets under ``root``; plots and item views count as one widget each
    (their insides are drawn, not laid out)."""
    stack = [root]
    while stack:
        w = stack.pop()
        for child in w.children():
            if not hasattr(child, "isVisible") or not child.isWidgetType():
                continue
            if not child.isVisible() or child.isWindow():
                continue
            yield child
            if not isinstance(child, (QGraphicsView, QAbstractItemView, QComboBox, QSpinBox,
                                      QAbstractSlider, QAbstractButton, QLineEdit)):
                stack.append(child)


def problems(window, dock) -> list[str]:
    out = []
    frame = window.rect()
    for w in _leaves(dock.widget()):
        label = w.objectName() or getattr(w, "text", lambda: "")()
        name = f"{dock.objectName()}/{type(w).__name__}:{label}"
        r = _window_rect(w, window)
        if w.width() <= 0 or w.height() <= 0:
            continue
        if not frame.contains(r):
            out.append(f"{name} outside the window: {r}")
        if isinstance(w, CONTROLS) and w.height() < w.minimumSizeHint().height() - 1:
            out.append(f"{name} squeezed to {w.height()} px < {w.minimumSizeHint().height()}")
        # clipped by an ancestor (a scroll area's viewport counts: no hidden scrolling)
        parent = w.parentWidget()
        while parent is not None and parent is not window:
            pr = _window_rect(parent, window)
            if not pr.contains(r) and isinstance(w, CONTROLS):
                out.append(f"{name} clipped by {type(parent).__name__} ({r} not in {pr})")
                break
            parent = parent.parentWidget()
    for w in [dock.widget(), *_leaves(dock.widget())]:
        if isinstance(w, QAbstractScrollArea) and not isinstance(
                w, (QGraphicsView, QAbstractItemView)):
            bar = w.verticalScrollBar()
            if bar.isVisible() and bar.maximum() > 0:
                out.append(f"{dock.objectName()}: {type(w).__name__} needs scrolling "
                           f"({bar.maximum()} px)")
        if isinstance(w, QAbstractItemView) and w.verticalScrollBar().maximum() > 0:
            out.append(f"{dock.objectName()}: list {w.objectName()} hides entries")
        siblings = [c for c in w.children() if c.isWidgetType() and c.isVisible()
                    and not c.isWindow()]
        if isinstance(w, QScrollArea):
            continue
        for i, a in enumerate(siblings):
            for b in siblings[i + 1:]:
                inter = a.geometry().intersected(b.geometry())
                if inter.width() > 1 and inter.height() > 1:
                    out.append(f"{dock.objectName()}: {type(a).__name__} overlaps "
                               f"{type(b).__name__} ({inter})")
    return out


def _build(qtbot, size):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(size[0], size[1] - TASKBAR)
    window.show()
    qtbot.waitExposed(window)
    window.reset_layout()
    window.resize(size[0], size[1] - TASKBAR)
    qtbot.wait(30)
    return window


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_controls_fit_a_laptop_screen(qtbot, size):
    window = _build(qtbot, size)
    assert window.height() == size[1] - TASKBAR, "the window cannot shrink to the screen"
    assert window.statusBar().isVisible()
    assert window.rect().contains(_window_rect(window.statusBar(), window))
    found = []
    for key in MAIN_DOCKS:
        dock = window.docks[key]
        dock.raise_()
        qtbot.wait(5)
        assert dock.isVisible() and not dock.visibleRegion().isEmpty(), key
        found += problems(window, dock)
    # the divergence banner takes room: the rows scroll visibly, they do not overlap
    window.docks["hyperparameters"].raise_()
    window.training_panel.banner.show_message("Training diverged", "x " * 400)
    qtbot.wait(5)
    banner_found = [p for p in problems(window, window.docks["hyperparameters"])
                    if "needs scrolling" not in p]
    assert not found + banner_found, "\n".join(found + banner_found)
    window.close()


def test_a_squeezed_dock_is_caught(qtbot):
    """The check itself: the old 280 px data tabs under the old layout overflow 720 px."""
    window = _build(qtbot, (1280, 720))
    window.data_panel.tabs.setMinimumHeight(900)
    qtbot.wait(5)
    window.docks["data"].raise_()
    assert any("needs scrolling" in p for p in problems(window, window.docks["data"]))
    window.close()


def test_reset_layout_restores_the_default(qtbot):
    window = _build(qtbot, SCREENS[0])
    window.removeDockWidget(window.docks["data"])
    window.docks["plot-output"].setFloating(True)
    window.reset_layout()
    qtbot.wait(5)
    assert not window.docks["plot-output"].isFloating()
    assert window.docks["data"].isVisible()
    assert set(window.tabifiedDockWidgets(window.docks["data"])) >= {
        window.docks["palette"], window.docks["hyperparameters"]}
    window.close()


def test_data_thumbnails_are_labelled(qtbot):
    window = _build(qtbot, SCREENS[0])
    texts = {name: b.text() for name, b in window.data_panel.buttons.items()}
    assert texts["and"] == "AND" and texts["or"] == "OR" and texts["xor_gate"] == "XOR"
    assert all(texts.values())
    window.close()


def test_batch_size_goes_from_one_to_every_training_row(qtbot):
    window = _build(qtbot, SCREENS[0])
    panel, doc = window.training_panel, window.document
    n = len(doc.data.train)
    assert panel.batch.minimum() == 1 and panel.batch.maximum() == n
    panel.batch.setValue(n)
    assert doc.settings.batch_size == n
    lr = [panel.lr.itemData(i) for i in range(panel.lr.count())]
    assert {0.00001, 0.001, 0.03, 0.3, 1.0, 3.0, 10.0} <= set(lr)
    assert panel.lr.isEditable() and panel.reg_rate.isEditable()
    doc.mark_dirty(False)  # no "unsaved changes?" question on close
    window.close()


def test_speed_menu_says_one_epoch_per_second(qtbot):
    window = _build(qtbot, SCREENS[0])
    speeds = [window.training_bar.speed.itemText(i)
              for i in range(window.training_bar.speed.count())]
    assert "1 epoch/s" in speeds and "5 epochs/s" in speeds and "1 epochs/s" not in speeds
    # the perceptron rule's slow motion steps one sample at a time: the menu says so
    window.document.set_settings(optimizer="perceptron")
    bar = window.training_bar
    speeds = [bar.speed.itemText(i) for i in range(bar.speed.count())]
    assert "1 sample/s" in speeds and "5 samples/s" in speeds
    assert not any("epoch" in s for s in speeds[1:])
    window.document.set_settings(optimizer="sgd")
    assert bar.speed.itemText(bar.speed.findData(1.0)) == "1 epoch/s"
    window.document.mark_dirty(False)  # no "unsaved changes?" question on close
    window.close()


def test_clicking_a_fixed_header_reports_nothing(qtbot):
    from tests import qt_helpers as qh
    from tests.test_editor import make_window
    window, editor = make_window(qtbot)
    window.statusBar().clearMessage()
    for column in (0, len(editor.scene.layers) - 1):
        qh.click(editor.canvas, editor.scene.layer_item(column).header.scenePos())
        assert "cannot be moved" not in window.statusBar().currentMessage()
    editor.detach()


def test_language_menu_remembers_the_choice(qtbot, monkeypatch):
    """The switch is live (tests/test_language_switch.py): no restart question."""
    from PySide6.QtWidgets import QMessageBox

    from ui import i18n
    from ui.settings_store import LANGUAGE, app_settings
    window = _build(qtbot, SCREENS[0])
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.No)
    before = i18n.current_language()
    other = "ko" if before == "en" else "en"
    action = window.findChild(type(window.language_menu.actions()[0]),
                              f"action-language-{other}")
    try:
        action.trigger()
        assert not asked, "nothing to confirm: the language changes at once"
        assert i18n.current_language() == other
        assert app_settings().value(LANGUAGE) == other
        assert i18n.saved_language("auto") == other and i18n.saved_language("en") == "en"
        assert action.isChecked()
    finally:
        i18n.switch(QApplication.instance(), before)
        window.close()


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_default_network_shows_whole_on_a_laptop(qtbot, size):
    """The first thing a student sees: every column of the default network, the output
    included, inside the canvas (it used to stop at Hidden 2, the output panned away)."""
    window = _build(qtbot, size)
    canvas = window.canvas
    canvas.fit_to_view()
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    columns = canvas.network_scene.layers
    assert len(columns) == len(window.document.spec.layers) + 1
    for item in columns:
        drawn = item.mapRectToScene(item.childrenBoundingRect())
        assert shown.contains(drawn), (item.column, drawn, shown)
    window.close()


def test_a_settings_file_named_in_the_environment_keeps_the_layout(qtbot, tmp_path,
                                                                  monkeypatch):
    """ANN_SIM_SETTINGS (a portable install, the GUI benchmarks): the layout is saved in
    that file and read back from it; the user's config folder is not touched."""
    from ui.settings_store import WINDOW_STATE, app_settings
    path = tmp_path / "portable" / "ann-sim.ini"
    monkeypatch.setenv("ANN_SIM_SETTINGS", str(path))
    window = _build(qtbot, SCREENS[0])
    window.docks["runs"].show()
    window.document.mark_dirty(False)
    window.close()
    assert path.exists() and app_settings().value(WINDOW_STATE) is not None
    assert not (tmp_path / "config").exists() or not any((tmp_path / "config").rglob("*.conf"))
    again = MainWindow()  # restores the saved layout (no reset_layout, unlike _build)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.docks["runs"].isVisible()
    again.document.mark_dirty(False)
    again.close()
