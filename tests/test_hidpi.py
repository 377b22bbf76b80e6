"""HiDPI: the palette's activation icons and the data thumbnails are drawn at the screen's
device pixel ratio, so that a 2x screen gets twice the pixels instead of a blurred upscale."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize

from ui.data.thumbnails import SIZE, thumbnail
from ui.editor.palette import activation_icon, activation_pixmap


def _ink(image) -> int:
    """Pixels that are not transparent (the drawing, not the empty margin)."""
    image = image.convertToFormat(image.Format.Format_ARGB32)
    a = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)[:, 3::4]
    return int((a[:, : image.width()] > 0).sum())


def test_activation_icon_has_twice_the_pixels_at_dpr_2(qapp):
    one, two = activation_pixmap("tanh", 28, dpr=1.0), activation_pixmap("tanh", 28, dpr=2.0)
    assert (one.width(), one.height(), one.devicePixelRatio()) == (28, 28, 1.0)
    assert (two.width(), two.height(), two.devicePixelRatio()) == (56, 56, 2.0)
    assert two.deviceIndependentSize().toSize() == QSize(28, 28)
    # the whole picture is drawn at the higher resolution, not only a corner of it
    assert _ink(two.toImage()) > 3.5 * _ink(one.toImage())
    icon = activation_icon("relu", 28, dpr=2.0)
    assert icon.pixmap(QSize(28, 28), 2.0).size() == QSize(56, 56)


def test_data_thumbnail_has_twice_the_pixels_at_dpr_2(qapp):
    one, two = thumbnail("xor", dpr=1.0), thumbnail("xor", dpr=2.0)
    assert (one.width(), one.devicePixelRatio()) == (SIZE, 1.0)
    assert (two.width(), two.height(), two.devicePixelRatio()) == (2 * SIZE, 2 * SIZE, 2.0)
    assert _ink(two.toImage()) > 3.5 * _ink(one.toImage())


def test_default_ratio_is_the_applications(qapp):
    dpr = qapp.devicePixelRatio()
    assert activation_pixmap("sigmoid").devicePixelRatio() == dpr
    assert thumbnail("circle").devicePixelRatio() == dpr
