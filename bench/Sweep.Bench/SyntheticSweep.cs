using System.Collections.Immutable;
using System.Globalization;
using Sweep.Models.Results;
using Sweep.Models.Selection;
using Sweep.Reports;

namespace Sweep.Bench;

/// <summary>
/// A report of the size a large sweep produces without training one: learning rates on a log grid crossed with
/// L2 decays and batch modes, losses that fall faster with the rate, and the largest rates diverging.
/// </summary>
internal static class SyntheticSweep
{
    private static readonly string[] Batches = ["1", "32", "full"];
    private static readonly double[] Decays = [0, 1e-4, 1e-3];

    public static SweepReport Report(int trials, int epochs)
    {
        var rows = Enumerable.Range(0, trials).Select(i => Trial(i, trials, epochs)).ToImmutableArray();
        var best = rows.Where(r => r.Status == TrialStatus.Completed).MinBy(r => r.FinalTrainLoss);
        return new SweepReport("synthetic", "A synthetic sweep for the report benchmark", "bench", "grid", DateTimeOffset.UnixEpoch, rows, best?.TrialId, best?.LearningRate);
    }

    private static TrialRow Trial(int index, int trials, int epochs)
    {
        var rateIndex = index / (Batches.Length * Decays.Length);
        var rateCount = Math.Max(1, trials / (Batches.Length * Decays.Length));
        var rate = Math.Pow(10, -5 + (6.0 * rateIndex / rateCount));
        var (batch, decay) = (Batches[index % Batches.Length], Decays[index / Batches.Length % Decays.Length]);
        var diverges = rate > 0.3;
        var records = ImmutableArray.CreateBuilder<EpochRecord>(epochs);
        var loss = 2.0 + (index % 7 * 0.01);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            loss = diverges ? loss * 3 : (loss * (1 - Math.Min(0.5, rate))) + (decay * 10) + 1e-3;
            records.Add(new EpochRecord(epoch, loss, loss * 1.1, null, rate, 10, 0.1, epoch * 0.01));
            if (!double.IsFinite(loss))
            {
                break;
            }
        }
        var last = records[^1];
        return new TrialRow(
            $"t{index.ToString("D5", CultureInfo.InvariantCulture)}", 1, rate, 0, decay, batch,
            diverges ? TrialStatus.Diverged : TrialStatus.Completed, diverges ? CurveLabel.Diverging : CurveLabel.Good,
            records.Count, last.TrainLoss, last.ValidationLoss, records.Min(r => r.ValidationLoss), records.Count * 0.01,
            [new("training.learning_rate", rate.ToString("R", CultureInfo.InvariantCulture)), new("training.batch", batch)],
            records.ToImmutable());
    }
}
