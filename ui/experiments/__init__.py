"""Experiments: the Grid search dock (``window.grid_dock``).

The runs go through ``simulator.experiments`` on worker processes or a Dask cluster;
the GUI thread only polls finished futures on a timer.
"""


def install(window) -> None:
    from .grid_dock import install as _install
    _install(window)
