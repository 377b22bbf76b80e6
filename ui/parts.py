"""The areas of the app, installed into the main window in this order."""

from . import data, editor, experiments, explain, files, lessons, mathviews, plots, training

INSTALLERS: list = [editor.install, data.install, files.install, training.install,
                    data.install_menu, plots.install, mathviews.install, experiments.install,
                    explain.install, lessons.install]
