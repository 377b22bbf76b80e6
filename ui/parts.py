"""The areas of the app, installed into the main window in this order."""

from . import data, editor, experiments, files, plots, training

INSTALLERS: list = [editor.install, data.install, files.install, training.install, plots.install,
                       experiments.install]
