"""The compiled training path: whole epochs of small dense networks in numba.

On networks of a few dozen weights the NumPy path spends its time in Python and
NumPy call overhead (~1 µs per operation, dozens of operations per batch), not in
arithmetic. Here an epoch (every batch's forward, backward, regularization and
optimizer step, then the per-epoch statistics) is one call of compiled code
(``epoch.run_epoch``). Above :data:`CROSSOVER` weights BLAS does the matrix products
faster than simple loops, and the NumPy path is used.

Which path a run takes (``Trainer.engine_path`` says which, and why):

* ``Trainer(engine=...)`` or, when that is "auto", the environment variable
  ``ANN_SIM_ENGINE`` (``compiled`` | ``numpy`` | ``auto``) forces a path;
* "auto" takes the compiled path for NumPy networks up to :data:`CROSSOVER` weights;
* the NumPy path whenever the compiled one cannot run: the CuPy backend, numba
  missing or failing to compile.

Modules: ``kernels`` (activations and derivatives), ``losses``, ``optimizers``,
``epoch`` (forward, backward, the epoch loop, statistics), ``engine`` (the Python
side), ``threads`` (BLAS thread limits). Compiled code is cached on disk by numba
(``__pycache__`` beside the modules): the first run on an installation compiles
for a few seconds per dtype, later processes load it in well under a second.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..settings import ENGINES

#: Environment variable that forces a path when the trainer's ``engine`` is "auto".
ENV = "ANN_SIM_ENGINE"
#: Weights (present connections, all layers) up to which "auto" takes the compiled path.
#: Measured (docs/benchmarks.md, engine section; bench/bench_engine.py --only compiled):
#: compiled / NumPy batches per second on 2-w-w-1 tanh networks at batch 10 were 1.38 at
#: w = 40 (1 720 weights) and 0.77-0.84 at w = 48 (2 448): the ratio crosses 1 near 2 200.
CROSSOVER = 2_048

#: What the kernels implement (kernels.py, losses.py and optimizers.py number them in this
#: order); anything else, e.g. a loss added to simulator/losses.py later, trains on NumPy.
ACTIVATIONS = ("step", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "swish",
               "gelu", "linear", "softmax")
LOSSES = ("mse", "sse", "bce", "cross_entropy")
OPTIMIZERS = ("sgd", "momentum", "rmsprop", "adam", "perceptron")
_KERNEL_FILES = ("kernels.py", "losses.py", "optimizers.py", "epoch.py")
#: The imported ``engine`` module, or the reason it cannot be used ("" before trying).
_engine = None
_error = ""


def load():
    """The ``engine`` module (numba imported, stale caches dropped), or None; see :func:`error`."""
    global _engine, _error
    if _engine is None and not _error:
        try:
            _drop_stale_cache()
            from . import engine  # noqa: PLC0415 - numba is imported only when needed
        except Exception as exc:  # ImportError, or numba refusing this platform
            _error = f"numba is unavailable: {type(exc).__name__}: {exc}"
        else:
            _engine = engine
    return _engine


def error() -> str:
    return _error


def fail(exc: BaseException) -> str:
    """Remember that compiling or running the kernels failed; later runs use NumPy."""
    global _engine, _error
    _engine, _error = None, f"the compiled engine failed: {type(exc).__name__}: {exc}"
    return _error


def requested(engine: str) -> tuple[str, str]:
    """``(choice, where)``: the trainer's choice, or the environment's when it is "auto"."""
    if engine != "auto":
        return engine, f"engine='{engine}'"
    env = os.environ.get(ENV, "auto").strip().lower() or "auto"
    return (env if env in ENGINES else "auto"), f"{ENV}={env}"


def declined(net, engine: str = "auto", loss: str = "mse", optimizer: str = "sgd") -> str:
    """Why a run of ``net`` takes the NumPy path without trying numba; "" when it would not."""
    choice, where = requested(engine)
    if choice == "numpy":
        return f"forced by {where}"
    if loss not in LOSSES or optimizer not in OPTIMIZERS:
        return f"no compiled kernel for the loss '{loss}' with the optimizer '{optimizer}'"
    missing = [a for a in net.activations if a not in ACTIVATIONS]
    if missing:
        return f"no compiled kernel for the activation '{missing[0]}'"
    if net.backend != "numpy":
        return f"the {net.backend} backend computes on its own device"
    weights = sum(net._n_weights)
    if choice == "auto" and weights > CROSSOVER:
        return f"{weights:,} weights, above the compiled engine's {CROSSOVER:,}"
    return ""


def choose(net, engine: str = "auto", loss: str = "mse", optimizer: str = "sgd") -> str:
    """"compiled", or "numpy (why)": the path a run of ``net`` takes."""
    why = declined(net, engine, loss, optimizer)
    if not why and load() is None:
        why = _error
    return f"numpy ({why})" if why else "compiled"


def prepared(dtype) -> bool:
    """Whether this process already has the kernels for ``dtype`` (no compile or load ahead)."""
    if _engine is None:
        return False
    return any(sig[0].dtype.name == str(dtype) for sig in _engine.epoch.run_epoch.signatures)


def cached() -> bool:
    """Whether numba's disk cache holds the epoch kernel (loading then takes well under a
    second; without it the first run compiles, for tens of seconds)."""
    engine = load()
    if engine is None:
        return False
    try:
        folder = Path(engine.epoch.run_epoch._cache._cache_path)
        return any(folder.glob("epoch.run_epoch-*.nbi"))
    except Exception:  # noqa: BLE001 - numba's internals moved: assume a compile ahead
        return False


def prepare(dtypes=("float32", "float64")) -> None:
    """Compile (first time on this installation) or load the kernels for ``dtypes`` now."""
    engine = load()
    if engine is None:
        return
    import numpy as np  # noqa: PLC0415

    from ..network import Network  # noqa: PLC0415
    from ..trainer import Trainer  # noqa: PLC0415
    spec = {"inputs": 2, "layers": [{"units": 2, "activation": "tanh"},
                                    {"units": 1, "activation": "sigmoid"}]}
    for dt in dtypes:
        if prepared(dt):
            continue
        trainer = Trainer(Network(spec, dtype=dt), batch_size=2)
        net = trainer.net
        X = net._as_input([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
        Y = net._as_target([1.0, 1.0, 0.0], 3)
        tables = engine.Tables(trainer, X, Y, X, Y, X, "classification", 0.5, 1)
        gabs, gsq = np.zeros_like(net.theta), np.zeros(net.theta.shape, np.float64)
        engine._train(trainer, tables, net.theta, net.grad, net._weight_mask,
                      np.arange(3), net.theta.copy(), gabs, gsq)
        engine._stats(trainer, tables, gabs, gsq, 0, 0)


def _drop_stale_cache() -> None:
    """Delete numba's cache files when any kernel source changed.

    numba checks only the source file of the function it caches (epoch.py), not the
    modules it calls into; a stamp of all four sources keeps an edited kernel from
    running stale code.
    """
    here = Path(__file__).parent
    digest = hashlib.sha1()
    for name in _KERNEL_FILES:
        digest.update((here / name).read_bytes())
    cache = here / "__pycache__"
    stamp = cache / "kernels.stamp"
    try:
        if stamp.exists() and stamp.read_text() == digest.hexdigest():
            return
        for f in list(cache.glob("*.nbi")) + list(cache.glob("*.nbc")):
            f.unlink()
        cache.mkdir(exist_ok=True)
        stamp.write_text(digest.hexdigest())
    except OSError:  # a read-only installation: numba then caches per user, keyed the same
        pass
