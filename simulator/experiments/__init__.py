"""Experiments: grid search over hidden layouts and hyperparameters (Qt-free).

    from simulator.experiments import Grid, GridData, GridExecution, results_table
    grid = Grid(hidden=[(4,), (8,), (4, 4)], learning_rate=[0.01, 0.1], seeds=3, epochs=500)
    with GridExecution(grid.expand(), GridData.from_document(doc)) as run:
        results = list(run.results())
    rows = results_table(results)          # mean and std over seeds
"""

from .execute import GridExecution, estimate_seconds, run_chunk, run_one
from .grid import Grid, GridData, RunConfig, format_layout, parse_layout, parse_layouts
from .table import (
    AXES,
    RUN_COLUMNS,
    SUMMARY_COLUMNS,
    RunResult,
    best_result,
    heatmap,
    measure_of,
    ranked,
    results_from_json,
    results_table,
    results_to_json,
    write_csv,
)

__all__ = ["AXES", "Grid", "GridData", "GridExecution", "RunConfig", "RunResult", "RUN_COLUMNS",
           "SUMMARY_COLUMNS", "best_result", "estimate_seconds", "format_layout", "heatmap",
           "measure_of", "parse_layout", "parse_layouts", "ranked", "results_from_json",
           "results_table", "results_to_json", "run_chunk", "run_one", "write_csv"]
