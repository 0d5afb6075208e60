"""Reference training runs from PyTorch for Sweep's engine (TorchReferenceTests).

Regenerate torch_reference.json, next to this script, from the repository root with

    /usr/bin/python3 tests/Sweep.Models.Tests/Training/Reference/make_reference.py

It needs Debian's PyTorch (apt-get install python3-torch) and numpy; the output depends only on the
fixed seeds below, up to float32 rounding of the installed torch build.

Every case is a small dense network in float32 whose starting weights and biases are drawn once from a
fixed numpy generator, rounded to float32 and written into the JSON, so the C# side starts from exactly the
same values. Data are 14 samples of 3 features in file order (no shuffling). Each case is trained for a few
epochs with Sweep's conventions:

* a layer's weight is units x inputs (torch.nn.Linear's layout); biases are separate;
* each epoch's train loss is the mean of its batch data losses, each taken before its update, penalties
  left out;
* batch "full" is one batch of all samples, a number n gives ceil(14 / n) batches with the last one
  partial, "sgd" is batches of one sample;
* losses use torch's mean reductions: mse and mae average over every output of every sample; sigmoid + bce
  is binary_cross_entropy_with_logits on the pre-activations; softmax + cce is cross_entropy on the
  pre-softmax logits with class-index targets (the JSON keeps one-hot rows, as Sweep reads them); any
  other pairing applies the activation first (softmax + bce is binary_cross_entropy, sigmoid + cce the
  class-summed -y * log(a), logs clamped at -100 in both);
* L1 and L2 are added to the loss as l1 * sum|w| + l2 * sum w^2 over weights only (never biases), so
  autograd gives l1 * sign(w) and 2 * l2 * w;
* AdamW decays weights only: two parameter groups, weight_decay 0 for the biases;
* RMSprop is torch's formula (not centered, no momentum) with alpha = Sweep's rho.

Each case is run again in float64 from the same start; the script refuses a case whose float32 run strays
from it by more than CONDITIONING, so the C# tolerance measures the engine rather than rounding.
"""

import json
import math
import pathlib
import zlib

import numpy as np
import torch
import torch.nn.functional as F

SAMPLES = 14
FEATURES = 3
EPOCHS = 5
OUTPUT = pathlib.Path(__file__).with_name("torch_reference.json")

# The C# test allows 1e-5 relative (1e-6 absolute below 0.1). A case is only a fair reference when its
# float32 run agrees with the same run in float64 within a quarter of that: else rounding alone (summation
# order, a different tanh) could fail it.
CONDITIONING = 2.5e-6


def f32(value):
    """The shortest decimal that reads back as the same float32."""
    return float(np.format_float_positional(np.float32(value), unique=True, trim="-"))


def f32_list(array):
    return [f32(v) for v in np.asarray(array, dtype=np.float32).ravel()]


def f32_rows(array):
    return [f32_list(row) for row in np.asarray(array, dtype=np.float32)]


def make_data():
    rng = np.random.default_rng(20240611)
    x = rng.uniform(-1.0, 1.0, size=(SAMPLES, FEATURES)).astype(np.float32)
    regression = (0.8 * x[:, 0] - 0.5 * x[:, 1] + 0.3 * x[:, 0] * x[:, 2] + 0.1).astype(np.float32)
    second = (np.sin(2.0 * x[:, 1]) - 0.4 * x[:, 2]).astype(np.float32)
    binary = (x[:, 0] + x[:, 1] - 0.5 * x[:, 2] > 0.0).astype(np.float32)
    scores = x @ np.array([[1.0, -1.0, 0.2], [0.5, 0.8, -1.0], [-0.7, 0.3, 0.9]], dtype=np.float32)
    classes = scores.argmax(axis=1)
    assert sorted(set(classes.tolist())) == [0, 1, 2], "every class should appear"
    one_hot = np.eye(3, dtype=np.float32)[classes]
    return {
        "regression": (x, regression[:, None], False),
        "regression2": (x, np.stack([regression, second], axis=1), False),
        "binary": (x, binary[:, None], True),
        "classes": (x, one_hot, True),
    }


def initial_layers(spec, seed):
    """Weights and biases drawn uniformly in +-1/sqrt(fan_in) (torch.nn.Linear's range), as float32."""
    rng = np.random.default_rng(seed)
    layers = []
    inputs = FEATURES
    for units, _ in spec:
        bound = 1.0 / math.sqrt(inputs)
        weights = rng.uniform(-bound, bound, size=(units, inputs)).astype(np.float32)
        bias = rng.uniform(-bound, bound, size=units).astype(np.float32)
        layers.append((weights, bias))
        inputs = units
    return layers


def activate(activation, z):
    if activation == "linear":
        return z
    if activation == "sigmoid":
        return torch.sigmoid(z)
    if activation == "tanh":
        return torch.tanh(z)
    if activation == "relu":
        return torch.relu(z)
    if activation == "softmax":
        return torch.softmax(z, dim=1)
    raise ValueError(activation)


