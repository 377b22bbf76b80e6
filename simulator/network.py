"""A dense feed-forward network: layers ``H = f(X @ W + b)``, forward and backward passes.

Layout (the lecture's): X is (batch, fan_in), W is (fan_in, fan_out), b is (fan_out,).

Every parameter lives in one flat array ``theta`` and its gradient in one flat
``grad``; ``W[l]``, ``b[l]``, ``gW[l]``, ``gb[l]`` are reshaped views into them.
One flat vector lets optimizers, statistics and the divergence backup touch all
layers with a single array operation, which is what keeps small networks fast.

Backpropagation, with delta_l = dE/dZ_l (n, units_l):

    delta_L  = dE/dH_L * f'(Z_L)              (the loss module; fused for bce/sigmoid, ce/softmax)
    dE/dW_l  = H_{l-1}^T @ delta_l            (H_0 = X)
    dE/db_l  = sum over the batch of delta_l
    delta_l-1 = (delta_l @ W_l^T) * f'(Z_{l-1})
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import activations, initializers, losses
from .spec import NetworkSpec
from .xp import (
    asarray,
    backend_name,
    get_backend,
    resolve_dtype,
    to_float,
    to_numpy,
)


@dataclass
class LayerTrace:
    """One column of the forward pass; the input column has ``Z = None`` and ``H = X``."""

    #: Pre-activation X @ W + b, (n, units); None for the input column.
    Z: np.ndarray | None
    #: Activation f(Z), (n, units); the data itself for the input column.
    H: np.ndarray


@dataclass
class LayerBackprop:
    """What backpropagation computed for one layer (all NumPy, for the step-by-step view)."""

    #: The layer's input H_{l-1} (X for the first layer), (n, fan_in).
    A: np.ndarray
    #: Pre-activation, (n, units).
    Z: np.ndarray
    #: Activation, (n, units).
    H: np.ndarray
    #: dE/dZ, (n, units). Row i is sample i's share: dE/dW = sum_i outer(A[i], delta[i]).
    delta: np.ndarray
    #: dE/dW, (fan_in, units); 0 where the mask removed a connection.
    dW: np.ndarray
    #: dE/db, (units,); 0 when the layer has no bias.
    db: np.ndarray


@dataclass
class BackpropTrace:
    loss: float
    layers: list[LayerBackprop]


class _Workspace:
    """Preallocated buffers for one batch size, and the per-layer plans that use them."""

    def __init__(self, net: Network, n: int) -> None:
        xp, dt = net.xp, net.dtype
        self.n = n
        units = [layer.units for layer in net._spec.layers]
        #: Pre-activations Z_l.
        self.Z = [xp.empty((n, u), dt) for u in units]
        #: Activations H_l (the same array as Z_l for linear layers: no copy).
        self.H = [z if a.identity else xp.empty_like(z)
                  for z, a in zip(self.Z, net._acts, strict=True)]
        #: Deltas dE/dZ_l.
        self.D = [xp.empty((n, u), dt) for u in units]
        #: Scratch for f'(Z_l).
        self.T = [xp.empty((n, u), dt) for u in units]
        L = len(units)
        # Plans: tuples of everything one layer's step touches, so the hot loops do no lookups.
        self.fwd = [(net.W[l], net.b[l] if net._bias[l] else None, self.Z[l], self.H[l],
                     None if net._acts[l].identity else net._acts[l].f) for l in range(L)]
        self.bwd = []
        for l in reversed(range(L)):
            prev = None if l == 0 else (self.D[l - 1], self.Z[l - 1], self.H[l - 1],
                                        self.T[l - 1], None if net._acts[l - 1].identity
                                        else net._acts[l - 1].df)
            At = None if l == 0 else self.H[l - 1].T  # the layer's input, transposed (X: per batch)
            self.bwd.append((At, self.D[l], net.gW[l], net.gb[l] if net._bias[l] else None,
                             net._wmask[l], net.W[l].T, prev))


def dense_params(spec: NetworkSpec) -> int:
    """Weights and biases of the fully connected network (what "auto" sizes the backend by)."""
    return sum(fi * fo + fo for (fi, fo), _ in spec.weight_shapes())


class Network:
    """A dense network built from a :class:`~simulator.spec.NetworkSpec`.

    >>> net = Network.from_spec({"inputs": 2, "layers": [{"units": 1, "activation": "sigmoid"}]})
    >>> net.predict([[0.0, 1.0]]).shape
    (1, 1)
    """

    def __init__(self, spec: NetworkSpec | dict, *, init: str = "xavier", seed: int | None = 0,
                 backend: str = "numpy", dtype: str = "float32") -> None:
        self._spec = NetworkSpec.coerce(spec)
        initializers.get(init)  # fail early on a typo
        #: The array module (numpy or cupy) every array of this network lives in
        #: ("auto" decides by size: see ``xp.choose_backend``).
        self.xp = get_backend(backend, dense_params(self._spec))
        #: "numpy" or "cupy" (what "auto" resolved to).
        self.backend = backend_name(self.xp)
        #: Compute dtype; inputs are cast to it.
        self.dtype = resolve_dtype(dtype)
        #: Network-wide initializer name (a layer's own ``init`` overrides it).
        self.init = init
        #: Seed of the last initialization.
        self.seed = seed
        self._acts = [activations.get(layer.activation) for layer in self._spec.layers]
        self._bias = [layer.use_bias for layer in self._spec.layers]
        self._layout()
        self.initialize()

    @classmethod
    def from_spec(cls, spec: NetworkSpec | dict, init: str = "xavier", seed: int | None = 0,
                  backend: str = "numpy", dtype: str = "float32") -> Network:
        return cls(spec, init=init, seed=seed, backend=backend, dtype=dtype)

    def _layout(self) -> None:
        """Carve theta/grad into per-layer views and build the masks over them."""
        xp, dt = self.xp, self.dtype
        shapes = self._spec.weight_shapes()
        sizes = [fi * fo + fo for (fi, fo), _ in shapes]
        P = sum(sizes)
        #: All parameters, flat: W_0, b_0, W_1, b_1, ...
        self.theta = xp.zeros(P, dt)
        #: dE/dtheta, same layout (scratch: optimizers overwrite it).
        self.grad = xp.zeros(P, dt)
        self.W, self.b, self.gW, self.gb = [], [], [], []
        #: Start of each W and b segment, for per-layer sums with NumPy's reduceat.
        starts = []
        #: 1 on present weights, 0 on biases and removed connections (regularization).
        wmask_flat = np.zeros(P, dt)
        #: Per layer: the 0/1 mask as a dtype array, or None when nothing is removed.
        self._wmask = []
        #: Per layer: number of present connections (for means over the layer's weights).
        self._n_weights = []
        o = 0
        for ((fi, fo), _), layer in zip(shapes, self._spec.layers, strict=True):
            starts += [o, o + fi * fo]
            self.W.append(self.theta[o:o + fi * fo].reshape(fi, fo))
            self.gW.append(self.grad[o:o + fi * fo].reshape(fi, fo))
            self.b.append(self.theta[o + fi * fo:o + fi * fo + fo])
            self.gb.append(self.grad[o + fi * fo:o + fi * fo + fo])
            mask = layer.mask if layer.mask is not None and not layer.mask.all() else None
            m = np.ones((fi, fo), dt) if mask is None else mask.astype(dt)
            wmask_flat[o:o + fi * fo] = m.ravel()
            self._wmask.append(None if mask is None else xp.asarray(m))
            self._n_weights.append(max(1, int(m.sum())))
            o += fi * fo + fo
        self._weight_mask = xp.asarray(wmask_flat)
        self._starts = np.array(starts, dtype=np.intp)

    # -- parameters --------------------------------------------------------------------
    def initialize(self, init: str | None = None, seed: int | None = None) -> None:
        """(Re)draw the weights; biases become 0. Defaults: the constructor's init and seed."""
        if init is not None:
            initializers.get(init)
            self.init = init
        if seed is not None:
            self.seed = seed
        rng = np.random.default_rng(self.seed)
        self.theta[...] = 0.0
        for l, layer in enumerate(self._spec.layers):
            fi, fo = self.W[l].shape
            W = initializers.get(layer.init or self.init)(rng, fi, fo)
            if layer.mask is not None:
                W = W * layer.mask
            self.W[l][...] = self.xp.asarray(W.astype(self.dtype))

    def get_weights(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """``[(W, b), ...]`` as NumPy copies; W (fan_in, fan_out), b (fan_out,)."""
        return [(to_numpy(W).copy(), to_numpy(b).copy())
                for W, b in zip(self.W, self.b, strict=True)]

    def set_weights(self, weights) -> None:
        """Load ``[(W, b), ...]``; removed connections and absent biases are forced to 0."""
        shapes = self._spec.weight_shapes()
        if len(weights) != len(shapes):
            raise ValueError(f"set_weights: expected {len(shapes)} (W, b) pairs, one per layer, "
                             f"got {len(weights)}")
        new = []
        for l, (pair, (wshape, bshape)) in enumerate(zip(weights, shapes, strict=True)):
            where = f"layer {l + 1} ({self._spec.layer_name(l)})"
            try:
                W, b = pair
            except (TypeError, ValueError):
                raise ValueError(f"set_weights: {where} must be a (W, b) pair") from None
            W, b = np.asarray(W, dtype=np.float64), np.asarray(b, dtype=np.float64)
            if W.shape != wshape:
                raise ValueError(f"set_weights: {where} W has shape {W.shape}, expected {wshape} "
                                 "(fan_in, fan_out)")
            if b.shape != bshape:
                raise ValueError(f"set_weights: {where} b has shape {b.shape}, expected {bshape}")
            new.append((W, b))
        for l, (W, b) in enumerate(new):
            mask = self._spec.layers[l].mask
            self.W[l][...] = self.xp.asarray((W if mask is None else W * mask).astype(self.dtype))
            self.b[l][...] = self.xp.asarray(b.astype(self.dtype)) if self._bias[l] else 0.0

    @property
    def spec(self) -> NetworkSpec:
        """A copy of the spec this network was built from."""
        return self._spec.copy()

    @property
    def sizes(self) -> list[int]:
        return self._spec.sizes

    @property
    def n_layers(self) -> int:
        return len(self._spec.layers)

    @property
    def n_params(self) -> int:
        """Trainable parameters: present connections plus biases."""
        return sum(self._n_weights) + sum(
            layer.units for layer in self._spec.layers if layer.use_bias)

    @property
    def activations(self) -> list[str]:
        return [a.name for a in self._acts]

    def __repr__(self) -> str:
        cols = "-".join(map(str, self.sizes))
        acts = ",".join(self.activations)
        return f"Network({cols} [{acts}], {self.backend}, {self.dtype.name})"

    # -- passes ------------------------------------------------------------------------
    def _workspace(self, n: int) -> _Workspace:
        return _Workspace(self, n)

    def _as_input(self, X):
        X = asarray(self.xp, X, self.dtype)
        if X.ndim == 1:
            X = X.reshape(1, -1) if self._spec.inputs > 1 else X.reshape(-1, 1)
        if X.ndim != 2 or X.shape[1] != self._spec.inputs:
            raise ValueError(f"X must have shape (n, {self._spec.inputs}), got {tuple(X.shape)}")
        return X

    def _as_target(self, Y, n: int):
        Y = asarray(self.xp, Y, self.dtype)
        k = self._spec.layers[-1].units
        if Y.ndim == 1 and k == 1:
            Y = Y.reshape(-1, 1)
        if Y.shape != (n, k):
            raise ValueError(f"Y must have shape ({n}, {k}) to match X and the output layer, "
                             f"got {tuple(Y.shape)}")
        return Y

    def _forward(self, X, ws: _Workspace):
        """Fill ws.Z and ws.H for input X (ws.n rows); returns the output activation."""
        matmul, add = self.xp.matmul, self.xp.add
        A = X
        for W, b, Z, H, f in ws.fwd:
            matmul(A, W, out=Z)
            if b is not None:
                add(Z, b, out=Z)
            if f is not None:
                f(Z, H)
            A = H
        return A

    def _backward(self, X, Y, loss: losses.Loss, ws: _Workspace):
        """After _forward on X: the loss, with dE/dtheta written into ``grad``.

        The loss is a float on NumPy and a 0-d device array on CuPy (``xp.lazy_float``).
        The output delta comes from ``loss.delta`` (``losses.perceptron(...)`` for the
        perceptron rule).
        """
        xp = self.xp
        # NumPy's add.reduce skips np.sum's Python layer; CuPy's ufuncs may lack .reduce.
        matmul, multiply = xp.matmul, xp.multiply
        add_reduce = xp.add.reduce if xp is np else xp.sum
        e = loss.delta(ws.Z[-1], ws.H[-1], Y, self._acts[-1], ws.D[-1], ws.T[-1])
        for At, D, gW, gb, mask, Wt, prev in ws.bwd:
            matmul(X.T if At is None else At, D, out=gW)
            if mask is not None:
                multiply(gW, mask, out=gW)
            if gb is not None:
                add_reduce(D, axis=0, out=gb)
            if prev is not None:
                Dp, Zp, Hp, Tp, df = prev
                matmul(D, Wt, out=Dp)
                if df is not None:
                    multiply(Dp, df(Zp, Hp, Tp), out=Dp)
        return e

    def predict(self, X) -> np.ndarray:
        """The network's output for X, as a NumPy array (n, outputs)."""
        X = self._as_input(X)
        return to_numpy(self._forward(X, self._workspace(X.shape[0]))).copy()

    def forward(self, X) -> list[LayerTrace]:
        """Per column, input first: ``LayerTrace(Z, H)`` as NumPy copies (for the matrix view)."""
        X = self._as_input(X)
        ws = self._workspace(X.shape[0])
        self._forward(X, ws)
        out = [LayerTrace(None, to_numpy(X).copy())]
        out += [LayerTrace(to_numpy(Z).copy(), to_numpy(H).copy())
                for Z, H in zip(ws.Z, ws.H, strict=True)]
        return out

    def loss(self, X, Y, loss: str = "mse") -> float:
        """The data loss of the network on (X, Y)."""
        lossfn = losses.check(loss, self._acts[-1].name)
        X = self._as_input(X)
        Y = self._as_target(Y, X.shape[0])
        ws = self._workspace(X.shape[0])
        self._forward(X, ws)
        return to_float(lossfn.value(ws.Z[-1], ws.H[-1], Y))

    def backward_trace(self, X, Y, loss: str = "mse") -> BackpropTrace:
        """Everything one forward + backward pass computed, per layer, as NumPy copies.

        Leaves the network's weights and optimizer state untouched.
        """
        lossfn = losses.check(loss, self._acts[-1].name)
        X = self._as_input(X)
        Y = self._as_target(Y, X.shape[0])
        ws = self._workspace(X.shape[0])
        self._forward(X, ws)
        self.grad[...] = 0.0
        e = self._backward(X, Y, lossfn, ws)
        layers = []
        for l in range(self.n_layers):
            A = X if l == 0 else ws.H[l - 1]
            layers.append(LayerBackprop(*(to_numpy(a).copy() for a in (
                A, ws.Z[l], ws.H[l], ws.D[l], self.gW[l], self.gb[l]))))
        return BackpropTrace(to_float(e), layers)

    def loss_and_gradients(self, X, Y, loss: str = "mse"):
        """``(E, [(dE/dW, dE/db), ...])``: data loss and gradients shaped like get_weights()."""
        t = self.backward_trace(X, Y, loss)
        return t.loss, [(layer.dW, layer.db) for layer in t.layers]
