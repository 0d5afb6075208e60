using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Models.Training;
using Sweep.Models.Trials.Commands;
using Sweep.Runner.Progress;
using Sweep.Runner.Running;
using Sweep.Storage;

namespace Sweep.Bench;

/// <summary>
/// What Sweep costs a command trial beyond the program's own time. The program is the one
/// ../shared/peers/optuna_cmd.py times under Optuna: python3 printing three JSON epoch lines. (a) Per trial:
/// the same trials run bare (start, read stdout, wait: what any harness must do), through the command
/// executor alone (session, process group, orphan guard, two reader threads, metric parsing, logs, the
/// group stop), and through `sweep run`'s scheduler with the SQLite store, one at a time; rounds back to
/// back, medians of the wall time, of this process's CPU and of its programs' CPU (which includes any extra
/// exec on the way to the program). (b) Per metric line: parsing one JSON epoch line, and the whole path of a
/// program that prints 200,000 epoch lines, through the executor against reading them bare. Run it with
/// DOTNET_TieredCompilation=0, as `sweep` itself runs in Release: with the quick tiers on, recompiling hot
/// methods in the background adds CPU to every trial measured here that sweep never spends. (c) The peer in
/// the same run: Optuna running the same program per trial (optuna_cmd.py), in memory and with SQLite.
/// </summary>
internal static class CommandWorkload
{
    private const string Program = """
        import json,sys
        lr=float(sys.argv[1])
        for e in range(1,4): print(json.dumps({'epoch':e,'train_loss':abs(lr-0.01)+1/e}))
        """;

    private const string Flood = """
        import sys
        n=int(sys.argv[1])
        sys.stdout.write(''.join('{"epoch": %d, "train_loss": %r, "val_loss": 0.5, "accuracy": 0.9}\n' % (e, 1.0/e) for e in range(1,n+1)))
        """;

