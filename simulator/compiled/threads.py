"""BLAS thread limits for training processes (threadpoolctl).

OpenBLAS starts one thread per core and, between calls, keeps them spinning. On
the small matrices of a student's network a product takes microseconds, so the
extra threads only wake, spin and compete: with the GUI or another training process
on the same cores they slow everything down (docs/benchmarks.md, engine section).
Training processes therefore run BLAS single-threaded unless one matrix product of
a batch is large (:data:`BLAS_WORK` multiply-adds), and grid-search workers, one per
core, always single-threaded.
"""

from __future__ import annotations

import os

#: Multiply-adds in the largest matrix product of one batch (batch x fan_in x fan_out)
#: from which BLAS keeps its threads. Measured with other processes on the 2 cores, one
#: thread was faster on all four benchmark networks, up to 784-512-512-10 at batch 256
#: (103 million), so only larger products get more.
BLAS_WORK = 128_000_000


def blas_threads(net, batch_size: int, workers: int = 1) -> int:
    """Threads worth giving BLAS for ``net`` at ``batch_size`` with ``workers`` processes."""
    sizes = net.sizes
    work = max(batch_size * a * b for a, b in zip(sizes[:-1], sizes[1:], strict=True))
    if work < BLAS_WORK:
        return 1
    return max(1, (os.cpu_count() or 1) // max(1, workers))


def limit(threads: int):
    """Limit BLAS (and OpenMP) pools of this process to ``threads``; returns the limiter
    (keep it; ``.restore_original_limits()`` undoes it), or None without threadpoolctl."""
    try:
        from threadpoolctl import threadpool_limits  # noqa: PLC0415
    except ImportError:
        return None
    return threadpool_limits(limits=threads)
