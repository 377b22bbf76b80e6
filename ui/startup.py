"""What ``ann-sim`` does after the window opens: the command-line steps.

Returns None to enter the event loop normally, or an exit status when the
steps asked to quit.
"""

from __future__ import annotations


def run(window, args) -> int | None:
    if args.quit:
        return 0
    return None
