#!/usr/bin/python3
"""Sweep's engine and `sweep run` against the PyTorch peers, side by side in one run.

Usage (from the repository root, with Debian's python3-torch and dataset-fashion-mnist installed):
    /usr/bin/python3 bench/compare.py [--rounds 3] [--workloads linear_y3x,mlp231,fmnist_autoencoder,fmnist_mlp]
        [--jit-options] [--startup]

Each round runs, per workload, one Sweep process (`Sweep.Bench engine`, warm-up then timed repeats, one
thread) and one PyTorch process (../shared/peers/torch_train.py, one thread; for the Fashion-MNIST
workloads both the stock BLAS path and oneDNN). For the Fashion-MNIST workloads it also runs the real
runner, `sweep run experiments/bench/WORKLOAD.yaml --parallel 1` into a temporary store and output folder,
once per build: the Release build (sweep-run) and the published linux-x64 build users install, with its own
runtime, all of it precompiled as one ReadyToRun image (sweep-run-r2r). Its epochs are read from the epochs.csv it writes (the seconds column: shuffle, training
and validation of that epoch), its start-up (process start to the first epoch) from its --verbose log.
--jit-options adds one run of the ReadyToRun build per runtime setting in JIT_OPTIONS; --startup times
`sweep --version`, the quickstart and a 400-trial y = 3x grid on each build, as built and with the runtime's
default tiers. Rounds interleave everything
so all share the machine's slow phases. Prints one JSON line per workload and implementation (medians over
all rounds), then Markdown tables of the ratios. Ratios are what to compare: these machines have slow
phases lasting minutes.
"""
import argparse, csv, glob, json, os, re, resource, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEERS = os.environ.get("SWEEP_PEERS", os.path.join(ROOT, "..", "shared", "peers"))
BENCH = os.path.join(ROOT, "bench", "Sweep.Bench")
RUNNER = os.path.join(ROOT, "src", "Sweep.Runner")
WORKLOADS = ["linear_y3x", "mlp231", "fmnist_autoencoder", "fmnist_mlp"]
FMNIST = ("fmnist_autoencoder", "fmnist_mlp")
# How each build is started: the Release build by `dotnet`, the published one (its own runtime) directly.
BUILDS = {
    "sweep-run": ["dotnet", os.path.join(RUNNER, "bin", "Release", "net10.0", "sweep.dll")],
    "sweep-run-r2r": [os.path.join(RUNNER, "bin", "Release", "net10.0", "linux-x64", "publish", "sweep")],
}
# Runtime settings tried on the ReadyToRun build, as environment variables (they override its runtimeconfig,
# which turns tiered compilation off): the runtime's default tiers (as before) and variations of them.
TIERED = {"DOTNET_TieredCompilation": "1"}
JIT_OPTIONS = {
    "tiered (runtime default)": TIERED,
    "tiered, TieredPGO=0": {**TIERED, "DOTNET_TieredPGO": "0"},
    "tiered, QuickJitForLoops=0": {**TIERED, "DOTNET_TC_QuickJitForLoops": "0"},
    "tiered, QuickJit=0": {**TIERED, "DOTNET_TC_QuickJit": "0"},
    "tiered, QuickJit=0, TieredPGO=0": {**TIERED, "DOTNET_TC_QuickJit": "0", "DOTNET_TieredPGO": "0"},
    "tiered, OSR=0": {**TIERED, "DOTNET_TC_OnStackReplacement": "0"},
    "tiered, OSR_HitLimit=1": {**TIERED, "DOTNET_OSR_HitLimit": "1", "DOTNET_TC_OnStackReplacement_InitialCounter": "1"},
}
GRID_TRIALS = 400


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


def run_sweep(build, args, env=None, cwd=ROOT):
    """Runs the sweep executable of a build; returns its wall seconds and its CPU seconds (all threads)."""
    started, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([*BUILDS[build], *args], check=True, capture_output=True, text=True, cwd=cwd,
                   env={**os.environ, **(env or {})})
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - started, used.ru_utime + used.ru_stime - cpu.ru_utime - cpu.ru_stime


