"""Run comparison: the current project next to a variant with ONE setting changed.

The lecture's "learning rate 0.01 vs 0.1" experiment needs two runs that differ in that
setting only: the same data, the same initial weights and, because the batch order is
drawn from the seed (``Trainer``'s generator), the same seed. :func:`make_variant` builds
the variant's spec and settings from the current ones, checked the way the app checks its
own edits; :func:`differences` names what two configurations differ in (the tests hold
it to exactly the chosen setting); :func:`variant_job` is the training job of the variant,
started from the weights the current run starts from, so that with the same value the two
histories are identical row for row.

Comparable settings (``SETTINGS``) and the form of their values:

* ``learning_rate``: float, 0 < α <= MAX_LEARNING_RATE
* ``batch_size``: int, 1 ... MAX_BATCH_SIZE
* ``optimizer``, ``loss``: a name the network can be trained with
* ``hidden_activation``: every hidden layer's activation f (Playground's one "Activation")
* ``output_activation``: the output layer's, only where the loss still fits it
* ``regularization``: ``(kind, λ)`` with kind none/l1/l2 (λ = 0 for none, > 0 otherwise)

Qt-free; the dialog and the live overlay are ``ui/experiments/compare.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .. import losses, optimizers
from ..document import Run, fit_loss_to_spec
from ..errors import SpecError
from ..history import History
from ..settings import (
    LOSSES,
    MAX_BATCH_SIZE,
    MAX_LEARNING_RATE,
    MAX_REG_RATE,
    OPTIMIZERS,
    REGULARIZATIONS,
    TrainingSettings,
)
from ..spec import ACTIVATIONS, NetworkSpec

#: The settings a comparison may change, in the dialog's order.
SETTINGS = ("learning_rate", "hidden_activation", "output_activation", "optimizer",
            "batch_size", "regularization", "loss")
#: Settings whose value is one of a list of names (the others are numbers).
CHOICE_SETTINGS = ("hidden_activation", "output_activation", "optimizer", "loss")
#: Short names in labels ("lr 0.3", "batch 1").
_SHORT = {"learning_rate": "lr", "batch_size": "batch", "optimizer": "", "loss": "loss",
          "hidden_activation": "", "output_activation": "output", "regularization": ""}


@dataclass(frozen=True)
class Variant:
    """The second run of a comparison: ``key`` set to ``value``, the rest as it was."""

    key: str
    value: object
    spec: NetworkSpec
    settings: TrainingSettings
    #: The value the current project has.
    was: object

    @property
    def label(self) -> str:
        """``lr 0.3``, ``relu``, ``batch 1``, ``L2 0.001`` (the legend's text)."""
        return short_label(self.key, self.value)


def current_value(key: str, spec: NetworkSpec, settings: TrainingSettings):
    """The value ``key`` has in this configuration; a hidden activation shared by all hidden
    layers is its name, mixed ones join as ``tanh/relu``, no hidden layer gives None."""
    _check_key(key)
    if key == "hidden_activation":
        acts = list(dict.fromkeys(layer.activation for layer in spec.layers[:-1]))
        return "/".join(acts) if acts else None
    if key == "output_activation":
        return spec.layers[-1].activation
    if key == "regularization":
        return (settings.regularization,
                0.0 if settings.regularization == "none" else float(settings.reg_rate))
    return getattr(settings, key)


def options(key: str, spec: NetworkSpec, settings: TrainingSettings) -> tuple[str, ...]:
    """The names a choice setting can take here (the current one included), e.g. no
    ``perceptron`` optimizer for a network with hidden layers, no ``bce`` for a tanh output;
    () for numeric settings and for a hidden activation without hidden layers."""
    _check_key(key)
    candidates = {"hidden_activation": ACTIVATIONS, "output_activation": ACTIVATIONS,
                  "optimizer": OPTIMIZERS, "loss": LOSSES}.get(key, ())
    if key == "hidden_activation" and len(spec.layers) < 2:
        return ()
    out = []
    for name in candidates:
        try:
            make_variant(spec, settings, key, name)
        except SpecError:
            continue
        out.append(name)
    return tuple(out)


def available(spec: NetworkSpec, settings: TrainingSettings) -> tuple[str, ...]:
    """The settings that can take another value here (a choice with one option cannot)."""
    return tuple(k for k in SETTINGS if k not in CHOICE_SETTINGS
                 or len(options(k, spec, settings)) > 1)


def make_variant(spec: NetworkSpec, settings: TrainingSettings, key: str, value) -> Variant:
    """The configuration with ``key`` set to ``value`` and nothing else changed; SpecError
    says why the value cannot be used (out of range, or a network it cannot train)."""
    _check_key(key)
    was = current_value(key, spec, settings)
    new_spec, new_settings = spec.copy(), replace(settings)
    if key == "learning_rate":
        new_settings = settings.replace(learning_rate=_number(value, "learning rate", 0.0,
                                                              MAX_LEARNING_RATE, low_open=True))
    elif key == "batch_size":
        if isinstance(value, bool) or not isinstance(value, int) \
                or not 1 <= value <= MAX_BATCH_SIZE:
            raise SpecError(f"batch size must be a whole number from 1 to {MAX_BATCH_SIZE:,}, "
                            f"got {value!r}")
        new_settings = settings.replace(batch_size=value)
    elif key in ("optimizer", "loss"):
        allowed = OPTIMIZERS if key == "optimizer" else LOSSES
        if value not in allowed:
            raise SpecError(f"{key} '{value}' is not one of {', '.join(allowed)}")
        new_settings = settings.replace(**{key: value})
    elif key == "hidden_activation":
        if len(spec.layers) < 2:
            raise SpecError("this network has no hidden layer")
        new_spec = spec
        for i in range(len(spec.layers) - 1):
            new_spec = new_spec.with_layer(i, activation=_activation(value))
    elif key == "output_activation":
        new_spec = spec.with_layer(len(spec.layers) - 1, activation=_activation(value))
        if new_spec.layers[-1].units == 1 and value == "softmax":
            raise SpecError("softmax needs two or more outputs; this network has one")
    else:  # regularization
        new_settings = settings.replace(**_regularization(value))
    _check_trainable(new_spec, new_settings)
    return Variant(key, current_value(key, new_spec, new_settings), new_spec, new_settings, was)


def differences(spec_a: NetworkSpec, settings_a: TrainingSettings, spec_b: NetworkSpec,
                settings_b: TrainingSettings) -> list[str]:
    """The comparable settings in which two configurations differ, then the names of any
    other difference (a training setting's field name, or ``"spec"`` for the topology)."""
    out = [k for k in SETTINGS
           if current_value(k, spec_a, settings_a) != current_value(k, spec_b, settings_b)]
    covered = {"learning_rate", "batch_size", "optimizer", "loss", "regularization",
               "reg_rate"}
    a, b = settings_a.to_dict(), settings_b.to_dict()
    out += [name for name in a if name not in covered and a[name] != b[name]]
    if settings_a.regularization == settings_b.regularization == "none" \
            and settings_a.reg_rate != settings_b.reg_rate:
        out.append("reg_rate")  # a rate without a penalty changes nothing, but it differs
    shape_a = [{**lay.to_dict(), "activation": None} for lay in spec_a.layers]
    shape_b = [{**lay.to_dict(), "activation": None} for lay in spec_b.layers]
    if spec_a.inputs != spec_b.inputs or shape_a != shape_b:
        out.append("spec")
    return out


def value_text(key: str, value) -> str:
    """A value as the labels write it: ``0.3``, ``relu``, ``L2 0.001``, ``none``."""
    if key == "regularization":
        kind, rate = value
        return "none" if kind == "none" else f"{kind.upper()} {rate:g}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def short_label(key: str, value) -> str:
    """``lr 0.3``, ``batch 1``, ``adam``, ``relu``, ``output sigmoid``, ``loss bce``,
    ``L2 0.001`` (``no regularization`` for none)."""
    if key == "regularization" and value[0] == "none":
        return "no regularization"
    prefix = _SHORT[key]
    text = value_text(key, value)
    return f"{prefix} {text}" if prefix else text


def variant_job(document, variant: Variant, weights, epoch: int):
    """The training :class:`~simulator.training.loop.Job` of ``variant`` on the document's
    data, starting from ``weights`` (copied) at ``epoch``. No plot points: only the loss
    curves of a variant are drawn, so its loop computes no decision map."""
    from ..training.loop import Job
    train, test = document.data.train, document.data.test
    has_test = test is not None and len(test.X) > 0
    return Job(spec=variant.spec.to_dict(), weights=[(W.copy(), b.copy()) for W, b in weights],
               settings=replace(variant.settings), X=train.X, Y=train.Y,
               X_test=test.X if has_test else None, Y_test=test.Y if has_test else None,
               epoch=epoch)


def variant_run(variant: Variant, history) -> Run:
    """The run a comparison leaves in ``document.runs``: the variant's settings and spec,
    its history (the rows both runs share before the branch point, then its own) and its
    label as the note."""
    h = history.copy() if isinstance(history, History) else History(history)
    return Run(replace(variant.settings), variant.spec.to_dict(), h, variant.label)


# -- checks ----------------------------------------------------------------------------
def _check_key(key: str) -> None:
    if key not in SETTINGS:
        raise SpecError(f"'{key}' cannot be compared; choose one of {', '.join(SETTINGS)}")


def _number(value, what: str, low: float, high: float, low_open: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SpecError(f"{what} must be a number, got {value!r}")
    value = float(value)
    if not math.isfinite(value) or value > high or value < low or (low_open and value == low):
        side = "above" if low_open else "at least"
        raise SpecError(f"{what} must be {side} {low:g} and at most {high:g}, got {value:g}")
    return value


def _activation(value) -> str:
    if value not in ACTIVATIONS:
        raise SpecError(f"unknown activation '{value}'; choose one of {', '.join(ACTIVATIONS)}")
    return value


def _regularization(value) -> dict:
    if not (isinstance(value, (tuple, list)) and len(value) == 2):
        raise SpecError(f"regularization must be (kind, rate), got {value!r}")
    kind, rate = value
    if kind not in REGULARIZATIONS:
        raise SpecError(f"regularization '{kind}' is not one of {', '.join(REGULARIZATIONS)}")
    if kind == "none":
        return {"regularization": "none", "reg_rate": 0.0}
    return {"regularization": kind,
            "reg_rate": _number(rate, "regularization rate", 0.0, MAX_REG_RATE, low_open=True)}


def _check_trainable(spec: NetworkSpec, settings: TrainingSettings) -> None:
    """What ``Trainer`` and the app's own edits would refuse, as a SpecError."""
    out = spec.layers[-1].activation
    try:
        losses.check(settings.loss, out)
        if settings.optimizer == "perceptron":
            optimizers.check_perceptron(spec)
        else:
            optimizers.check_gradient(settings.optimizer, spec)
    except ValueError as exc:
        raise SpecError(str(exc)) from None
    if fit_loss_to_spec(settings.loss, spec) != settings.loss:
        raise SpecError(f"the loss '{settings.loss}' does not go with a '{out}' output layer "
                        "(softmax is trained with cross_entropy only)")
