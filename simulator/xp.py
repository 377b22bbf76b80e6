"""The one place that decides which array library the engine computes with.

Numeric code asks this module for ``xp`` (NumPy or CuPy) and otherwise reads
like NumPy. CuPy is imported lazily, only when a caller asks for it, so the
app starts without it; :func:`to_numpy` is the only way arrays leave the
engine, so nothing outside ``simulator/`` ever sees a GPU array.

On a device backend a training step must not wait for the device: a Python
``float(...)``, ``bool(...)`` or ``.item()`` of a device array copies it to the
host and blocks until every queued kernel has run. Values the loop needs per
batch therefore stay device arrays (:func:`lazy_float`) and are read once per
epoch, all in one transfer (``stats.fetch``).
"""

from __future__ import annotations

import importlib
import threading
from typing import NamedTuple

import numpy as np

from .errors import BackendUnavailable

BACKENDS = ("numpy", "cupy", "auto")
DTYPES = ("float32", "float64")

#: Fewest trainable parameters for which "auto" trains on the GPU. PROVISIONAL, NOT MEASURED:
#: no device was available when it was set. It must be set from the crossover that
#: ``bench/bench_gpu.py`` measures on a device (docs/benchmarks.md, GPU). Why a floor at all:
#: every array operation on a GPU costs a kernel launch of several microseconds, ~30 of them
#: per batch, which small networks cannot amortize; the lecture's 2-4-2-1 (25 parameters)
#: and TensorFlow Playground's networks must always stay on the CPU.
AUTO_GPU_MIN_PARAMS = 250_000


class CupyInfo(NamedTuple):
    """What the probe found: ``state`` is "ok", "missing" (CuPy absent or broken) or
    "no_device" (CuPy imports but no CUDA device answers)."""

    state: str
    #: The device's name when ``state == "ok"``, else the error the probe met.
    detail: str

    @property
    def usable(self) -> bool:
        return self.state == "ok"


def _import_cupy():
    """The probe's import (tests replace it with a fake module or a failing import)."""
    return importlib.import_module("cupy")


#: The imported CuPy module once the probe found a device, else None.
_cupy = None
#: The probe's result; None until the first probe.
_info: CupyInfo | None = None
#: The probe may run in the GUI's background thread and in the engine at the same time.
_lock = threading.Lock()


def _load_cupy():
    """Import CuPy once and check that a CUDA device answers; remember why not."""
    global _cupy, _info
    with _lock:
        if _info is None:
            _cupy, _info = _probe()
        return _cupy


def _probe() -> tuple[object, CupyInfo]:
    try:
        cupy = _import_cupy()
    except Exception as exc:  # ImportError, or a broken CUDA install raising anything
        return None, CupyInfo("missing", str(exc) or type(exc).__name__)
    try:
        count = cupy.cuda.runtime.getDeviceCount()
    except Exception as exc:  # cudaErrorNoDevice, cudaErrorInsufficientDriver, ...
        return None, CupyInfo("no_device", str(exc) or type(exc).__name__)
    if count < 1:
        return None, CupyInfo("no_device", "no CUDA device found")
    try:
        name = cupy.cuda.runtime.getDeviceProperties(0)["name"]
        name = name.decode() if isinstance(name, bytes) else str(name)
    except Exception:  # noqa: BLE001 - the name is cosmetic; the device answered
        name = "GPU"
    return cupy, CupyInfo("ok", name)


def reset_probe() -> None:
    """Forget the probe's result (tests; the next question probes again)."""
    global _cupy, _info
    with _lock:
        _cupy, _info = None, None


def cupy_probed() -> bool:
    """Whether the probe has run (asking :func:`cupy_info` then costs nothing)."""
    return _info is not None


def cupy_info() -> CupyInfo:
    """The probe's result (importing CuPy the first time: can take seconds)."""
    _load_cupy()
    return _info


def cupy_status() -> tuple[bool, str]:
    """``(usable, reason)``: whether the CuPy backend works here and, if not, why."""
    info = cupy_info()
    if info.state == "missing":
        return False, (f"CuPy is not installed or cannot be imported ({info.detail}); "
                       "install it with: pip install cupy-cuda12x")
    if info.state == "no_device":
        return False, f"CuPy is installed but no CUDA device is usable ({info.detail})"
    return True, ""


def device_name() -> str:
    """The CUDA device's name, or "" when CuPy cannot use one."""
    info = cupy_info()
    return info.detail if info.usable else ""


def choose_backend(name: str, n_params: int = 0) -> str:
    """"numpy" or "cupy": what backend ``name`` means for a network of ``n_params``.

    "auto" is CuPy only when a device works AND the network has at least
    :data:`AUTO_GPU_MIN_PARAMS` parameters; "cupy" raises BackendUnavailable when it cannot.
    """
    if name == "numpy":
        return "numpy"
    if name == "cupy":
        if _load_cupy() is None:
            raise BackendUnavailable(f"backend 'cupy' is unavailable: {cupy_status()[1]}")
        return "cupy"
    if name == "auto":
        if n_params < AUTO_GPU_MIN_PARAMS:
            return "numpy"  # decided without importing CuPy
        return "cupy" if _load_cupy() is not None else "numpy"
    raise ValueError(f"unknown backend '{name}'; choose one of {', '.join(BACKENDS)}")


def get_backend(name: str, n_params: int = 0):
    """The array module for a backend name (see :func:`choose_backend` for "auto")."""
    return np if choose_backend(name, n_params) == "numpy" else _load_cupy()


def backend_name(xp) -> str:
    return "numpy" if xp is np else "cupy"


def on_device(xp) -> bool:
    """True for a device backend, where reading a value back waits for the device."""
    return xp is not np


def get_array_module(x):
    """NumPy or CuPy, whichever owns ``x`` (CuPy's own rule, without importing it needlessly)."""
    if type(x) is np.ndarray or _cupy is None:
        return np
    return _cupy.get_array_module(x)


def to_numpy(x) -> np.ndarray:
    """A NumPy array for ``x`` (copied off the GPU when needed; NumPy input is returned as is)."""
    if type(x) is np.ndarray:
        return x
    if _cupy is not None and isinstance(x, _cupy.ndarray):
        return _cupy.asnumpy(x)
    return np.asarray(x)


def to_float(x) -> float:
    """A Python float for a scalar that may live on the device (waits for it there)."""
    return x if type(x) is float else float(to_numpy(x))


def lazy_float(x):
    """A scalar result where it is cheapest to keep: a Python float on NumPy (reading it is
    free), a 0-d float64 array on a device (reading it would wait for the device)."""
    if isinstance(x, np.generic) or type(x) is np.ndarray:  # NumPy's reductions give generics
        return float(x)
    return x.astype(get_array_module(x).float64)


def resolve_dtype(name) -> np.dtype:
    dtype = np.dtype(name)
    if dtype.name not in DTYPES:
        raise ValueError(f"dtype must be one of {', '.join(DTYPES)}, got {dtype.name}")
    return dtype


def asarray(xp, x, dtype) -> object:
    """``x`` as a C-contiguous array of ``dtype`` on backend ``xp`` (no copy when it already is)."""
    return xp.ascontiguousarray(xp.asarray(x, dtype=dtype))
