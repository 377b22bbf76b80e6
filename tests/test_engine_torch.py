"""The engine against an outside oracle: PyTorch (skipped when it is not installed)."""

import zlib

import numpy as np
import pytest

import simulator as sim

torch = pytest.importorskip("torch")
F = torch.nn.functional

TORCH_ACT = {
    "sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
    "leaky_relu": lambda z: F.leaky_relu(z, 0.01), "elu": F.elu, "softplus": F.softplus,
    "swish": F.silu, "gelu": lambda z: F.gelu(z, approximate="tanh"), "linear": lambda z: z,
    "softmax": lambda z: torch.softmax(z, dim=1),
}


def torch_loss(name, z, h, y):
    if name == "mse":
        return F.mse_loss(h, y)
    if name == "sse":
        return ((h - y) ** 2).sum() / y.shape[0]
    if name == "bce":
        return F.binary_cross_entropy_with_logits(z, y)
    return F.cross_entropy(z, y.argmax(dim=1))


def torch_forward(weights, acts, X):
    A = torch.from_numpy(X)
    for (W, b), act in zip(weights, acts, strict=True):
        z = A @ W + b
        A = TORCH_ACT[act](z)
    return z, A


CASES = [(hidden, out, loss) for hidden in TORCH_ACT if hidden != "softmax"
         for out, loss in [("linear", "mse"), ("tanh", "sse"), ("sigmoid", "bce"),
                           ("softmax", "cross_entropy"), ("softmax", "mse")]]


@pytest.mark.parametrize("hidden,out,loss", CASES)
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_forward_and_gradients_match_torch(hidden, out, loss, dtype):
    rng = np.random.default_rng(zlib.crc32(f"{hidden}{out}{loss}".encode()))
    k = 3
    spec = {"inputs": 4, "layers": [{"units": 5, "activation": hidden},
                                    {"units": 4, "activation": hidden},
                                    {"units": k, "activation": out}]}
    net = sim.Network.from_spec(spec, init="xavier", seed=1, dtype=dtype)
    net.set_weights([(W, rng.standard_normal(b.shape) * 0.3) for W, b in net.get_weights()])
    X = rng.standard_normal((6, 4)).astype(dtype)
    Y = (np.eye(k)[rng.integers(0, k, 6)] if out in ("softmax", "sigmoid")
         else rng.standard_normal((6, k))).astype(dtype)
    tol = dict(rtol=1e-9, atol=1e-11) if dtype == "float64" else dict(rtol=2e-4, atol=1e-6)

    params = [(torch.tensor(W, requires_grad=True), torch.tensor(b, requires_grad=True))
              for W, b in net.get_weights()]
    z, h = torch_forward(params, [hidden, hidden, out], X)
    ref = torch_loss(loss, z, h, torch.from_numpy(Y))
    ref.backward()

    trace = net.forward(X)
    np.testing.assert_allclose(trace[-1].H, h.detach().numpy(), **tol)
    e, grads = net.loss_and_gradients(X, Y, loss)
    np.testing.assert_allclose(e, ref.item(), **tol)
    for (gW, gb), (W, b) in zip(grads, params, strict=True):
        np.testing.assert_allclose(gW, W.grad.numpy(), **tol)
        np.testing.assert_allclose(gb, b.grad.numpy(), **tol)


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "rmsprop", "adam"])
@pytest.mark.parametrize("reg", ["none", "l2"])
def test_optimizer_steps_match_torch(optimizer, reg):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((16, 3))
    Y = rng.standard_normal((16, 2))
    spec = {"inputs": 3, "layers": [{"units": 4, "activation": "tanh"},
                                    {"units": 2, "activation": "linear"}]}
    net = sim.Network.from_spec(spec, init="xavier", seed=2, dtype="float64")
    lr, rate = 0.05, (0.1 if reg == "l2" else 0.0)
    params = []
    for W, b in net.get_weights():
        params += [torch.tensor(W, requires_grad=True), torch.tensor(b, requires_grad=True)]
    # L2 on weights only (the engine never regularizes biases), as torch param groups
    groups = [{"params": params[0::2], "weight_decay": rate},
              {"params": params[1::2], "weight_decay": 0.0}]
    opt = {"sgd": lambda: torch.optim.SGD(groups, lr=lr),
           "momentum": lambda: torch.optim.SGD(groups, lr=lr, momentum=0.9),
           "rmsprop": lambda: torch.optim.RMSprop(groups, lr=lr, alpha=0.99, eps=1e-8),
           "adam": lambda: torch.optim.Adam(groups, lr=lr, betas=(0.9, 0.999), eps=1e-8),
           }[optimizer]()
    trainer = sim.Trainer(net, loss="mse", optimizer=optimizer, learning_rate=lr,
                          batch_size=16, regularization=reg, reg_rate=rate)
    tY = torch.from_numpy(Y)
    for _ in range(6):  # full batch: the engine's shuffle does not change the gradient
        opt.zero_grad()
        z, h = torch_forward(list(zip(params[0::2], params[1::2], strict=True)),
                             ["tanh", "linear"], X)
        F.mse_loss(h, tY).backward()
        opt.step()
    trainer.fit(X, Y, epochs=6)
    for (W, b), tW, tb in zip(net.get_weights(), params[0::2], params[1::2], strict=True):
        np.testing.assert_allclose(W, tW.detach().numpy(), rtol=1e-8, atol=1e-10)
        np.testing.assert_allclose(b, tb.detach().numpy(), rtol=1e-8, atol=1e-10)
