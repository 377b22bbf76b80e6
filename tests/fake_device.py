"""A NumPy-backed stand-in for CuPy that counts every way a value leaves the "device".

``FakeCupy`` looks like the ``cupy`` module to ``simulator.xp``: its arrays are
:class:`DeviceArray` (a NumPy subclass whose reductions stay 0-d arrays, as CuPy's
do), ``cuda.runtime`` answers like one GPU (or none, or fails), and ``asnumpy`` is
the legitimate way back, counted in ``transfers["asnumpy"]``. Anything else that
reads a value on the host, as CuPy would have to wait for the device to do
(``float()``, ``int()``, ``bool()``, ``operator.index()``, ``.item()``,
``.tolist()``, ``repr``/``format``), is counted in ``transfers["implicit"]``.

What it cannot see: a NumPy function applied directly to a device array, which
CuPy would either run on the device (``__array_function__``) or refuse
(``np.asarray``); the real parity tests (``-m gpu``) cover those.
"""

from __future__ import annotations

import types
from collections import Counter

import numpy as np

transfers: Counter = Counter()


def _implicit(name):
    def method(self, *args, **kwargs):
        transfers["implicit"] += 1
        return getattr(np.ndarray, name)(self.view(np.ndarray), *args, **kwargs)
    return method


class DeviceArray(np.ndarray):
    """An array "on the device"."""

    def __array_wrap__(self, arr, context=None, return_scalar=False):  # noqa: ARG002
        return np.asarray(arr).view(DeviceArray)  # 0-d results stay arrays, as in CuPy

    def __getitem__(self, key):
        r = super().__getitem__(key)
        return r if isinstance(r, np.ndarray) else np.asarray(r).view(DeviceArray)

    def __setitem__(self, key, value):
        if isinstance(value, DeviceArray):  # a copy on the device
            value = value.view(np.ndarray)
        super().__setitem__(key, value)

    __float__ = _implicit("__float__")
    __int__ = _implicit("__int__")
    __bool__ = _implicit("__bool__")
    __index__ = _implicit("__index__")
    __repr__ = _implicit("__repr__")
    __str__ = _implicit("__str__")
    __format__ = _implicit("__format__")
    item = _implicit("item")
    tolist = _implicit("tolist")


def _device(r):
    if isinstance(r, DeviceArray):
        return r
    if isinstance(r, np.ndarray):
        return r.view(DeviceArray)
    if isinstance(r, (np.generic, int, float, bool)):
        return np.asarray(r).view(DeviceArray)
    if isinstance(r, tuple):
        return tuple(_device(x) for x in r)
    return r


class _Ufunc:
    def __init__(self, uf):
        self._uf = uf

    def __call__(self, *args, **kwargs):
        return _device(self._uf(*args, **kwargs))

    def __getattr__(self, name):
        attr = getattr(self._uf, name)
        return (lambda *a, **k: _device(attr(*a, **k))) if callable(attr) else attr


class _Runtime:
    def __init__(self, devices, error):
        self._devices, self._error = devices, error

    def getDeviceCount(self):  # noqa: N802 - CUDA's name
        if self._error:
            raise RuntimeError(self._error)
        return self._devices

    def getDeviceProperties(self, i):  # noqa: N802
        return {"name": b"Fake GPU 9000"}


class FakeCupy(types.ModuleType):
    """``cupy`` as far as the engine uses it; ``devices=0`` or ``error`` fake a GPU-less box."""

    ndarray = DeviceArray

    def __init__(self, devices: int = 1, error: str = ""):
        super().__init__("cupy")
        self.cuda = types.SimpleNamespace(runtime=_Runtime(devices, error))

    def __getattr__(self, name):
        attr = getattr(np, name)
        if isinstance(attr, np.ufunc):
            return _Ufunc(attr)
        if isinstance(attr, type) or not callable(attr):
            return attr  # dtypes, constants
        return lambda *a, **k: _device(attr(*a, **k))

    @staticmethod
    def asnumpy(x):
        transfers["asnumpy"] += 1
        return np.array(x.view(np.ndarray))

    def get_array_module(self, x):
        return self if isinstance(x, DeviceArray) else np
