#!/usr/bin/env python3
"""A training program with no dependencies: fits y = 3x + 1 by mini-batch gradient descent and prints one
JSON line per epoch. Sweep runs it once per trial; it knows nothing of Sweep beyond its arguments."""
import argparse, json, math, random

p = argparse.ArgumentParser()
p.add_argument("--learning_rate", type=float, default=0.01)
p.add_argument("--epochs", type=int, default=30)
p.add_argument("--batch", type=int, default=16)
p.add_argument("--momentum", type=float, default=0.0)
p.add_argument("--seed", type=int, default=1)
a = p.parse_args()

rng = random.Random(a.seed)
xs = [rng.uniform(-2, 2) for _ in range(256)]
data = [(x, 3 * x + 1 + rng.gauss(0, 0.1)) for x in xs]
train, val = data[:200], data[200:]
w = b = vw = vb = 0.0
for epoch in range(1, a.epochs + 1):
    rng.shuffle(train)
    losses = []
    for i in range(0, len(train), a.batch):
        batch = train[i:i + a.batch]
        try:
            gw = sum(2 * (w * x + b - y) * x for x, y in batch) / len(batch)
            gb = sum(2 * (w * x + b - y) for x, y in batch) / len(batch)
            losses.append(sum((w * x + b - y) ** 2 for x, y in batch) / len(batch))
        except OverflowError:
            gw = gb = float("nan"); losses.append(float("inf"))
        vw, vb = a.momentum * vw + gw, a.momentum * vb + gb
        w, b = w - a.learning_rate * vw, b - a.learning_rate * vb
    try:
        val_loss = sum((w * x + b - y) ** 2 for x, y in val) / len(val)
    except OverflowError:
        val_loss = float("inf")
    print(json.dumps({"epoch": epoch, "train_loss": sum(losses) / len(losses), "val_loss": val_loss,
                      "w": w, "b": b}))