def data_loss(loss, activation, z, y):
    """Sweep's loss of the last layer's pre-activations z against targets y."""
    if loss == "bce" and activation == "sigmoid":
        return F.binary_cross_entropy_with_logits(z, y)
    if loss == "cce" and activation == "softmax":
        return F.cross_entropy(z, y.argmax(dim=1))
    a = activate(activation, z)
    if loss == "mse":
        return F.mse_loss(a, y)
    if loss == "mae":
        return F.l1_loss(a, y)
    if loss == "bce":
        return F.binary_cross_entropy(a, y)
    if loss == "cce":
        # Summed over classes, averaged over samples, logs clamped at -100 as BCELoss does.
        return -(y * torch.log(a).clamp(min=-100.0)).sum(dim=1).mean()
    raise ValueError((loss, activation))


def make_optimizer(settings, lr, weights, biases):
    kind = settings["kind"]
    params = weights + biases
    if kind == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=settings["momentum"], nesterov=settings["nesterov"])
    if kind == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(settings["beta1"], settings["beta2"]), eps=settings["epsilon"])
    if kind == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=settings["rho"], eps=settings["epsilon"])
    if kind == "adamw":
        groups = [
            {"params": weights, "weight_decay": settings["decoupled_decay"]},
            {"params": biases, "weight_decay": 0.0},
        ]
        return torch.optim.AdamW(groups, lr=lr, betas=(settings["beta1"], settings["beta2"]), eps=settings["epsilon"])
    raise ValueError(kind)


def train(spec, initial, x, y, training, dtype=torch.float32):
    weights = [torch.tensor(w, dtype=dtype, requires_grad=True) for w, _ in initial]
    biases = [torch.tensor(b, dtype=dtype, requires_grad=True) for _, b in initial]
    optimizer = make_optimizer(training["optimizer"], training["lr"], weights, biases)
    x = torch.tensor(x, dtype=dtype)
    y = torch.tensor(y, dtype=dtype)
    batch = {"full": SAMPLES, "sgd": 1}.get(training["batch"]) or int(training["batch"])
    l1, l2 = training["l1"], training["l2"]
    losses = []
    for _ in range(training["epochs"]):
        batch_losses = []
        for start in range(0, SAMPLES, batch):
            xb, yb = x[start:start + batch], y[start:start + batch]
            optimizer.zero_grad()
            a = xb
            for l, (_, activation) in enumerate(spec):
                z = a @ weights[l].T + biases[l]
                a = activate(activation, z)
            value = data_loss(training["loss"], spec[-1][1], z, yb)
            total = value
            if l1 != 0:
                total = total + l1 * sum(w.abs().sum() for w in weights)
            if l2 != 0:
                total = total + l2 * sum((w * w).sum() for w in weights)
            total.backward()
            optimizer.step()
            batch_losses.append(value.item())
        losses.append(sum(batch_losses) / len(batch_losses))
    final = [(w.detach().numpy(), b.detach().numpy()) for w, b in zip(weights, biases)]
    return losses, final


def rounding_drift(losses, final, losses64, final64):
    """The largest |float32 - float64| / max(|float64|, 0.1) over the losses and final parameters."""
    pairs = [(np.array(losses), np.array(losses64))]
    for (w, b), (w64, b64) in zip(final, final64):
        pairs += [(w, w64), (b, b64)]
    return max(float(np.max(np.abs(a - e) / np.maximum(np.abs(e), 0.1))) for a, e in pairs)


def optimizer_settings(kind, **overrides):
    settings = {
        "kind": kind, "momentum": 0.0, "nesterov": False, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8,
        "rho": 0.9, "decoupled_decay": 0.0,
    }
    settings.update(overrides)
    return settings


OPTIMIZERS = {
    "sgd": (optimizer_settings("sgd"), 0.1),
    "momentum": (optimizer_settings("sgd", momentum=0.9), 0.05),
    "nesterov": (optimizer_settings("sgd", momentum=0.9, nesterov=True), 0.05),
    "adam": (optimizer_settings("adam"), 0.01),
    "rmsprop": (optimizer_settings("rmsprop", rho=0.9), 0.01),
    "adamw": (optimizer_settings("adamw", decoupled_decay=0.5), 0.01),
}

OUTPUTS = {
    "linear_mse": ("regression", "linear", "mse", 1),
    "linear_mae": ("regression", "linear", "mae", 1),
    "sigmoid_bce": ("binary", "sigmoid", "bce", 1),
    "softmax_cce": ("classes", "softmax", "cce", 3),
    "sigmoid_mse": ("binary", "sigmoid", "mse", 1),
    "softmax_mse": ("classes", "softmax", "mse", 3),
    "tanh_mae": ("regression", "tanh", "mae", 1),
    "linear_mse_two_targets": ("regression2", "linear", "mse", 2),
    "softmax_bce": ("classes", "softmax", "bce", 3),
    "sigmoid_cce": ("classes", "sigmoid", "cce", 3),
}


