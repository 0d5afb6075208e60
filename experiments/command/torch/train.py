#!/usr/bin/env python3
"""Seed 002's shallow autoencoder in PyTorch, as a user's own training script: 784-32-784 (ReLU, logits
scored by binary cross-entropy averaged over pixels) trained with Adam on the first --limit Fashion-MNIST
training images, validated on as many test images, one JSON line per epoch on stdout. Sweep passes the
rate through {args}; nothing here knows about Sweep. Needs Debian's python3-torch and dataset-fashion-mnist."""
import argparse, gzip, json, math, os, time

import torch

p = argparse.ArgumentParser()
p.add_argument("--learning_rate", type=float, default=0.001)
p.add_argument("--epochs", type=int, default=3)
p.add_argument("--batch", type=int, default=256)
p.add_argument("--hidden", type=int, default=32)
p.add_argument("--limit", type=int, default=2000)
p.add_argument("--seed", type=int, default=1)
p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
a = p.parse_args()

torch.set_num_threads(1)
torch.manual_seed(a.seed)


def images(name, limit):
    with gzip.open(os.path.join(a.data, name), "rb") as f:
        raw = f.read()
    count, rows, cols = (int.from_bytes(raw[i:i + 4], "big") for i in (4, 8, 12))
    n = min(count, limit)
    pixels = torch.frombuffer(bytearray(raw[16:16 + n * rows * cols]), dtype=torch.uint8)
    return pixels.view(n, rows * cols).float() / 255.0


train = images("train-images-idx3-ubyte.gz", a.limit)
test = images("t10k-images-idx3-ubyte.gz", a.limit)
model = torch.nn.Sequential(torch.nn.Linear(784, a.hidden), torch.nn.ReLU(), torch.nn.Linear(a.hidden, 784))
optimizer = torch.optim.Adam(model.parameters(), lr=a.learning_rate, eps=1e-8)
loss_of = torch.nn.BCEWithLogitsLoss()
generator = torch.Generator().manual_seed(a.seed)

for epoch in range(1, a.epochs + 1):
    started = time.perf_counter()
    model.train()
    losses = []
    for batch in train[torch.randperm(len(train), generator=generator)].split(a.batch):
        optimizer.zero_grad()
        loss = loss_of(model(batch), batch)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    model.eval()
    with torch.no_grad():
        val_loss = loss_of(model(test), test).item()
        grad_norm = math.sqrt(sum(float((p.grad ** 2).sum()) for p in model.parameters() if p.grad is not None))
        weight_norm = math.sqrt(sum(float((p ** 2).sum()) for p in model.parameters()))
    # json.dumps writes NaN and Infinity bare, which Sweep reads as a diverged loss.
    print(json.dumps({"epoch": epoch, "train_loss": sum(losses) / len(losses), "val_loss": val_loss,
                      "weight_norm": weight_norm, "grad_norm": grad_norm,
                      "seconds": time.perf_counter() - started}))
