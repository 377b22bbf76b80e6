"""The one place that decides which array library the engine computes with.

Numeric code asks this module for ``xp`` (NumPy or CuPy) and otherwise reads
like NumPy. CuPy is imported lazily, only when a caller asks for it, so the
app starts without it; :func:`to_numpy` is the only way arrays leave the
engine, so nothing outside ``simulator/`` ever sees a GPU array.
"""

from __future__ import annotations

import numpy as np

from .errors import BackendUnavailable

BACKENDS = ("numpy", "cupy", "auto")
DTYPES = ("float32", "float64")

#: The imported CuPy module, or None before the first attempt / after a failure.
_cupy = None
#: Why CuPy cannot be used ("" while unknown or usable).
_cupy_reason = ""
#: Whether the import has been attempted (it is attempted at most once).
_cupy_tried = False


def _load_cupy():
    """Import CuPy once and check that a CUDA device answers; remember why not."""
    global _cupy, _cupy_reason, _cupy_tried
    if _cupy_tried:
        return _cupy
    _cupy_tried = True
    try:
        import cupy  # noqa: PLC0415 - optional dependency, imported on demand
    except Exception as exc:  # ImportError, or a broken CUDA install raising anything
        _cupy_reason = (f"CuPy is not installed or cannot be imported ({exc}); "
                        "install it with: pip install cupy-cuda12x")
        return None
    try:
        count = cupy.cuda.runtime.getDeviceCount()
    except Exception as exc:
        _cupy_reason = f"CuPy is installed but no CUDA device is usable ({exc})"
        return None
    if count < 1:
        _cupy_reason = "CuPy is installed but this machine has no CUDA GPU"
        return None
    _cupy = cupy
    return cupy


def cupy_status() -> tuple[bool, str]:
    """``(usable, reason)``: whether the CuPy backend works here and, if not, why."""
    return (_load_cupy() is not None, _cupy_reason)


def get_backend(name: str):
    """The array module for a backend name; ``"auto"`` prefers CuPy, falls back to NumPy."""
    if name == "numpy":
        return np
    if name == "cupy":
        cp = _load_cupy()
        if cp is None:
            raise BackendUnavailable(f"backend 'cupy' is unavailable: {_cupy_reason}")
        return cp
    if name == "auto":
        return _load_cupy() or np
    raise ValueError(f"unknown backend '{name}'; choose one of {', '.join(BACKENDS)}")


def backend_name(xp) -> str:
    return "numpy" if xp is np else "cupy"


def get_array_module(x):
    """NumPy or CuPy, whichever owns ``x`` (CuPy's own rule, without importing it needlessly)."""
    if type(x) is np.ndarray or _cupy is None:
        return np
    return _cupy.get_array_module(x)


def to_numpy(x) -> np.ndarray:
    """A NumPy array for ``x`` (copied off the GPU when needed; NumPy input is returned as is)."""
    if isinstance(x, np.ndarray):
        return x
    if _cupy is not None and isinstance(x, _cupy.ndarray):
        return _cupy.asnumpy(x)
    return np.asarray(x)


def resolve_dtype(name) -> np.dtype:
    dtype = np.dtype(name)
    if dtype.name not in DTYPES:
        raise ValueError(f"dtype must be one of {', '.join(DTYPES)}, got {dtype.name}")
    return dtype


def asarray(xp, x, dtype) -> object:
    """``x`` as a C-contiguous array of ``dtype`` on backend ``xp`` (no copy when it already is)."""
    return xp.ascontiguousarray(xp.asarray(x, dtype=dtype))
