using System.Diagnostics;
using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Training;

namespace Sweep.Models.Trials;

/// <summary>
/// Runs a trial as a learning-rate range test on the built-in engine: the rate grows batch by batch, and
/// the completed result carries every step and the suggested rate instead of epochs.
/// </summary>
/// <remarks>
/// A test cancelled before it ends is interrupted with no steps: a test cut short would suggest a rate from
/// the low end of the range only, so it runs again whole on resume.
/// </remarks>
/// <param name="settings">The range of rates, the steps, the smoothing and the stop factor.</param>
/// <param name="data">The dataset of a trial's configuration.</param>
public sealed class RangeTestExecutor(RangeTestSettings settings, Func<ExperimentDefinition, Dataset> data) : ITrialExecutor
{
    public TrialResult Run(TrialPlan trial, ThreadBudget threads, Action<EpochRecord>? onEpoch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var started = Stopwatch.GetTimestamp();
        var configuration = trial.Configuration;
        RangeTestResult? test = null;
        try
        {
            test = LearningRateRangeTest.Run(configuration.EngineModel, configuration.Training, data(configuration), trial.Seed, settings, threads, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled before the first step: there is nothing to keep either way.
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return test is null || cancellationToken.IsCancellationRequested
            ? new TrialResult(trial.Id, TrialStatus.Interrupted, [], null, seconds)
            : new TrialResult(trial.Id, TrialStatus.Completed, [], null, seconds) { RangeTest = test };
    }
}
