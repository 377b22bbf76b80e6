"""Display names of the settings' choices, shared by every panel that offers them."""

from PySide6.QtCore import QCoreApplication

#: Human names of the activations (the ids are the spec's).
ACTIVATION_LABELS = {
    "step": "step", "sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU",
    "leaky_relu": "leaky ReLU", "elu": "ELU", "softplus": "softplus", "swish": "swish",
    "gelu": "GELU", "linear": "linear", "softmax": "softmax",
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def choice_labels() -> dict[str, dict[str, str]]:
    """Display names of the settings' choices (translated)."""
    return {
        "loss": {"mse": _t("Mean squared error (MSE)"), "sse": _t("Sum of squared errors (SSE)"),
                 "bce": _t("Binary cross-entropy"), "cross_entropy": _t("Cross-entropy (softmax)")},
        "optimizer": {"sgd": _t("Gradient descent (SGD)"), "momentum": _t("Momentum"),
                      "rmsprop": _t("RMSProp"), "adam": _t("Adam"),
                      "perceptron": _t("Perceptron rule")},
        "init": {"uniform01": _t("Random 0 to 1"), "uniform": _t("Uniform ±limit"),
                 "normal": _t("Normal"), "xavier": _t("Xavier (Glorot)"), "he": _t("He"),
                 "zeros": _t("All zeros")},
        "regularization": {"none": _t("None"), "l1": _t("L1"), "l2": _t("L2")},
        "backend": {"numpy": _t("NumPy (CPU)"), "cupy": _t("CuPy (GPU)"),
                    "auto": _t("Automatic")},
    }
