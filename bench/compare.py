#!/usr/bin/python3
"""Sweep's engine against the PyTorch peers, side by side in one run.

Usage (from the repository root, with Debian's python3-torch and dataset-fashion-mnist installed):
    /usr/bin/python3 bench/compare.py [--rounds 3] [--workloads linear_y3x,mlp231,fmnist_autoencoder,fmnist_mlp]

Each round runs, per workload, one Sweep process (`Sweep.Bench engine`, warm-up then timed repeats, one
thread) and one PyTorch process (../shared/peers/torch_train.py, one thread; for the Fashion-MNIST
workloads both the stock BLAS path and oneDNN). Rounds interleave the two so they share the machine's slow
phases. Prints one JSON line per workload and implementation (medians over all rounds), then a Markdown
table of the ratios. Ratios are what to compare: these machines have slow phases lasting minutes.
"""
import argparse, json, os, statistics, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEERS = os.environ.get("SWEEP_PEERS", os.path.join(ROOT, "..", "shared", "peers"))
BENCH = os.path.join(ROOT, "bench", "Sweep.Bench")
WORKLOADS = ["linear_y3x", "mlp231", "fmnist_autoencoder", "fmnist_mlp"]
FMNIST = ("fmnist_autoencoder", "fmnist_mlp")


def lines(cmd):
    """Run a command and parse the JSON lines it prints on stdout."""
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def sweep(workload, repeats):
    return lines(["dotnet", "run", "-c", "Release", "--no-build", "--project", BENCH, "--", "engine",
                  "--workload", workload, "--repeats", str(repeats)])


def torch(workload, repeats):
    gemm = ["--gemm", "blas,onednn"] if workload in FMNIST else []
    return lines(["/usr/bin/python3", os.path.join(PEERS, "torch_train.py"), workload, "--threads", "1",
                  "--repeats", str(repeats), *gemm])


def key_seconds(record):
    """Per training epoch for the Fashion-MNIST workloads, whole run for the tiny ones."""
    return record.get("train_epoch_seconds_median", record["seconds_median"])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--repeats", type=int, default=3, help="timed runs per process")
    p.add_argument("--workloads", default=",".join(WORKLOADS))
    args = p.parse_args()
    subprocess.run(["dotnet", "build", "-c", "Release", BENCH], check=True, capture_output=True, cwd=ROOT)
    samples = {}
    for r in range(args.rounds):
        for workload in args.workloads.split(","):
            for rec in sweep(workload, args.repeats) + torch(workload, args.repeats):
                samples.setdefault((workload, rec["impl"]), []).append(rec)
            print(f"round {r + 1}: {workload} done", file=sys.stderr, flush=True)
    summary = {}
    for (workload, impl), recs in samples.items():
        merged = dict(recs[-1])
        merged["seconds_median"] = statistics.median(x["seconds_median"] for x in recs)
        if "train_epoch_seconds_median" in recs[-1]:
            merged["train_epoch_seconds_median"] = statistics.median(x["train_epoch_seconds_median"] for x in recs)
        merged["rounds"] = len(recs)
        merged.pop("history", None)
        summary[(workload, impl)] = merged
        print(json.dumps(merged), flush=True)
    print("\n| workload | measure | sweep | torch | torch-onednn | torch / sweep | torch-onednn / sweep |")
    print("|---|---|---|---|---|---|---|")
    for workload in args.workloads.split(","):
        ours = summary.get((workload, "sweep"))
        if ours is None:
            continue
        measure = "s per training epoch" if workload in FMNIST else f"s for {ours['epochs']} epochs"
        cells = [summary.get((workload, impl)) for impl in ("torch", "torch-onednn")]
        values = [f"{key_seconds(c):.4g}" if c else "-" for c in cells]
        ratios = [f"{key_seconds(c) / key_seconds(ours):.1f}x" if c else "-" for c in cells]
        print(f"| {workload} | {measure} | {key_seconds(ours):.4g} | {values[0]} | {values[1]} | {ratios[0]} | {ratios[1]} |")


if __name__ == "__main__":
    main()