    /// <summary>Debian's interpreter, as optuna_cmd.py runs it: a pyenv shim on PATH would add its own start-up to every run.</summary>
    private const string Python = Peers.Python;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static int Run(TextWriter output, int trials)
    {
        var folder = Directory.CreateTempSubdirectory("sweep-bench-command-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "prog.py"), Program);
            File.WriteAllText(Path.Combine(folder.FullName, "flood.py"), Flood);
            output.WriteLine(JsonSerializer.Serialize(PerTrial(folder.FullName, trials, rounds: 3), Json));
            output.WriteLine(JsonSerializer.Serialize(PerLine(folder.FullName, lines: 200_000, rounds: 3), Json));
            output.WriteLine(Optuna(trials, storage: null));
            output.WriteLine(Optuna(trials, storage: "sqlite:///" + Path.Combine(folder.FullName, "optuna.db")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return 0;
    }

    /// <summary>
    /// The peer in the same run: ../shared/peers/optuna_cmd.py runs the same program per trial under an Optuna
    /// study, in memory or with a storage URL, and prints its own bare and orchestrated times as a JSON line.
    /// </summary>
    private static string Optuna(int trials, string? storage) => storage is null
        ? Peers.LastLine("optuna_cmd.py", "--trials", $"{trials}")
        : Peers.LastLine("optuna_cmd.py", "--trials", $"{trials}", "--storage", storage);

    private static PerTrialResult PerTrial(string folder, int trials, int rounds)
    {
        var experiment = Experiment(folder, trials);
        var plan = TrialPlanner.Plan(experiment).Trials.ToList();
        var executor = new CommandExecutor(Path.Combine(folder, "out", "trials"));
        Bare(folder, plan.Take(5));
        Executor(executor, plan.Take(5));
        var rows = new List<(Cost Bare, Cost Executor, Cost Stored)>();
        for (var round = 0; round < rounds; round++)
        {
            rows.Add((Bare(folder, plan), Executor(executor, plan), Stored(folder, experiment, plan, executor)));
        }

        double BeyondBareMs(Func<(Cost Bare, Cost Executor, Cost Stored), Cost> side) =>
            Median(rows.Select(r => (side(r).Wall - r.Bare.Wall) / trials * 1000));
        double CpuMs(Func<(Cost Bare, Cost Executor, Cost Stored), Cost> side, Func<ProcessCpu, double> whose) =>
            Median(rows.Select(r => whose(side(r).Cpu) / trials * 1000));
        return new PerTrialResult(
            trials,
            Median(rows.Select(r => r.Bare.Wall / trials * 1000)),
            BeyondBareMs(r => r.Executor),
            BeyondBareMs(r => r.Stored),
            new CpuPerTrial(CpuMs(r => r.Bare, c => c.Self), CpuMs(r => r.Executor, c => c.Self), CpuMs(r => r.Stored, c => c.Self)),
            new CpuPerTrial(CpuMs(r => r.Bare, c => c.Children), CpuMs(r => r.Executor, c => c.Children), CpuMs(r => r.Stored, c => c.Children)));
    }

    private static PerLineResult PerLine(string folder, int lines, int rounds)
    {
        var reader = new Func<MetricReader>(() => MetricReader.For(MetricsFormat.Json));
        var parse = MedianTimer.Measure(n =>
        {
            var metrics = reader();
            for (var i = 1; i <= n; i++)
            {
                metrics.Read("{\"epoch\": " + i.ToString(CultureInfo.InvariantCulture) + ", \"train_loss\": 0.5123, \"val_loss\": 0.61, \"accuracy\": 0.83}");
            }
        });

        var experiment = ExperimentLoader.Parse($$"""
            name: bench-flood
            trainer:
              command: [{{Python}}, flood.py, "{{lines}}"]
            training:
              epochs: {{lines}}
              early_stop: {divergence: null}
            """, "bench.yaml", folder).Experiment!;
        var trial = TrialPlanner.Plan(experiment).Trials[0];
        var executor = new CommandExecutor(Path.Combine(folder, "out", "trials"));
        var rows = new List<(double Bare, double Executor)>();
        for (var round = 0; round < rounds; round++)
        {
            var bare = Stopwatch.StartNew();
            using (var process = Process.Start(new ProcessStartInfo(Python, ["flood.py", lines.ToString(CultureInfo.InvariantCulture)]) { WorkingDirectory = folder, RedirectStandardOutput = true })!)
            {
                while (process.StandardOutput.ReadLine() is not null)
                {
                }

                process.WaitForExit();
            }

            var bareSeconds = bare.Elapsed.TotalSeconds;
            var clock = Stopwatch.StartNew();
            var result = executor.Run(trial, new ThreadBudget(), null, CancellationToken.None);
            if (result.Epochs.Length != lines)
            {
                throw new InvalidOperationException($"the flood trial recorded {result.Epochs.Length} epochs: {result.Error}");
            }

            rows.Add((bareSeconds, clock.Elapsed.TotalSeconds));
        }

        return new PerLineResult(lines, parse.MedianSeconds * 1e6, Median(rows.Select(r => (r.Executor - r.Bare) / lines * 1e6)));
    }

    private static Cost Bare(string folder, IEnumerable<TrialPlan> plan)
    {
        var clock = CostClock.Start();
        foreach (var trial in plan)
        {
            var rate = TrialValues.TextOf(trial.Configuration, "training.learning_rate")!;
            using var process = Process.Start(new ProcessStartInfo(Python, ["prog.py", rate]) { WorkingDirectory = folder, RedirectStandardOutput = true })!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }

        return clock.Stop();
    }

    private static Cost Executor(CommandExecutor executor, IEnumerable<TrialPlan> plan)
    {
        var clock = CostClock.Start();
        foreach (var trial in plan)
        {
            executor.Run(trial, new ThreadBudget(), null, CancellationToken.None);
        }

        return clock.Stop();
    }

    /// <summary>Everything `sweep run` does with the store for these trials, on one worker.</summary>
    private static Cost Stored(string folder, LoadedExperiment experiment, List<TrialPlan> plan, CommandExecutor executor)
    {
        var db = Path.Combine(folder, $"sweep-{Guid.NewGuid():N}.db");
        using var store = ResultStores.Open(db);
        var registration = store.RegisterExperiment(experiment, ExperimentFingerprint.Of(experiment.Definition.Search, [.. plan]));
        var clock = CostClock.Start();
        store.AddPlannedTrials(registration.Id, plan);
        var runId = store.StartRun(registration.Id, "bench");
        var target = new SweepTarget(registration.Id, runId, new TrialPlans(plan));
        var progress = new PlainProgress(Serilog.Core.Logger.None, plan.Count, 0);
        new SweepScheduler(store, executor, progress, Serilog.Core.Logger.None).RunAsync(target, 1, null, CancellationToken.None).GetAwaiter().GetResult();
        store.FinishRun(runId, RunStatus.Completed);
        return clock.Stop();
    }

    /// <summary>One trial per rate, log-spaced from 1e-5 to 10 as optuna_cmd.py spaces them.</summary>
    private static LoadedExperiment Experiment(string folder, int trials)
    {
        var rates = string.Join(", ", Enumerable.Range(0, trials).Select(i => Math.Pow(10, -5 + (6.0 * i / Math.Max(1, trials - 1))).ToString("R", CultureInfo.InvariantCulture)));
        var loaded = ExperimentLoader.Parse($$"""
            name: bench-command
            trainer:
              command: [{{Python}}, prog.py, "{training.learning_rate}"]
            training:
              epochs: 3
              early_stop: {divergence: null}
            search:
              parameters:
                training.learning_rate:
                  values: [{{rates}}]
            """, "bench.yaml", folder);
        return loaded.Experiment ?? throw new InvalidOperationException(string.Join('\n', loaded.Errors));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>Wall seconds, and the CPU of this process and of its programs, over the same span.</summary>
    private readonly record struct Cost(double Wall, ProcessCpu Cpu);

    private readonly record struct CostClock(long Started, ProcessCpu Cpu)
    {
        public static CostClock Start() => new(Stopwatch.GetTimestamp(), ProcessCpu.Now());

        public Cost Stop() => new(Stopwatch.GetElapsedTime(Started).TotalSeconds, ProcessCpu.Now() - Cpu);
    }

    /// <summary>CPU milliseconds per trial of one kind (this process's own, or its programs') for each side.</summary>
    private sealed record CpuPerTrial(double Bare, double Executor, double WithStore);

    private sealed record PerTrialResult(
        int Trials,
        double BareMsPerRun,
        double ExecutorMsPerTrial,
        double WithStoreMsPerTrial,
        CpuPerTrial OwnCpuMs,
        CpuPerTrial ProgramsCpuMs)
    {
        public string Workload { get; } = "command_per_trial";

        /// <summary>False when run as `sweep` runs: each method compiled once, fully optimized.</summary>
        public bool TieredCompilation { get; } = Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") != "0";
    }

    private sealed record PerLineResult(int Lines, double ParseMicrosecondsPerLine, double PipeMicrosecondsPerLine)
    {
        public string Workload { get; } = "command_per_metric_line";
    }
}
