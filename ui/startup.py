"""What ``ann-sim`` does after the window opens: the command-line steps.

    ann-sim lesson.annproj --train-epochs 300 --screenshot shot.png --export-weights w.onnx --quit

Steps run in this order: open PROJECT, train N epochs in the app (the same controller
and training worker as the Train button), save a window screenshot, export the weights.
:func:`run` returns None to enter the event loop normally, or an exit status when
``--quit`` was given or a step failed in a scripted run (messages go to stderr).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

EXIT_OK, EXIT_ERROR = 0, 2
#: Longest a --train-epochs run may take before it is abandoned (seconds).
TRAIN_TIMEOUT_S = 3600


class StepError(Exception):
    """A command-line step failed; the message says which and why."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Startup", text)


def run(window, args) -> int | None:
    """Run the steps named in ``args`` (see ``ui.app.parse_args``)."""
    scripted = bool(args.quit)
    try:
        if args.project:
            open_project(window, args.project)
        elif not scripted:
            offer_recovery(window)
            offer_welcome(window)
        if args.train_epochs:
            train_epochs(window, args.train_epochs)
        if args.screenshot:
            save_screenshot(window, args.screenshot)
        if args.export_weights:
            export_weights(window, args.export_weights)
    except StepError as exc:
        print(f"ann-sim: error: {exc}", file=sys.stderr)
        if scripted:
            return EXIT_ERROR
        window.show_status(str(exc), 15000)
        return None
    if scripted:
        # a scripted run leaves nothing to recover and asks no questions on the way out
        window.document.mark_dirty(False)
        return EXIT_OK
    return None


def open_project(window, path: str) -> None:
    from simulator.errors import SimulatorError
    from simulator.project import load_project
    try:
        doc = load_project(path).to_document()
    except SimulatorError as exc:
        raise StepError(str(exc)) from None
    doc.path = Path(path)
    files = getattr(window, "files", None)
    if files is not None:
        files._replace(doc, example_title="")
        files.add_recent(path)
    else:
        window.document.replace_with(doc)
        window.undo_stack.clear()
    _settle()


def offer_recovery(window) -> None:
    files = getattr(window, "files", None)
    if files is not None:
        QTimer.singleShot(0, files.offer_recovery)


def offer_welcome(window) -> None:
    """First start only (see ``ui.lessons.welcome_wanted``): offer lesson 1."""
    if getattr(window, "lessons", None) is not None:
        from .lessons import offer_welcome as offer
        QTimer.singleShot(0, lambda: offer(window))


def train_epochs(window, epochs: int, timeout_s: float = TRAIN_TIMEOUT_S) -> None:
    """Train ``epochs`` more epochs with the app's training controller and wait for it."""
    if epochs < 0:
        raise StepError(_tr("--train-epochs must be 0 or more"))
    controller = getattr(window, "training", None)
    if controller is None:
        raise StepError(_tr("training is not available in this window"))
    doc = window.document
    old_limit = doc.settings.epoch_limit
    target = controller.epoch + epochs
    problems: list[str] = []
    loop = QEventLoop()

    def done(*_args) -> None:
        loop.quit()

    def failed(message: str) -> None:
        problems.append(message)
        loop.quit()

    def state(name: str) -> None:
        if name == "stopped":
            loop.quit()

    def epoch(n: int) -> None:
        if n >= target:
            loop.quit()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: (problems.append(
        _tr("training did not finish within {0} s").format(timeout_s)), loop.quit()))
    connections = [(controller.limit_reached, done), (controller.failed, failed),
                   (controller.diverged, done), (controller.state_changed, state),
                   (controller.epoch_changed, epoch)]
    for signal, slot in connections:
        signal.connect(slot)
    try:
        doc.set_settings(epoch_limit=target)  # the worker stops exactly at the target
        controller.train()
        if controller.state == "running":
            timer.start(int(timeout_s * 1000))
            loop.exec()
        controller.stop()  # joins the worker and applies its last snapshot
    finally:
        timer.stop()
        for signal, slot in connections:
            signal.disconnect(slot)
        doc.set_settings(epoch_limit=old_limit)
    _settle()
    if problems:
        raise StepError(_tr("training failed: {0}").format(problems[0]))


def save_screenshot(window, path: str) -> None:
    from ui.files import screenshots
    suffix = Path(path).suffix.lower()
    if suffix not in (".png", ".svg"):
        raise StepError(_tr("--screenshot: '{0}' must end with .png or .svg").format(path))
    _settle()
    try:
        screenshots.save_picture(window, path, _scale(window))
    except (OSError, ValueError, RuntimeError) as exc:
        raise StepError(_tr("cannot save the screenshot: {0}").format(exc)) from None


def export_weights(window, path: str) -> None:
    from simulator.errors import SimulatorError
    from simulator.export import export_weights as export
    doc = window.document
    try:
        export(doc.spec, doc.weights, path, doc.data.features)
    except SimulatorError as exc:
        raise StepError(str(exc)) from None


def _scale(window) -> float:
    files = getattr(window, "files", None)
    return files.screenshot_scale() if files is not None else 1.0


def _settle(ms: int = 50) -> None:
    """Let pending events (redraws, timers, queued views) run before a picture."""
    app = QCoreApplication.instance()
    if app is None:
        return
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()
