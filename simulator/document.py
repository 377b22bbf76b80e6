"""The document: the single source of truth the whole app observes.

It holds the network spec, its current weights, the training settings, the
data source and the training history. Views take a Document in ``__init__``,
connect to ``document.events.<thing>`` and change it only through undoable
commands (``ui.commands``), which call the setters below. Qt-free on purpose.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from .errors import SpecError
from .history import History
from .history_io import Block
from .inspector import Inspector
from .observable import Signal
from .selection import Selection
from .settings import DataSource, TrainingSettings
from .spec import LayerSpec, NetworkSpec

Weights = list[tuple[np.ndarray, np.ndarray]]


class DocumentEvents:
    """One signal per part of the document."""

    def __init__(self) -> None:
        #: The topology changed; emitted with no arguments (weights follow with their own event).
        self.spec = Signal()
        #: Weights changed; argument: reason ("edit", "training", "reset", "spec", "load").
        self.weights = Signal()
        #: Settings changed; argument: set of changed field names.
        self.settings = Signal()
        #: Data source or dataset changed; no arguments.
        self.data = Signal()
        #: History changed; argument: list of appended rows, or None when it was cleared.
        self.history = Signal()
        #: Unsaved-changes flag changed; argument: bool.
        self.dirty = Signal()
        #: File path changed (save as / open); argument: Path or None.
        self.path = Signal()
        #: A run was added to ``runs`` (archived, or kept from a comparison); no arguments.
        self.runs = Signal()
        #: The whole document was replaced (open, new); views rebuild from scratch.
        self.reset = Signal()


@dataclass
class Run:
    """A finished training run (its settings, network spec and history), kept in
    ``Document.runs`` and in the project file for comparison."""

    settings: TrainingSettings
    spec: dict
    history: Sequence[dict] = field(default_factory=list)
    #: What sets the run apart, shown in its label: a comparison's changed setting (``lr 0.3``).
    note: str = ""


class Document:
    """Network, weights, settings, data and history of one project."""

    def __init__(self, spec: NetworkSpec | dict | None = None,
                 settings: TrainingSettings | None = None,
                 data_source: DataSource | None = None, dataset=None,
                 weights: Weights | None = None) -> None:
        self.events = DocumentEvents()
        #: The newest plot data (Views) of this document; plots and canvas observe it.
        self.inspector = Inspector(self)
        #: The neuron or connection the student picked (canvas and matrix view share it);
        #: connected first, so it follows a layout change before any view rebuilds.
        self.selection = Selection(self)
        self.settings = settings or TrainingSettings()
        self.settings.validate()
        self.data_source = data_source or DataSource()
        self.data_source.validate()
        from .datasets import prepare
        #: PreparedData: the dataset plus its normalized train/test parts.
        self.data = prepare(self.data_source, dataset)
        if spec is None:
            spec = default_spec(self.data.train)
        self.spec = fit_spec_to_data(NetworkSpec.coerce(spec), self.data.train)
        self.weights: Weights = self._checked(weights) if weights else self.initial_weights()
        #: Per-epoch stats (dicts, see ``simulator.trainer.EpochStats.to_dict``) of the current
        #: run, as a :class:`~simulator.history.History` (assigning a list converts it).
        self.history = History()
        #: Earlier runs of this session, newest last.
        self.runs: list[Run] = []
        #: Results of the latest grid search (``simulator.experiments.RunResult``).
        self.grid: list = []
        self.path: Path | None = None
        self.title = ""
        self.description = ""
        self._dirty = False

    # -- derived -------------------------------------------------------------------
    @property
    def dataset(self):
        """The full dataset (before split and normalization)."""
        return self.data.dataset

    @property
    def dirty(self) -> bool:
        return self._dirty

    def initial_weights(self, spec: NetworkSpec | None = None) -> Weights:
        """Fresh weights from the settings' initializer and seed (reproducible)."""
        from .network import Network
        net = Network.from_spec(spec or self.spec, init=self.settings.init,
                                seed=self.settings.seed, dtype=self.settings.dtype)
        return net.get_weights()

    def build_network(self, backend: str | None = None):
        """A Network holding the current spec and weights (NumPy unless told otherwise)."""
        from .network import Network
        net = Network.from_spec(self.spec, init=self.settings.init, seed=self.settings.seed,
                                backend=backend or "numpy", dtype=self.settings.dtype)
        net.set_weights(self.weights)
        return net

    # -- setters (what undoable commands call) ----------------------------------------
    def set_spec(self, spec: NetworkSpec | dict, weights: Weights | None = None) -> None:
        """Replace the topology; weights are kept where a layer and its inputs survive.
        A new layout (layer count or units) starts a new run (see :meth:`archive_run`)."""
        spec = NetworkSpec.coerce(spec)
        sizes = (self.data.train.X.shape[1], self.dataset.Y.shape[1])
        if spec.inputs != sizes[0] or spec.layers[-1].units != sizes[1]:
            raise SpecError(f"the data has {sizes[0]} inputs and {sizes[1]} outputs; "
                            "the input and output layers follow it")
        new_weights = self._checked(weights, spec) if weights is not None else \
            carry_weights(self.spec, self.weights, spec, self.initial_weights(spec))
        old = self.spec
        self.spec = spec
        self.weights = new_weights
        self.events.spec.emit()  # training stops first: its last rows still join the old run
        if old.sizes != spec.sizes:
            self.archive_run(old)  # the history describes columns that no longer exist
        self.events.weights.emit("spec")
        self.mark_dirty()

    def set_weights(self, weights: Weights, reason: str = "edit") -> None:
        self.weights = self._checked(weights)
        self.events.weights.emit(reason)
        if reason != "training":
            self.mark_dirty()

    def set_weight(self, layer: int, i: int, j: int, value: float) -> None:
        """Set W[layer][i, j]; refused on a removed (masked) connection."""
        mask = self.spec.layers[layer].mask
        if mask is not None and not mask[i, j]:
            raise SpecError("this connection is removed; restore it before editing its weight")
        W, b = self.weights[layer]
        W = W.copy()
        W[i, j] = value
        weights = list(self.weights)
        weights[layer] = (W, b)
        self.set_weights(weights)

    def set_bias(self, layer: int, j: int, value: float) -> None:
        if not self.spec.layers[layer].use_bias:
            raise SpecError("this layer has no bias")
        W, b = self.weights[layer]
        b = b.copy()
        b[j] = value
        weights = list(self.weights)
        weights[layer] = (W, b)
        self.set_weights(weights)

    def set_output_activation(self, name: str) -> None:
        """Change the output layer's activation; the loss follows if it no longer fits."""
        spec = self.spec.with_layer(len(self.spec.layers) - 1, activation=name)
        loss = fit_loss_to_spec(self.settings.loss, spec)
        self.set_spec(spec)
        if loss != self.settings.loss:
            self.set_settings(loss=loss)

    def set_connection(self, layer: int, i: int, j: int, connected: bool) -> None:
        """Remove or restore one connection (the engine's mask); a removed weight is 0."""
        lay = self.spec.layers[layer]
        mask = np.ones((self.spec.sizes[layer], lay.units), np.uint8) if lay.mask is None \
            else lay.mask.copy()
        mask[i, j] = 1 if connected else 0
        weights = list(self.weights)
        W = weights[layer][0].copy()
        W[i, j] = 0.0 if not connected else self.initial_weights()[layer][0][i, j]
        weights[layer] = (W, weights[layer][1])
        self.set_spec(self.spec.with_layer(layer, mask=None if mask.all() else mask), weights)

    def set_settings(self, **changes) -> None:
        new = self.settings.replace(**changes)
        changed = {k for k in changes if getattr(self.settings, k) != getattr(new, k)}
        if not changed:
            return
        self.settings = new
        self.events.settings.emit(changed)
        self.mark_dirty()

    def set_data(self, source: DataSource, dataset=None) -> None:
        """Switch data; the input and output layers follow it and a new run starts.
        DataError leaves all as it was."""
        from .datasets import prepare
        source.validate()
        prepared = prepare(source, dataset)
        spec = fit_spec_to_data(self.spec, prepared.train)
        loss = fit_loss_to_spec(self.settings.loss, spec)
        weights = None
        old_inputs, new_inputs = input_names(self.data), input_names(prepared)
        if old_inputs != new_inputs and old_inputs and new_inputs:
            # input features switched on or off: each kept input keeps its weights
            weights = remap_inputs(carry_weights(self.spec, self.weights, spec,
                                                 self.initial_weights(spec)),
                                   self.weights, old_inputs, new_inputs)
        self.data_source, self.data = source, prepared
        if loss != self.settings.loss:
            self.set_settings(loss=loss)
        self.events.data.emit()  # training stops first: its last rows still join the old run
        self.archive_run()
        if spec != self.spec:
            self.set_spec(spec, weights)
        elif weights is not None:  # as many inputs as before, but others
            self.set_weights(weights, reason="spec")
        self.mark_dirty()

    def reset_weights(self) -> None:
        """Fresh weights for the seed; the current run goes to ``runs``."""
        self.archive_run()
        self.set_weights(self.initial_weights(), reason="reset")

    @property
    def history(self) -> History:
        return self._history

    @history.setter
    def history(self, rows) -> None:
        self._history = rows if isinstance(rows, History) else History(rows)

    def append_history(self, rows: list[dict] | Block) -> None:
        """Add per-epoch rows (dicts, or packed as the training loop sends them); the
        ``history`` event carries them as a :class:`~simulator.history_io.Block` (read by
        column: ``column(key)``, ``numbers(key)``). Trained weights and history are unsaved
        work."""
        rows = rows if isinstance(rows, Block) else Block.from_rows(rows)
        self.history.extend(rows)
        self.events.history.emit(rows)
        if rows:
            self.mark_dirty()

    def archive_run(self, spec: NetworkSpec | None = None) -> None:
        """Keep the current history in ``runs`` (with the settings and the ``spec`` it was
        trained with, the current one by default) and start a new, empty run."""
        if self.history:
            self.runs.append(Run(replace(self.settings), (spec or self.spec).to_dict(),
                                 self.history))
            self.events.runs.emit()
        self.history = History()
        self.events.history.emit(None)

    def add_run(self, run: Run) -> None:
        """Keep a finished run next to the current one (a comparison's variant)."""
        self.runs.append(run)
        self.events.runs.emit()
        self.mark_dirty()

    # -- undo support -------------------------------------------------------------------
    def snapshot(self) -> dict:
        """Everything an undoable command may change. Weight arrays are shared, not copied:
        the document never writes into them (every setter makes new arrays)."""
        return {"spec": self.spec.copy(), "weights": list(self.weights),
                "settings": replace(self.settings), "data_source": copy.deepcopy(self.data_source),
                "data": self.data}

    def restore(self, snap: dict) -> None:
        """Put back the parts of a :meth:`snapshot` (or of ``Change.state``) that differ from
        now, emitting events only for those. Weights change with reason "edit" only when they
        really differ, so an undone settings change never reaches the training worker. A
        different dataset or layout starts a new run, as in :meth:`set_data`."""
        data = "data" in snap and snap["data"] is not self.data
        settings = "settings" in snap and snap["settings"] != self.settings
        spec = "spec" in snap and snap["spec"] != self.spec
        weights = "weights" in snap and not _same_arrays(snap["weights"], self.weights)
        old_spec = self.spec
        if data:
            self.data_source, self.data = copy.deepcopy(snap["data_source"]), snap["data"]
            self.events.data.emit()
        if settings:
            changed = {k for k, v in snap["settings"].to_dict().items()
                       if getattr(self.settings, k) != v}
            self.settings = replace(snap["settings"])
            self.events.settings.emit(changed)
        if spec:
            self.spec = snap["spec"].copy()
        if spec or weights:
            self.weights = self._checked(snap["weights"])
        if spec:
            self.events.spec.emit()
        if data or (spec and old_spec.sizes != self.spec.sizes):
            self.archive_run(old_spec)
        if spec or weights:
            self.events.weights.emit("spec" if spec else "edit")
        if data or settings or spec or weights:
            self.mark_dirty()

    def replace_with(self, other: Document) -> None:
        """Take over every field of ``other`` (open / new) keeping this object and its
        observers; emits ``reset`` once everything is in place."""
        for name in ("settings", "data_source", "data", "spec", "weights", "history", "runs",
                     "grid", "path", "title", "description"):
            setattr(self, name, getattr(other, name))
        self._dirty = other.dirty
        self.events.reset.emit()
        self.events.dirty.emit(self._dirty)

    # -- dirty flag ------------------------------------------------------------------------
    def mark_dirty(self, dirty: bool = True) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.events.dirty.emit(dirty)

    def set_path(self, path: Path | None) -> None:
        self.path = Path(path) if path else None
        self.events.path.emit(self.path)

    # -- helpers -------------------------------------------------------------------------
    def _checked(self, weights: Weights, spec: NetworkSpec | None = None) -> Weights:
        spec = spec or self.spec
        shapes = spec.weight_shapes()
        if len(weights) != len(shapes):
            raise SpecError(f"expected weights for {len(shapes)} layers, got {len(weights)}")
        out = []
        for k, ((W, b), (ws, bs)) in enumerate(zip(weights, shapes, strict=True)):
            W, b = np.asarray(W), np.asarray(b)
            if W.shape != ws or b.shape != bs:
                raise SpecError(f"layer {k + 1}: weights {W.shape} and bias {b.shape} do not "
                                f"match the spec's {ws} and {bs}")
            out.append((W, b))
        return out


