using System.Collections.Immutable;

namespace Sweep.Models.Results;

/// <summary>
/// A stored experiment version after it ran, read once from the store: its name and version, the settings it
/// was registered with, every trial with its epochs, and its range test. Every output renders this and what
/// <see cref="Selection.SweepSelector"/> derives from it.
/// </summary>
/// <param name="RangeTest">The version's own range test, else the newest one stored by lr-find; null without either.</param>
public sealed record SweepRecord(
    string Name,
    int Version,
    SweepSettings Settings,
    ImmutableArray<TrialRecord> Trials,
    RangeTestRecord? RangeTest)
{
    /// <summary>Every searched key: the file's, then any other a stored trial set (a coarse-to-fine target), in order of appearance.</summary>
    public ImmutableArray<string> ParameterPaths => [.. Settings.Parameters
        .Concat(Trials.SelectMany(t => t.Parameters.Select(p => p.Path)))
        .Distinct(StringComparer.Ordinal)];

    /// <summary>Trials that completed, diverged or failed.</summary>
    public int FinishedTrials => Trials.Count(t => t.Status.IsFinished());

    /// <summary>
    /// The sweep as it stood at <paramref name="moment"/>: only the trials that had finished by then. The store
    /// keeps a version's trials, not each run's, and a sweep resumed over several runs (or a run beside its
    /// workers) finishes them over time; what a run chose is what the selector derives from the trials
    /// finished when it ended, its own and any earlier run's (reused ones keep the time they first ended).
    /// </summary>
    public SweepRecord AsOf(DateTimeOffset moment) =>
        this with { Trials = [.. Trials.Where(t => t.Status.IsFinished() && t.Ended is { } ended && ended <= moment)] };
}
