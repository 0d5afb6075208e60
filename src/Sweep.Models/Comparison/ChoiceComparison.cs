using System.Collections.Immutable;

namespace Sweep.Models.Comparison;

/// <summary>
/// The latest run's choice beside a baseline run's: what changed, and by how much the chosen configuration's loss
/// moved. A regression is a loss worse than the baseline's by more than an allowed percentage of it; a latest run
/// that chose nothing (every trial diverged or failed) while the baseline chose is infinitely worse.
/// </summary>
public sealed record ChoiceComparison(RunChoice Latest, RunChoice Baseline)
{
    /// <summary>
    /// How much worse (positive) or better (negative) the latest loss is than the baseline's, in percent of the
    /// baseline's; null when the baseline has no loss to measure against. A baseline loss of exactly zero makes any
    /// positive loss infinitely worse.
    /// </summary>
    public double? LossChangePercent => (Baseline.Loss, Latest.Loss) switch
    {
        (null, _) => null,
        ({ }, null) => double.PositiveInfinity,
        (var baseline, var latest) when baseline.Value == 0 => latest.Value == 0 ? 0 : latest.Value > 0 ? double.PositiveInfinity : double.NegativeInfinity,
        (var baseline, var latest) => (latest.Value - baseline.Value) / Math.Abs(baseline.Value) * 100,
    };

    /// <summary>Whether the two runs' losses are measured the same way; a loss measured otherwise compares two different numbers.</summary>
    public bool SameMetric => Baseline.Metric is null || Latest.Metric is null || string.Equals(Baseline.Metric, Latest.Metric, StringComparison.Ordinal);

    /// <summary>Every key either choice searched, in the latest's order then the baseline's own.</summary>
    public ImmutableArray<ParameterChange> Parameters =>
    [
        .. Latest.Parameters.Select(p => p.Path)
            .Concat(Baseline.Parameters.Select(p => p.Path))
            .Distinct(StringComparer.Ordinal)
            .Select(path => new ParameterChange(path, TextOf(Baseline, path), TextOf(Latest, path))),
    ];

    /// <summary>Whether the latest loss is worse than the baseline's by more than <paramref name="maxPercent"/> percent of it.</summary>
    public bool IsRegression(double maxPercent) => LossChangePercent is { } change && change > maxPercent;

    private static string? TextOf(RunChoice choice, string path) =>
        choice.Parameters.Where(p => p.Path == path).Select(p => p.Value.Text).FirstOrDefault();
}
