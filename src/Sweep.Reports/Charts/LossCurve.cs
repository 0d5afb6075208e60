using ScottPlot;
using ScottPlot.Plottables;
using Sweep.Models.Results;

namespace Sweep.Reports.Charts;

/// <summary>
/// One trial's loss by epoch ready for a log axis: the validation loss when there is one, at most
/// <see cref="MaxPoints"/> points, and cut at a ceiling where the trial blew up, so one diverged trial
/// does not squash every other curve to the bottom of the chart. A loss of exactly 0 (y = 3x fitted exactly),
/// which a log axis has no place for, is drawn at the chart's zero level at the bottom instead of vanishing.
/// </summary>
/// <param name="LogLosses">log10 of the losses; a clipped curve ends on the ceiling, a loss of 0 is the zero level.</param>
/// <param name="Diverged">True when the curve was clipped or the trial ended diverged; its last point is marked.</param>
/// <param name="FirstZero">The epoch whose loss first was 0, marked on the zero level; null when none was.</param>
internal sealed record LossCurve(TrialRow Trial, double[] Epochs, double[] LogLosses, bool Diverged, int? FirstZero = null)
{
    /// <summary>Enough points for a chart under a thousand pixels wide; more only make the page heavier.</summary>
    public const int MaxPoints = 240;

    /// <summary>The trials a loss-curve chart can draw, best first: those with epochs and a positive learning rate.</summary>
    public static List<TrialRow> Drawable(SweepReport report) =>
        [.. report.Ranked().Where(t => !t.Epochs.IsEmpty && double.IsFinite(t.LearningRate) && t.LearningRate > 0)];

    /// <summary>Adds the curve as a line (a dot when it has one epoch) in <paramref name="color"/>.</summary>
    public Scatter AddTo(Plot plot, Color color)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var line = plot.Add.Scatter(Epochs, LogLosses, color);
        line.MarkerSize = Epochs.Length == 1 ? 5 : 0;
        line.LineWidth = 2;
        return line;
    }

    /// <summary>
    /// log10 of the highest loss worth drawing: a decade above the highest first-epoch loss of the trials that
    /// did not diverge (a diverged trial may have blown up within its first epoch), as any trial ten times
    /// worse than the worst sound start has diverged; of every trial when all diverged.
    /// </summary>
    public static double Ceiling(IEnumerable<TrialRow> trials)
    {
        var withEpochs = trials.Where(t => !t.Epochs.IsEmpty).ToList();
        var sound = withEpochs.Where(t => t.Status != TrialStatus.Diverged).ToList();
        var starts = (sound.Count > 0 ? sound : withEpochs).Select(t => Loss(t.Epochs[0])).Where(l => double.IsFinite(l) && l > 0).ToList();
        return starts.Count > 0 ? Math.Log10(starts.Max()) + 1 : 1;
    }

    /// <summary>The log10 of the highest finite positive loss of <paramref name="trial"/>; −∞ when it has none.</summary>
    public static double HighestLog(TrialRow trial) =>
        trial.Epochs.Select(Loss).Where(l => double.IsFinite(l) && l > 0).Select(Math.Log10).DefaultIfEmpty(double.NegativeInfinity).Max();

    /// <summary>
    /// The zero level (see <see cref="ChartStyle.ZeroLevel"/>) for the losses of <paramref name="trials"/>; null when
    /// none of them is 0, and the chart needs none.
    /// </summary>
    public static double? ZeroLevel(IEnumerable<TrialRow> trials)
    {
        var losses = trials.SelectMany(t => t.Epochs).Select(Loss).ToList();
        return losses.Contains(0) ? ChartStyle.ZeroLevel(losses.Where(l => l > 0).Select(Math.Log10)) : null;
    }

    /// <summary>The curve of <paramref name="trial"/>, or null when it has no loss a log axis can show.</summary>
    /// <param name="zero">The zero level its losses of 0 are drawn at; null to leave them out.</param>
    public static LossCurve? Of(TrialRow trial, double ceiling, double? zero = null)
    {
        var epochs = new List<double>(trial.Epochs.Length);
        var losses = new List<double>(trial.Epochs.Length);
        var clipped = false;
        int? firstZero = null;
        foreach (var record in trial.Epochs)
        {
            var loss = Loss(record);
            if (double.IsNaN(loss) || double.IsPositiveInfinity(loss) || (loss > 0 && Math.Log10(loss) > ceiling))
            {
                // Past this point the losses say only that the trial blew up.
                epochs.Add(record.Epoch);
                losses.Add(ceiling);
                clipped = true;
                break;
            }
            if (loss > 0)
            {
                epochs.Add(record.Epoch);
                losses.Add(Math.Log10(loss));
            }
            else if (loss == 0 && zero is { } level)
            {
                firstZero ??= record.Epoch;
                epochs.Add(record.Epoch);
                losses.Add(level);
            }
        }
        if (epochs.Count == 0)
        {
            return null;
        }
        var kept = ChartStyle.Downsample(epochs.Count, MaxPoints);
        return new LossCurve(trial, [.. kept.Select(i => epochs[i])], [.. kept.Select(i => losses[i])], clipped || trial.Status == TrialStatus.Diverged, firstZero);
    }

    /// <summary>The loss a curve draws: validation when there is one.</summary>
    public static double Loss(EpochRecord record) => record.Loss;
}
