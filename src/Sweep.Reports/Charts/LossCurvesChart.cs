using System.Collections.Immutable;
using System.Globalization;
using ScottPlot;

namespace Sweep.Reports.Charts;

/// <summary>
/// Each trial's loss by epoch on a log axis (validation loss when there is one), coloured by learning rate.
/// The best <see cref="DrawnTrials"/> trials are drawn one by one; the rest of a large sweep as a band from
/// their lowest to their highest loss with their median, so the page stays light and the curves readable.
/// Diverged trials are cut at a ceiling and marked with a cross; a loss of 0 lies on the zero level at the
/// bottom, marked where it is first reached. The legend sits right of the plot, where it covers no curve.
/// </summary>
internal static class LossCurvesChart
{
    public const int DrawnTrials = 20;

    // Past this many curves a legend hides the chart; the colour still tells the rate.
    internal const int MaxLegendEntries = 12;

    public static ReportChart Of(SweepReport report)
    {
        var trials = LossCurve.Drawable(report);
        var ceiling = LossCurve.Ceiling(trials);
        var zero = LossCurve.ZeroLevel(trials);
        var drawn = trials.Take(DrawnTrials).Select(t => LossCurve.Of(t, ceiling, zero)).OfType<LossCurve>().ToList();
        var rest = trials.Skip(DrawnTrials).ToList();
        var caption = rest.Count == 0
            ? "Colour runs from dark (smallest learning rate) to yellow (largest); a cross marks a trial that diverged, cut at the top."
            : $"The best {Count(drawn.Count)} trials, coloured from dark (smallest learning rate) to yellow (largest); the grey band spans " +
              $"the other {Count(rest.Count)} from their lowest to their highest loss, the dashed line is their median. A cross marks a diverged trial, cut at the top.";
        var views = CurveMetric.Of(report).Select((metric, i) => MetricCurvesChart.Of(report, metric, $"loss-curves-{(i + 1).ToString(CultureInfo.InvariantCulture)}")).ToImmutableArray();
        if (drawn.Count == 0)
        {
            return new ReportChart("loss-curves", "Loss curves", caption, null) { Views = views };
        }

        var plot = ChartStyle.NewPlot();
        if (rest.Count > 0)
        {
            AddBand(plot, rest, ceiling, zero);
        }
        var (smallest, largest) = (trials.Min(t => t.LearningRate), trials.Max(t => t.LearningRate));
        foreach (var curve in drawn.OrderBy(c => c.Trial.LearningRate))
        {
            var line = curve.AddTo(plot, ChartStyle.RateColor(curve.Trial.LearningRate, smallest, largest));
            if (drawn.Count <= MaxLegendEntries)
            {
                line.LegendText = $"{curve.Trial.TrialId} (lr {ChartStyle.Number(curve.Trial.LearningRate)})";
            }
        }
        MarkDiverged(plot, drawn);
        MarkZeros(plot, drawn, zero);
        ChartStyle.LinearAxis(plot.Axes.Bottom, "epoch", integers: true);
        ChartStyle.LogAxis(plot.Axes.Left, "loss (log scale)", zero);
        // ScottPlot draws a legend inside the plot whenever a plottable is named (the crosses of diverged trials are).
        ChartStyle.LegendOutside(plot);
        return new ReportChart("loss-curves", "Loss curves", caption, plot) { Views = views };
    }

    /// <summary>A red cross where each diverged curve ends, in the legend once.</summary>
    internal static void MarkDiverged(Plot plot, IEnumerable<LossCurve> curves)
    {
        var ends = curves.Where(c => c.Diverged).ToList();
        if (ends.Count == 0)
        {
            return;
        }
        var marks = plot.Add.ScatterPoints(ends.Select(c => c.Epochs[^1]).ToArray(), ends.Select(c => c.LogLosses[^1]).ToArray(), Colors.Red);
        marks.MarkerShape = MarkerShape.Eks;
        marks.MarkerSize = 10;
        marks.LegendText = "diverged";
    }

    /// <summary>A black triangle pointing down where each curve first reaches a loss of 0, in the legend once.</summary>
    internal static void MarkZeros(Plot plot, IEnumerable<LossCurve> curves, double? zero)
    {
        var zeros = curves.Where(c => c.FirstZero is not null).ToList();
        if (zeros.Count == 0 || zero is not { } level)
        {
            return;
        }
        var marks = plot.Add.ScatterPoints(zeros.Select(c => (double)c.FirstZero!.Value).ToArray(), zeros.Select(_ => level).ToArray(), Colors.Black);
        marks.MarkerShape = MarkerShape.FilledTriangleDown;
        marks.MarkerSize = 10;
        marks.LegendText = "loss 0 from here (bottom)";
    }

    /// <summary>The lowest, highest and median loss of <paramref name="trials"/> at up to <see cref="LossCurve.MaxPoints"/> epochs.</summary>
    private static void AddBand(Plot plot, List<TrialRow> trials, double ceiling, double? zero)
    {
        var lastEpoch = trials.Max(t => t.Epochs[^1].Epoch);
        var byEpoch = new List<double>[lastEpoch + 1];
        foreach (var index in ChartStyle.Downsample(lastEpoch, LossCurve.MaxPoints))
        {
            byEpoch[index + 1] = [];
        }
        foreach (var trial in trials)
        {
            foreach (var record in trial.Epochs)
            {
                if (record.Epoch >= 1 && record.Epoch <= lastEpoch && byEpoch[record.Epoch] is { } values)
                {
                    var loss = LossCurve.Loss(record);
                    // A diverged epoch counts at the ceiling and a loss of 0 at the zero level, as the drawn curves show them.
                    values.Add(double.IsNaN(loss) || loss > 0 ? Math.Min(double.IsNaN(loss) ? ceiling : Math.Log10(loss), ceiling) : loss == 0 && zero is { } level ? level : double.NaN);
                }
            }
        }
        var points = byEpoch
            .Select((values, epoch) => (Epoch: epoch, Values: values?.Where(v => !double.IsNaN(v)).Order().ToList()))
            .Where(p => p.Values is { Count: > 0 })
            .Select(p => (p.Epoch, Low: p.Values![0], High: p.Values[^1], Median: p.Values[p.Values.Count / 2]))
            .ToList();
        if (points.Count == 0)
        {
            return;
        }
        var epochs = points.Select(p => (double)p.Epoch).ToArray();
        var band = plot.Add.FillY(epochs, points.Select(p => p.Low).ToArray(), points.Select(p => p.High).ToArray());
        band.FillColor = Colors.Gray.WithAlpha(0.3);
        band.LineWidth = 0;
        band.LegendText = $"{Count(trials.Count)} other trials";
        var median = plot.Add.Scatter(epochs, points.Select(p => p.Median).ToArray(), Colors.DimGray);
        median.MarkerSize = 0;
        median.LinePattern = LinePattern.Dashed;
        median.LegendText = "their median";
    }

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
