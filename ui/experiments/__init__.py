"""Experiments: the Grid search dock (``window.grid_dock``), the Runs panel
(``window.runs_panel``: earlier runs overlaid on the loss plot) and Train > Compare…
(``window.compare``: a copy with one setting changed, trained alongside).

The runs go through ``simulator.experiments`` on worker processes or a Dask cluster;
the GUI thread only polls finished futures on a timer.
"""


def install(window) -> None:
    from . import compare, grid_dock, runs_panel
    grid_dock.install(window)
    runs_panel.install(window)
    compare.install(window)
