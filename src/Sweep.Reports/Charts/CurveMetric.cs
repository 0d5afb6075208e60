using System.Collections.Immutable;
using Sweep.Models.Results;

namespace Sweep.Reports.Charts;

/// <summary>
/// A number every epoch may have that the per-trial curves chart can show instead of the loss: the training
/// loss, the accuracy, or a metric a user's program reported under its own name. Losses go on a log axis.
/// </summary>
/// <param name="Label">What the reader picks and the axis says (<c>training loss</c>, <c>accuracy</c>, <c>bleu</c>).</param>
/// <param name="Value">The epoch's value; null when the epoch has none.</param>
internal sealed record CurveMetric(string Label, Func<EpochRecord, double?> Value, bool IsLoss)
{
    /// <summary>Past this many of a program's own metrics, the rest stay in epochs.csv: each one adds a chart to the page.</summary>
    public const int MaxExtra = 12;

    /// <summary>
    /// The metrics <paramref name="report"/> has besides the loss the chart draws first: the training loss when some
    /// epoch has a validation loss (else it is that loss), the accuracy when some epoch has one, and each named metric.
    /// </summary>
    public static ImmutableArray<CurveMetric> Of(SweepReport report)
    {
        var epochs = report.Trials.SelectMany(t => t.Epochs).ToList();
        var metrics = ImmutableArray.CreateBuilder<CurveMetric>();
        if (epochs.Any(e => e.ValidationLoss is not null))
        {
            metrics.Add(new CurveMetric("training loss", e => e.TrainLoss, IsLoss: true));
        }
        if (epochs.Any(e => e.Accuracy is not null))
        {
            metrics.Add(new CurveMetric("accuracy", e => e.Accuracy, IsLoss: false));
        }
        var names = epochs.SelectMany(e => e.Extra?.Keys ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxExtra);
        foreach (var name in names)
        {
            metrics.Add(new CurveMetric(name, e => e.Extra is { } extra && extra.TryGetValue(name, out var value) ? value : null, IsLoss: false));
        }
        return metrics.ToImmutable();
    }
}
