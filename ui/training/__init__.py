"""Training: the toolbar and menu actions, the hyperparameter panel, the status bar,
and the controller that runs the training loop off the GUI thread.

``install(window)`` sets ``window.training`` (the :class:`~.controller.TrainingController`),
``window.training_bar`` and ``window.training_panel``. The loop itself is Qt-free and
lives in ``simulator.training``.
"""


def install(window) -> None:
    from .bar import install as _install
    _install(window)
