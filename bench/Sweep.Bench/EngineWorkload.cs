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

    public static int Run(TextWriter output, string workload, int repeats, bool phases)
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
        var trainData = data.Validation is null ? null : data with { Validation = null };

        Train(configuration, data, trial.Seed);
        TrainingPhaseTimes.Take();

        // Interleaved, so the peak, the runs and the training-only runs share the machine's slow phases.
        var peaks = new List<double>();
        var runs = new List<(double Seconds, double CpuSeconds, TrainingResult Result)>();
        var trainOnly = new List<(double Seconds, double CpuSeconds, TrainingResult Result)>();
        var breakdown = new PhaseBreakdown();
        for (var r = 0; r < repeats; r++)
        {
            peaks.Add(FmaPeak.Measure());
            runs.Add(Train(configuration, data, trial.Seed));
            breakdown.Add(TrainingPhaseTimes.Take(), countTraining: trainData is null, countValidation: trainData is not null);
            if (trainData is not null)
            {
                trainOnly.Add(Train(configuration, trainData, trial.Seed));
                breakdown.Add(TrainingPhaseTimes.Take(), countTraining: true, countValidation: false);
            }
        }

        var epochs = configuration.Training.Epochs;
        var macs = MultiplyAddsPerSample(configuration, data.Features);
        var peak = Median(peaks);
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
            ["deterministic"] = runs.Concat(trainOnly).Select(r => r.Result.Epochs[^1].TrainLoss).Distinct().Count() == 1,
            ["load_seconds"] = loadSeconds,
            ["peak_gflops"] = peak,
        };
        if (trainData is not null)
        {
            // Counted as the peers count: forward, weight gradient and input gradient, 2 flops per multiply-add.
            var flops = 3.0 * 2 * macs * data.Train.Count;
            var trainEpoch = Median(trainOnly.Select(r => r.Seconds / epochs));
            var bestTrainEpoch = trainOnly.Min(r => r.Seconds / epochs);
            var validationEpoch = Median(runs.Select(r => r.Seconds / epochs)) - trainEpoch;
            record["train_epoch_seconds_median"] = trainEpoch;
            record["train_gflops"] = flops / trainEpoch / 1e9;
            record["train_gflops_best"] = flops / bestTrainEpoch / 1e9;
            record["train_peak_fraction"] = flops / trainEpoch / 1e9 / peak;
            record["train_peak_fraction_best"] = flops / bestTrainEpoch / 1e9 / peak;
            record["train_peak_fraction_cpu"] = flops / Median(trainOnly.Select(r => r.CpuSeconds / epochs)) / 1e9 / peak;
            record["validation_seconds_median"] = validationEpoch;
            record["validation_gflops"] = 2.0 * macs * data.Validation!.Count / validationEpoch / 1e9;
            record["validation_gflops_best"] = 2.0 * macs * data.Validation!.Count / ((runs.Min(r => r.Seconds) / epochs) - bestTrainEpoch) / 1e9;
        }
        else
        {
            record["step_us_median"] = 1e6 * Median(runs.Select(r => r.Seconds)) / epochs;
        }

        output.WriteLine(JsonSerializer.Serialize(record, Json));
        if (phases)
        {
            var epoch = runs.Min(r => r.Seconds) / epochs;
            var trainEpoch = trainOnly.Count > 0 ? trainOnly.Min(r => r.Seconds) / epochs : epoch;
            breakdown.Write(output, workload, epochs, trainEpoch, epoch - trainEpoch);
        }

        return 0;
    }

    /// <summary>
    /// One trial: its wall seconds, and the CPU seconds the process spent meanwhile, which leave out the time
    /// other processes held the core (the machine is shared; its caches still are).
    /// </summary>
    private static (double Seconds, double CpuSeconds, TrainingResult Result) Train(ExperimentDefinition configuration, Dataset data, int seed)
    {
        var trainer = new Trainer(configuration.EngineModel, configuration.Training, data, seed);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = trainer.Run();
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (seconds, (process.TotalProcessorTime - cpu).TotalSeconds, result);
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

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The checkout the benchmark was built in, found from its build output, so it runs from any folder.</summary>
    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sweep.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from its build output inside the Sweep repository.");
    }
}
