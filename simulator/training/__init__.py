"""The training loop that runs off the GUI thread and where it runs (a process or a thread).

Qt-free: the app's controller, the CLI and the grid search start the same loop.
"""
