"""The Runs panel: earlier runs of this project (``document.runs``), a colour each; ticked
runs overlay on the loss plot with a legend entry. Delete removes runs for good (files stay
small): it marks the project unsaved but is not undoable, like clearing a history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from simulator.experiments.runs import loss_series, run_color, run_label


def _t(text: str) -> str:
    return QCoreApplication.translate("RunsPanel", text)


class RunsPanel(QWidget):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window, self.document = window, window.document
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.list.setToolTip(_t("Tick runs to draw their train (solid) and test (dashed) "
                                "loss on the loss plot"))
        self.list.itemChanged.connect(lambda _item: self._overlay())
        self.delete_button = QPushButton(_t("Delete selected runs"))
        self.delete_button.clicked.connect(self.delete_selected)
        #: The row of buttons under the list (the comparison adds its own, compare.py).
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(self.buttons)
        events = self.document.events
        events.runs.connect(self.refresh)  # a run added: the ticked ones stay ticked
        events.reset.connect(lambda: self.refresh(keep=False))  # another project's runs
        self.refresh()

    def ticked(self) -> list[int]:
        return [i for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.Checked]

    def refresh(self, keep: bool = True) -> None:
        """List the document's runs again; with ``keep``, the ticks of the runs listed
        before stay (runs are only ever appended, or deleted here)."""
        ticked = set(self.ticked())
        keep = ticked if keep and self.list.count() <= len(self.document.runs) else set()
        self.list.blockSignals(True)
        self.list.clear()
        for k, run in enumerate(self.document.runs):
            item = QListWidgetItem(run_label(k, run))
            pix = QPixmap(12, 12)
            pix.fill(QColor(*run_color(k)))
            item.setIcon(QIcon(pix))
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if k in keep else Qt.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.delete_button.setEnabled(bool(self.document.runs))
        self._overlay()

    def tick(self, k: int) -> None:
        """Draw run ``k`` on the loss plot (a finished comparison stays in view)."""
        if 0 <= k < self.list.count():
            self.list.item(k).setCheckState(Qt.Checked)

    def delete_selected(self) -> None:
        rows = sorted({self.list.row(i) for i in self.list.selectedItems()}, reverse=True)
        if not rows:
            self.window.show_status(_t("Select the runs to delete first"))
            return
        ticked = [k for k in self.ticked() if k not in rows]
        for k in rows:
            del self.document.runs[k]
        self.document.mark_dirty()
        self.refresh()
        for k in ticked:  # the ticks follow the runs that stay
            self.list.item(k - sum(r < k for r in rows)).setCheckState(Qt.Checked)

    def _overlay(self) -> None:
        plot = getattr(self.window, "plots", {}).get("loss")
        if plot is None or not hasattr(plot, "set_overlays"):
            return
        runs = self.document.runs
        plot.set_overlays([(run_label(k, runs[k], short=True), run_color(k),
                            *loss_series(runs[k])) for k in self.ticked()])


def install(window) -> None:
    window.runs_panel = RunsPanel(window)
    window.add_dock(window.runs_panel, "runs", _t("Runs"), hidden=True)  # from the View menu
