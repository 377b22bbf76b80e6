"""The data area: the dataset dock (built-ins, generator settings, rows, plot) and
"Import CSV..." in the File menu."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

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
