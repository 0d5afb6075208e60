using System.Globalization;
using ScottPlot;
using Sweep.Models.Results;

namespace Sweep.Reports.Charts;

/// <summary>
/// Each trial's final loss against its learning rate (or the key a search tuned instead), both on log axes: one colour and shape per
/// coarse-to-fine stage, diverged trials as red crosses along the top, a final loss of exactly 0 on the zero
/// level at the bottom (a log axis has no place for it) as a black triangle, the bracket a finer search should
/// fill as a shaded span and the chosen rate as a dashed line. The legend sits right of the plot.
/// </summary>
internal static class FinalLossChart
{
    private static readonly MarkerShape[] StageShapes =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle];

    public static ReportChart Of(SweepReport report)
    {
        var target = report.Target;
        Func<TrialRow, double> x = target is null ? t => t.LearningRate : target.ValueOf;
        var name = target?.Path ?? "learning rate";
        var title = $"Final loss against {name}";
        var trials = report.Trials.Where(t => x(t) is var value && double.IsFinite(value) && value > 0).ToList();
        var finished = trials.Where(t => t.Status != TrialStatus.Diverged && t.FinalLoss is { } loss && double.IsFinite(loss) && loss > 0).ToList();
        var reachedZero = trials.Where(t => t.Status != TrialStatus.Diverged && t.FinalLoss == 0).ToList();
        var diverged = trials.Where(t => t.Status == TrialStatus.Diverged || (t.FinalLoss is { } loss && !double.IsFinite(loss))).ToList();
        var caption = "One point per trial, shaped and coloured by stage; red crosses along the top are trials that diverged" +
            (reachedZero.Count > 0 ? "; a black triangle on the line marked 0 is a final loss of exactly 0" : string.Empty) +
            (target is null && report.Bracket is { } b && b.Low < b.High ? "; the shaded span is where a finer search should look" : string.Empty) +
            (Chosen(report) is not null ? "; the dashed line is the chosen value." : ".");
        if (finished.Count == 0 && reachedZero.Count == 0 && diverged.Count == 0)
        {
            return new ReportChart("final-loss", title, caption, null);
        }

        var plot = ChartStyle.NewPlot();
        var losses = finished.Select(t => Math.Log10(t.FinalLoss!.Value)).ToList();
        // Diverged trials have no loss to place; they sit half a decade above the worst finished one.
        var top = losses.Count > 0 ? losses.Max() + 0.5 : 1;
        double? zero = reachedZero.Count > 0 ? ChartStyle.ZeroLevel(losses) : null;
        // The bracket is a learning-rate interval; it means nothing on another key's axis.
        if (target is null && report.Bracket is { } bracket && bracket.Low < bracket.High)
        {
            var span = plot.Add.HorizontalSpan(Math.Log10(bracket.Low), Math.Log10(bracket.High));
            span.FillStyle.Color = Colors.Orange.WithAlpha(0.2);
            span.LineStyle.Width = 0;
            span.LegendText = $"bracket {ChartStyle.Number(bracket.Low)}–{ChartStyle.Number(bracket.High)}";
        }
        var stages = finished.GroupBy(t => t.Stage).OrderBy(g => g.Key).ToList();
        foreach (var (stage, index) in stages.Select((g, i) => (g, i)))
        {
            var points = plot.Add.ScatterPoints(
                stage.Select(t => Math.Log10(x(t))).ToArray(), stage.Select(t => Math.Log10(t.FinalLoss!.Value)).ToArray(), ChartStyle.Series(index));
            points.MarkerShape = StageShapes[index % StageShapes.Length];
            points.MarkerSize = 8;
            // A grid or random sweep is one stage: its legend names the points, not a stage number.
            points.LegendText = stages.Count == 1 ? "trials" : $"stage {stage.Key.ToString(CultureInfo.InvariantCulture)}";
        }
        if (zero is { } level)
        {
            var zeros = plot.Add.ScatterPoints(reachedZero.Select(t => Math.Log10(x(t))).ToArray(), reachedZero.Select(_ => level).ToArray(), Colors.Black);
            zeros.MarkerShape = MarkerShape.FilledTriangleDown;
            zeros.MarkerSize = 10;
            zeros.LegendText = "final loss 0";
        }
        if (diverged.Count > 0)
        {
            var marks = plot.Add.ScatterPoints(diverged.Select(t => Math.Log10(x(t))).ToArray(), diverged.Select(_ => top).ToArray(), Colors.Red);
            marks.MarkerShape = MarkerShape.Eks;
            marks.MarkerSize = 10;
            marks.LegendText = "diverged";
        }
        if (Chosen(report) is { } chosen && chosen > 0)
        {
            var line = plot.Add.VerticalLine(Math.Log10(chosen));
            line.LegendText = $"chosen {ChartStyle.Number(chosen)}";
            line.LinePattern = LinePattern.Dashed;
        }
        ChartStyle.LogAxis(plot.Axes.Bottom, $"{name} (log scale)");
        ChartStyle.LogAxis(plot.Axes.Left, "final loss (log scale)", zero);
        ChartStyle.LegendOutside(plot);
        return new ReportChart("final-loss", title, caption, plot);
    }

    private static double? Chosen(SweepReport report) => report.Target is { } target ? target.Chosen : report.ChosenLearningRate;
}
