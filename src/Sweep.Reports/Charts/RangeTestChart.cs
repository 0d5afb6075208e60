using ScottPlot;

namespace Sweep.Reports.Charts;

/// <summary>
/// The learning-rate range test: the batch loss and its smoothed value against the rate on a log axis. The loss
/// axis is linear, as the test stops once the loss has grown a few times over its minimum.
/// </summary>
internal static class RangeTestChart
{
    /// <summary>The chart, or null when the sweep ran no range test; its plot is null when none of its losses can be shown.</summary>
    public static ReportChart? Of(SweepReport report)
    {
        const string Title = "Learning-rate range test";
        const string Caption = "The rate grows every batch; a good rate lies where the smoothed loss falls fastest, well before it turns up.";
        if (report.RangeTest.IsEmpty)
        {
            return null;
        }
        var steps = report.RangeTest.Where(s => s.LearningRate > 0).ToList();
        var (rawX, rawY) = Finite(steps.Select(s => (Math.Log10(s.LearningRate), s.Loss)));
        var (smoothX, smoothY) = Finite(steps.Select(s => (Math.Log10(s.LearningRate), s.SmoothedLoss)));
        if (rawX.Length == 0 && smoothX.Length == 0)
        {
            return new ReportChart("range-test", Title, Caption, null);
        }
        var plot = ChartStyle.NewPlot();
        var raw = plot.Add.Scatter(rawX, rawY, Colors.Gray.WithAlpha(0.6));
        raw.MarkerSize = 0;
        raw.LegendText = "loss";
        var smooth = plot.Add.Scatter(smoothX, smoothY, Colors.Navy);
        smooth.MarkerSize = 0;
        smooth.LineWidth = 2;
        smooth.LegendText = "smoothed";
        ChartStyle.LogAxis(plot.Axes.Bottom, "learning rate (log scale)");
        ChartStyle.LinearAxis(plot.Axes.Left, "loss");
        plot.ShowLegend(Alignment.UpperLeft);
        return new ReportChart("range-test", Title, Caption, plot);
    }

    private static (double[] X, double[] Y) Finite(IEnumerable<(double X, double Y)> points)
    {
        var kept = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToArray();
        return ([.. kept.Select(p => p.X)], [.. kept.Select(p => p.Y)]);
    }
}
