"""The network scene: lays the document's spec out as columns and keeps it in step.

- ``document.events.spec`` / ``reset``: every old item is removed with
  ``removeItem`` and the layout is rebuilt (automatic and tidy after every edit).
- ``document.events.weights``: pens and bias markers are restyled in place; nothing
  is rebuilt (this fires up to 30 times a second while training).
- ``document.inspector.changed``: the neurons' heatmaps are redrawn from the
  inspector's grids (the same forward pass as the output plot's; no second one here).
- ``ui.display_scale.display`` (presentation mode): rebuilt with the items that carry
  text scaled by the factor and lines that much wider; the layout stays.
"""

from __future__ import annotations

import numpy as np
import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene, QMenu

from simulator import palette
from simulator.datasets.features import FEATURES, LABELS
from simulator.document import input_names
from ui.display_scale import display
from ui.labels import ACTIVATION_LABELS
from ui.observe import DocumentObserver

from . import style
from .atlas import HeatmapAtlas
from .connections import ConnectionGroup, ConnectionItem, WeightLegend
from .items import (
    BadgeItem,
    BiasItem,
    ButtonItem,
    ColumnBackground,
    FeatureChip,
    HeaderItem,
    InsertionMarker,
    LabelItem,
    NeuronItem,
    paint_neurons,
)


class LayerItem(QGraphicsItem):
    """One column: header, neurons (up to ``MAX_VISIBLE``), badge, bias markers, buttons.
    It draws its neurons' circles (``items.paint_neurons``); the rest draw themselves."""

    def __init__(self, column: int, units: int):
        super().__init__()
        #: Column index (0 = inputs) and the layer's size.
        self.column, self.units = column, units
        self.neurons: list[NeuronItem] = []
        self.biases: list[BiasItem] = []
        self.header: HeaderItem | None = None
        self.badge: BadgeItem | None = None
        self.plus: ButtonItem | None = None
        self.minus: ButtonItem | None = None
        self.background: ColumnBackground | None = None
        #: Input column of 2-D data: the feature toggles beside it (scene-level items).
        self.chips: list[FeatureChip] = []
        self.setZValue(10)
        self._bounds = QRectF()

    @property
    def visible_units(self) -> int:
        return len(self.neurons)

    def add_neuron(self, neuron: NeuronItem) -> None:
        self.prepareGeometryChange()
        self.neurons.append(neuron)
        self._bounds |= neuron.boundingRect().translated(neuron.pos())

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        paint_neurons(painter, self.neurons, self.biases)


class NeuronCard(QGraphicsItem):
    """The hover card of a neuron: its larger heatmap and a few facts. It keeps its
    screen size at any zoom (``ItemIgnoresTransformations``)."""

    WIDTH = 230.0
    GAP = 12.0

    def __init__(self):
        super().__init__()
        self.setZValue(100)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations, True)
        self.setVisible(False)
        self.lines: list[str] = []
        self.image: QImage | None = None
        self._font = QFont(QApplication.font())
        self._font.setPointSizeF(9)
        self._bold = QFont(self._font)
        self._bold.setBold(True)
        self._height = 40.0
        self._left = self.GAP

    def show_for(self, anchor: QPointF, on_left: bool, lines: list[str],
                 image: QImage | None) -> None:
        """Show beside the scene point ``anchor`` (a neuron's edge), right or left of it."""
        self.prepareGeometryChange()
        self.lines, self.image = lines, image
        lh = QFontMetricsF(self._font).height() + 2
        side = 150.0
        self._height = 16 + len(lines) * lh + (side + 10 if image is not None else 0)
        self._left = -self.GAP - self.WIDTH if on_left else self.GAP
        self.setPos(anchor)
        self.setVisible(True)

    def _rect(self) -> QRectF:
        return QRectF(self._left, -24, self.WIDTH, self._height)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect().adjusted(-2, -2, 5, 5)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.Antialiasing)
        rect = self._rect()
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(0, 0, 0, 28))
        painter.drawRoundedRect(rect.translated(2, 3), 8, 8)
        painter.setPen(QPen(QColor("#d5d9df"), 1))
        painter.setBrush(QBrush(QColor("#ffffff")))
        painter.drawRoundedRect(rect, 8, 8)
        lh = QFontMetricsF(self._font).height() + 2
        y = rect.top() + 8
        for k, line in enumerate(self.lines):
            painter.setFont(self._bold if k == 0 else self._font)
            painter.setPen(style.TEXT if k == 0 else style.MUTED)
            painter.drawText(QRectF(rect.left() + 12, y, self.WIDTH - 24, lh),
                             Qt.AlignLeft | Qt.AlignVCenter, line)
            y += lh
        if self.image is not None:
            side = 150.0
            target = QRectF(rect.center().x() - side / 2, y + 6, side, side)
            painter.setRenderHint(QPainter.SmoothPixmapTransform)
            painter.drawImage(target, self.image)
            painter.setPen(QPen(QColor("#d5d9df"), 1))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(target)


