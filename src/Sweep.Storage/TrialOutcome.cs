using System.Collections.Immutable;
using Sweep.Models.Results;
using Sweep.Models.Search;

namespace Sweep.Storage;

/// <summary>
/// How a claimed trial ended: its status (completed, diverged, failed or interrupted), every epoch it ran,
/// its wall time, and for a failed trial what it threw. The store derives final and best losses from the epochs.
/// </summary>
public sealed record TrialOutcome(TrialStatus Status, ImmutableArray<EpochRecord> Epochs, double Seconds, string? Error = null)
{
    /// <summary>
    /// The steps of a learning-rate range test, recorded with the outcome in the same transaction (replacing
    /// the steps of an earlier attempt); empty for every other trial, whose stored steps are left alone.
    /// </summary>
    public ImmutableArray<RangeTestStep> RangeTestSteps { get; init; } = [];
}
