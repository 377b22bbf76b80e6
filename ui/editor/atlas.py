"""Every neuron heatmap of the canvas in one image, each neuron drawing its own tile.

During training the heatmaps change with every snapshot. A QImage per neuron, smoothed
to the circle by Qt and painted as the texture brush of an antialiased ellipse, cost
~13 ms a snapshot to make on 10 layers of 64 (163 neurons shown) and ~11 ms on 6 layers
of 8, and ~0.15 ms a neuron to paint. Here the ramp positions of all neurons
(``palette.neuron_t``) are filtered down to the circle's pixels with two small matrix
products, coloured by one ``palette.ramp_fine`` lookup and cut to a disc with an
antialiased edge, all in one image; a neuron draws its tile as an image (~0.01 ms) and
then its outline.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from simulator import palette

#: Each tile is framed by one transparent pixel: smooth painting at a zoom other than
#: 100 % samples a pixel beyond the tile's square, never a neighbour's.
PAD = 1
#: Tiles per row of the atlas (QImage sides are limited to 32 767 pixels).
PER_ROW = 64


@lru_cache(maxsize=16)
def resample_matrix(n_in: int, n_out: int, pad: int = 0) -> np.ndarray:
    """(n_out + 2 pad, n_in) weights of a triangle filter from ``n_in`` pixels to
    ``n_out``, its first and last rows repeated ``pad`` times: the support widens with
    the reduction (an area average when shrinking, linear interpolation when enlarging),
    and each row sums to 1, so a value in [-1, 1] stays in it."""
    step = n_in / n_out
    centres = (np.arange(n_out) + 0.5) * step
    x = np.arange(n_in) + 0.5
    w = np.maximum(0.0, 1.0 - np.abs(x[None, :] - centres[:, None]) / max(step, 1.0))
    w /= w.sum(axis=1, keepdims=True)
    return np.concatenate([w[:1]] * pad + [w] + [w[-1:]] * pad)


class HeatmapAtlas:
    """Heatmaps of ``columns`` [(values (k, h, w) with row 0 at the top, scale), ...] at
    ``size`` x ``size`` pixels, coloured as ``palette.ramp(palette.neuron_t(values,
    scale))`` (to 1/1024 of the ramp) inside a disc of diameter ``size``; tile n is the
    n-th neuron counting column after column, PER_ROW tiles a row."""

    def __init__(self, columns: list[tuple[np.ndarray, tuple[float, float] | None]],
                 size: int) -> None:
        self.size = size
        pitch = size + 2 * PAD
        self.count = sum(len(v) for v, _ in columns)
        per_row = max(1, min(self.count, PER_ROW))
        rows = max(1, -(-self.count // per_row))
        t = np.zeros((rows * per_row, pitch, pitch), np.float32)  # float32: half the bytes
        n = 0
        for values, scale in columns:
            v = palette.neuron_t(values, scale)
            rows_m = resample_matrix(v.shape[1], size, PAD)
            cols_m = resample_matrix(v.shape[2], size, PAD)
            np.matmul(rows_m @ v, cols_m.T, out=t[n:n + len(v)], casting="same_kind")
            n += len(v)
        rgba = palette.ramp_fine(t)  # (rows * per_row, pitch, pitch, 4)
        rgba[..., 3] = disc(size, PAD)
        rgba = rgba.reshape(rows, per_row, pitch, pitch, 4).transpose(0, 2, 1, 3, 4)
        h, w = rows * pitch, per_row * pitch
        rgba = np.ascontiguousarray(rgba).reshape(h, w * 4)
        # premultiplied once here: the format Qt draws fastest
        self.image = QImage(rgba.data, w, h, 4 * w, QImage.Format_RGBA8888).convertToFormat(
            QImage.Format_ARGB32_Premultiplied)

    def source(self, n: int) -> QRectF:
        """Where tile ``n`` (without its padding) lies in ``image``."""
        y, x = divmod(n, PER_ROW)
        pitch = self.size + 2 * PAD
        return QRectF(x * pitch + PAD, y * pitch + PAD, self.size, self.size)


@lru_cache(maxsize=4)
def disc(size: int, pad: int) -> np.ndarray:
    """uint8 alpha (size + 2 pad)^2 of a disc of diameter ``size`` centred in it, its edge
    antialiased over one pixel (coverage of each pixel's centre, 0.5 px either side)."""
    c = np.arange(size + 2 * pad) + 0.5 - (size / 2 + pad)
    d = np.hypot(c[:, None], c[None, :])
    return np.round(255 * np.clip(size / 2 - d + 0.5, 0.0, 1.0)).astype(np.uint8)
