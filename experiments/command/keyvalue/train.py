#!/usr/bin/env python3
"""A program that logs Guild-style 'key: value' lines, as many training scripts already do: 'epoch: N' opens
an epoch and the lines after it belong to it. It minimises f(w) = (w - 3)^2 + 0.1 * sin(5w) by gradient
descent with the rate from SWEEP_PARAMS, the JSON object Sweep puts in the environment."""
import json, math, os

params = json.loads(os.environ["SWEEP_PARAMS"])
rate, epochs, start = params["learning_rate"], params["epochs"], params["start"]
w = start
for epoch in range(1, epochs + 1):
    for _ in range(10):
        grad = 2 * (w - 3) + 0.5 * math.cos(5 * w)
        w -= rate * grad
        if not math.isfinite(w) or abs(w) > 1e150:
            w = float("inf")
            break
    loss = (w - 3) ** 2 + 0.1 * math.sin(5 * w) if math.isfinite(w) else float("inf")
    print(f"epoch: {epoch}")
    print(f"train_loss: {loss}")
    print(f"w: {w}")
    print(f"note: step {epoch} done")
