using System.Diagnostics;
using Serilog;
using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Models.Training;
using Sweep.Models.Trials;

namespace Sweep.Runner.Running;

/// <summary>
/// Compiles the engine's training and validation code before the first trial needs it, so that trial's
/// first epoch runs as fast as its later ones: one epoch of the first trial's own model on a few of its
/// samples, on a network that is then dropped (the trials' results do not depend on it). A Release build
/// compiles a method fully optimized at its first call (tiered compilation is off), so one call of each hot
/// method is enough. It runs on another thread while the store is opened.
/// </summary>
internal static class EngineWarmUp
{
    /// <summary>Starts the warm-up when the trials train on the built-in engine; otherwise there is nothing to compile.</summary>
    public static Task Start(ITrialExecutor executor, TrialPlan? first, Func<ExperimentDefinition, Dataset> data, ILogger log)
    {
        if (executor is not EngineExecutor || first is null)
        {
            return Task.CompletedTask;
        }

        return Task.Run(() =>
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                Train(first, data(first.Configuration));
                log.Debug("Warmed up the engine on trial {TrialId}'s model in {Milliseconds:0} ms", first.Id, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception e)
            {
                // The trial meets the same problem and records it; a warm-up only saves time.
                log.Debug(e, "The engine's warm-up threw {ExceptionType}", e.GetType().Name);
            }
        });
    }

    private static void Train(TrialPlan first, Dataset data)
    {
        var configuration = first.Configuration;
        var batch = configuration.Training.Batch.For(data.Train.Count);
        var sample = new Dataset(Head(data.Train, batch), data.Validation is { } validation ? Head(validation, batch) : null, data.IsClassification);
        // Disposed, its buffers go to the first trial already mapped into memory when that trial's batches are as big (mini-batches).
        using var trainer = new Trainer(configuration.EngineModel, configuration.Training with { Epochs = 1 }, sample, first.Seed);
        trainer.Run();
    }

    /// <summary>
    /// The first full batch and as many samples as the epoch's last, partial batch holds: the engine picks its
    /// matrix kernels by a batch's rows, so both sizes the trial meets are compiled.
    /// </summary>
    private static SampleSet Head(SampleSet samples, int batch) =>
        samples with { Count = Math.Min(samples.Count, batch + (samples.Count % batch)) };
}
