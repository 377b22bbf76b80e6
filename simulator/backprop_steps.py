"""Backpropagation step by step: one forward pass, one backward pass and one SGD update
as a table of rows, each a formula, the same formula with its numbers, and the value.

Every value comes from the engine (:meth:`Network.backward_trace`); the rows only write
out which numbers made it, in the lecture's notation:

    z_j = sum_i a_i w_ij + b_j,   h_j = f(z_j)                     (forward, layer by layer)
    E   = the loss of the batch                                    (e.g. sum (t - o)^2)
    delta_k = dE/do_k * f'(z_k)       e.g. -2 (t - o) * s(z)(1 - s(z))   (output layer)
    delta_j = (sum_k delta_k w_jk) * f'(z_j)                       (hidden layers)
    dE/dw_ij = sum_samples a_i delta_j,   dE/db_j = sum_samples delta_j
    w <- w - alpha * dE/dw                                         (one SGD step)

The table is plain data (the step-by-step dock draws it, exercise sheets export it as
CSV or Markdown). :attr:`BackpropSteps.new_weights` is the update computed with the
engine's own operations in the network's dtype, so applying it equals one SGD step of
:class:`~simulator.trainer.Trainer` to the last bit.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import activations, losses
from .datasets import Dataset
from .network import Network
from .settings import DataSource
from .spec import NetworkSpec

#: At most this many samples per table (the table is read, not scrolled through).
MAX_SAMPLES = 16
#: At most this many rows in one table; larger networks are refused with a message.
MAX_ROWS = 2000
#: Terms written out in one sum before it is shortened with "…".
MAX_TERMS = 12
#: The phases, in the order the table goes through them.
PHASES = ("forward", "error", "delta", "gradient", "update")

#: How each activation's name and slope are written in formulas.
_F_SYMBOL = {"step": "step", "sigmoid": "σ", "tanh": "tanh", "relu": "ReLU",
             "leaky_relu": "LeakyReLU", "elu": "ELU", "softplus": "softplus",
             "swish": "swish", "gelu": "GELU", "linear": "", "softmax": "softmax"}
_DF_SYMBOL = {"step": "0", "sigmoid": "σ(z)(1 − σ(z))", "tanh": "(1 − tanh²(z))",
              "relu": "[z > 0]", "leaky_relu": "(1 if z > 0 else 0.01)",
              "elu": "(1 if z > 0 else e^z)", "softplus": "σ(z)", "swish": "swish′(z)",
              "gelu": "GELU′(z)", "linear": "1", "softmax": "o(1 − o)"}


def fmt(value: float, digits: int = 4) -> str:
    """A number as the table writes it: ``digits`` significant digits, no trailing zeros."""
    v = float(value)
    if v == 0.0:
        return "0"
    return f"{v:.{digits}g}".replace("e-0", "e-").replace("e+0", "e+")


@dataclass(frozen=True)
class StepRow:
    """One line of the table."""

    #: What the row computes: "z", "h", "E", "δ", "∂E/∂w", "∂E/∂b", "w", "b".
    quantity: str
    #: Which one, e.g. "h1", "x1→h1" (a connection) or "" for E.
    name: str
    #: Sample number within the chosen rows (0-based); None for batch totals.
    sample: int | None
    #: The formula in symbols.
    formula: str
    #: The formula with this row's numbers, ending in "= value".
    numbers: str
    #: The engine's value.
    value: float
    #: For update rows: the old value, the gradient and the learning rate.
    old: float | None = None
    gradient: float | None = None
    rate: float | None = None


@dataclass(frozen=True)
class StepGroup:
    """One step of the stepper: a phase for one layer (None for the error E)."""

    phase: str
    #: Engine layer index (0 = first hidden layer); None for the error.
    layer: int | None
    #: English title for exports, e.g. "Forward: Hidden 1" (the UI writes its own).
    title: str
    rows: tuple[StepRow, ...]


@dataclass
class BackpropSteps:
    """The whole table for one forward + backward pass and one update."""

    groups: list[StepGroup]
    loss: str
    learning_rate: float
    #: E before the update (the engine's number).
    error: float
    #: ``[(W, b), ...]`` after w <- w - alpha dE/dw, in the network's dtype.
    new_weights: list[tuple[np.ndarray, np.ndarray]] = field(repr=False)

    def rows(self) -> list[tuple[StepGroup, StepRow]]:
        return [(g, r) for g in self.groups for r in g.rows]

    def to_csv(self) -> str:
        """The table as CSV: one line per row, values with full precision."""
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["step", "phase", "layer", "sample", "quantity", "name", "formula",
                    "numbers", "value", "old", "gradient", "learning_rate"])
        for k, g in enumerate(self.groups, 1):
            for r in g.rows:
                w.writerow([k, g.phase, "" if g.layer is None else g.layer + 1,
                            "" if r.sample is None else r.sample + 1, r.quantity, r.name,
                            r.formula, r.numbers, repr(float(r.value)),
                            *("" if v is None else repr(float(v))
                              for v in (r.old, r.gradient, r.rate))])
        return out.getvalue()

    def to_markdown(self) -> str:
        """The table as Markdown: a heading per step, then its rows."""
        alpha = fmt(self.learning_rate)
        lines = [f"# Backpropagation step by step (loss {self.loss}, α = {alpha})"]
        for k, g in enumerate(self.groups, 1):
            lines += ["", f"## {k}. {g.title}", "", "| sample | quantity | formula | numbers |",
                      "|---|---|---|---|"]
            for r in g.rows:
                cells = ["" if r.sample is None else str(r.sample + 1), f"{r.quantity} {r.name}",
                         r.formula, r.numbers]
                lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        return "\n".join(lines) + "\n"


# -- names ----------------------------------------------------------------------------------
def neuron_names(spec: NetworkSpec, inputs: tuple[str, ...] = (),
                 outputs: tuple[str, ...] = ()) -> list[list[str]]:
    """Per column (0 = inputs): the neurons' names, as the lecture writes them.

    Inputs take the data's feature names and outputs its target names when they are
    short and distinct (they stand in formulas), else x1, x2, ... and o1, o2, ...;
    a single hidden layer is h1, h2, ..., several are h1.1, h1.2, ..., h2.1, ...
    """
    sizes = spec.sizes
    hidden = len(sizes) - 2
    cols = [_short(inputs, sizes[0], "x")]
    for c in range(1, len(sizes) - 1):
        prefix = "h" if hidden == 1 else f"h{c}."
        cols.append([f"{prefix}{j + 1}" for j in range(sizes[c])])
    cols.append(_short(outputs, sizes[-1], "o"))
    return cols


def _short(names, n: int, prefix: str) -> list[str]:
    names = [str(s) for s in names]
    if len(names) == n and len(set(names)) == n and all(0 < len(s) <= 6 for s in names):
        return names
    return [f"{prefix}{i + 1}" for i in range(n)]


def _join(terms: list[str], sep: str = " + ") -> str:
    if len(terms) > MAX_TERMS:
        terms = terms[:MAX_TERMS - 1] + ["…", terms[-1]]
    return sep.join(terms) if terms else "0"


# -- the table --------------------------------------------------------------------------------
def backprop_steps(net: Network, X, Y, loss: str = "mse", learning_rate: float = 0.1,
                   names: list[list[str]] | None = None,
                   layer_names: list[str] | None = None) -> BackpropSteps:
    """The step-by-step table for samples (X, Y), the loss and learning rate alpha.

    Raises ValueError when the loss cannot train this output layer or the table would be
    too large to read (more than MAX_SAMPLES samples or MAX_ROWS rows).
    """
    spec = net.spec
    learning_rate = float(learning_rate)  # a Python float: float32 stays float32, as in SGD
    X = np.atleast_2d(np.asarray(X, dtype=np.float64))
    n = X.shape[0]
    if not 1 <= n <= MAX_SAMPLES:
        raise ValueError(f"the step-by-step table takes 1 to {MAX_SAMPLES} samples, got {n}")
    present = [np.ones(shape, bool) if lay.mask is None else lay.mask.astype(bool)
               for (shape, _), lay in zip(spec.weight_shapes(), spec.layers, strict=True)]
    size = n * 3 * sum(spec.sizes[1:]) + 2 * sum(int(p.sum()) + lay.units * lay.use_bias
                                                 for p, lay in zip(present, spec.layers,
                                                                   strict=True))
    if size > MAX_ROWS:
        raise ValueError(f"the step-by-step table would have {size} rows; it is meant for "
                         f"small networks (at most {MAX_ROWS} rows): use fewer units or samples")
    trace = net.backward_trace(X, Y, loss)  # checks the loss against the output layer
    Yn = np.asarray(Y, dtype=np.float64).reshape(trace.layers[-1].H.shape)
    names = names or neuron_names(spec)
    layer_names = layer_names or [spec.layer_name(l) for l in range(len(spec.layers))]
    ctx = _Context(net, trace, Yn, present, names, loss, learning_rate)
    L = len(spec.layers)
    groups = [ctx.forward(l, layer_names[l]) for l in range(L)]
    groups.append(ctx.error())
    for l in reversed(range(L)):
        groups.append(ctx.delta(l, layer_names[l]))
        groups.append(ctx.gradient(l, layer_names[l]))
    old = net.get_weights()
    new = []
    for l in range(L):
        # The engine's SGD: grad *= lr; theta -= grad, in the network's dtype (bit for bit).
        W, b = old[l]
        gW, gb = trace.layers[l].dW, trace.layers[l].db
        new.append((W - gW * learning_rate, b - gb * learning_rate))
    groups += [ctx.update(l, layer_names[l], old[l], new[l]) for l in reversed(range(L))]
    return BackpropSteps(groups, loss, float(learning_rate), float(trace.loss), new)


class _Context:
    """What every group's rows read: the trace, the weights, names and masks."""

    def __init__(self, net, trace, Y, present, names, loss, lr):
        self.trace, self.Y, self.present, self.names = trace, Y, present, names
        self.loss, self.lr = loss, lr
        self.weights = net.get_weights()
        self.acts = net.activations
        self.bias = [lay.use_bias for lay in net.spec.layers]

    def _conn(self, l, i, j) -> str:
        return f"{self.names[l][i]}→{self.names[l + 1][j]}"

    def forward(self, l, title) -> StepGroup:
        t, W, b = self.trace.layers[l], *self.weights[l]
        act, rows = self.acts[l], []
        src, dst = self.names[l], self.names[l + 1]
        for s in range(t.Z.shape[0]):
            for j in range(t.Z.shape[1]):
                ii = [i for i in range(W.shape[0]) if self.present[l][i, j]]
                sym = [f"{src[i]}·w({self._conn(l, i, j)})" for i in ii]
                num = [f"{fmt(t.A[s, i])} × {fmt(W[i, j])}" for i in ii]
                if self.bias[l]:
                    sym.append(f"b({dst[j]})")
                    num.append(fmt(b[j]))
                z = t.Z[s, j]
                rows.append(StepRow("z", dst[j], s, f"z({dst[j]}) = {_join(sym)}",
                                    f"{_join(num)} = {fmt(z)}", float(z)))
            for j in range(t.Z.shape[1]):
                rows.append(self._activation_row(act, l, s, j))
        return StepGroup("forward", l, f"Forward: {title}", tuple(rows))

    def _activation_row(self, act, l, s, j) -> StepRow:
        t, dst = self.trace.layers[l], self.names[l + 1]
        z, h = t.Z[s, j], t.H[s, j]
        if act == "linear":
            return StepRow("h", dst[j], s, f"{dst[j]} = z", f"{fmt(z)} = {fmt(h)}", float(h))
        if act == "softmax":
            exps = " + ".join(f"e^{fmt(v)}" for v in t.Z[s])
            return StepRow("h", dst[j], s, f"{dst[j]} = e^z({dst[j]}) / Σ e^z",
                           f"e^{fmt(z)} / ({exps}) = {fmt(h)}", float(h))
        f = _F_SYMBOL[act]
        return StepRow("h", dst[j], s, f"{dst[j]} = {f}(z({dst[j]}))", f"{f}({fmt(z)}) = {fmt(h)}",
                       float(h))

    def error(self) -> StepGroup:
        o, t = self.trace.layers[-1].H, self.Y
        n, k = o.shape
        pairs = [(t[s, j], o[s, j]) for s in range(n) for j in range(k)]
        if self.loss in ("mse", "sse"):
            terms = [f"({fmt(a)} − {fmt(b)})²" for a, b in pairs]
            div = n * k if self.loss == "mse" else n
            formula = "E = Σ (t − o)²" + (f" / {div}" if div > 1 else "")
            numbers = f"({_join(terms)}) / {div}" if div > 1 else _join(terms)
        elif self.loss == "bce":
            terms = [f"{fmt(a)}·ln {fmt(b)} + {fmt(1 - a)}·ln {fmt(1 - b)}" for a, b in pairs]
            formula = "E = −Σ [t ln o + (1 − t) ln(1 − o)]" + (f" / {n * k}" if n * k > 1 else "")
            numbers = f"−({_join(terms)})" + (f" / {n * k}" if n * k > 1 else "")
        else:
            terms = [f"{fmt(a)}·ln {fmt(b)}" for a, b in pairs if a != 0]
            formula = "E = −Σ t ln o" + (f" / {n}" if n > 1 else "")
            numbers = f"−({_join(terms)})" + (f" / {n}" if n > 1 else "")
        e = self.trace.loss
        row = StepRow("E", "", None, formula, f"{numbers} = {fmt(e)}", float(e))
        return StepGroup("error", None, f"Error E ({losses.get(self.loss).name})", (row,))

    def delta(self, l, title) -> StepGroup:
        return StepGroup("delta", l, f"Delta: {title}", tuple(
            self._output_deltas() if l == len(self.acts) - 1 else self._hidden_deltas(l)))

    @staticmethod
    def _slope(act, z, h) -> str:
        """f'(z) written with its numbers: o × (1 − o) as on the slide, else the engine's f'."""
        if act in ("sigmoid", "softmax"):
            return f"{fmt(h)} × (1 − {fmt(h)})"
        if act == "tanh":
            return f"(1 − {fmt(h)}²)"
        return fmt(activations.get(act).df(np.array([z], np.float64), np.array([h], np.float64))[0])

    def _output_deltas(self) -> list[StepRow]:
        t = self.trace.layers[-1]
        act, names = self.acts[-1], self.names[-1]
        n, k = t.H.shape
        rows = []
        for s in range(n):
            for j in range(k):
                o, y, z, d = t.H[s, j], self.Y[s, j], t.Z[s, j], t.delta[s, j]
                nm = names[j]
                if self.loss in ("bce", "cross_entropy"):
                    div = n * k if self.loss == "bce" else n
                    sym = f"δ({nm}) = (o − t)" + (f" / {div}" if div > 1 else "")
                    num = f"({fmt(o)} − {fmt(y)})" + (f" / {div}" if div > 1 else "")
                elif act == "softmax":
                    div = n * k if self.loss == "mse" else n
                    g = [2.0 * (t.H[s, q] - self.Y[s, q]) / div for q in range(k)]
                    dot = sum(g[q] * t.H[s, q] for q in range(k))
                    sym = f"δ({nm}) = o · (g − Σ g·o),  g = −2(t − o)" + (
                        f" / {div}" if div > 1 else "")
                    num = f"{fmt(o)} × ({fmt(g[j])} − {fmt(dot)})"
                else:
                    div = n * k if self.loss == "mse" else n
                    slope = "" if act == "linear" else f" · {_DF_SYMBOL[act]}"
                    sym = f"δ({nm}) = −2(t − o){slope}" + (f" / {div}" if div > 1 else "")
                    dnum = "" if act == "linear" else f" × {self._slope(act, z, o)}"
                    num = f"−2 × ({fmt(y)} − {fmt(o)}){dnum}" + (f" / {div}" if div > 1 else "")
                rows.append(StepRow("δ", nm, s, sym, f"{num} = {fmt(d)}", float(d)))
        return rows

    def _hidden_deltas(self, l) -> list[StepRow]:
        t, nxt = self.trace.layers[l], self.trace.layers[l + 1]
        W = self.weights[l + 1][0]
        act, here, up = self.acts[l], self.names[l + 1], self.names[l + 2]
        rows = []
        for s in range(t.Z.shape[0]):
            for j in range(t.Z.shape[1]):
                kk = [k for k in range(W.shape[1]) if self.present[l + 1][j, k]]
                sym = _join([f"δ({up[k]})·w({here[j]}→{up[k]})" for k in kk])
                num = _join([f"{fmt(nxt.delta[s, k])} × {fmt(W[j, k])}" for k in kk])
                d = t.delta[s, j]
                if act == "linear":
                    formula, numbers = f"δ({here[j]}) = {sym}", num
                else:
                    formula = f"δ({here[j]}) = ({sym}) · {_DF_SYMBOL[act]}"
                    numbers = f"({num}) × {self._slope(act, t.Z[s, j], t.H[s, j])}"
                rows.append(StepRow("δ", here[j], s, formula, f"{numbers} = {fmt(d)}", float(d)))
        return rows

    def gradient(self, l, title) -> StepGroup:
        t = self.trace.layers[l]
        src, dst = self.names[l], self.names[l + 1]
        n = t.A.shape[0]
        rows = []
        for i, j in zip(*np.nonzero(self.present[l]), strict=True):
            c = self._conn(l, i, j)
            sym = f"∂E/∂w({c}) = " + ("Σ " if n > 1 else "") + f"{src[i]}·δ({dst[j]})"
            num = _join([f"{fmt(t.A[s, i])} × {fmt(t.delta[s, j])}" for s in range(n)])
            g = t.dW[i, j]
            rows.append(StepRow("∂E/∂w", c, None, sym, f"{num} = {fmt(g)}", float(g)))
        if self.bias[l]:
            for j in range(t.delta.shape[1]):
                sym = f"∂E/∂b({dst[j]}) = " + ("Σ " if n > 1 else "") + f"δ({dst[j]})"
                g = t.db[j]
                num = f"{_join([fmt(t.delta[s, j]) for s in range(n)])} = " if n > 1 else ""
                rows.append(StepRow("∂E/∂b", dst[j], None, sym, f"{num}{fmt(g)}", float(g)))
        return StepGroup("gradient", l, f"Gradients: {title}", tuple(rows))

    def update(self, l, title, old, new) -> StepGroup:
        (W, b), (W2, b2) = old, new
        t = self.trace.layers[l]
        a = fmt(self.lr)
        rows = []
        for i, j in zip(*np.nonzero(self.present[l]), strict=True):
            c = self._conn(l, i, j)
            rows.append(StepRow("w", c, None, f"w({c}) ← w − α·∂E/∂w",
                                f"{fmt(W[i, j])} − {a} × {fmt(t.dW[i, j])} = {fmt(W2[i, j])}",
                                float(W2[i, j]), float(W[i, j]), float(t.dW[i, j]),
                                float(self.lr)))
        if self.bias[l]:
            for j, nm in enumerate(self.names[l + 1]):
                rows.append(StepRow("b", nm, None, f"b({nm}) ← b − α·∂E/∂b",
                                    f"{fmt(b[j])} − {a} × {fmt(t.db[j])} = {fmt(b2[j])}",
                                    float(b2[j]), float(b[j]), float(t.db[j]), float(self.lr)))
        return StepGroup("update", l, f"Update: {title}", tuple(rows))


