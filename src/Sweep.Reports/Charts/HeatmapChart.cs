using System.Globalization;
using ScottPlot;
using Sweep.Models.Results;

namespace Sweep.Reports.Charts;

/// <summary>
/// Heatmaps of two-parameter grids: learning rate against L2 decay, L1 decay or batch mode, one cell per pair
/// of values tried, coloured by the lowest final loss of its trials that did not diverge (log scale; a
/// diverged trial's last loss would only stretch the scale), the loss written in the cell while
/// the grid is small enough to read it. Drawn as rectangles so the SVG stays vector and text.
/// </summary>
internal static class HeatmapChart
{
    // A random search tries a new value every trial; a grid this wide is no longer a grid.
    private const int MaxValuesPerAxis = 30;

    private const int MaxLabelledCells = 12;

    private sealed record Axis(string Id, string Name, Func<TrialRow, string> Key, Func<string, double> Order);

    private static readonly Axis[] Partners =
    [
        new("l2", "L2 weight decay", t => Text(t.WeightDecayL2), v => double.Parse(v, CultureInfo.InvariantCulture)),
        new("l1", "L1 weight decay", t => Text(t.WeightDecayL1), v => double.Parse(v, CultureInfo.InvariantCulture)),
        new("batch", "batch", t => t.Batch, BatchOrder),
    ];

    public static IEnumerable<ReportChart> Of(SweepReport report)
    {
        var trials = report.Trials.Where(t => double.IsFinite(t.LearningRate) && t.LearningRate > 0).ToList();
        var rates = trials.Select(t => t.LearningRate).Distinct().Order().ToList();
        if (rates.Count < 2 || rates.Count > MaxValuesPerAxis)
        {
            yield break;
        }
        foreach (var partner in Partners)
        {
            var values = trials.Select(partner.Key).Distinct(StringComparer.Ordinal).OrderBy(v => partner.Order(v)).ToList();
            if (values.Count >= 2 && values.Count <= MaxValuesPerAxis)
            {
                yield return Chart(trials, rates, partner, values);
            }
        }
    }

    private static ReportChart Chart(List<TrialRow> trials, List<double> rates, Axis partner, List<string> values)
    {
        var cells = trials
            .GroupBy(t => (Rate: rates.IndexOf(t.LearningRate), Value: values.IndexOf(partner.Key(t))))
            .Select(g => (g.Key.Rate, g.Key.Value, Loss: g.Where(t => t.Status != TrialStatus.Diverged).Select(t => t.FinalLoss ?? double.NaN).Where(l => double.IsFinite(l) && l > 0).DefaultIfEmpty(double.NaN).Min()))
            .ToList();
        var logs = cells.Where(c => !double.IsNaN(c.Loss)).Select(c => Math.Log10(c.Loss)).ToList();
        var (lowest, highest) = logs.Count > 0 ? (logs.Min(), logs.Max()) : (0, 0);
        var labelled = rates.Count <= MaxLabelledCells && values.Count <= MaxLabelledCells;
        var plot = ChartStyle.NewPlot();
        foreach (var cell in cells)
        {
            var rectangle = plot.Add.Rectangle(cell.Rate - 0.5, cell.Rate + 0.5, cell.Value - 0.5, cell.Value + 0.5);
            var fraction = double.IsNaN(cell.Loss) || highest == lowest ? 0.5 : (Math.Log10(cell.Loss) - lowest) / (highest - lowest);
            // Low loss is bright: the eye goes to the best cell. A cell with no finite loss (all diverged or failed) is grey.
            rectangle.FillStyle.Color = double.IsNaN(cell.Loss) ? Colors.LightGray : new ScottPlot.Colormaps.Viridis().GetColor(1 - fraction);
            rectangle.LineStyle.Color = Colors.White;
            if (labelled)
            {
                var text = plot.Add.Text(double.IsNaN(cell.Loss) ? "×" : ChartStyle.Number(cell.Loss), cell.Rate, cell.Value);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 12;
                text.LabelFontColor = !double.IsNaN(cell.Loss) && 1 - fraction < 0.55 ? Colors.White : Colors.Black;
            }
        }
        ChartStyle.CategoryAxis(plot.Axes.Bottom, "learning rate", [.. rates.Select(ChartStyle.Number)]);
        ChartStyle.CategoryAxis(plot.Axes.Left, partner.Name, values);
        plot.HideGrid();
        plot.Axes.SetLimits(-0.5, rates.Count - 0.5, -0.5, values.Count - 0.5);
        var caption = "Each cell holds the lowest final loss of the trials with that pair of values: the brighter, the lower (log scale)" +
            (labelled ? "; × marks a pair whose trials all diverged or failed." : "; grey marks a pair whose trials all diverged or failed.");
        return new ReportChart($"heatmap-lr-{partner.Id}", $"Learning rate × {partner.Name}", caption, plot);
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // Sizes in order, then anything else (full batch) after them.
    private static double BatchOrder(string batch) =>
        double.TryParse(batch, NumberStyles.Float, CultureInfo.InvariantCulture, out var size) ? size : double.PositiveInfinity;
}
