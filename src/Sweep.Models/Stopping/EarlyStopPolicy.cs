using Sweep.Models.Experiments;
using Sweep.Models.Results;

namespace Sweep.Models.Stopping;

/// <summary>
/// The divergence and patience stops of one trial, judged on its epochs as they come, whoever produces
/// them: the built-in engine or any other trainer that reports epoch records. Create one per trial and
/// give it every epoch in order; it keeps the best losses seen so far and allocates nothing per epoch.
/// </summary>
/// <remarks>
/// Divergence is judged on the train loss: NaN or infinity, or a loss above the divergence factor times the
/// best loss so far. Losses a millionth of the first epoch's or less do not count as a best to diverge
/// from, since at that level float32 rounding makes the loss jump by any factor (y = 3x at lr 0.1 converges
/// to ~1e-13 and wobbles 4× there). Patience watches the validation loss when the epoch has one, else the
/// train loss; an epoch that does not beat the best so far counts against it.
/// </remarks>
public sealed class EarlyStopPolicy
{
    /// <summary>Losses below this share of the first epoch's are rounding noise for the divergence test.</summary>
    private const double NoiseFloorShare = 1e-6;

    private readonly EarlyStop rule;
    private bool seenFirst;
    private double noiseFloor;
    private double bestLoss = double.PositiveInfinity;
    private double bestMonitored = double.PositiveInfinity;
    private int epochsWithoutImprovement;

    public EarlyStopPolicy(EarlyStop rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        this.rule = rule;
    }

    /// <summary>Takes the next epoch of the trial into account and says whether the trial goes on.</summary>
    public EpochVerdict Judge(EpochRecord epoch)
    {
        // A null divergence factor or patience lifts the comparison to null, which is false.
        var loss = epoch.TrainLoss;
        if (!double.IsFinite(loss) || loss > rule.Divergence * bestLoss)
        {
            return EpochVerdict.Diverged;
        }

        if (!seenFirst)
        {
            seenFirst = true;
            noiseFloor = loss * NoiseFloorShare;
        }

        bestLoss = Math.Max(Math.Min(bestLoss, loss), noiseFloor);
        var monitored = epoch.ValidationLoss ?? loss;
        if (monitored < bestMonitored)
        {
            bestMonitored = monitored;
            epochsWithoutImprovement = 0;
            return EpochVerdict.Continue;
        }

        return ++epochsWithoutImprovement >= rule.Patience ? EpochVerdict.PatienceRanOut : EpochVerdict.Continue;
    }
}
