using System.Globalization;

namespace Sweep.Reports.Charts;

/// <summary>
/// Each trial's <see cref="CurveMetric"/> by epoch, the other views of the loss curves chart: the same best
/// <see cref="LossCurvesChart.DrawnTrials"/> trials in the same colours by learning rate, each curve at most
/// <see cref="LossCurve.MaxPoints"/> points of its finite values (positive ones on a loss's log axis).
/// </summary>
internal static class MetricCurvesChart
{
    /// <param name="id">The chart's id, unique in the page.</param>
    public static ReportChart Of(SweepReport report, CurveMetric metric, string id)
    {
        var trials = LossCurve.Drawable(report);
        var curves = trials.Take(LossCurvesChart.DrawnTrials)
            .Select(t => (Trial: t, Points: Points(t, metric)))
            .Where(c => c.Points.Count > 0)
            .ToList();
        var caption = $"Each trial's {metric.Label} by epoch, the best {curves.Count.ToString(CultureInfo.InvariantCulture)} trials, coloured from dark (smallest learning rate) to yellow (largest).";
        if (curves.Count == 0)
        {
            return new ReportChart(id, metric.Label, caption, null);
        }

        var plot = ChartStyle.NewPlot();
        var (smallest, largest) = (trials.Min(t => t.LearningRate), trials.Max(t => t.LearningRate));
        foreach (var (trial, points) in curves.OrderBy(c => c.Trial.LearningRate))
        {
            var kept = ChartStyle.Downsample(points.Count, LossCurve.MaxPoints);
            var line = plot.Add.Scatter(kept.Select(i => points[i].Epoch).ToArray(), kept.Select(i => points[i].Value).ToArray(), ChartStyle.RateColor(trial.LearningRate, smallest, largest));
            line.MarkerSize = kept.Length == 1 ? 5 : 0;
            line.LineWidth = 2;
            if (curves.Count <= LossCurvesChart.MaxLegendEntries)
            {
                line.LegendText = $"{trial.TrialId} (lr {ChartStyle.Number(trial.LearningRate)})";
            }
        }
        ChartStyle.LinearAxis(plot.Axes.Bottom, "epoch", integers: true);
        if (metric.IsLoss)
        {
            ChartStyle.LogAxis(plot.Axes.Left, $"{metric.Label} (log scale)");
        }
        else
        {
            ChartStyle.LinearAxis(plot.Axes.Left, metric.Label);
        }
        ChartStyle.LegendOutside(plot);
        return new ReportChart(id, metric.Label, caption, plot);
    }

    /// <summary>The trial's finite values of the metric by epoch, as log10 for a loss (whose values of 0 or less a log axis cannot show).</summary>
    private static List<(double Epoch, double Value)> Points(TrialRow trial, CurveMetric metric) =>
    [
        .. trial.Epochs
            .Select(e => (Epoch: (double)e.Epoch, Value: metric.Value(e)))
            .Where(p => p.Value is { } v && double.IsFinite(v) && (!metric.IsLoss || v > 0))
            .Select(p => (p.Epoch, metric.IsLoss ? Math.Log10(p.Value!.Value) : p.Value!.Value)),
    ];
}
