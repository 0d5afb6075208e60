using System.Diagnostics;
using System.Text.Json;
using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Models.Training;

namespace Sweep.Bench;

/// <summary>
/// The engine on the benchmark workloads of experiments/bench/, one thread, as the PyTorch peers run them
/// (../shared/peers/torch_train.py): whole-run seconds, and for data sets with a validation split the
/// training epoch alone (the same trial re-run without its validation set). One JSON line per workload.
/// </summary>
internal static class EngineWorkload
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static int Run(TextWriter output, string workload, int repeats)
    {
        var file = Path.Combine(RepositoryRoot(), "experiments", "bench", workload + ".yaml");
        var loaded = ExperimentLoader.Load(file);
        if (loaded.Experiment is not { } experiment)
        {
            Console.Error.WriteLine(string.Join('\n', loaded.Errors));
            return 2;
        }

        var trial = TrialPlanner.Plan(experiment).Trials[0];
        var configuration = trial.Configuration;
        var loading = Stopwatch.StartNew();
        var data = DatasetLoader.Load(configuration.EngineData, configuration.Directory, configuration.Seed);
        var loadSeconds = loading.Elapsed.TotalSeconds;

        Train(configuration, data, trial.Seed);
        var runs = Enumerable.Range(0, repeats).Select(_ => Train(configuration, data, trial.Seed)).ToList();
        var trainOnly = data.Validation is null ? null : Enumerable.Range(0, repeats).Select(_ => Train(configuration, data with { Validation = null }, trial.Seed)).ToList();

        var epochs = configuration.Training.Epochs;
        var macs = MultiplyAddsPerSample(configuration, data.Features);
        var record = new Dictionary<string, object?>
        {
            ["workload"] = workload,
            ["impl"] = "sweep",
            ["threads"] = 1,
            ["epochs"] = epochs,
            ["runs"] = repeats,
            ["seconds_median"] = Median(runs.Select(r => r.Seconds)),
            ["seconds_min"] = runs.Min(r => r.Seconds),
            ["epoch_seconds_median"] = Median(runs.Select(r => r.Seconds / epochs)),
            ["final_train_loss"] = runs[^1].Result.Epochs[^1].TrainLoss,
            ["final_val_loss"] = runs[^1].Result.Epochs[^1].ValidationLoss,
            ["deterministic"] = runs.Select(r => r.Result.Epochs[^1].TrainLoss).Distinct().Count() == 1,
            ["load_seconds"] = loadSeconds,
        };
        if (trainOnly is not null)
        {
            var trainEpoch = Median(trainOnly.Select(r => r.Seconds / epochs));
            var flops = 3.0 * 2 * macs * data.Train.Count;
            record["train_epoch_seconds_median"] = trainEpoch;
            record["train_gflops"] = flops / trainEpoch / 1e9;
        }
        else
        {
            record["step_us_median"] = 1e6 * Median(runs.Select(r => r.Seconds)) / epochs;
        }

        output.WriteLine(JsonSerializer.Serialize(record, Json));
        return 0;
    }

    private static (double Seconds, TrainingResult Result) Train(ExperimentDefinition configuration, Dataset data, int seed)
    {
        var trainer = new Trainer(configuration.EngineModel, configuration.Training, data, seed);
        var clock = Stopwatch.StartNew();
        var result = trainer.Run();
        return (clock.Elapsed.TotalSeconds, result);
    }

    /// <summary>Forward multiply-adds per sample: the sum of inputs × units over the dense layers.</summary>
    private static long MultiplyAddsPerSample(ExperimentDefinition configuration, int inputs)
    {
        long macs = 0;
        foreach (var layer in configuration.EngineModel.LayersFor(inputs))
        {
            macs += (long)inputs * layer.Units;
            inputs = layer.Units;
        }

        return macs;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sweep.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the Sweep repository.");
    }
}
