using System.Globalization;
using ScottPlot;

namespace Sweep.Reports.Charts;

/// <summary>Each trial's loss by epoch on a log axis (validation loss when there is one), coloured by learning rate.</summary>
internal static class LossCurvesChart
{
    // Past this many trials a legend hides the curves; the colour still tells the rate.
    private const int MaxLegendEntries = 12;

    /// <summary>The chart as SVG, or null when no trial has a loss a log axis can show.</summary>
    public static string? Svg(SweepReport report)
    {
        var trials = report.Trials.Where(t => !t.Epochs.IsEmpty && double.IsFinite(t.LearningRate) && t.LearningRate > 0).ToList();
        if (trials.Count == 0)
        {
            return null;
        }
        var plot = new Plot();
        var (smallest, largest) = (trials.Min(t => t.LearningRate), trials.Max(t => t.LearningRate));
        var plotted = 0;
        foreach (var trial in trials.OrderBy(t => t.LearningRate))
        {
            var (x, y) = ChartStyle.LogY(trial.Epochs.Select(e => ((double)e.Epoch, e.ValidationLoss ?? e.TrainLoss)));
            if (x.Length == 0)
            {
                continue;
            }
            var line = plot.Add.Scatter(x, y, ChartStyle.RateColor(trial.LearningRate, smallest, largest));
            line.MarkerSize = x.Length == 1 ? 5 : 0;
            line.LineWidth = 2;
            if (trials.Count <= MaxLegendEntries)
            {
                line.LegendText = $"{trial.TrialId} (lr {trial.LearningRate.ToString("G4", CultureInfo.InvariantCulture)})";
            }
            plotted++;
        }
        if (plotted == 0)
        {
            return null;
        }
        ChartStyle.LinearAxis(plot.Axes.Bottom, "epoch", integers: true);
        ChartStyle.LogAxis(plot.Axes.Left, "loss (log scale)");
        if (trials.Count <= MaxLegendEntries)
        {
            plot.ShowLegend(Alignment.UpperRight);
        }
        return ChartStyle.Svg(plot, "loss-curves");
    }
}
