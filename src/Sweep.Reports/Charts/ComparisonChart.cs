using System.Globalization;

namespace Sweep.Reports.Charts;

/// <summary>
/// The loss curves of the best trial of each batch mode, and of each kind of weight decay (none, L1, L2,
/// both), when the sweep tried more than one: how the choice changes training at its best rate.
/// </summary>
internal static class ComparisonChart
{
    private sealed record Grouping(string Id, string Title, string Legend, Func<TrialRow, string> Key);

    private static readonly Grouping[] Groupings =
    [
        new("batch-modes", "Batch modes", "batch", t => t.Batch),
        new("regularisation", "L1 and L2 weight decay", "decay", Regularisation),
    ];

    public static IEnumerable<ReportChart> Of(SweepReport report)
    {
        var trials = LossCurve.Drawable(report);
        var ceiling = LossCurve.Ceiling(trials);
        var zero = LossCurve.ZeroLevel(trials);
        foreach (var grouping in Groupings)
        {
            // Ranked() follows the sweep's ranking, so the first trial of a group is its best.
            var best = trials.GroupBy(grouping.Key, StringComparer.Ordinal).Select(g => g.First()).ToList();
            if (best.Count < 2)
            {
                continue;
            }
            var curves = best.Select(t => LossCurve.Of(t, ceiling, zero)).OfType<LossCurve>().ToList();
            var plot = ChartStyle.NewPlot();
            foreach (var (curve, index) in curves.Select((c, i) => (c, i)))
            {
                var line = curve.AddTo(plot, ChartStyle.Series(index));
                line.LegendText = $"{grouping.Legend} {grouping.Key(curve.Trial)} (lr {ChartStyle.Number(curve.Trial.LearningRate)}, {curve.Trial.TrialId})";
            }
            LossCurvesChart.MarkDiverged(plot, curves);
            LossCurvesChart.MarkZeros(plot, curves, zero);
            ChartStyle.LinearAxis(plot.Axes.Bottom, "epoch", integers: true);
            ChartStyle.LogAxis(plot.Axes.Left, "loss (log scale)", zero);
            ChartStyle.LegendOutside(plot);
            yield return new ReportChart(
                grouping.Id,
                grouping.Title,
                $"The loss of the best trial of each {grouping.Legend} setting, {best.Count.ToString(CultureInfo.InvariantCulture)} in all.",
                curves.Count > 0 ? plot : null);
        }
    }

    private static string Regularisation(TrialRow trial) => (trial.WeightDecayL1 > 0, trial.WeightDecayL2 > 0) switch
    {
        (true, true) => "L1 + L2",
        (true, false) => "L1",
        (false, true) => "L2",
        _ => "none",
    };
}