# -- the worked example -----------------------------------------------------------------------
@dataclass
class WorkedExample:
    """A small network with round weights and one sample, for checking a hand calculation."""

    title: str
    description: str
    spec: NetworkSpec
    weights: list[tuple[np.ndarray, np.ndarray]]
    dataset: Dataset
    loss: str
    learning_rate: float

    def network(self, dtype: str = "float64") -> Network:
        net = Network.from_spec(self.spec, dtype=dtype)
        net.set_weights(self.weights)
        return net

    def steps(self, dtype: str = "float64") -> BackpropSteps:
        ds = self.dataset
        return backprop_steps(self.network(dtype), ds.X, ds.Y, self.loss, self.learning_rate,
                              neuron_names(self.spec, ds.feature_names, ds.target_names))

    def apply_to(self, document) -> None:
        """Load data, network, weights, loss and learning rate into ``document``.

        Run it inside one undoable edit (``ui.commands.edit``): it calls four setters.
        """
        source = DataSource(kind="imported", name=self.dataset.name, train_ratio=1.0)
        document.set_data(source, self.dataset)
        document.set_spec(self.spec, [(W.copy(), b.copy()) for W, b in self.weights])
        document.set_settings(loss=self.loss, learning_rate=self.learning_rate, batch_size=1,
                              optimizer="sgd", regularization="none")