def sweep_run(workload, build, impl, env=None):
    """One `sweep run` of a benchmark workload: its epochs from epochs.csv, start-up from the --verbose log."""
    with tempfile.TemporaryDirectory(prefix="sweep-run-bench-") as folder:
        out = os.path.join(folder, "out")
        wall, cpu = run_sweep(build, ["run", os.path.join("experiments", "bench", workload + ".yaml"), "--parallel", "1",
                                 "--db", os.path.join(folder, "sweep.db"), "--out", out, "--verbose"], env)
        [epochs_csv] = glob.glob(os.path.join(out, "**", "epochs.csv"), recursive=True)
        with open(epochs_csv, newline="") as f:
            rows = list(csv.DictReader(f))
        with open(os.path.join(out, "sweep.log")) as f:
            ended = float(re.search(r"trials ended at (\d+) ms", f.read()).group(1)) / 1000
    seconds = [float(r["seconds"]) for r in rows]
    return {"workload": workload, "impl": impl, "threads": 1, "epochs": len(rows), "seconds_median": wall,
            "cpu_seconds": cpu, "first_epoch_seconds": seconds[0], "epoch_seconds_median": statistics.median(seconds),
            "startup_seconds": ended - sum(seconds),
            "final_train_loss": float(rows[-1]["train_loss"]), "final_val_loss": float(rows[-1]["val_loss"]),
            "train_losses": [r["train_loss"] for r in rows]}


def sweep_runs(workload, jit_options):
    builds = [(b, b, None) for b in BUILDS]
    options = [("sweep-run-r2r", f"sweep-run-r2r[{name}]", env) for name, env in JIT_OPTIONS.items()] if jit_options else []
    return [sweep_run(workload, build, impl, env) for build, impl, env in builds + options]


def grid_file(folder):
    """y = 3x, full batch, 20 epochs, at GRID_TRIALS rates from 1e-5 to 10 evenly on a log scale."""
    rates = ", ".join(repr(10 ** (-5 + 6.0 * i / (GRID_TRIALS - 1))) for i in range(GRID_TRIALS))
    path = os.path.join(folder, "y3x-grid.yaml")
    with open(path, "w") as f:
        f.write("name: y3x-grid\ndata:\n  inline: {x: [[1], [2], [3], [4]], y: [[3], [6], [9], [12]]}\n"
                "model:\n  layers: [{units: 1}]\n  init: zeros\n"
                "training: {epochs: 20, batch: full, learning_rate: 0.01}\n"
                f"search:\n  parameters:\n    training.learning_rate: [{rates}]\n")
    return path


def startup(build, impl, env=None):
    """Short commands where start-up is most of the time: --version, the quickstart, a 400-trial grid."""
    with tempfile.TemporaryDirectory(prefix="sweep-startup-bench-") as folder:
        record = {"workload": "startup", "impl": impl}
        record["version_seconds"], record["version_cpu_seconds"] = run_sweep(build, ["--version"], env)
        for name, file in (("quickstart", os.path.join(ROOT, "experiments", "quickstart.yaml")), ("grid400", grid_file(folder))):
            record[name + "_seconds"], record[name + "_cpu_seconds"] = run_sweep(
                build, ["run", file, "--db", os.path.join(folder, name + ".db"), "--out", os.path.join(folder, name), "--quiet"], env)
        return record


def startups():
    """Each build as it is and with the runtime's default tiers, as it was before tiered compilation was turned off."""
    variants = [(b, b, None) for b in BUILDS] + [(b, f"{b}[tiered (runtime default)]", TIERED) for b in BUILDS]
    return [startup(build, impl, env) for build, impl, env in variants]


def key_seconds(record):
    """Per training epoch for the Fashion-MNIST workloads, whole run for the tiny ones."""
    return record.get("train_epoch_seconds_median", record["seconds_median"])


def merge(recs):
    """Medians over rounds of every timing; the rest from the last round."""
    merged = dict(recs[-1])
    for key, value in recs[-1].items():
        if key.endswith("_seconds") or key.endswith("seconds_median"):
            merged[key] = statistics.median(x[key] for x in recs)
    merged["rounds"] = len(recs)
    merged.pop("history", None)
    return merged


def ratio(a, b):
    return f"{a / b:.2f}x" if a and b else "-"