class NetworkScene(DocumentObserver, QGraphicsScene):
    """Scene of the network; see the module docstring for how it follows the document."""

    #: The selected column changed (or was rebuilt); argument: column, -1 for none.
    selection_changed = Signal(int)
    #: The layout was rebuilt (the view fits itself to it).
    layout_changed = Signal()
    #: A neuron was double-clicked: (column, index); the editor enlarges its heatmap.
    neuron_enlarge_requested = Signal(int, int)

    def __init__(self, document, controller, parent=None):
        super().__init__(parent)
        self.document, self.controller = document, controller
        self.setBackgroundBrush(style.CANVAS_BG)
        self.setItemIndexMethod(QGraphicsScene.NoIndex)  # few items; they restyle often
        #: Selected column (0 = inputs), -1 when none.
        self.selected_column = -1
        #: The spec the items show (a newer one in the document: a rebuild is coming).
        self._laid_out = None
        self._selected_uid: int | None = None  # 0 = inputs, else the layer's uid
        self.layers: list[LayerItem] = []
        self.groups: list[ConnectionGroup] = []
        self._graveyard: list[QGraphicsItem] = []
        self._max_span = 0.0
        #: The display scale the items were built at (``ui.display_scale``).
        self.factor = display.factor
        self.marker = InsertionMarker()
        self.addItem(self.marker)
        self.card = NeuronCard()
        self.addItem(self.card)
        self._hovered: NeuronItem | None = None
        #: (column, "plus" or "minus", scene position) of the +/- button being clicked.
        self.pinned: tuple[int, str, QPointF] | None = None
        #: Per column: the inspector's array (visible units, h, w) of neuron outputs with
        #: row 0 at the top of the plane, or None.
        self.heatmaps: list[np.ndarray | None] = []
        self.feature_chips: dict[str, FeatureChip] = {}
        self.legend = WeightLegend()
        self._title_legend()
        self.addItem(self.legend)
        self.observe(document, spec=self._on_spec_changed, reset=self._on_spec_changed,
                     data=self._on_data_changed, weights=self._on_weights_changed)
        self.follow(document.inspector.changed, self._on_views_changed)
        display.observe(self._on_display_scale)
        self.follow(document.selection.changed, self._on_selection_changed)
        self.rebuild()

    # -- document events ------------------------------------------------------------------
    def _on_spec_changed(self) -> None:
        self.rebuild()

    def _on_data_changed(self) -> None:
        """Other inputs (features switched) with the same count: new labels and chips."""
        if [c.on for c in self.feature_chips.values()] != [
                n in input_names(self.document.data) for n in self.feature_chips] or \
                bool(self.feature_chips) != bool(input_names(self.document.data)):
            self.rebuild()

    def _on_weights_changed(self, reason: str = "edit") -> None:
        self.update_weights()

    def _on_views_changed(self, views) -> None:
        self.show_heatmaps(views)

    def _on_display_scale(self, _factor: float) -> None:
        if shiboken6.isValid(self) and self.layers:  # not once detached (window closed)
            self.rebuild()

    def _on_selection_changed(self, _selected=None) -> None:
        """Outline the document's selected neuron or connection (and only it); its layer
        becomes the selected column (a pick made in the matrix view selects it here)."""
        if self.document.spec is not self._laid_out:
            return  # the selection follows a new layout first; rebuild() shows it then
        s = self.document.selection.current
        if s.kind != "none":
            self.select_column(s.layer + (s.kind == "connection"))
        for item in self.layers:
            for n in item.neurons:
                n.set_selected(s.neuron == (n.column, n.index))
        for group in self.groups:
            for row in group.items:
                for c in row:
                    c.set_selected(s.connection == (c.layer, c.i, c.j))

    def select_neuron(self, column: int, index: int) -> None:
        """A click on a neuron: its column and the neuron itself (``document.selection``)."""
        self.select_column(column)
        self.document.selection.select_neuron(column, index)

    def select_connection(self, layer: int, i: int, j: int) -> None:
        """A click on a line: the layer its weight belongs to, and the connection."""
        self.select_column(layer + 1)
        self.document.selection.select_connection(layer, i, j)

    def select_layer(self, column: int) -> None:
        """A click on a column's band or title (or beside the network): the layer only."""
        self.select_column(column)
        self.document.selection.clear()

    def retranslate(self) -> None:
        """The language changed: painted titles are re-made (the selection is kept)."""
        self._title_legend()
        self.rebuild()

    def _title_legend(self) -> None:
        self.legend.set_title(self.tr("weights: colour and width grow with |w|, full at "
                                      "|w| ≥ {0:g}").format(palette.WEIGHT_FULL))

    # -- build ----------------------------------------------------------------------------
    def spec_column_name(self, column: int) -> str:
        """Translated display name of a column ("Input", "Hidden 2", "Output" or its name)."""
        spec = self.document.spec
        if column == 0:
            return self.tr("Input")
        layer = spec.layers[column - 1]
        if layer.name:
            return layer.name
        if column == len(spec.layers):
            return self.tr("Output")
        return self.tr("Hidden {0}").format(column)

    def column_title(self, column: int, short: bool = False) -> str:
        """"Hidden 3 · 8 · tanh", or with ``short`` "H3 · 8 · tanh" (for narrow space)."""
        spec = self.document.spec
        units = spec.sizes[column]
        name = self.spec_column_name(column)
        if short and not (0 < column <= len(spec.layers) and spec.layers[column - 1].name):
            if column == 0:
                name = self.tr("In")
            elif column == len(spec.layers):
                name = self.tr("Out")
            else:
                name = self.tr("H{0}").format(column)
        if column == 0:
            return f"{name} · {units}"
        act = ACTIVATION_LABELS.get(spec.layers[column - 1].activation,
                                          spec.layers[column - 1].activation)
        return f"{name} · {units} · {act}"

    def column_x(self, column: int) -> float:
        return column * style.COLUMN_GAP

    def rebuild(self) -> None:
        """Remove every item of the old layout and lay out the current spec (text and
        lines at the display scale ``f``: each text item ``setScale(f)``, pens f times as
        wide; positions do not depend on it)."""
        self._clear()
        f = self.factor = display.factor
        spec = self._laid_out = self.document.spec
        sizes = spec.sizes
        n_cols = len(sizes)
        vis = [min(n, style.MAX_VISIBLE) for n in sizes]
        spans = [(v - 1) * style.NEURON_GAP + (style.NEURON_GAP if n > v else 0)
                 for v, n in zip(vis, sizes, strict=True)]
        self._max_span = max(spans)
        top = -self._max_span / 2
        header_y = top - style.NEURON_R - 56
        bg_rect = QRectF(-72, header_y - 26, 144,
                         self._max_span + style.NEURON_R * 2 + 56 + 26 + 22)
        feature_names = list(self.document.data.train.feature_names)
        output_names = _output_names(self.document.dataset)
        for c in range(n_cols):
            x = self.column_x(c)
            item = LayerItem(c, sizes[c])
            item.setPos(x, 0)
            self.addItem(item)
            is_io = c in (0, n_cols - 1)
            subtitle = self.tr("follows the data") if is_io else ""
            item.header = HeaderItem(self, c, self.column_title(c), subtitle,
                                     movable=not is_io, parent=item,
                                     short=self.column_title(c, short=True), scale=f)
            item.header.setPos(0, header_y)
            y0 = -spans[c] / 2
            for i in range(vis[c]):
                n = NeuronItem(self, c, i, item)
                n.edge_width *= f
                n.setPos(0, y0 + i * style.NEURON_GAP)
                item.add_neuron(n)
                if c > 0:
                    b = BiasItem(self, c - 1, i, n)  # not scaled: it would cover the heatmap
                    b.setVisible(spec.layers[c - 1].use_bias)
                    item.biases.append(b)
                names = feature_names if c == 0 else output_names if c == n_cols - 1 else []
                if i < len(names) and names[i]:
                    label = LabelItem(names[i], align_right=(c == 0), parent=n)
                    label.setScale(f)
                    label.setPos(-style.NEURON_R - 6 if c == 0 else style.NEURON_R + 6, 0)
            if sizes[c] > vis[c]:
                item.badge = BadgeItem(sizes[c] - vis[c], sizes[c], item)
                item.badge.setScale(f)
                item.badge.setPos(0, y0 + vis[c] * style.NEURON_GAP - 6)
            if not is_io:
                item.minus = ButtonItem(
                    "-", self.tr("Remove a neuron"),
                    lambda c=c: self._units_clicked(c, "minus"), item)
                item.plus = ButtonItem(
                    "+", self.tr("Add a neuron"), lambda c=c: self._units_clicked(c, "plus"),
                    item)
                # under the title band, however large it is drawn
                below = header_y + HeaderItem.HALF_H * (f - 1) + 30
                item.minus.setPos(-14, below)
                item.plus.setPos(14, below)
            bg = ColumnBackground(self, c, bg_rect.translated(x, 0))
            self.addItem(bg)
            item.background = bg
            self.layers.append(item)
        self._add_feature_chips(bg_rect)
        for k in range(n_cols - 1):
            a, b = self.layers[k], self.layers[k + 1]
            src = [n.scenePos() + QPointF(style.NEURON_R, 0) for n in a.neurons]
            dst = [n.scenePos() - QPointF(style.NEURON_R, 0) for n in b.neurons]
            sb = a.badge.scenePos() + QPointF(14, 0) if a.badge else None
            db = b.badge.scenePos() - QPointF(14, 0) if b.badge else None
            group = ConnectionGroup(self, k, src, dst, sb, db, scale=f)
            self.addItem(group)
            self.groups.append(group)
        self.marker.set_span(header_y - 20, -top + style.NEURON_R + 20)
        self.legend.setScale(f)
        self.card.setScale(f)
        self.legend.setPos(self.column_x(n_cols - 1) / 2, bg_rect.bottom() + 22)
        self.setSceneRect(self.itemsBoundingRect().adjusted(-80, -60, 80, 60))
        self._restore_selection()
        self._on_selection_changed()
        self.update_weights()
        self.show_heatmaps(self.document.inspector.views)
        self.layout_changed.emit()

    def _add_feature_chips(self, column_rect: QRectF) -> None:
        """2-D data: one toggle per input feature (Playground's x1², sin x1 ...) in a
        column left of the inputs; each switched-on feature is an input neuron."""
        on = input_names(self.document.data)
        self.feature_chips = {}
        if not on:
            return
        f = self.factor
        h = (FeatureChip.HEIGHT + 5) * f
        x = column_rect.left() - FeatureChip.WIDTH * f / 2 - 12
        y0 = -(len(FEATURES) - 1) * h / 2
        for k, name in enumerate(FEATURES):
            tip = (self.tr("Input feature {0} is on: click to switch it off") if name in on
                   else self.tr("Input feature {0} is off: click to switch it on")).format(
                LABELS[name])
            chip = FeatureChip(LABELS[name], name in on, tip,
                               lambda n=name: self.controller.toggle_feature(n))
            chip.setScale(f)
            chip.setPos(x, y0 + k * h)
            self.addItem(chip)
            self.feature_chips[name] = chip
            self.layers[0].chips.append(chip)

    def _units_clicked(self, column: int, which: str) -> None:
        """A +/- click: the view keeps that button under the pointer (see ``pinned``)."""
        button = getattr(self.layers[column], which)
        self.pinned = (column, which, button.scenePos())
        try:
            if which == "plus":
                self.controller.add_neuron(column)
            else:
                self.controller.remove_neuron(column)
        finally:
            self.pinned = None

    def pinned_button(self) -> tuple[QPointF, QPointF] | None:
        """While a +/- click rebuilds the layout: (old, new) scene position of its button."""
        if self.pinned is None:
            return None
        column, which, old = self.pinned
        item = self.layers[column] if column < len(self.layers) else None
        button = getattr(item, which, None) if item is not None else None
        return None if button is None else (old, button.scenePos())

    def _clear(self) -> None:
        self.card.setVisible(False)
        self._hovered = None
        self.marker.setVisible(False)
        old = []
        for item in self.layers:
            old += [item, item.background, *item.chips]
        old += self.groups
        for item in old:
            if item is not None and item.scene() is self:
                self.removeItem(item)
        # Removed items stay referenced until the event loop turns: the click that caused
        # this rebuild may still be unwinding through one of them.
        self._graveyard += old
        QTimer.singleShot(0, self._bury)
        self.layers, self.groups = [], []
        self.heatmaps = []

    def _bury(self) -> None:
        if shiboken6.isValid(self):
            self._graveyard.clear()

    # -- weights ---------------------------------------------------------------------------
    def update_weights(self) -> None:
        """Restyle connections and bias markers from the document's weights, in place."""
        spec, weights = self.document.spec, self.document.weights
        if len(weights) != len(self.groups):
            return
        for k, (group, (W, b)) in enumerate(zip(self.groups, weights, strict=True)):
            group.update_weights(W, spec.layers[k].mask)
            biases = self.layers[k + 1].biases
            if biases and spec.layers[k].use_bias:
                vals = np.asarray(b[: len(biases)], dtype=np.float64)
                rgbs = palette.ramp(palette.weight_t(vals)).tolist()  # weight_rgb, at once
                for item, v, rgb in zip(biases, vals.tolist(), rgbs, strict=True):
                    item.set_value(v, rgb)

    # -- heatmaps --------------------------------------------------------------------------
    def show_heatmaps(self, views) -> None:
        """Fill the neurons with the inspector's grids (``views.neuron_grids``: per column,
        inputs first), painted from one ``HeatmapAtlas``; a column whose grid does not fit
        the layout shows none."""
        grids = getattr(views, "neuron_grids", None) or []
        self.heatmaps, shown = [], []
        for c, item in enumerate(self.layers):
            m = grids[c] if c < len(grids) and len(grids) == len(self.layers) else None
            if m is not None and (m.ndim != 3 or m.shape[0] < item.visible_units):
                m = None
            m = None if m is None else m[: item.visible_units, ::-1, :]  # row 0: the top
            self.heatmaps.append(m)
            if m is not None:
                shown.append((c, m, self.heatmap_scale(c, views)))
        atlas = HeatmapAtlas([(m, scale) for _, m, scale in shown],
                             max(1, round(2 * style.NEURON_R)))
        tile = 0
        for c, m, scale in shown:
            for n, values in zip(self.layers[c].neurons, m, strict=True):
                n.set_heatmap(values, scale, (atlas.image, atlas.source(tile)))
                tile += 1
        for c, item in enumerate(self.layers):
            if self.heatmaps[c] is None:
                for n in item.neurons:
                    n.set_heatmap()
            item.update()
        if self._hovered is not None:
            self.neuron_hovered(self._hovered, True)

    def heatmap_scale(self, column: int, views) -> tuple[float, float] | None:
        """Colour scale of a column's heatmaps: the output plot's for the output column
        (so its neuron shows the same picture), the activation's range for hidden ones."""
        if column == len(self.layers) - 1 and views.output_scale is not None:
            return views.output_scale
        if column == 0:
            return None
        return palette.activation_scale(self.document.spec.layers[column - 1].activation)

    # -- queries used by items and tests -----------------------------------------------------
    def layer_item(self, column: int) -> LayerItem:
        return self.layers[column]

    def neuron_pos(self, column: int, i: int) -> QPointF:
        return self.layers[column].neurons[i].scenePos()

    def connection_item(self, layer: int, i: int, j: int) -> ConnectionItem:
        return self.groups[layer].items[i][j]

    def neuron_label(self, column: int, i: int) -> str:
        return f"{self.spec_column_name(column)} #{i + 1}"

    def connection_tooltip(self, layer: int, i: int, j: int) -> str:
        W = self.document.weights[layer][0]
        head = f"{self.neuron_label(layer, i)} → {self.neuron_label(layer + 1, j)}"
        mask = self.document.spec.layers[layer].mask
        if mask is not None and not mask[i, j]:
            return head + "\n" + self.tr("removed (Ctrl+click to restore)")
        w, f = float(W[i, j]), self.factor  # presentation mode draws every line f times wider
        return (head + "\n" + f"w[{i + 1}→{j + 1}] = {w:.4f}" + "\n"
                + self.tr("line width {0:.1f} of {1:g} px (widest from |w| = {2:g}, the same "
                          "scale in every layer)").format(style.line_width(w) * f,
                                                           style.MAX_WIDTH * f,
                                                           palette.WEIGHT_FULL) + "\n"
                + self.tr("Double-click to edit · Ctrl+click to remove"))

    def bias_tooltip(self, layer: int, j: int) -> str:
        b = float(self.document.weights[layer][1][j])
        return (f"{self.neuron_label(layer + 1, j)}\n" + f"b = {b:.4f}\n"
                + self.tr("Double-click to edit"))

    def neuron_info(self, column: int, i: int) -> list[str]:
        """Lines of a neuron's hover card: name, activation, bias, inputs, output range."""
        spec, weights = self.document.spec, self.document.weights
        lines = [self.neuron_label(column, i)]
        if column == 0:
            names = list(getattr(self.document.dataset, "feature_names", ()))
            if i < len(names):
                lines.append(self.tr("feature: {0}").format(names[i]))
        else:
            layer = spec.layers[column - 1]
            lines.append(self.tr("activation: {0}").format(
                ACTIVATION_LABELS.get(layer.activation, layer.activation)))
            if layer.use_bias:
                lines.append(self.tr("bias: {0:.4f}").format(float(weights[column - 1][1][i])))
            W = weights[column - 1][0][:, i]
            lines.append(self.tr("{0} inputs, |w| max {1:.3f}").format(
                W.shape[0], float(np.abs(W).max()) if W.size else 0.0))
        m = self.heatmaps[column] if column < len(self.heatmaps) else None
        if m is not None and i < len(m):
            lines.append(self.tr("output range: {0:.3f} … {1:.3f}").format(
                float(m[i].min()), float(m[i].max())))
            lines.append(self.tr("Double-click to enlarge the heatmap"))
        return lines

    # -- interaction -------------------------------------------------------------------------
    def neuron_hovered(self, neuron: NeuronItem, entered: bool) -> None:
        if not entered:
            if self._hovered is neuron:
                self._hovered = None
                self.card.setVisible(False)
            return
        self._hovered = neuron
        c = neuron.column
        pos = neuron.scenePos()
        on_left = c == len(self.layers) - 1
        anchor = pos + QPointF(-style.NEURON_R if on_left else style.NEURON_R, 0)
        self.card.show_for(anchor, on_left, self.neuron_info(c, neuron.index), neuron.image)

    def select_column(self, column: int) -> None:
        spec = self.document.spec
        if column < 0 or column >= len(self.layers):
            column = -1
        self._selected_uid = None if column < 0 else \
            (0 if column == 0 else spec.layers[column - 1].uid)
        if column != self.selected_column:
            self.selected_column = column
            self._repaint_selection()
            self.selection_changed.emit(column)

    def _restore_selection(self) -> None:
        spec = self.document.spec
        column = -1
        if self._selected_uid == 0:
            column = 0
        elif self._selected_uid is not None:
            column = next((k + 1 for k, lay in enumerate(spec.layers)
                           if lay.uid == self._selected_uid), -1)
        if column < 0:
            self._selected_uid = None
        self.selected_column = column
        self._repaint_selection()
        self.selection_changed.emit(column)

    def _repaint_selection(self) -> None:
        for item in self.layers:
            item.background.update()
            item.header.update()

    # -- gaps, drops and column drags ------------------------------------------------------
    def gap_at(self, x: float) -> int:
        """Gap nearest to scene x: gap g lies between column g and g+1; a layer inserted
        there becomes ``spec.layers[g]``."""
        n_layers = len(self.document.spec.layers)
        g = int(round(x / style.COLUMN_GAP - 0.5))
        return max(0, min(g, n_layers - 1))

    def gap_x(self, gap: int) -> float:
        return (gap + 0.5) * style.COLUMN_GAP

    def show_marker(self, gap: int | None) -> None:
        if gap is None:
            self.marker.setVisible(False)
            return
        self.marker.setPos(self.gap_x(gap), 0)
        self.marker.setVisible(True)

    def move_target(self, src: int, x: float) -> int:
        """Where hidden layer ``src`` lands when dropped at scene x (a spec layer index)."""
        g = self.gap_at(x)
        dst = g if g <= src else g - 1
        return max(0, min(dst, len(self.document.spec.layers) - 2))

    def drag_column(self, column: int, dx: float, x: float) -> None:
        item = self.layers[column]
        item.setX(self.column_x(column) + dx)
        item.background.setX(dx)
        for k in (column - 1, column):
            if 0 <= k < len(self.groups):
                self.groups[k].setOpacity(0.15)
        src = column - 1
        dst = self.move_target(src, x)
        self.show_marker(self.gap_at(x) if dst != src else None)

    def drop_column(self, column: int, x: float) -> None:
        item = self.layers[column]
        item.setX(self.column_x(column))
        item.background.setX(0)
        for g in self.groups:
            g.setOpacity(1.0)
        self.show_marker(None)
        src = column - 1
        dst = self.move_target(src, x)
        if dst != src:
            self.controller.move_layer(src, dst)

    def refuse_move(self, column: int) -> None:
        self.controller.refuse(self.tr("the input and output layers follow the data and "
                                       "cannot be moved"))

    # -- context menus (modal; tests answer them from a timer) --------------------------------
    def layer_context_menu(self, column: int, screen_pos) -> None:
        self.select_column(column)
        menu = QMenu()
        ctl = self.controller
        n_cols = len(self.layers)
        hidden = 0 < column < n_cols - 1
        a = menu.addAction(self.tr("Add neuron"), lambda: ctl.add_neuron(column))
        a.setEnabled(hidden)
        a = menu.addAction(self.tr("Remove neuron"), lambda: ctl.remove_neuron(column))
        a.setEnabled(hidden and self.document.spec.sizes[column] > 1)
        menu.addSeparator()
        a = menu.addAction(self.tr("Insert layer before"), lambda: ctl.insert_layer(
            max(column - 1, 0)))
        a.setEnabled(column > 0)
        a = menu.addAction(self.tr("Insert layer after"), lambda: ctl.insert_layer(column))
        a.setEnabled(column < n_cols - 1)
        menu.addSeparator()
        a = menu.addAction(self.tr("Delete layer"), lambda: ctl.remove_layer(column - 1))
        a.setEnabled(hidden)
        menu.exec(screen_pos)

    def connection_context_menu(self, item: ConnectionItem, screen_pos) -> None:
        layer, i, j = item.layer, item.i, item.j
        ctl = self.controller
        menu = QMenu()
        connected = ctl.is_connected(layer, i, j)
        a = menu.addAction(self.tr("Edit weight…"), lambda: ctl.prompt_weight(layer, i, j))
        a.setEnabled(connected)
        if connected:
            menu.addAction(self.tr("Remove connection"),
                           lambda: ctl.set_connected(layer, i, j, False))
        else:
            menu.addAction(self.tr("Restore connection"),
                           lambda: ctl.set_connected(layer, i, j, True))
        menu.exec(screen_pos)


def _output_names(dataset) -> list[str]:
    names = list(getattr(dataset, "target_names", ()))
    n_out = dataset.Y.shape[1]
    if getattr(dataset, "task", "") == "classification" and n_out == 1 and len(names) == 2:
        return [f"{names[1]}"]  # one sigmoid unit: the probability of class 1
    return names[:n_out]
