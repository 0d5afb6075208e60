using System.Collections.Immutable;

namespace Sweep.Storage;

/// <summary>
/// What planning trials into a version did: how many rows were new, and of those how many took the result
/// of the same trial finished in an earlier version (by version, so the run can say where they came from).
/// </summary>
public sealed record TrialPlanning(int Added, ImmutableArray<ReusedTrials> Reused)
{
    public int ReusedCount => Reused.Sum(r => r.Trials);
}
