"""Explainability: the Explanation dock (permutation importance, gradient × input).

``install(window)`` sets ``window.explain`` (the :class:`ExplainPanel`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from .panel import ExplainPanel

__all__ = ["ExplainPanel", "install"]


def install(window) -> ExplainPanel:
    panel = ExplainPanel(window.document)
    window.add_dock(panel, "explain", QCoreApplication.translate("Explain", "Explanation"),
                    Qt.RightDockWidgetArea, hidden=True)  # View > Panels or a lesson
    window.explain = panel
    window.on_close(panel.shutdown)
    return panel
