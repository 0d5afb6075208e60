using ScottPlot;

namespace Sweep.Reports.Charts;

/// <summary>
/// The learning-rate range test: the batch loss and its smoothed value against the rate on a log axis, with the
/// suggested rate, the lowest-loss rate / 10 and the lowest smoothed loss marked. The loss axis is linear and cut
/// to the part that decides the rate: from a little under the lowest smoothed loss to twice its fall above
/// where it started, so a fall from 1.15 to 1.0 fills the chart instead of lying flat under a blow-up to 20.
/// </summary>
internal static class RangeTestChart
{
    /// <summary>The chart, or null when the sweep ran no range test; its plot is null when none of its losses can be shown.</summary>
    public static ReportChart? Of(SweepReport report)
    {
        const string Title = "Learning-rate range test";
        if (report.RangeTest.IsEmpty)
        {
            return null;
        }
        var findings = RangeTestFindings.Of(report);
        var steps = report.RangeTest.Where(s => s.LearningRate > 0).ToList();
        var (rawX, rawY) = Finite(steps.Select(s => (Math.Log10(s.LearningRate), s.Loss)));
        var (smoothX, smoothY) = Finite(steps.Select(s => (Math.Log10(s.LearningRate), s.SmoothedLoss)));
        var (bottom, top) = findings is null ? (double.NaN, double.NaN) : LossRange(report, findings);
        var caption = "The rate grows every batch; a good rate lies where the smoothed loss falls fastest, well before it turns up." +
            (double.IsFinite(top) ? $" The loss axis stops at {ChartStyle.Number(top)}: above it the loss only blows up." : string.Empty);
        if (rawX.Length == 0 && smoothX.Length == 0)
        {
            return new ReportChart("range-test", Title, caption, null);
        }
        var plot = ChartStyle.NewPlot();
        var raw = plot.Add.Scatter(rawX, rawY, Colors.Gray.WithAlpha(0.6));
        raw.MarkerSize = 0;
        raw.LegendText = "loss";
        var smooth = plot.Add.Scatter(smoothX, smoothY, Colors.Navy);
        smooth.MarkerSize = 0;
        smooth.LineWidth = 2;
        smooth.LegendText = "smoothed";
        if (findings is not null)
        {
            Mark(plot, findings);
        }
        ChartStyle.LogAxis(plot.Axes.Bottom, "learning rate (log scale)");
        ChartStyle.LinearAxis(plot.Axes.Left, "loss");
        ChartStyle.LegendOutside(plot);
        if (double.IsFinite(top))
        {
            plot.Axes.AutoScale();
            plot.Axes.SetLimitsY(bottom, top);
        }
        return new ReportChart("range-test", Title, caption, plot);
    }

    /// <summary>
    /// From the lowest smoothed loss less its fall, to the highest smoothed loss before the lowest plus twice the
    /// fall; a fall under a tenth of the lowest loss counts as a tenth, so a flat test still shows its noise.
    /// </summary>
    internal static (double Bottom, double Top) LossRange(SweepReport report, RangeTestFindings findings)
    {
        var beforeLowest = report.RangeTest
            .TakeWhile(s => s.SmoothedLoss != findings.LowestLoss || s.LearningRate != findings.LowestLossRate)
            .Where(s => double.IsFinite(s.SmoothedLoss))
            .Select(s => s.SmoothedLoss)
            .DefaultIfEmpty(findings.LowestLoss)
            .Max();
        var fall = Math.Max(beforeLowest - findings.LowestLoss, 0.1 * Math.Abs(findings.LowestLoss));
        return (Math.Max(0, findings.LowestLoss - fall), beforeLowest + (2 * fall));
    }

    private static void Mark(Plot plot, RangeTestFindings findings)
    {
        if (findings.Suggested is { } suggested)
        {
            var line = plot.Add.VerticalLine(Math.Log10(suggested), 2, Colors.ForestGreen);
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"suggested {ChartStyle.Number(suggested)}";
        }
        var tenth = plot.Add.VerticalLine(Math.Log10(findings.LowestLossRateOverTen), 2, Colors.DarkOrange);
        tenth.LinePattern = LinePattern.Dotted;
        tenth.LegendText = $"lowest-loss rate / 10: {ChartStyle.Number(findings.LowestLossRateOverTen)}";
        var lowest = plot.Add.ScatterPoints(new[] { Math.Log10(findings.LowestLossRate) }, new[] { findings.LowestLoss }, Colors.Navy);
        lowest.MarkerShape = MarkerShape.OpenCircle;
        lowest.MarkerSize = 10;
        lowest.LegendText = $"lowest smoothed loss, at {ChartStyle.Number(findings.LowestLossRate)}";
    }

    private static (double[] X, double[] Y) Finite(IEnumerable<(double X, double Y)> points)
    {
        var kept = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToArray();
        return ([.. kept.Select(p => p.X)], [.. kept.Select(p => p.Y)]);
    }
}