def load_worked_example(path: str | Path) -> WorkedExample:
    """Read a worked example (JSON: spec, weights [[W, b], ...], X, Y, names, loss, alpha)."""
    d = json.loads(Path(path).read_text(encoding="utf-8"))
    spec = NetworkSpec.coerce(d["spec"])
    weights = [(np.array(W, np.float64), np.array(b, np.float64)) for W, b in d["weights"]]
    Network.from_spec(spec).set_weights(weights)  # shapes checked with the engine's message
    ds = Dataset(np.array(d["X"], np.float64), np.array(d["Y"], np.float64),
                 tuple(d["inputs"]), tuple(d["outputs"]), "regression",
                 d.get("name", Path(path).stem), d.get("description", ""))
    losses.check(d["loss"], spec.layers[-1].activation)
    return WorkedExample(d["title"], d.get("description", ""), spec, weights, ds, d["loss"],
                         float(d["learning_rate"]))


def steps_for_document(document, first: int = 0, count: int = 1) -> BackpropSteps:
    """The table for the document's training rows ``first .. first + count - 1`` (as the
    trainer sees them: normalized), with the document's loss and learning rate."""
    train = document.data.train
    n = train.X.shape[0]
    if n == 0:
        raise ValueError("there are no training rows: raise the training share of the data")
    first = min(max(0, int(first)), n - 1)
    rows = slice(first, min(n, first + max(1, int(count))))
    ds = document.dataset
    names = neuron_names(document.spec, ds.feature_names, ds.target_names)
    return backprop_steps(document.build_network(), train.X[rows], train.Y[rows],
                          document.settings.loss, document.settings.learning_rate, names)
