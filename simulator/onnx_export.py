"""Export a network as an ONNX model (opset 17) that onnxruntime and other tools can run.

The graph is the forward pass written out layer by layer:

    input (batch, n_in) --MatMul W0--Add b0--f0--> ... --MatMul Wk--Add bk--fk--> output

* the batch dimension is dynamic (``"batch"``); input name ``"input"``, output ``"output"``;
* derived input features (x1², sin x1 ...): the model's input is then (batch, 2), x1 and
  x2, and the graph computes the features (Mul, Sin, Concat) as the simulator does;
* removed connections (the spec's masks) are baked into W as zeros;
* every activation maps to standard operators:

  =========== =================================================================
  step        Cast(Greater(z, 0))                 (1 where z > 0, else 0)
  sigmoid     Sigmoid            tanh     Tanh            relu   Relu
  leaky_relu  LeakyRelu(alpha=0.01)                elu    Elu(alpha=1)
  softplus    Softplus           swish    z * Sigmoid(z)  linear (nothing)
  gelu        0.5 z (1 + Tanh(sqrt(2/pi) (z + 0.044715 z^3)))   (tanh approximation)
  softmax     Softmax(axis=-1)
  =========== =================================================================
"""

from __future__ import annotations

import math

import numpy as np

from .errors import ProjectError

OPSET = 17


def build_model(spec, weights, dtype=np.float32, producer: str = "ANN Simulator",
                features=()):
    """An ``onnx.ModelProto`` computing the network's prediction in ``dtype``; with
    ``features`` its input is (x1, x2) and the derived inputs are computed in the graph."""
    try:
        import onnx
        from onnx import TensorProto, helper, numpy_helper
    except ImportError as exc:  # pragma: no cover - onnx is a dependency
        raise ProjectError("ONNX export needs the 'onnx' package: pip install onnx") from exc

    dtype = np.dtype(dtype)
    elem = TensorProto.FLOAT if dtype == np.float32 else TensorProto.DOUBLE
    nodes, inits = [], []
    counter = iter(range(10**9))

    def const(name_hint: str, value) -> str:
        name = f"{name_hint}_{next(counter)}"
        inits.append(numpy_helper.from_array(np.asarray(value, dtype=dtype), name))
        return name

    def node(op: str, inputs: list[str], hint: str, **attrs) -> str:
        out = f"{hint}_{next(counter)}"
        nodes.append(helper.make_node(op, inputs, [out], name=out, **attrs))
        return out

    x = _features(features, node, const) if features else "input"
    for k, (layer, (W, b)) in enumerate(zip(spec.layers, weights, strict=True)):
        W = np.asarray(W, dtype=np.float64)
        if layer.mask is not None:
            W = W * layer.mask
        z = node("MatMul", [x, const(f"W{k}", W)], f"matmul{k}")
        if layer.use_bias:
            z = node("Add", [z, const(f"b{k}", np.asarray(b))], f"z{k}")
        x = _activation(layer.activation, z, k, node, const, elem)
    nodes.append(helper.make_node("Identity", [x], ["output"], name="output_identity"))

    graph = helper.make_graph(
        nodes, "ann_sim_network",
        [helper.make_tensor_value_info("input", elem,
                                       ["batch", 2 if features else spec.inputs])],
        [helper.make_tensor_value_info("output", elem, ["batch", spec.layers[-1].units])],
        initializer=inits)
    model = helper.make_model(graph, producer_name=producer,
                              opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = min(model.ir_version, 9)  # readable by older onnxruntime releases
    model.doc_string = ("Dense network exported by ANN Simulator: "
                        + "-".join(str(s) for s in spec.sizes) + " ("
                        + ", ".join(layer.activation for layer in spec.layers) + ")")
    if features:
        model.doc_string += "; input (x1, x2), features " + ", ".join(features)
    onnx.checker.check_model(model)
    return model


def _features(features, node, const) -> str:
    """Graph nodes for ``simulator.datasets.features``: the columns x1, x2 of "input",
    then one column per feature, concatenated in ``features``' order."""
    def column(k: int) -> str:
        # Gather on axis 1 with the index [k] keeps the column a (batch, 1) matrix
        index = node("Cast", [const(f"col{k}", [k])], f"i{k}", to=7)  # 7: INT64
        return node("Gather", ["input", index], f"x{k + 1}", axis=1)

    a, b = column(0), column(1)
    made = {"x1": lambda: a, "x2": lambda: b,
            "x1^2": lambda: node("Mul", [a, a], "x1sq"),
            "x2^2": lambda: node("Mul", [b, b], "x2sq"),
            "x1*x2": lambda: node("Mul", [a, b], "x1x2"),
            "sin(x1)": lambda: node("Sin", [a], "sinx1"),
            "sin(x2)": lambda: node("Sin", [b], "sinx2")}
    return node("Concat", [made[name]() for name in features], "features", axis=1)


def _activation(name: str, z: str, k: int, node, const, elem: int) -> str:
    """Append the nodes of activation ``name`` applied to tensor ``z``; return the result."""
    hint = f"{name}{k}"
    if name == "linear":
        return z
    if name == "step":
        positive = node("Greater", [z, const("zero", 0.0)], f"gt{k}")
        return node("Cast", [positive], hint, to=elem)
    simple = {"sigmoid": "Sigmoid", "tanh": "Tanh", "relu": "Relu", "softplus": "Softplus"}
    if name in simple:
        return node(simple[name], [z], hint)
    if name == "leaky_relu":
        return node("LeakyRelu", [z], hint, alpha=0.01)
    if name == "elu":
        return node("Elu", [z], hint, alpha=1.0)
    if name == "swish":
        return node("Mul", [z, node("Sigmoid", [z], f"sig{k}")], hint)
    if name == "gelu":
        z3 = node("Mul", [node("Mul", [z, z], f"z2_{k}"), z], f"z3_{k}")
        inner = node("Add", [z, node("Mul", [z3, const("a", 0.044715)], f"az3_{k}")], f"in{k}")
        t = node("Tanh", [node("Mul", [inner, const("c", math.sqrt(2.0 / math.pi))],
                               f"u{k}")], f"t{k}")
        half = node("Mul", [z, const("half", 0.5)], f"hz{k}")
        return node("Mul", [half, node("Add", [t, const("one", 1.0)], f"1pt{k}")], hint)
    if name == "softmax":
        return node("Softmax", [z], hint, axis=-1)
    raise ProjectError(f"activation '{name}' cannot be exported to ONNX")

