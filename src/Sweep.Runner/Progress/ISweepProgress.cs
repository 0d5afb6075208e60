using Sweep.Models.Results;
using Sweep.Models.Search;

namespace Sweep.Runner.Progress;

/// <summary>What a sweep tells the person watching it, from the workers' threads.</summary>
internal interface ISweepProgress
{
    /// <summary>A worker starts <paramref name="trial"/>; returns what to call after each of its epochs, or null when epochs are not shown.</summary>
    Action<EpochRecord>? TrialStarted(TrialPlan trial);

    void TrialFinished(TrialPlan trial, TrialResult result);
}
