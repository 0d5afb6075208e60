using System.Collections.Immutable;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Models.Selection;

namespace Sweep.Models.Results;

/// <summary>
/// What telling a stored sweep again needs of its experiment file, kept in structured form when the version is
/// registered, so reading a store never binds the file again against today's folders and data files: the
/// description, the strategy, the searched keys in the file's order, the repeats, the coarse-to-fine settings
/// with the start value resolved, the range-test settings and the diagnosis thresholds.
/// </summary>
public sealed record SweepSettings(
    string Description,
    SearchStrategy Strategy,
    int Repeats,
    ImmutableArray<string> Parameters,
    CoarseToFineSettings? CoarseToFine,
    RangeTestSettings? RangeTest,
    DiagnosisThresholds Diagnosis)
{
    /// <summary>The settings of a grid sweep over nothing, for a version whose file the store never kept.</summary>
    public static SweepSettings Unknown { get; } = new("", SearchStrategy.Grid, 1, [], null, null, DiagnosisThresholds.Default);

    /// <summary>The settings of a loaded experiment; a coarse-to-fine start left to the file's value is resolved here.</summary>
    public static SweepSettings Of(LoadedExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var definition = experiment.Definition;
        var search = definition.Search;
        var coarseToFine = search.CoarseToFine is { } settings && TrialPlanner.CoarseToFine(experiment).Search is { } planned
            ? settings with { Start = planned.Start }
            : search.CoarseToFine;
        return new SweepSettings(
            definition.Description.TrimEnd(),
            search.Strategy,
            search.Repeats,
            [.. search.Parameters.Select(p => p.Path)],
            coarseToFine,
            search.RangeTest,
            search.Diagnosis);
    }

    /// <summary>The coarse-to-fine search these settings replay; null for other strategies or without a start.</summary>
    public CoarseToFineSearch? CreateSearch() =>
        CoarseToFine is { Start: { } start } settings && start > 0 && start >= settings.Min && start <= settings.Max ? new CoarseToFineSearch(settings, start) : null;

    /// <summary>
    /// Whether ranking the trials reads their epochs: a search that picks by the best epoch or by the epochs to a
    /// target loss does; the final loss is kept with each trial.
    /// </summary>
    public bool RanksByEpochs => CoarseToFine is { Metric: not SelectionMetric.FinalLoss };

    /// <summary>The key a coarse-to-fine search tunes when it is not the learning rate; null otherwise.</summary>
    public string? OtherTarget() => CoarseToFine is { } settings && settings.Target != CoarseToFineSettings.DefaultTarget ? settings.Target : null;
}
