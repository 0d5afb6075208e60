using System.Collections.Immutable;
using Sweep.Models.Selection;

namespace Sweep.Models.Experiments;

/// <summary>
/// The search block. <see cref="Parallel"/> null means one trial per core. <see cref="Trials"/> is the
/// number of samples a random search draws. <see cref="CoarseToFine"/> and <see cref="RangeTest"/> are set
/// only for their strategy. <see cref="Diagnosis"/> holds the curve-diagnosis thresholds of every strategy, and
/// <see cref="Metric"/> what "best" means for grid, random and coarse-to-fine alike.
/// </summary>
public sealed record SearchDefinition(
    SearchStrategy Strategy,
    int? Parallel,
    int Repeats,
    int Trials,
    ImmutableArray<SearchParameter> Parameters,
    CoarseToFineSettings? CoarseToFine,
    RangeTestSettings? RangeTest)
{
    /// <summary>The thresholds that label each finished trial's loss curve (slow, oscillating, diverging, good, overfitting).</summary>
    public DiagnosisThresholds Diagnosis { get; init; } = DiagnosisThresholds.Default;

    /// <summary>The metric that ranks the trials and picks the best (<c>search.metric</c>).</summary>
    public SelectionMetric Metric { get; init; } = SelectionMetric.FinalLoss;

    /// <summary>The loss <see cref="SelectionMetric.EpochsToTarget"/> counts the epochs to; null for other metrics.</summary>
    public double? TargetLoss { get; init; }

    public static SearchDefinition Single { get; } = new(SearchStrategy.Grid, null, 1, 0, [], null, null);
}
