using System.Text.Json;
using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Models.Trials;

namespace Sweep.Bench;

/// <summary>
/// Idle cores put to work: the Fashion-MNIST autoencoder of experiments/bench/ at three learning rates (a
/// coarse-to-fine stage's fine step), through `sweep run`'s scheduler and store. It times one trial on one
/// worker, the same trial alone on two workers (its products on two threads, when SWEEP_LEND_CORES=1), and
/// the three trials on two workers, where all three start and take turns on the two cores; the goal is the
/// three in at most 1.6 times one trial on one worker. Medians over rounds of the three cases back to back; one JSON line.
/// </summary>
internal static class CoresWorkload
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static int Run(TextWriter output, int rounds)
    {
        var file = Path.Combine(EngineWorkload.RepositoryRoot(), "experiments", "bench", "fmnist_autoencoder.yaml");
        var text = File.ReadAllText(file) + """

            search:
              parameters:
                training.learning_rate: [0.0005, 0.001, 0.002]
            """;
        var loaded = ExperimentLoader.Parse(text, file, Path.GetDirectoryName(file)!);
        if (loaded.Experiment is not { } experiment)
        {
            Console.Error.WriteLine(string.Join('\n', loaded.Errors));
            return 2;
        }

        var plan = TrialPlanner.Plan(experiment).Trials.ToList();
        var one = plan.Take(1).ToList();
        var runner = new EngineExecutor(new DatasetCache().For);

        // Warm-up: the data is loaded and the engine's code optimised before anything counts.
        StoreWorkload.WithStore(experiment, one, runner, workers: 2);

        var rows = new List<(double Alone, double AloneOnTwo, double Three)>();
        for (var round = 0; round < rounds; round++)
        {
            rows.Add((
                StoreWorkload.WithStore(experiment, one, runner, workers: 1),
                StoreWorkload.WithStore(experiment, one, runner, workers: 2),
                StoreWorkload.WithStore(experiment, plan, runner, workers: 2)));
        }

        var record = new Dictionary<string, object?>
        {
            ["workload"] = "cores",
            ["trials"] = plan.Count,
            ["epochs"] = plan[0].Configuration.Training.Epochs,
            ["rounds"] = rounds,
            ["processors"] = Environment.ProcessorCount,
            ["one_trial_one_worker_seconds"] = Median(rows.Select(r => r.Alone)),
            ["one_trial_two_workers_seconds"] = Median(rows.Select(r => r.AloneOnTwo)),
            ["three_trials_two_workers_seconds"] = Median(rows.Select(r => r.Three)),
            ["three_over_one"] = Median(rows.Select(r => r.Three / r.Alone)),
            ["alone_speedup_on_two"] = Median(rows.Select(r => r.Alone / r.AloneOnTwo)),
        };
        output.WriteLine(JsonSerializer.Serialize(record, Json));
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
