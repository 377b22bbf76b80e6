"""The canvas draws every neuron heatmap from one atlas image (ui/editor/atlas.py): each
tile is its neuron's grid filtered to the circle and coloured by the palette's ramp, and
what the student sees on screen inside a neuron is that neuron's picture."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor

from simulator import palette
from tests.test_editor import make_window
from ui.editor.atlas import PAD, PER_ROW, HeatmapAtlas, disc, resample_matrix


def rgb_at(image, x: int, y: int) -> np.ndarray:
    c = QColor.fromRgba(image.pixel(x, y))
    return np.array([c.red(), c.green(), c.blue(), c.alpha()])


@pytest.mark.parametrize(("n_in", "n_out"), [(50, 34), (12, 34), (34, 34), (100, 7)])
def test_resampling_keeps_values_in_range_and_constants_constant(n_in, n_out):
    R = resample_matrix(n_in, n_out, PAD)
    assert R.shape == (n_out + 2 * PAD, n_in)
    assert np.allclose(R.sum(axis=1), 1.0) and (R >= 0).all()
    x = np.linspace(-1, 1, n_in)  # a ramp stays a rising ramp, within [-1, 1]
    y = R[PAD:-PAD] @ x
    assert (np.diff(y) > 0).all() and y.min() >= -1 and y.max() <= 1


def test_ramp_fine_is_the_ramp_to_one_level():
    t = np.concatenate([np.linspace(-1.2, 1.2, 10_001), [np.nan, np.inf, -np.inf]])
    fine = palette.ramp_fine(t)
    assert fine.shape == (len(t), 4) and (fine[:, 3] == 255).all()
    assert np.abs(fine[:, :3].astype(int) - palette.ramp(t)).max() <= 1
    exact = np.arange(-1024, 1025) / 1024  # on its own grid it is the ramp itself
    assert np.array_equal(palette.ramp_fine(exact)[:, :3], palette.ramp(exact))
    assert tuple(fine[-3, :3]) == palette.NEUTRAL  # NaN is the middle, as in ramp()
    assert tuple(palette.ramp_fine(np.float32(-0.5))[:3]) == tuple(palette.ramp(-0.5))


def test_each_tile_is_its_neurons_colour_inside_a_transparent_frame():
    half = (0.0, 1.0)  # tanh-like scale: value v sits at t = v
    columns = [(np.full((3, 50, 50), 0.5), half), (np.full((2, 12, 12), -1.0), half),
               (np.full((PER_ROW, 50, 50), 0.25), half)]  # more than a row of tiles
    atlas = HeatmapAtlas(columns, 34)
    assert atlas.count == 5 + PER_ROW and atlas.image.height() == 2 * (34 + 2 * PAD)
    values = [0.5] * 3 + [-1.0] * 2 + [0.25] * PER_ROW
    rects = [atlas.source(n) for n in range(atlas.count)]
    for n, v in enumerate(values):
        r = rects[n]
        assert r.width() == r.height() == 34
        assert not any(r.intersects(o) for o in rects[:n])
        x0, y0 = int(r.x()), int(r.y())
        centre = rgb_at(atlas.image, x0 + 17, y0 + 17)
        assert tuple(centre[:3]) == tuple(palette.ramp(v)) and centre[3] == 255
        assert rgb_at(atlas.image, x0, y0)[3] == 0  # a disc: the square's corner is clear
        assert rgb_at(atlas.image, x0 - PAD, y0 + 17)[3] == 0  # and so is the frame
    assert disc(34, PAD)[PAD + 17, PAD + 17] == 255


def test_a_neuron_on_screen_shows_its_own_heatmap(qtbot):
    """Input x1 is a left-to-right ramp over the plane: on screen its circle goes from
    orange at the left to blue at the right, through the neutral middle."""
    window, editor = make_window(qtbot)
    view, scene = editor.canvas, editor.scene
    neuron = scene.layer_item(0).neurons[0]
    m = scene.heatmaps[0][0]
    t = palette.neuron_t(m, None)
    h, w = t.shape
    shot = view.viewport().grab().toImage()
    r = neuron.radius * 0.6
    for dx, col in ((-r, round((w - 1) * 0.2)), (0.0, (w - 1) // 2), (r, round((w - 1) * 0.8))):
        at = view.mapFromScene(neuron.scenePos().x() + dx, neuron.scenePos().y())
        seen = QColor(shot.pixel(at.x(), at.y())).getRgb()[:3]
        expected = palette.ramp(t[h // 2, col]).astype(int)
        assert np.abs(np.array(seen) - expected).max() <= 12, (dx, seen, expected)
    editor.detach()


def test_hovering_a_neuron_outlines_it_in_the_accent_colour(qtbot):
    """The column draws the circles; the hovered neuron draws its accent outline over
    them, and leaving it gives the plain outline back."""
    from PySide6.QtCore import QPointF

    from tests import qt_helpers as qh
    from ui.editor import style
    window, editor = make_window(qtbot)
    view, scene = editor.canvas, editor.scene
    neuron = scene.layer_item(1).neurons[0]
    edge = view.mapFromScene(neuron.scenePos() + QPointF(0, -neuron.radius))

    def blueness() -> int:
        c = view.viewport().grab().toImage().pixelColor(edge)
        return c.blue() - c.red()

    plain = blueness()
    qh.hover(view, neuron.scenePos())
    qtbot.waitUntil(lambda: neuron.hovered)
    accent = style.ACCENT.blue() - style.ACCENT.red()
    assert blueness() > plain + 20 and blueness() > accent / 2
    qh.hover(view, neuron.scenePos() + QPointF(120, 0))
    qtbot.waitUntil(lambda: not neuron.hovered)
    assert abs(blueness() - plain) <= 2
    editor.detach()
