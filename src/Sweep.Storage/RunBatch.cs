using System.Collections.Immutable;

namespace Sweep.Storage;

/// <summary>
/// What one write transaction of a run's writer does: records the finished trials (status, metrics and
/// epochs), undoes the claims that were never used, and claims up to <see cref="Claim"/> more trials.
/// </summary>
public sealed record RunBatch(ImmutableArray<FinishedTrial> Finished, ImmutableArray<TrialClaim> Released, int Claim)
{
    public static RunBatch Empty { get; } = new([], [], 0);
}
