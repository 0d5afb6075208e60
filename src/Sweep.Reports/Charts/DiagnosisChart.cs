using System.Text;
using ScottPlot;
using Sweep.Models.Results;
using Sweep.Models.Selection;

namespace Sweep.Reports.Charts;

/// <summary>
/// What each curve-diagnosis label looks like in this sweep: one panel per label present (slow, good,
/// oscillating, diverging), each the loss curve of one trial with that label on a log axis, titled with its
/// rate and the stored numbers that decided the label, over the sweep's best curve in grey for comparison.
/// A sweep with a single label has nothing to compare, and no such chart.
/// </summary>
internal static class DiagnosisChart
{
    public const string Id = "diagnosis";

    // A reason longer than this many characters goes on two lines: a panel is half the chart's width.
    private const int LineLength = 42;

    private sealed record Kind(CurveLabel Label, string Word, Color Color, string Rule);

    // The colours of the labels in report.html's trials table (light theme), so the two read alike.
    private static readonly Kind[] Kinds =
    [
        new(CurveLabel.Slow, "slow", Color.FromHex("#9a6700"), "Slow: the loss still falls steadily at the end and has not reached the best of the sweep — the rate is too small for the epochs given."),
        new(CurveLabel.Good, "good", Color.FromHex("#1a7f37"), "Good: the final loss is within a small margin of the best final loss of the other trials, or has converged to almost nothing."),
        new(CurveLabel.Oscillating, "oscillating", Color.FromHex("#bc4c00"), "Oscillating: the end of the curve turns up and down, or settles, above the best of the sweep — the rate is too large."),
        new(CurveLabel.Diverging, "diverging", Color.FromHex("#cf222e"), "Diverging: the trial hit the divergence stop, its loss became NaN or infinite, or it ended above where it started."),
    ];

    /// <summary>The chart, or null when fewer than two labels have a curve to show.</summary>
    public static ReportChart? Of(SweepReport report)
    {
        var trials = LossCurve.Drawable(report);
        var ceiling = LossCurve.Ceiling(trials);
        var zero = LossCurve.ZeroLevel(trials);
        var examples = Kinds
            .Select(kind => (Kind: kind, Curve: Example(trials.Where(t => t.Diagnosis == kind.Label).ToList(), kind.Label) is { } trial ? LossCurve.Of(trial, Ceiling(kind, trial, ceiling), zero) : null))
            .Where(e => e.Curve is not null)
            .ToList();
        if (examples.Count < 2)
        {
            return null;
        }
        var best = trials.FirstOrDefault(t => t.Status != TrialStatus.Diverged && t.FinalLoss is { } loss && double.IsFinite(loss));
        var reference = best is null ? null : LossCurve.Of(best, ceiling, zero);
        var caption = "For each label the sweep has, the trial with that label and the lowest final loss (for diverging, the one that ran longest), " +
            "titled with the numbers that decided its label" +
            (reference is null ? "." : $"; the grey curve is the sweep's best trial (lr {ChartStyle.Number(reference.Trial.LearningRate)}), for comparison.");
        return new ReportChart(Id, "What each label looks like", caption, null)
        {
            Panels = [.. examples.Select(e => Panel(e.Kind, e.Curve!, reference, zero))],
            Notes = [.. examples.Select(e => e.Kind.Rule)],
        };
    }

    /// <summary>
    /// A panel has an axis of its own, so a diverging curve is drawn up to its highest finite loss rather than
    /// cut at the sweep's ceiling, where the whole of a blown-up run would be one cross at its first epoch.
    /// </summary>
    private static double Ceiling(Kind kind, TrialRow trial, double sweepCeiling) =>
        kind.Label == CurveLabel.Diverging ? Math.Max(sweepCeiling, LossCurve.HighestLog(trial)) : sweepCeiling;

    /// <summary>
    /// The trial that shows a label best: the lowest final loss (trials come ranked), but for diverging the
    /// one with the most epochs, as it shows how the loss went.
    /// </summary>
    private static TrialRow? Example(List<TrialRow> trials, CurveLabel label) => label == CurveLabel.Diverging
        ? trials.OrderByDescending(t => t.Epochs.Length).FirstOrDefault()
        : trials.FirstOrDefault();

    private static Plot Panel(Kind kind, LossCurve curve, LossCurve? reference, double? zero)
    {
        var plot = ChartStyle.NewPlot();
        // The best trial's own panel needs no comparison with itself.
        var compared = reference is not null && reference.Trial.TrialId != curve.Trial.TrialId ? reference : null;
        if (compared is not null)
        {
            var grey = compared.AddTo(plot, Colors.Gray.WithAlpha(0.6));
            grey.LineWidth = 1.5f;
        }
        curve.AddTo(plot, kind.Color);
        LossCurvesChart.MarkDiverged(plot, [curve]);
        LossCurvesChart.MarkZeros(plot, [curve], zero);
        // The title says the trial diverged; a legend would only cover the curve in a panel this small.
        plot.HideLegend();
        var title = $"{kind.Word} · lr {ChartStyle.Number(curve.Trial.LearningRate)}";
        plot.Title(curve.Trial.DiagnosisReason is { } reason ? $"{title}\n{Wrap(reason)}" : title, size: 12);
        plot.Axes.Title.Label.ForeColor = kind.Color;
        // The PNG travels without the page's caption: the panel itself says what the grey curve is.
        ChartStyle.LinearAxis(plot.Axes.Bottom, compared is null ? "epoch" : $"epoch · grey: best trial, lr {ChartStyle.Number(compared.Trial.LearningRate)}", integers: true);
        ChartStyle.LogAxis(plot.Axes.Left, "loss (log scale)", curve.FirstZero is not null || compared?.FirstZero is not null ? zero : null);
        plot.Axes.Bottom.Label.FontSize = 12;
        plot.Axes.Left.Label.FontSize = 12;
        return plot;
    }

    /// <summary><paramref name="text"/> broken at spaces into lines of at most <see cref="LineLength"/> characters where it can be.</summary>
    internal static string Wrap(string text)
    {
        var lines = new List<StringBuilder> { new() };
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var line = lines[^1];
            if (line.Length > 0 && line.Length + 1 + word.Length > LineLength)
            {
                lines.Add(line = new StringBuilder());
            }
            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }
        return string.Join('\n', lines.Select(l => l.ToString()));
    }
}
