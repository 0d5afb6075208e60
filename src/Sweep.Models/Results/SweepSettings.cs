using System.Collections.Immutable;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Models.Selection;

namespace Sweep.Models.Results;

/// <summary>
/// What telling a stored sweep again needs of its experiment file, kept in structured form when the version is
/// registered, so reading a store never binds the file again against today's folders and data files: the
/// description, the strategy, the searched keys in the file's order, the repeats, the coarse-to-fine settings
/// with the start value resolved, the range-test settings, the diagnosis thresholds and the selection metric.
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
            search.Diagnosis)
        {
            Metric = search.Metric,
            TargetLoss = search.TargetLoss,
        };
    }

    /// <summary>
    /// The metric of a grid or random sweep (<c>search.metric</c>); a coarse-to-fine search keeps its own in
    /// <see cref="CoarseToFine"/>, which a store written before grids had a metric holds alone.
    /// </summary>
    public SelectionMetric Metric { get; init; } = SelectionMetric.FinalLoss;

    /// <summary>The target loss of <see cref="SelectionMetric.EpochsToTarget"/> for a grid or random sweep.</summary>
    public double? TargetLoss { get; init; }

    /// <summary>The metric that ranks this sweep and the target loss it may need: a coarse-to-fine search's own, else <see cref="Metric"/>.</summary>
    public (SelectionMetric Metric, double? TargetLoss) RankingMetric() =>
        CoarseToFine is { } search ? (search.Metric, search.TargetLoss) : (Metric, TargetLoss);

    /// <summary>The coarse-to-fine search these settings replay; null for other strategies or without a start.</summary>
    public CoarseToFineSearch? CreateSearch() =>
        CoarseToFine is { Start: { } start } settings && start > 0 && start >= settings.Min && start <= settings.Max ? new CoarseToFineSearch(settings, start) : null;

    /// <summary>
    /// Whether ranking the trials reads their epochs: every metric but the final loss, which is kept with each
    /// trial, does (the best epoch, the epochs to a target loss, an accuracy).
    /// </summary>
    public bool RanksByEpochs => RankingMetric().Metric != SelectionMetric.FinalLoss;

    /// <summary>The key a coarse-to-fine search tunes when it is not the learning rate; null otherwise.</summary>
    public string? OtherTarget() => CoarseToFine is { } settings && settings.Target != CoarseToFineSettings.DefaultTarget ? settings.Target : null;
}
