using System.Collections.Immutable;
using Sweep.Storage;

namespace Sweep.Runner.Comparing;

/// <summary>
/// Every run of an experiment, over all its versions, oldest first: which one is the latest, and which one it is
/// compared with by default.
/// </summary>
internal sealed class ExperimentRuns(ImmutableArray<(ExperimentSummary Version, RunSummary Run)> runs)
{
    public static ExperimentRuns Of(IResultStore store, string name) => new(
    [
        .. store.ListExperiments()
            .Where(e => e.Name == name)
            .SelectMany(e => store.ListRuns(e.Id).Select(r => (Version: e, Run: r)))
            .OrderBy(r => r.Run.Started).ThenBy(r => r.Run.Id),
    ]);

    public (ExperimentSummary Version, RunSummary Run)? Latest => runs.IsEmpty ? null : runs[^1];

    /// <summary>
    /// The run before the latest: of the runs that had ended when the latest started, the one that ended last. Runs
    /// that overlap the latest (the workers beside a `sweep run`, which have runs of their own) belong to the same
    /// sweep and are not its baseline.
    /// </summary>
    public (ExperimentSummary Version, RunSummary Run)? Before((ExperimentSummary Version, RunSummary Run) latest) =>
        runs.Where(r => r.Run.Id != latest.Run.Id && r.Run.Ended is { } ended && ended <= latest.Run.Started)
            .OrderBy(r => r.Run.Ended).ThenBy(r => r.Run.Id)
            .Select(r => ((ExperimentSummary, RunSummary)?)r)
            .LastOrDefault();

    public (ExperimentSummary Version, RunSummary Run)? Find(long runId) =>
        runs.Where(r => r.Run.Id == runId).Select(r => ((ExperimentSummary, RunSummary)?)r).FirstOrDefault();
}
