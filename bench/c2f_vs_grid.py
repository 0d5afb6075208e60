#!/usr/bin/python3
"""Coarse-to-fine's pick against the best of a dense log grid of 60 learning rates, through the real CLI.

Usage (from the repository root, after `dotnet build -c Release src/Sweep.Runner`; the Fashion-MNIST
problem needs Debian's dataset-fashion-mnist):
    /usr/bin/python3 bench/c2f_vs_grid.py [--problems linear_y3x,mlp_spiral,fmnist_autoencoder] [--parallel 2]
                                          [--resolution DIGITS] [--seeds N]

For each experiments/c2f/PROBLEM.yaml (a coarse-to-fine search) it runs `sweep run` on the file as it is,
then on a copy whose search block is a grid of 60 rates spaced evenly in log over the same span the coarse
stage covers (start·10^-decades .. start·10^decades, clipped to search.max), each into a fresh store. It
reads both picks with `sweep best --format json` (final validation loss, or training loss without a
validation set) and prints one JSON line per problem, then a Markdown table for README. --resolution overrides search.resolution of the coarse-to-fine runs.

--seeds N measures each problem again with the experiment's `seed` set to 1 .. N-1 (0 is the file as written):
other data draws and initial weights, so one lucky or unlucky landscape does not decide the verdict. The
goal counts as met when the loss ratio is at most 1.01 and coarse-to-fine ran at most a quarter of the grid's trials.
"""
import argparse, json, os, statistics, subprocess, tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SWEEP = os.path.join(ROOT, "src", "Sweep.Runner", "bin", "Release", "net10.0", "sweep")
PROBLEMS = ["linear_y3x", "mlp_spiral", "fmnist_autoencoder"]
MAX_LOSS_RATIO = 1.01
MAX_TRIAL_SHARE = 0.25
GRID_POINTS = 60


def sweep(*args):
    done = subprocess.run([SWEEP, *args], capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"sweep {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def grid_rates(search, start):
    decades = search.get("decades", 2)
    low = max(start / 10 ** decades, search.get("min", 1e-7))
    high = min(start * 10 ** decades, search.get("max", 10))
    return [low * (high / low) ** (i / (GRID_POINTS - 1)) for i in range(GRID_POINTS)]


def run(experiment, folder, parallel):
    path = os.path.join(folder, experiment["name"] + ".yaml")
    with open(path, "w") as f:
        yaml.safe_dump(experiment, f, sort_keys=False)
    db = os.path.join(folder, experiment["name"] + ".db")
    sweep("run", path, "--db", db, "--out", os.path.join(folder, experiment["name"]), "--parallel", str(parallel), "--quiet")
    return json.loads(sweep("best", "--experiment", experiment["name"], "--db", db, "--format", "json"))


def measure(problem, parallel, resolution, seed):
    with open(os.path.join(ROOT, "experiments", "c2f", problem + ".yaml")) as f:
        experiment = yaml.safe_load(f)
    if seed:
        experiment["seed"] = seed
    if resolution is not None:
        experiment["search"]["resolution"] = resolution
    # The data paths of the experiment files are absolute or inline, so the copies may live elsewhere.
    with tempfile.TemporaryDirectory(prefix="c2f-bench-") as folder:
        c2f = run(experiment, folder, parallel)
        search = experiment["search"]
        start = search.get("start", experiment["training"]["learning_rate"])
        grid = dict(experiment, name=experiment["name"] + "-grid",
                    search={"parameters": {"training.learning_rate": grid_rates(search, start)}})
        dense = run(grid, folder, parallel)
    return {
        "problem": problem, "seed": seed, "resolution": experiment["search"].get("resolution", 2),
        "c2f_rate": c2f["learning_rate"], "c2f_loss": c2f["value"], "c2f_trials": c2f["trials_run"],
        "c2f_stop": c2f["stop_reason"], "grid_rate": dense["learning_rate"], "grid_loss": dense["value"],
        "grid_trials": dense["trials_run"], "metric": c2f["metric"],
        "loss_ratio": c2f["value"] / dense["value"], "trial_share": c2f["trials_run"] / dense["trials_run"],
        "goal_met": c2f["value"] / dense["value"] <= MAX_LOSS_RATIO and c2f["trials_run"] <= MAX_TRIAL_SHARE * dense["trials_run"],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", default=",".join(PROBLEMS))
    parser.add_argument("--parallel", type=int, default=2)
    parser.add_argument("--resolution", type=int)
    parser.add_argument("--seeds", type=int, default=1)
    args = parser.parse_args()
    rows = []
    for problem in args.problems.split(","):
        for seed in range(args.seeds):
            row = measure(problem, args.parallel, args.resolution, seed)
            print(json.dumps(row), flush=True)
            rows.append(row)
    print("\n| problem | seed | resolution | metric | coarse-to-fine: rate, loss, trials | dense grid (60 log rates): rate, loss | loss ratio | trials | goal |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['problem']} | {r['seed']} | {r['resolution']} | {r['metric']} | {r['c2f_rate']:.4g}, {r['c2f_loss']:.5g}, {r['c2f_trials']} ({r['c2f_stop']}) "
              f"| {r['grid_rate']:.4g}, {r['grid_loss']:.5g} | {r['loss_ratio']:.4f} | {r['c2f_trials']} / {r['grid_trials']} = {r['trial_share']:.0%} "
              f"| {'met' if r['goal_met'] else 'missed'} |")
    if args.seeds > 1:
        print("\n| problem | goal met | median loss ratio | worst loss ratio | median trials | most trials |")
        print("|---|---|---|---|---|---|")
        for problem in args.problems.split(","):
            mine = [r for r in rows if r["problem"] == problem]
            ratios = sorted(r["loss_ratio"] for r in mine)
            trials = sorted(r["c2f_trials"] for r in mine)
            print(f"| {problem} | {sum(r['goal_met'] for r in mine)} of {len(mine)} | {statistics.median(ratios):.4f} | {ratios[-1]:.4f} "
                  f"| {statistics.median(trials):g} | {trials[-1]} |")

if __name__ == "__main__":
    main()