def default_spec(dataset) -> NetworkSpec:
    """TensorFlow Playground's starting point: two tanh hidden layers (4, 2)."""
    n_in, n_out = dataset.X.shape[1], dataset.Y.shape[1]
    out_act = "softmax" if n_out > 1 and dataset.task == "classification" else (
        "tanh" if dataset.task == "classification" else "linear")
    return NetworkSpec(n_in, [LayerSpec(4, "tanh"), LayerSpec(2, "tanh"),
                              LayerSpec(n_out, out_act)])


def fit_spec_to_data(spec: NetworkSpec, dataset) -> NetworkSpec:
    """Resize the input and output columns to the data; softmax only where it makes sense."""
    n_in, n_out = dataset.X.shape[1], dataset.Y.shape[1]
    out = spec
    if out.inputs != n_in:
        out = out.with_units(0, n_in)
    if out.layers[-1].units != n_out:
        out = out.with_units(len(out.layers), n_out)
    last = out.layers[-1]
    if n_out > 1 and dataset.task == "classification" and last.activation != "softmax":
        out = out.with_layer(len(out.layers) - 1, activation="softmax")
    elif n_out == 1 and last.activation == "softmax":
        out = out.with_layer(len(out.layers) - 1, activation="sigmoid")
    return out


def fit_loss_to_spec(loss: str, spec: NetworkSpec) -> str:
    """cross_entropy needs a softmax output and softmax is only trained with it; bce needs
    a sigmoid output."""
    out = spec.layers[-1].activation
    if out == "softmax" and loss != "cross_entropy":
        return "cross_entropy"
    if (out != "softmax" and loss == "cross_entropy") or (out != "sigmoid" and loss == "bce"):
        return "mse"
    return loss


