using System.Globalization;
using ScottPlot;

namespace Sweep.Reports.Charts;

/// <summary>Each trial's final loss against its learning rate, both on log axes, one colour per stage, the chosen rate marked.</summary>
internal static class FinalLossChart
{
    /// <summary>The chart as SVG, or null when no trial has a final loss a log axis can show.</summary>
    public static string? Svg(SweepReport report)
    {
        var plot = new Plot();
        var plotted = 0;
        foreach (var stage in report.Trials.GroupBy(t => t.Stage).OrderBy(g => g.Key))
        {
            var (x, y) = ChartStyle.LogY(stage
                .Where(t => t.FinalLoss is not null && t.LearningRate > 0)
                .Select(t => (Math.Log10(t.LearningRate), t.FinalLoss!.Value)));
            if (x.Length == 0)
            {
                continue;
            }
            var points = plot.Add.ScatterPoints(x, y);
            points.MarkerSize = 8;
            points.LegendText = $"stage {stage.Key.ToString(CultureInfo.InvariantCulture)}";
            plotted++;
        }
        if (plotted == 0)
        {
            return null;
        }
        if (report.ChosenLearningRate is { } chosen && chosen > 0)
        {
            var line = plot.Add.VerticalLine(Math.Log10(chosen));
            line.LegendText = $"chosen {chosen.ToString("G4", CultureInfo.InvariantCulture)}";
            line.LinePattern = LinePattern.Dashed;
        }
        ChartStyle.LogAxis(plot.Axes.Bottom, "learning rate (log scale)");
        ChartStyle.LogAxis(plot.Axes.Left, "final loss (log scale)");
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartStyle.Svg(plot, "final-loss");
    }
}
