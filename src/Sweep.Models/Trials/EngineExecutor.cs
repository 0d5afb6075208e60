using System.Diagnostics;
using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Training;

namespace Sweep.Models.Trials;

/// <summary>
/// Trains a trial on the built-in engine: a fresh <see cref="Trainer"/> on the trial's model, training
/// settings, seed and data, stopped early by the experiment's divergence and patience rules.
/// </summary>
/// <param name="data">The dataset of a trial's configuration; a sweep passes a <see cref="DatasetCache"/>'s, so trials share their data.</param>
public sealed class EngineExecutor(Func<ExperimentDefinition, Dataset> data) : ITrialExecutor
{
    public TrialResult Run(TrialPlan trial, ThreadBudget threads, Action<EpochRecord>? onEpoch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var started = Stopwatch.GetTimestamp();
        var configuration = trial.Configuration;
        using var trainer = new Trainer(configuration.EngineModel, configuration.Training, data(configuration), trial.Seed, threads);
        var result = trainer.Run(onEpoch, cancellationToken);
        return new TrialResult(trial.Id, result.Status, result.Epochs, null, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}
