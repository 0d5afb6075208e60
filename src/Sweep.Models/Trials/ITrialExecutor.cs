using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Training;

namespace Sweep.Models.Trials;

/// <summary>
/// Runs one planned trial: the plan goes in, each epoch comes out as it is made, and the result says how
/// the trial ended. Implementations decide how the trial trains (the built-in engine, the learning-rate
/// range test); whoever schedules trials sees only this.
/// </summary>
/// <remarks>
/// Cancellation stops the trial at its next epoch with an <see cref="TrialStatus.Interrupted"/> result, so a
/// resume runs it again. An exception is the trial's failure: the caller records it as failed with its
/// message and goes on with the other trials.
/// </remarks>
public interface ITrialExecutor
{
    /// <summary>Runs <paramref name="trial"/>; <paramref name="onEpoch"/>, when given, sees each epoch record as it is made.</summary>
    /// <param name="threads">
    /// The threads the trial may use in this process, which the scheduler raises while workers stand idle and
    /// lowers as trials start; a trial's results must not depend on it.
    /// </param>
    TrialResult Run(TrialPlan trial, ThreadBudget threads, Action<EpochRecord>? onEpoch, CancellationToken cancellationToken);
}