def case_definitions():
    """(name, data, spec, training) for every case, in a fixed order."""
    def training(optimizer, loss, batch, l1=0.0, l2=0.0):
        settings, lr = OPTIMIZERS[optimizer]
        return {"optimizer": settings, "loss": loss, "lr": lr, "l1": l1, "l2": l2, "batch": batch, "epochs": EPOCHS}

    cases = []
    # Every optimizer in every batch mode: 3-4-1, tanh hidden, linear output, MSE. Momentum over 70
    # single-sample steps at 0.05 oscillates, and there float32 rounding alone grew to 1.2e-5 of the weights
    # (see CONDITIONING), so those two cases take a fifth of the rate.
    for optimizer in OPTIMIZERS:
        for batch in ("full", "5", "sgd"):
            settings = training(optimizer, "mse", batch)
            if batch == "sgd" and optimizer in ("momentum", "nesterov"):
                settings["lr"] /= 5
            cases.append((f"optimizer_{optimizer}_batch_{batch}", "regression", [(4, "tanh"), (1, "linear")],
                          settings))

    # Penalties, alone and together, through plain SGD and through the adaptive optimizers.
    for optimizer in ("sgd", "momentum", "adam", "rmsprop"):
        for name, l1, l2 in (("l1", 0.05, 0.0), ("l2", 0.0, 0.05), ("l1_l2", 0.05, 0.05)):
            cases.append((f"penalty_{name}_{optimizer}", "regression", [(4, "tanh"), (1, "linear")],
                          training(optimizer, "mse", "5", l1=l1, l2=l2)))

    # Every hidden activation under every output activation and loss.
    for hidden in ("sigmoid", "tanh", "relu"):
        for output, (data, activation, loss, units) in OUTPUTS.items():
            cases.append((f"activation_{hidden}_{output}", data, [(4, hidden), (units, activation)],
                          training("momentum", loss, "5")))

    # Two hidden layers.
    cases.append(("deep_relu_tanh_linear_mse_adam", "regression", [(5, "relu"), (4, "tanh"), (1, "linear")],
                  training("adam", "mse", "5")))
    cases.append(("deep_tanh_sigmoid_softmax_cce_nesterov", "classes",
                  [(5, "tanh"), (4, "sigmoid"), (3, "softmax")], training("nesterov", "cce", "sgd")))
    cases.append(("deep_sigmoid_relu_sigmoid_bce_rmsprop_l1_l2", "binary",
                  [(5, "sigmoid"), (4, "relu"), (1, "sigmoid")], training("rmsprop", "bce", "full", l1=0.02, l2=0.02)))
    # Wide enough (16 units) for the vectorised paths of the dot products and updates.
    cases.append(("deep_wide_tanh_relu_softmax_cce_adam", "classes", [(16, "tanh"), (16, "relu"), (3, "softmax")],
                  training("adam", "cce", "5")))
    cases.append(("deep_relu_relu_linear_mae_adamw", "regression", [(5, "relu"), (4, "relu"), (1, "linear")],
                  training("adamw", "mae", "5")))
    return cases


def main():
    torch.set_num_threads(1)
    data = make_data()
    cases = []
    worst_drift = 0.0
    for name, data_name, spec, training in case_definitions():
        x, y, classification = data[data_name]
        # Seeded by the name, so adding a case leaves the others as they were.
        initial = initial_layers(spec, seed=zlib.crc32(name.encode()))
        losses, final = train(spec, initial, x, y, training)
        assert all(math.isfinite(loss) for loss in losses), name
        losses64, final64 = train(spec, initial, x, y, training, dtype=torch.float64)
        drift = rounding_drift(losses, final, losses64, final64)
        assert drift < CONDITIONING, f"{name}: float32 and float64 runs differ by {drift:.2e}"
        worst_drift = max(worst_drift, drift)
        cases.append({
            "name": name,
            "layers": [{"units": units, "activation": activation} for units, activation in spec],
            "initial": [{"weights": f32_rows(w), "bias": f32_list(b)} for w, b in initial],
            "x": f32_rows(x),
            "y": f32_rows(y),
            "classification": classification,
            "training": training,
            "losses": losses,
            "final": [{"weights": f32_rows(w), "bias": f32_list(b)} for w, b in final],
        })

    # One case per line group, arrays on one line: small diffs when the reference changes.
    lines = ["{", f'  "torch": {json.dumps(torch.__version__)},', '  "cases": [']
    for i, case in enumerate(cases):
        fields = [f'      "{key}": {json.dumps(value)}' for key, value in case.items()]
        lines.append("    {\n" + ",\n".join(fields) + "\n    }" + ("," if i < len(cases) - 1 else ""))
    lines += ["  ]", "}"]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(cases)} cases written to {OUTPUT}; float32 runs within {worst_drift:.1e} of float64")


if __name__ == "__main__":
    main()