def output_advice(spec: NetworkSpec, dataset) -> tuple[str, str] | None:
    """``(current, fitting)`` output activations when the dataset's targets fall outside
    what the output layer can produce (a sigmoid reaches only 0..1, so targets 7..12
    leave a constant loss); None when they fit. ``fitting`` is linear for regression."""
    from . import activations
    current = spec.layers[-1].activation
    lo, hi = activations.get(current).range
    Y = dataset.Y
    if Y.size == 0:
        return None
    ymin, ymax = float(Y.min()), float(Y.max())
    if lo <= ymin and ymax <= hi:
        return None
    choices = ("sigmoid", "tanh", "linear") if dataset.task == "classification" else ("linear",)
    for name in choices:
        lo, hi = activations.get(name).range
        if lo <= ymin and ymax <= hi:
            return current, name
    return current, "linear"


def carry_weights(old: NetworkSpec, old_weights: Weights, new: NetworkSpec,
                  fresh: Weights) -> Weights:
    """Weights for ``new``: a layer fed by the same column as before keeps the overlap
    of its old matrix; everything else comes from ``fresh``. Removed connections are 0."""
    by_uid = {lay.uid: k for k, lay in enumerate(old.layers)}
    out = []
    for k, lay in enumerate(new.layers):
        W, b = (a.copy() for a in fresh[k])
        ok = by_uid.get(lay.uid)
        if ok is not None and old.source_uid(ok) == new.source_uid(k):
            oW, ob = old_weights[ok]
            r, c = min(W.shape[0], oW.shape[0]), min(W.shape[1], oW.shape[1])
            W[:r, :c] = oW[:r, :c]
            b[:c] = ob[:c]
        if lay.mask is not None:
            W *= lay.mask
        if not lay.use_bias:
            b[:] = 0
        out.append((W, b))
    return out


def input_names(data) -> tuple[str, ...]:
    """The network's inputs by feature name for 2-D data (``features.RAW`` without derived
    features), () for other data (their columns are not switched on and off)."""
    from .datasets.features import RAW
    if data.features:
        return tuple(data.features)
    return RAW if data.dataset.n_features == 2 else ()


def remap_inputs(weights: Weights, old_weights: Weights, old_names, new_names) -> Weights:
    """``weights`` with the first layer's rows of inputs in both ``old_names`` and
    ``new_names`` taken from ``old_weights`` (the rows move with their input)."""
    W, b = weights[0]
    W = W.copy()
    oW = old_weights[0][0]
    if oW.shape[1] == W.shape[1]:
        for i, name in enumerate(new_names):
            if name in old_names:
                W[i] = oW[old_names.index(name)]
    return [(W, b), *weights[1:]]


def _same_arrays(a: Weights, b: Weights) -> bool:
    """The same array objects (weights are replaced, never written in place)."""
    return len(a) == len(b) and all(x is y for pa, pb in zip(a, b, strict=True)
                                    for x, y in zip(pa, pb, strict=True))
