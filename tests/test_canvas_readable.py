"""The canvas stays readable with 8+ layers of 8+ neurons on a laptop: the real main window
at 1366 x 768 with a 10-hidden-layer x 8-unit network; the column titles are at least 7 pt on
screen (item scale x point size through the view's transform), shortened ones carry the full
title as tooltip, and no two titles overlap on screen."""

from __future__ import annotations

from simulator.document import Document
from ui.editor.items import HeaderItem
from ui.main_window import MainWindow

DEEP = {"inputs": 2, "layers": [{"units": 8, "activation": "tanh"}] * 10
        + [{"units": 1, "activation": "sigmoid"}]}


def _window(qtbot, spec, size=(1366, 768 - 40)):
    """The real window with every dock, in its default layout, on a 1366 x 768 screen."""
    window = MainWindow(document=Document(spec=spec))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.reset_layout()
    window.resize(*size)
    qtbot.wait(30)
    return window, window.canvas


def _headers(view):
    items = [i for i in view.network_scene.items() if isinstance(i, HeaderItem)]
    return sorted(items, key=lambda h: h.column)


def test_titles_readable_and_apart_with_eleven_columns(qtbot):
    window, view = _window(qtbot, DEEP)
    headers = _headers(view)
    assert len(headers) == 12
    t = view.transform()
    on_screen = []
    for h in headers:
        point_size = h._font.pointSizeF() * h.sceneTransform().m11() * t.m11()
        assert point_size >= 7.0, f"{h.title!r} drawn at {point_size:.1f} pt"
        if h.title != h.full_title:
            assert h.full_title in h.toolTip()
        on_screen.append(view.mapFromScene(h.sceneBoundingRect()).boundingRect())
    for a, b in zip(on_screen, on_screen[1:], strict=False):
        assert not a.intersects(b), f"titles overlap on screen: {a} {b}"
    # too wide to fit readably: not shrunk further, inputs shown first, the rest panned to
    viewport = view.viewport().rect()
    assert viewport.contains(on_screen[0])
    assert not viewport.contains(on_screen[-1])
    view.centerOn(headers[-1].scenePos())
    last = view.mapFromScene(headers[-1].sceneBoundingRect()).boundingRect()
    assert viewport.contains(last)


def test_long_titles_are_shortened_with_the_full_title_as_tooltip(qtbot):
    spec = {"inputs": 2, "layers": [{"units": 128, "activation": "leaky_relu",
                                     "name": "a very long layer name for a column"},
                                    {"units": 1, "activation": "sigmoid"}]}
    window, view = _window(qtbot, spec)
    named = _headers(view)[1]
    assert named.title != named.full_title and named.title.endswith("…")
    assert named.full_title in named.toolTip()
    assert named.boundingRect().width() <= HeaderItem.MAX_WIDTH + 2


def test_small_network_is_still_fitted_whole(qtbot):
    spec = {"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                    {"units": 1, "activation": "sigmoid"}]}
    window, view = _window(qtbot, spec)
    rect = view.mapFromScene(view.network_scene.itemsBoundingRect()).boundingRect()
    assert view.viewport().rect().adjusted(-2, -2, 2, 2).contains(rect)
