"""Tooltips of the hyperparameter and activation choices: a sentence in the UI's language
and the formula from :mod:`simulator.formulas` (the engine's own text, never retyped)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from simulator import formulas


def _t(text: str) -> str:
    return QCoreApplication.translate("Tooltips", text)


def _descriptions() -> dict[str, dict[str, str]]:
    return {
        "loss": {
            "mse": _t("Mean of the squared differences between target t and output o."),
            "sse": _t("Sum of the squared differences over the outputs, as in the lecture."),
            "bce": _t("For one sigmoid output that is a probability of class 1."),
            "cross_entropy": _t("For a softmax output layer with one neuron per class."),
        },
        "optimizer": {
            "sgd": _t("Gradient descent: a step against the gradient g = ∂E/∂w."),
            "momentum": _t("Gradient descent with a velocity v that keeps part of the "
                           "earlier steps: it rolls through small dips."),
            "rmsprop": _t("Divides each step by a running mean of the squared gradients: "
                          "every weight gets its own step size."),
            "adam": _t("Momentum and RMSProp together, with a correction for the first "
                       "steps."),
            "perceptron": _t("Rosenblatt's rule for one layer of step units: t is the "
                             "target, y the output, x the input."),
        },
        "init": {
            "uniform01": _t("Random numbers between 0 and 1, all positive (the lecture's)."),
            "uniform": _t("Uniform, narrower for more inputs (PyTorch's default)."),
            "normal": _t("Standard normal, not scaled: deep or wide layers saturate."),
            "xavier": _t("Glorot's scale keeps the signal's spread through sigmoid and tanh "
                         "layers."),
            "he": _t("He's scale, made for ReLU layers."),
            "zeros": _t("All weights 0: every neuron of a layer stays the same (the "
                        "symmetry problem)."),
        },
        "regularization": {
            "none": _t("No penalty: the loss E alone."),
            "l1": _t("Penalty on the absolute weights (λ = regularization rate): drives "
                     "small weights to exactly 0."),
            "l2": _t("Penalty on the squared weights (λ = regularization rate): keeps all "
                     "weights small (weight decay)."),
        },
    }


def choice(kind: str, name: str) -> str:
    """Tooltip of choice ``name`` of ``kind`` ("loss", "optimizer", "init",
    "regularization", "activation"): description, then the formula."""
    if kind == "activation":
        text = activation_description(name)
    else:
        text = _descriptions().get(kind, {}).get(name, "")
    formula = formulas.choice(kind, name)
    return f"{text}\n{formula}" if text and formula else text or formula


def activation_description(name: str) -> str:
    return {
        "step": _t("Step: the perceptron's threshold; its slope is 0, so no backpropagation."),
        "sigmoid": _t("Sigmoid: squashes z into (0, 1); its slope is at most 0.25, so deep "
                      "sigmoid networks suffer from vanishing gradients."),
        "tanh": _t("Hyperbolic tangent: like the sigmoid, but from −1 to 1 and centred at 0."),
        "relu": _t("ReLU: z for positive z, else 0; slope 1 where active, so gradients do "
                   "not vanish."),
        "leaky_relu": _t("Leaky ReLU: like ReLU, with a small slope for negative z."),
        "elu": _t("ELU: like ReLU, but smooth and negative down to −1."),
        "softplus": _t("Softplus: a smooth ReLU."),
        "swish": _t("Swish: z times its sigmoid."),
        "gelu": _t("GELU: a smooth ReLU used in transformers."),
        "linear": _t("Linear (identity): for regression outputs."),
        "softmax": _t("Softmax: outputs that are positive and sum to 1 (class "
                      "probabilities)."),
    }.get(name, "")


def set_item_tips(box, kind: str) -> None:
    """Give every item of the combo ``box`` (item data = choice id) its tooltip."""
    for i in range(box.count()):
        name = box.itemData(i)
        if name is not None:
            box.setItemData(i, choice(kind, name), Qt.ToolTipRole)


def sync_tip(box, intro: str = "") -> None:
    """The closed combo's tooltip: ``intro`` and the current choice's tooltip."""
    tip = box.itemData(box.currentIndex(), Qt.ToolTipRole) or ""
    box.setToolTip("\n\n".join(t for t in (intro, tip) if t))
