using Sweep.Models.Results;

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
/// <param name="ValidationRise">How far the validation loss's mean over the last <paramref name="TailSteps"/> epochs lies above its lowest mean over as many consecutive epochs before them, as a share of the latter (negative when it fell); null without a validation set or with too few epochs for two such windows.</param>
/// <param name="TrainFall">How far the training loss's mean over the same last epochs lies below its mean over that lowest window, as a share of the latter (negative when it rose); null when <paramref name="ValidationRise"/> is.</param>
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
    double? GapToBest,
    double? ValidationRise = null,
    double? TrainFall = null)
{
    /// <summary>The fewest steps a tail is judged on: fewer cannot show a steady fall or two reversals.</summary>
    public const int MinTailSteps = 3;

    /// <summary>
    /// Measures a trial's epochs (at least one) against the siblings' best final loss: the judged loss is each
    /// epoch's validation loss when it has one, else its training loss; with a validation set the two losses'
    /// trends over the tail are measured too, which is what tells overfitting.
    /// </summary>
    public static CurveMeasures Of(IReadOnlyList<EpochRecord> epochs, double? siblingsBest, DiagnosisThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var measures = Of([.. epochs.Select(e => e.Loss)], siblingsBest, thresholds);
        if (measures.TailSteps == 0 || 2 * measures.TailSteps > epochs.Count || epochs.Any(e => e.ValidationLoss is null))
        {
            return measures;
        }

        // Means over windows as long as the tail, so that one lucky epoch is no level: the validation loss's lowest
        // window before the tail against the tail, and the training loss over those same two windows.
        var window = measures.TailSteps;
        var validation = Prefix(epochs, e => e.ValidationLoss!.Value);
        var train = Prefix(epochs, e => e.TrainLoss);
        var tailStart = epochs.Count - window;
        var lowest = Enumerable.Range(0, tailStart - window + 1).MinBy(i => validation[i + window] - validation[i]);
        var lowValidation = (validation[lowest + window] - validation[lowest]) / window;
        var lowTrain = (train[lowest + window] - train[lowest]) / window;
        var tailValidation = (validation[^1] - validation[tailStart]) / window;
        var tailTrain = (train[^1] - train[tailStart]) / window;
        return measures with
        {
            ValidationRise = lowValidation > 0 ? (tailValidation - lowValidation) / lowValidation : 0,
            TrainFall = lowTrain > 0 ? (lowTrain - tailTrain) / lowTrain : 0,
        };
    }

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

    /// <summary>Running sums of <paramref name="loss"/>: element i is the sum over the first i epochs.</summary>
    private static double[] Prefix(IReadOnlyList<EpochRecord> epochs, Func<EpochRecord, double> loss)
    {
        var sums = new double[epochs.Count + 1];
        for (var i = 0; i < epochs.Count; i++)
        {
            sums[i + 1] = sums[i] + loss(epochs[i]);
        }

        return sums;
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
