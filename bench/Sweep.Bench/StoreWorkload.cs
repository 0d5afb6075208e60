using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Models.Training;
using Sweep.Models.Trials;
using Sweep.Runner.Progress;
using Sweep.Runner.Running;
using Sweep.Storage;

namespace Sweep.Bench;

/// <summary>
/// What the result store costs a sweep: the same trials on the same workers through `sweep run`'s
/// scheduler (claims, training, and the store writer committing epochs and statuses in batches) and through
/// a loop that only trains. (a) Sweeps of 1,000 epochs per trial on every core: y = 3x (about a microsecond
/// an epoch) and a small MLP (tens of microseconds an epoch), 1,000 trials each, a million epoch rows:
/// the wall time the store adds, as a fraction of the time without it (goal under 5%); (b) y = 3x for 20 epochs on one worker: the
/// store's overhead per trial (goal under 1 ms). Medians over rounds of both back to back; one JSON line per case.
/// </summary>
internal static class StoreWorkload
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Every case, or the one whose name starts with <paramref name="only"/>.</summary>
    public static int Run(TextWriter output, string? only)
    {
        (string Name, Func<Result> Measure)[] cases =
        [
            ("y3x_1000_trials_x_1000_epochs", () => Measure(LinearY3x(trials: 1000, epochs: 1000), Environment.ProcessorCount, rounds: 3)),
            ("mlp_1000_trials_x_1000_epochs", () => Measure(SpiralMlp(trials: 1000, epochs: 1000), Environment.ProcessorCount, rounds: 3)),
            ("per_trial_20_epochs", () => Measure(LinearY3x(trials: 2000, epochs: 20), workers: 1, rounds: 3)),
        ];
        foreach (var (name, measure) in cases.Where(c => only is null || c.Name.StartsWith(only, StringComparison.Ordinal)))
        {
            output.WriteLine(JsonSerializer.Serialize(measure() with { Case = name }, Json));
        }

        return 0;
    }

    private static Result Measure(LoadedExperiment experiment, int workers, int rounds)
    {
        var plan = TrialPlanner.Plan(experiment).Trials.ToList();
        var runner = new EngineExecutor(new DatasetCache().For);

        // Warm-up: the engine and the store's statements reach their optimised code before anything counts.
        WithoutStore(plan.Take(50).ToList(), runner, workers);
        WithStore(experiment, plan.Take(50).ToList(), runner, workers);

        // Rounds of both back to back, so a slow phase of the shared machine hits both sides of a round;
        // the time the store adds and its overhead per trial are the medians over rounds.
        var rows = new List<(double Bare, double Stored)>();
        for (var round = 0; round < rounds; round++)
        {
            rows.Add((WithoutStore(plan, runner, workers), WithStore(experiment, plan, runner, workers)));
        }

        var epochs = plan[0].Configuration.Training.Epochs;
        var bare = Median(rows.Select(r => r.Bare));
        return new Result(
            "",
            plan.Count,
            epochs,
            workers,
            bare,
            Median(rows.Select(r => r.Stored)),
            Median(rows.Select(r => (r.Stored - r.Bare) / r.Bare)),
            Median(rows.Select(r => (r.Stored - r.Bare) / plan.Count * 1000)),
            bare / plan.Count / epochs * 1e6 * workers);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static double WithoutStore(List<TrialPlan> plan, EngineExecutor runner, int workers)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < plan.Count)
            {
                runner.Run(plan[index], new ThreadBudget(), null, CancellationToken.None);
            }
        });
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Everything `sweep run` does with the store for these trials: plan them, start a run, run the scheduler,
    /// finish the run, and close the store (which completes the writes the file still owes, as at the end of a sweep).
    /// </summary>
    internal static double WithStore(LoadedExperiment experiment, List<TrialPlan> plan, EngineExecutor runner, int workers)
    {
        var folder = Directory.CreateTempSubdirectory("sweep-bench-store-");
        try
        {
            var store = ResultStores.Open(Path.Combine(folder.FullName, "sweep.db"));
            Stopwatch clock;
            using (store)
            {
                var registration = store.RegisterExperiment(experiment, ExperimentFingerprint.Of(experiment.Definition.Search, [.. plan]));
                clock = Stopwatch.StartNew();
                store.AddPlannedTrials(registration.Id, plan);
                var runId = store.StartRun(registration.Id, "bench");
                var target = new SweepTarget(registration.Id, runId, new TrialPlans(plan));
                var progress = new PlainProgress(Serilog.Core.Logger.None, plan.Count, 0);
                new SweepScheduler(store, runner, progress, Serilog.Core.Logger.None).RunAsync(target, workers, null, CancellationToken.None, trialsLeft: plan.Count).GetAwaiter().GetResult();
                store.FinishRun(runId, RunStatus.Completed);
            }

            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>y = 3x, one weight and a bias, full batch: as little training as a trial can have.</summary>
    private static LoadedExperiment LinearY3x(int trials, int epochs) => Parse(trials, $$"""
        name: store-bench-y3x
        data:
          inline: {x: [[1], [2], [3], [4]], y: [[3], [6], [9], [12]]}
        model:
          layers: [{units: 1}]
          init: zeros
        training:
          epochs: {{epochs}}
          batch: full
          early_stop: {divergence: null}
        """);

    /// <summary>A 2-16-3 network learning 256 spiral points with Adam, full batch: a small real model.</summary>
    private static LoadedExperiment SpiralMlp(int trials, int epochs) => Parse(trials, $$"""
        name: store-bench-mlp
        seed: 1
        data:
          synthetic: {kind: spiral, n: 256, classes: 3, noise: 0.5}
        model:
          layers:
            - {units: 16, activation: tanh}
            - {units: 3, activation: softmax}
          init: xavier
        training:
          epochs: {{epochs}}
          loss: cce
          optimizer: adam
          batch: full
          early_stop: {divergence: null}
        """);

    /// <summary>The experiment with one trial per learning rate 0.00001, 0.00002, ...</summary>
    private static LoadedExperiment Parse(int trials, string yaml)
    {
        var max = (trials * 0.00001).ToString("R", CultureInfo.InvariantCulture);
        var search = $$"""

            search:
              parameters:
                training.learning_rate: {linear: {min: 0.00001, max: {{max}}, step: 0.00001} }
            """;
        var loaded = ExperimentLoader.Parse(yaml + search, "store-bench.yaml", ".");
        return loaded.Experiment ?? throw new InvalidOperationException(string.Join('\n', loaded.Errors));
    }

    private sealed record Result(
        string Case,
        int Trials,
        int Epochs,
        int Workers,
        double SecondsWithoutStore,
        double SecondsWithStore,
        double StoreAdds,
        double OverheadMsPerTrial,
        double MicrosecondsPerEpoch)
    {
        public string Workload { get; } = "store";
    }
}
