"""The data area: the dataset dock (built-ins, generator settings, network size, the
overfitting demo, rows, plot), "Import CSV..." in the File menu and Train > Overfitting."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from .overfit import add_menu
from .panel import DataPanel


def install(window) -> DataPanel:
    panel = DataPanel(window.document, window.undo_stack, window.show_status)
    window.add_dock(panel, "data", QCoreApplication.translate("DataPanel", "Data"),
                    Qt.LeftDockWidgetArea)
    action = QAction(QCoreApplication.translate("DataPanel", "Import &CSV..."), window)
    action.setObjectName("action-import-csv")
    action.triggered.connect(panel.open_import_dialog)
    window.file_menu.addAction(action)
    window.data_panel = panel
    return panel


def install_menu(window) -> None:
    """After the training area: Train > Overfitting under the training actions, and the
    demo and fixes stop training first (a new run's fresh weights must not be overwritten
    by a worker still training the old ones)."""
    window.data_panel.overfit.before = window.training.stop
    window.train_menu.addSeparator()
    add_menu(window, window.data_panel.overfit)
