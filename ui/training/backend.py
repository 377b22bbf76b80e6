"""The backend row of the hyperparameter panel: which choices work here, and why not.

Whether CuPy can train here is :mod:`simulator.xp`'s answer (its probe); this module
only words it. The probe imports CuPy, which can take seconds where it is
installed, so the first one runs in a background thread and the choices show
"checking" until it answers; later windows get the remembered answer at once.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from simulator import xp
from ui.labels import choice_labels


def _t(text: str) -> str:
    return QCoreApplication.translate("BackendChoice", text)


class _Relay(QObject):
    """Carries the probe's answer from its thread to the GUI thread (a queued signal)."""

    done = Signal(object)


def probe(parent: QObject, callback) -> None:
    """Call ``callback(xp.CupyInfo)`` on the GUI thread: now if known, else when probed."""
    if xp.cupy_probed():
        callback(xp.cupy_info())
        return
    relay = _Relay(parent)
    relay.done.connect(callback)

    def run() -> None:
        info = xp.cupy_info()
        try:
            relay.done.emit(info)
        except RuntimeError:  # the panel was closed meanwhile
            pass

    threading.Thread(target=run, name="cupy-probe", daemon=True).start()


def choices(info: xp.CupyInfo | None) -> dict[str, tuple[bool, str, str]]:
    """Per backend: ``(enabled, label, tooltip)``; ``info=None`` while the probe runs."""
    cpu = _t("Train on the processor (CPU) with NumPy: the fastest choice for small "
             "networks such as the lecture's examples.")
    floor = f"{xp.AUTO_GPU_MIN_PARAMS:,}"
    labels = choice_labels()["backend"]
    if info is None:
        gpu = (False, labels["cupy"], _t("Checking for a graphics card (GPU)…"))
        auto = _t("Uses the CPU until the check for a graphics card (GPU) has finished.")
    elif info.usable:
        gpu = (True, _t("CuPy (GPU: {0})").format(info.detail),
               _t("Train on the graphics card {0} with CuPy. It pays off for large networks "
                  "only: every step on a GPU has a fixed start-up cost that small networks "
                  "cannot make up for.").format(info.detail))
        auto = _t("Uses the graphics card ({0}) for networks with at least {1} weights and "
                  "biases, the CPU for smaller ones, where it is faster.").format(info.detail,
                                                                                  floor)
    else:
        why = (_t("the CuPy library is not installed (it needs an NVIDIA graphics card and "
                  "the app's optional \"gpu\" extra).") if info.state == "missing" else
               _t("CuPy is installed, but no NVIDIA graphics card (CUDA device) answers: "
                  "{0}").format(info.detail))
        gpu = (False, labels["cupy"], _t("Not available on this computer: {0}").format(why))
        auto = _t("Uses the CPU: there is no usable graphics card (GPU) here.")
    return {"numpy": (True, labels["numpy"], cpu), "cupy": gpu,
            "auto": (True, labels["auto"], auto)}


def apply(box, info: xp.CupyInfo | None) -> None:
    """Set the combo's items (enabled, text, tooltip) and its own tooltip from ``info``."""
    found = choices(info)
    model = box.model()
    for i in range(box.count()):
        enabled, label, tip = found[box.itemData(i)]
        box.setItemText(i, label)
        box.setItemData(i, tip, Qt.ToolTipRole)
        model.item(i).setEnabled(enabled)
    sync_tooltip(box)


def sync_tooltip(box) -> None:
    """The closed combo's tooltip: the current choice's, plus why CuPy is off if it is."""
    tip = box.itemData(box.currentIndex(), Qt.ToolTipRole) or ""
    i = box.findData("cupy")
    if i >= 0 and i != box.currentIndex() and not box.model().item(i).isEnabled():
        tip += "\n\n" + box.itemText(i) + ": " + box.itemData(i, Qt.ToolTipRole)
    box.setToolTip(tip)
