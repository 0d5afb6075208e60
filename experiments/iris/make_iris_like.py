"""Writes iris-like.csv: 150 flowers, 50 of each of three species, drawn from normal distributions with
the per-species means and standard deviations of Fisher's iris data (sepal and petal length and width,
in cm, rounded to 0.1 as the original is). Seeded, so the file is the same on every run."""
import csv
import random

SPECIES = {
    "setosa": [(5.006, 0.352), (3.428, 0.379), (1.462, 0.174), (0.246, 0.105)],
    "versicolor": [(5.936, 0.516), (2.770, 0.314), (4.260, 0.470), (1.326, 0.198)],
    "virginica": [(6.588, 0.636), (2.974, 0.322), (5.552, 0.552), (2.026, 0.275)],
}

rng = random.Random(15)
rows = []
for name, columns in SPECIES.items():
    for _ in range(50):
        rows.append([max(0.1, round(rng.gauss(mean, sd), 1)) for mean, sd in columns] + [name])
rng.shuffle(rows)
with open("iris-like.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["sepal_length", "sepal_width", "petal_length", "petal_width", "species"])
    writer.writerows(rows)