def print_tables(summary, workloads, with_startup):
    print("\n| workload | measure | sweep | torch | torch-onednn | torch / sweep | torch-onednn / sweep |")
    print("|---|---|---|---|---|---|---|")
    for workload in workloads:
        ours = summary.get((workload, "sweep"))
        if ours is None:
            continue
        measure = "s per training epoch" if workload in FMNIST else f"s for {ours['epochs']} epochs"
        cells = [summary.get((workload, impl)) for impl in ("torch", "torch-onednn")]
        values = [f"{key_seconds(c):.4g}" if c else "-" for c in cells]
        ratios = [f"{key_seconds(c) / key_seconds(ours):.1f}x" if c else "-" for c in cells]
        print(f"| {workload} | {measure} | {key_seconds(ours):.4g} | {values[0]} | {values[1]} | {ratios[0]} | {ratios[1]} |")

    print("\nEpoch with validation, seconds (sweep run: from its epochs.csv):\n")
    print("| workload | implementation | first epoch | median epoch | median / engine bench | first / engine bench "
          "| torch-onednn / median | start-up to first epoch | wall |")
    print("|---|---|---|---|---|---|---|---|---|")
    for workload in (w for w in workloads if w in FMNIST):
        engine = summary.get((workload, "sweep"))
        onednn = summary.get((workload, "torch-onednn"))
        for impl in ("sweep", "torch-onednn"):
            rec = summary.get((workload, impl))
            if rec:
                name = "engine bench" if impl == "sweep" else impl
                print(f"| {workload} | {name} | - | {rec['epoch_seconds_median']:.4g} | - | - | - | - | - |")
        for (w, impl), rec in summary.items():
            if w == workload and impl.startswith("sweep-run"):
                median = rec["epoch_seconds_median"]
                print(f"| {workload} | {impl} | {rec['first_epoch_seconds']:.4g} | {median:.4g} "
                      f"| {ratio(median, engine and engine['epoch_seconds_median'])} "
                      f"| {ratio(rec['first_epoch_seconds'], engine and engine['epoch_seconds_median'])} "
                      f"| {ratio(onednn and onednn['epoch_seconds_median'], median)} "
                      f"| {rec['startup_seconds']:.3g} | {rec['seconds_median']:.3g} |")
        losses = {json.dumps(rec["train_losses"]) for (w, impl), rec in summary.items() if w == workload and "train_losses" in rec}
        if losses:
            print(f"\n{workload}: every sweep-run variant's training losses identical: {'yes' if len(losses) == 1 else 'NO'}\n")

    if with_startup:
        print("\nShort commands, wall seconds (CPU seconds of all its threads):\n")
        print("| implementation | sweep --version | quickstart | 400-trial y = 3x grid |")
        print("|---|---|---|---|")
        for (w, impl), rec in summary.items():
            if w == "startup":
                cells = [f"{rec[n + '_seconds']:.3g} ({rec[n + '_cpu_seconds']:.3g})" for n in ("version", "quickstart", "grid400")]
                print(f"| {impl} | {' | '.join(cells)} |")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--repeats", type=int, default=3, help="timed runs per process")
    p.add_argument("--workloads", default=",".join(WORKLOADS))
    p.add_argument("--jit-options", action="store_true", help="also run sweep's ReadyToRun build under each of JIT_OPTIONS")
    p.add_argument("--startup", action="store_true", help="also time sweep --version, the quickstart and a 400-trial grid")
    args = p.parse_args()
    workloads = args.workloads.split(",")
    subprocess.run(["dotnet", "build", "-c", "Release", BENCH], check=True, capture_output=True, cwd=ROOT)
    subprocess.run(["dotnet", "build", "-c", "Release", RUNNER], check=True, capture_output=True, cwd=ROOT)
    subprocess.run(["dotnet", "publish", "-c", "Release", "-r", "linux-x64", RUNNER], check=True, capture_output=True, cwd=ROOT)
    samples = {}
    for r in range(args.rounds):
        for workload in workloads:
            runs = sweep_runs(workload, args.jit_options) if workload in FMNIST else []
            for rec in sweep(workload, args.repeats) + torch(workload, args.repeats) + runs:
                samples.setdefault((workload, rec["impl"]), []).append(rec)
            print(f"round {r + 1}: {workload} done", file=sys.stderr, flush=True)
        if args.startup:
            for rec in startups():
                samples.setdefault(("startup", rec["impl"]), []).append(rec)
            print(f"round {r + 1}: startup done", file=sys.stderr, flush=True)
    summary = {key: merge(recs) for key, recs in samples.items()}
    for rec in summary.values():
        print(json.dumps(rec), flush=True)
    print_tables(summary, workloads, args.startup)


if __name__ == "__main__":
    main()
