using System.Diagnostics;
using System.Text.Json;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Runner.Progress;
using Sweep.Runner.Running;
using Sweep.Storage;

namespace Sweep.Bench;

/// <summary>
/// What the result store costs a sweep: the same trials on the same workers through `sweep run`'s
/// scheduler (claim, train, write epochs and status in one transaction) and through a loop that only
/// trains. (a) 1,000 tiny trials x 1,000 epochs on every core: the store's share of wall time (goal under
/// 5%); (b) a trivial model for 20 epochs on one worker: the store's overhead per trial (goal under 1 ms).
/// One JSON line per case.
/// </summary>
internal static class StoreWorkload
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static int Run(TextWriter output)
    {
        var sweep = Measure(trials: 1000, epochs: 1000, Environment.ProcessorCount);
        output.WriteLine(JsonSerializer.Serialize(sweep with { Case = "sweep_1000_trials_x_1000_epochs" }, Json));
        var perTrial = Measure(trials: 2000, epochs: 20, workers: 1);
        output.WriteLine(JsonSerializer.Serialize(perTrial with { Case = "per_trial_20_epochs" }, Json));
        return 0;
    }

    private static Result Measure(int trials, int epochs, int workers)
    {
        var plan = Plan(trials, epochs);
        var runner = new TrialRunner(new DatasetCache(), Serilog.Core.Logger.None);

        // Warm-up: the engine and the store's statements reach their optimised code before anything counts.
        WithoutStore(plan.Take(50).ToList(), runner, workers);
        WithStore(plan.Take(50).ToList(), runner, workers);

        var bare = WithoutStore(plan, runner, workers);
        var stored = WithStore(plan, runner, workers);
        return new Result("", trials, epochs, workers, bare, stored, (stored - bare) / stored, (stored - bare) / trials * 1000);
    }

    private static double WithoutStore(List<TrialPlan> plan, TrialRunner runner, int workers)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < plan.Count)
            {
                runner.Run(plan[index], null, CancellationToken.None);
            }
        });
        return clock.Elapsed.TotalSeconds;
    }

    private static double WithStore(List<TrialPlan> plan, TrialRunner runner, int workers)
    {
        var folder = Directory.CreateTempSubdirectory("sweep-bench-store-");
        try
        {
            using var store = ResultStore.Open(Path.Combine(folder.FullName, "sweep.db"));
            var experiment = store.RegisterExperiment(Experiment(plan.Count, plan[0].Configuration.Training.Epochs));
            var clock = Stopwatch.StartNew();
            store.AddPlannedTrials(experiment.Id, plan);
            var runId = store.StartRun(experiment.Id, "bench");
            var target = new SweepTarget(experiment.Id, runId, plan.ToDictionary(t => t.Id, StringComparer.Ordinal));
            var progress = new PlainProgress(Serilog.Core.Logger.None, plan.Count, 0);
            new SweepScheduler(store, runner, progress, Serilog.Core.Logger.None).RunAsync(target, workers, null, CancellationToken.None).GetAwaiter().GetResult();
            store.FinishRun(runId, RunStatus.Completed);
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<TrialPlan> Plan(int trials, int epochs) => [.. TrialPlanner.Plan(Experiment(trials, epochs)).Trials];

    /// <summary>y = 3x, one weight and a bias, full batch: as little training as a trial can have.</summary>
    private static LoadedExperiment Experiment(int trials, int epochs)
    {
        var max = (trials * 0.00001).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var yaml = $$"""
            name: store-bench
            data:
              inline: {x: [[1], [2], [3], [4]], y: [[3], [6], [9], [12]]}
            model:
              layers: [{units: 1}]
              init: zeros
            training:
              epochs: {{epochs}}
              batch: full
              early_stop: {divergence: null}
            search:
              parameters:
                training.learning_rate: {linear: {min: 0.00001, max: {{max}}, step: 0.00001} }
            """;
        var loaded = ExperimentLoader.Parse(yaml, "store-bench.yaml", ".");
        return loaded.Experiment ?? throw new InvalidOperationException(string.Join('\n', loaded.Errors));
    }

    private sealed record Result(
        string Case,
        int Trials,
        int Epochs,
        int Workers,
        double SecondsWithoutStore,
        double SecondsWithStore,
        double StoreShare,
        double OverheadMsPerTrial)
    {
        public string Workload { get; } = "store";
    }
}
