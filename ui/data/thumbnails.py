"""Thumbnails of the built-in datasets, drawn from each generator's default data.

Each is rendered once per process (``thumbnail(name)``) with QPainter: scatter plots for
the 2-D sets (a PCA projection for the real tables), the truth table's four corners, the
feature table's numbers, a few digit images for the handwritten digits.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
)

from simulator.datasets import BUILTINS, Dataset, load

from .look import class_color, value_rgb

SIZE = 64
#: At most this many points are drawn in a thumbnail.
MAX_POINTS = 300
#: Rendered images; QImage, not QPixmap, so that none outlives the QApplication's GUI side.
_cache: dict[tuple[str, int, float], QImage] = {}


def thumbnail(name: str, size: int = SIZE, dpr: float | None = None) -> QPixmap:
    """The picture of built-in ``name`` (rendered once; needs a QGuiApplication), with
    ``size * dpr`` device pixels so that it is sharp on HiDPI screens (``dpr`` defaults to
    the application's device pixel ratio)."""
    dpr = dpr or QGuiApplication.instance().devicePixelRatio()
    key = (name, size, dpr)
    if key not in _cache:
        _cache[key] = render(name, load(name), size, dpr)
    return QPixmap.fromImage(_cache[key])


def render(name: str, ds: Dataset, size: int = SIZE, dpr: float = 1.0) -> QImage:
    """``size`` logical pixels square; the painter draws in logical pixels."""
    img = QImage(round(size * dpr), round(size * dpr), QImage.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(dpr)
    img.fill(Qt.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.Antialiasing)
    p.setPen(QPen(QColor("#d5d9df"), 1))
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 4, 4)
    group = BUILTINS[name].group if name in BUILTINS else ""
    if name == "digits":
        _digits(p, ds, size)
    elif group == "table":
        _table(p, ds, size)
    elif ds.n_features == 1:
        _curve(p, ds, size)
    else:
        _scatter(p, ds, size, big=group == "logic")
    p.end()
    return img


def _frame(XY: np.ndarray, size: int, margin: float) -> np.ndarray:
    """Pixel coordinates of 2-D points, fitted into the square with ``margin`` pixels."""
    lo, hi = XY.min(axis=0), XY.max(axis=0)
    span = np.where(hi - lo > 0, hi - lo, 1.0)
    t = (XY - lo) / span
    out = np.empty_like(t)
    out[:, 0] = margin + t[:, 0] * (size - 2 * margin)
    out[:, 1] = size - margin - t[:, 1] * (size - 2 * margin)
    return out


def _pca2(X: np.ndarray) -> np.ndarray:
    """The first two principal components of the standardized columns."""
    Z = X - X.mean(axis=0)
    sd = Z.std(axis=0)
    Z = Z / np.where(sd > 0, sd, 1.0)
    _, _, vt = np.linalg.svd(Z, full_matrices=False)
    return Z @ vt[:2].T


def _dots(p: QPainter, pts: np.ndarray, colors: np.ndarray, radius: float) -> None:
    """Round dots, one ``drawPoints`` call per colour (few Qt calls, whatever the count)."""
    for rgb in np.unique(colors, axis=0):
        same = np.all(colors == rgb, axis=1)
        pen = QPen(QColor(*(int(v) for v in rgb)), 2 * radius)
        pen.setCapStyle(Qt.RoundCap)
        p.setPen(pen)
        p.drawPoints(QPolygonF([QPointF(x, y) for x, y in pts[same]]))


def _rgb(colors) -> np.ndarray:
    return np.array([c.getRgb()[:3] for c in colors], dtype=np.int64).reshape(-1, 3)


def _shades(values: np.ndarray, steps: int = 6) -> np.ndarray:
    """Values rounded to ``steps`` levels each side of 0 (fewer colours to draw)."""
    top = float(np.max(np.abs(values))) if values.size else 0.0
    return np.round(values / (top or 1.0) * steps) / steps


def _scatter(p: QPainter, ds: Dataset, size: int, big: bool) -> None:
    XY = ds.X if ds.n_features == 2 else _pca2(ds.X)
    step = max(1, len(ds) // MAX_POINTS)
    idx = np.arange(0, len(ds), step)
    if ds.task == "classification":
        colors = _rgb(class_color(k) for k in ds.labels[idx])
    else:  # 12 shades are plenty at this size
        colors = value_rgb(_shades(ds.Y[idx, 0]))
    if big:  # the truth tables: four large dots on the corners of a faint square
        pts = _frame(XY[idx], size, 15)
        p.setPen(QPen(QColor("#e3e6ea"), 1))
        p.setBrush(Qt.NoBrush)
        p.drawRect(QRectF(15, 15, size - 30, size - 30))
        r = size * 0.09
    else:
        pts = _frame(XY[idx], size, 5)
        r = 1.6 if len(idx) > 100 else 2.4
    _dots(p, pts, colors.astype(np.int64), r)


def _curve(p: QPainter, ds: Dataset, size: int) -> None:
    XY = np.column_stack([ds.X[:, 0], ds.Y[:, 0]])
    order = np.argsort(XY[:, 0])
    step = max(1, len(order) // MAX_POINTS)
    order = order[::step]
    pts = _frame(XY[order], size, 6)
    y = XY[order, 1]
    _dots(p, pts, value_rgb(_shades(y)).astype(np.int64), 1.6)


def _table(p: QPainter, ds: Dataset, size: int) -> None:
    """A small grid of the table's numbers (features, then the target)."""
    values = np.column_stack([ds.X, ds.Y])[:6]
    rows, cols = values.shape
    m = 6.0
    cw, ch = (size - 2 * m) / cols, (size - 2 * m) / rows
    font = QFont(p.font())
    font.setPixelSize(max(7, int(ch * 0.6)))
    p.setFont(font)
    for i in range(rows):
        for j in range(cols):
            rect = QRectF(m + j * cw, m + i * ch, cw, ch)
            target = j >= ds.n_features
            p.setPen(QPen(QColor("#d5d9df"), 0.8))
            p.setBrush(QColor("#fdf1e4" if target else "#e6f1f9"))
            p.drawRect(rect)
            p.setPen(QColor("#202124"))
            p.drawText(rect, Qt.AlignCenter, f"{values[i, j]:g}")


def _digits(p: QPainter, ds: Dataset, size: int) -> None:
    """A 3 x 3 mosaic of the first images of the digits 1 .. 9."""
    labels = ds.labels
    m, gap = 4.0, 2.0
    cell = (size - 2 * m - 2 * gap) / 3
    for k, digit in enumerate(range(1, 10)):
        rows = np.flatnonzero(labels == digit)
        if not rows.size:
            continue
        pix = ds.X[rows[0]]
        pix = (255 - np.clip(pix / max(pix.max(), 1e-9), 0, 1) * 255).astype(np.uint8)
        side = int(round(np.sqrt(pix.size)))
        if side * side != pix.size:
            continue
        img = QImage(np.ascontiguousarray(pix.reshape(side, side)).tobytes(), side, side,
                     side, QImage.Format_Grayscale8).copy()
        r, c = divmod(k, 3)
        p.drawImage(QRectF(m + c * (cell + gap), m + r * (cell + gap), cell, cell), img)
