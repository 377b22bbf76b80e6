"""The network spec: plain data describing a dense network's topology.

A spec is what the editor edits, the project file stores and the engine builds
from. The dict form is the public one (``{"inputs": 2, "layers": [{"units": 4,
"activation": "tanh"}, ...]}``); :class:`NetworkSpec` is the validated form.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace

import numpy as np

from .errors import SpecError

#: Activation names the engine implements (``simulator.activations`` holds the math).
ACTIVATIONS = ("step", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus",
               "swish", "gelu", "linear", "softmax")
#: Weight initializers the engine implements.
INITIALIZERS = ("uniform01", "uniform", "normal", "xavier", "he", "zeros")
#: Largest layer the editor and engine accept; guards against absurd files and typos.
MAX_UNITS = 4096

_uids = itertools.count(1)


@dataclass(eq=False)
class LayerSpec:
    """One dense layer ``H = f(X @ W + b)``."""

    units: int
    activation: str = "tanh"
    use_bias: bool = True
    #: Optional 0/1 matrix (fan_in, units); 0 marks a removed connection.
    mask: np.ndarray | None = None
    #: Initializer for this layer only; None uses the network-wide one.
    init: str | None = None
    #: Display name; empty means "Hidden k" / "Output".
    name: str = ""
    #: Identity kept across edits (not saved): lets weights follow a layer that moves.
    uid: int = field(default_factory=lambda: next(_uids), compare=False, repr=False)

    def to_dict(self) -> dict:
        d: dict = {"units": self.units, "activation": self.activation}
        if not self.use_bias:
            d["use_bias"] = False
        if self.mask is not None:
            d["mask"] = self.mask.astype(int).tolist()
        if self.init is not None:
            d["init"] = self.init
        if self.name:
            d["name"] = self.name
        return d

    def __eq__(self, other) -> bool:
        return isinstance(other, LayerSpec) and self.to_dict() == other.to_dict()


@dataclass(eq=False)
class NetworkSpec:
    """Input size plus the dense layers from first hidden to output."""

    inputs: int
    layers: list[LayerSpec] = field(default_factory=list)

    # -- conversion ------------------------------------------------------------------
    @classmethod
    def coerce(cls, spec: NetworkSpec | dict) -> NetworkSpec:
        """Accept a NetworkSpec or its dict form; always return a validated copy."""
        if isinstance(spec, NetworkSpec):
            out = spec.copy()
        elif isinstance(spec, dict):
            out = cls.from_dict(spec)
        else:
            raise SpecError("network spec must be a dict or NetworkSpec, "
                            f"not {type(spec).__name__}")
        out.validate()
        return out

    @classmethod
    def from_dict(cls, d: dict) -> NetworkSpec:
        if not isinstance(d, dict):
            raise SpecError("network spec must be a JSON object with 'inputs' and 'layers'")
        unknown = set(d) - {"inputs", "layers"}
        if unknown:
            raise SpecError(f"network spec: unknown keys {sorted(unknown)}")
        if "inputs" not in d or "layers" not in d:
            raise SpecError("network spec needs both 'inputs' and 'layers'")
        if not isinstance(d["layers"], list):
            raise SpecError("network spec: 'layers' must be a list")
        layers = [_layer_from_dict(i, ld) for i, ld in enumerate(d["layers"])]
        spec = cls(inputs=_int(d["inputs"], "inputs"), layers=layers)
        spec.validate()
        return spec

    def to_dict(self) -> dict:
        return {"inputs": self.inputs, "layers": [layer.to_dict() for layer in self.layers]}

    def __eq__(self, other) -> bool:
        return isinstance(other, NetworkSpec) and self.to_dict() == other.to_dict()

    def copy(self) -> NetworkSpec:
        return NetworkSpec(self.inputs, [
            replace(layer, mask=None if layer.mask is None else layer.mask.copy())
            for layer in self.layers])

    # -- queries ---------------------------------------------------------------------
    @property
    def sizes(self) -> list[int]:
        """Units per column, input first: ``[2, 4, 1]`` for a 2-4-1 network."""
        return [self.inputs] + [layer.units for layer in self.layers]

    def fan_in(self, index: int) -> int:
        return self.sizes[index]

    def weight_shapes(self) -> list[tuple[tuple[int, int], tuple[int]]]:
        s = self.sizes
        return [((s[i], s[i + 1]), (s[i + 1],)) for i in range(len(self.layers))]

    def layer_name(self, index: int) -> str:
        """Human name of layer ``index`` (0 = first hidden); English, the UI translates."""
        layer = self.layers[index]
        if layer.name:
            return layer.name
        return "Output" if index == len(self.layers) - 1 else f"Hidden {index + 1}"

    # -- edits (each returns a new, validated spec; masks follow the change) ---------
    def with_units(self, column: int, units: int) -> NetworkSpec:
        """Resize column ``column`` (0 = inputs, k = layer k-1); masks keep what still fits."""
        out = self.copy()
        if column == 0:
            out.inputs = units
        else:
            layer = out.layers[column - 1]
            layer.units = units
            if layer.mask is not None:
                layer.mask = _resize_mask(layer.mask, (layer.mask.shape[0], units))
        if column < len(out.layers):
            nxt = out.layers[column]
            if nxt.mask is not None:
                nxt.mask = _resize_mask(nxt.mask, (units, nxt.mask.shape[1]))
        out.validate()
        return out

    def with_layer_inserted(self, index: int, layer: LayerSpec) -> NetworkSpec:
        """Insert ``layer`` so that it becomes ``layers[index]``; its neighbour is rewired."""
        out = self.copy()
        layer = replace(layer, mask=None)
        out.layers.insert(index, layer)
        if index + 1 < len(out.layers):
            out.layers[index + 1].mask = None
        out.validate()
        return out

    def with_layer_removed(self, index: int) -> NetworkSpec:
        if len(self.layers) <= 1:
            raise SpecError("the output layer cannot be removed")
        if index == len(self.layers) - 1:
            raise SpecError("the output layer cannot be removed; it follows the data's targets")
        out = self.copy()
        del out.layers[index]
        if index < len(out.layers):
            out.layers[index].mask = None
        out.validate()
        return out

    def with_layer_moved(self, src: int, dst: int) -> NetworkSpec:
        """Move hidden layer ``src`` to position ``dst``; the output layer stays last."""
        last = len(self.layers) - 1
        if src == last or dst == last:
            raise SpecError("the output layer stays last")
        out = self.copy()
        layer = out.layers.pop(src)
        out.layers.insert(dst, layer)
        for lay in out.layers:
            if lay.mask is not None and not _same_source(self, out, lay):
                lay.mask = None
        out.validate()
        return out

    def with_layer(self, index: int, **changes) -> NetworkSpec:
        """Change fields of one layer (activation, use_bias, init, name, mask)."""
        out = self.copy()
        out.layers[index] = replace(out.layers[index], **changes)
        out.validate()
        return out

    def source_uid(self, index: int) -> int:
        """uid of the column feeding layer ``index`` (0 for the inputs)."""
        return 0 if index == 0 else self.layers[index - 1].uid

    def validate(self) -> None:
        """Raise :class:`SpecError` naming the first problem found."""
        if not 1 <= self.inputs <= MAX_UNITS:
            raise SpecError(f"inputs must be between 1 and {MAX_UNITS}, got {self.inputs}")
        if not self.layers:
            raise SpecError("a network needs at least one layer (the output layer)")
        for i, layer in enumerate(self.layers):
            where = f"layer {i + 1} ({self.layer_name(i)})"
            if not 1 <= layer.units <= MAX_UNITS:
                raise SpecError(f"{where}: units must be between 1 and {MAX_UNITS}, "
                                f"got {layer.units}")
            if layer.activation not in ACTIVATIONS:
                raise SpecError(f"{where}: unknown activation '{layer.activation}'; "
                                f"choose one of {', '.join(ACTIVATIONS)}")
            if layer.activation == "softmax" and i != len(self.layers) - 1:
                raise SpecError(f"{where}: softmax is only allowed on the output layer")
            if layer.init is not None and layer.init not in INITIALIZERS:
                raise SpecError(f"{where}: unknown initializer '{layer.init}'")
            if layer.mask is not None:
                shape = (self.sizes[i], layer.units)
                if layer.mask.shape != shape:
                    raise SpecError(f"{where}: mask shape {layer.mask.shape} does not match "
                                    f"the layer's weights {shape}")
                if not np.isin(layer.mask, (0, 1)).all():
                    raise SpecError(f"{where}: mask entries must be 0 or 1")


def _resize_mask(mask: np.ndarray, shape: tuple[int, int]) -> np.ndarray | None:
    """Crop or pad (with 1 = connected) a mask; None when nothing is masked any more."""
    out = np.ones(shape, dtype=np.uint8)
    r, c = min(shape[0], mask.shape[0]), min(shape[1], mask.shape[1])
    out[:r, :c] = mask[:r, :c]
    return None if out.all() else out


def _same_source(old: NetworkSpec, new: NetworkSpec, layer: LayerSpec) -> bool:
    """Whether ``layer`` is fed by the same column before and after an edit."""
    old_i = next(i for i, lay in enumerate(old.layers) if lay.uid == layer.uid)
    new_i = next(i for i, lay in enumerate(new.layers) if lay.uid == layer.uid)
    return old.source_uid(old_i) == new.source_uid(new_i)


def _int(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise SpecError(f"network spec: '{what}' must be an integer, got {value!r}")
    return int(value)


def _layer_from_dict(i: int, d) -> LayerSpec:
    where = f"layer {i + 1}"
    if not isinstance(d, dict):
        raise SpecError(f"{where}: must be an object with 'units' and 'activation'")
    unknown = set(d) - {"units", "activation", "use_bias", "mask", "init", "name"}
    if unknown:
        raise SpecError(f"{where}: unknown keys {sorted(unknown)}")
    if "units" not in d:
        raise SpecError(f"{where}: 'units' is missing")
    mask = d.get("mask")
    if mask is not None:
        try:
            mask = np.asarray(mask, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise SpecError(f"{where}: mask must be a matrix of 0/1") from exc
        if mask.ndim != 2:
            raise SpecError(f"{where}: mask must be a 2-D matrix of 0/1")
        if not np.isin(mask, (0, 1)).all():
            raise SpecError(f"{where}: mask entries must be 0 or 1")
        mask = mask.astype(np.uint8)
    use_bias = d.get("use_bias", True)
    if not isinstance(use_bias, bool):
        raise SpecError(f"{where}: 'use_bias' must be true or false")
    name = d.get("name", "")
    if not isinstance(name, str):
        raise SpecError(f"{where}: 'name' must be text")
    activation = d.get("activation", "tanh")
    if not isinstance(activation, str):
        raise SpecError(f"{where}: 'activation' must be a name")
    return LayerSpec(units=_int(d["units"], f"layers[{i}].units"), activation=activation,
                     use_bias=use_bias, mask=mask, init=d.get("init"), name=name)
