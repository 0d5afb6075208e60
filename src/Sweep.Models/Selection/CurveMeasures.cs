namespace Sweep.Models.Selection;

/// <summary>
/// The numbers a curve diagnosis rests on, measured on one loss per epoch (the validation loss when there is
/// one, else the training loss).
/// </summary>
/// <param name="StartLoss">The first epoch's loss.</param>
/// <param name="FinalLoss">The last epoch's loss.</param>
/// <param name="BestLoss">The lowest finite loss of any epoch (NaN when there is none).</param>
/// <param name="AllFinite">False when some epoch's loss was NaN or infinite.</param>
/// <param name="TailSteps">Epoch-to-epoch steps in the judged end of training.</param>
/// <param name="TailFall">How much the loss fell over the tail, as a share of the tail's first loss (negative when it rose).</param>
/// <param name="FallingShare">The share of the tail's steps that went down.</param>
/// <param name="Reversals">Changes of direction among the tail's material moves.</param>
/// <param name="Amplitude">The largest material move of the tail as a share of the tail's mean loss (0 when none).</param>
/// <param name="GapToBest">How far the final loss lies above the siblings' best, as a share of it; null without siblings.</param>
public sealed record CurveMeasures(
    double StartLoss,
    double FinalLoss,
    double BestLoss,
    bool AllFinite,
    int TailSteps,
    double TailFall,
    double FallingShare,
    int Reversals,
    double Amplitude,
    double? GapToBest)
{
    /// <summary>The fewest steps a tail is judged on: fewer cannot show a steady fall or two reversals.</summary>
    public const int MinTailSteps = 3;

    /// <summary>Measures <paramref name="losses"/> (at least one) against the siblings' best final loss.</summary>
    public static CurveMeasures Of(IReadOnlyList<double> losses, double? siblingsBest, DiagnosisThresholds thresholds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(losses.Count, nameof(losses));
        var finite = losses.Where(double.IsFinite).ToList();
        var start = losses[0];
        var final = losses[^1];
        var steps = Math.Min(losses.Count - 1, Math.Max(MinTailSteps, (int)Math.Ceiling(thresholds.TailFraction * losses.Count)));
        var tail = losses.Skip(losses.Count - 1 - steps).ToList();
        var level = tail.Average();
        var falling = 0;
        var reversals = 0;
        var amplitude = 0.0;
        var lastDirection = 0;
        for (var i = 1; i < tail.Count; i++)
        {
            var move = tail[i] - tail[i - 1];
            falling += move < 0 ? 1 : 0;
            // Written so that a NaN move, which compares false, is skipped too.
            if (!(Math.Abs(move) > thresholds.MaterialStep * level))
            {
                continue;
            }

            amplitude = Math.Max(amplitude, Math.Abs(move) / level);
            var direction = move > 0 ? 1 : -1;
            reversals += lastDirection != 0 && direction != lastDirection ? 1 : 0;
            lastDirection = direction;
        }

        return new CurveMeasures(
            start,
            final,
            finite.Count == 0 ? double.NaN : finite.Min(),
            finite.Count == losses.Count,
            steps,
            steps == 0 ? 0 : (tail[0] - final) / tail[0],
            steps == 0 ? 0 : (double)falling / steps,
            reversals,
            amplitude,
            GapBetween(final, siblingsBest));
    }

    private static double? GapBetween(double final, double? siblingsBest) => siblingsBest switch
    {
        null => null,
        { } best when !double.IsFinite(best) => null,
        > 0 and var best => (final - best) / best,
        // Siblings that reached a loss of exactly 0 leave any positive loss infinitely far behind.
        _ => final <= 0 ? 0 : double.PositiveInfinity,
    };
}
