using System.Collections.Immutable;
using Sweep.Models.Results;

namespace Sweep.Storage;

/// <summary>
/// The summary columns of a trial, derived from its epochs: last epoch's losses, lowest finite losses,
/// and the best epoch (lowest validation loss, or lowest train loss without validation data).
/// </summary>
internal readonly record struct TrialMetrics(
    double? FinalTrainLoss,
    double? FinalValidationLoss,
    double? BestTrainLoss,
    double? BestValidationLoss,
    int? BestEpoch)
{
    public static TrialMetrics Of(ImmutableArray<EpochRecord> epochs)
    {
        if (epochs.IsDefaultOrEmpty)
        {
            return default;
        }

        var last = epochs[^1];
        EpochRecord? bestTrain = null;
        EpochRecord? bestValidation = null;
        foreach (var epoch in epochs)
        {
            if (double.IsFinite(epoch.TrainLoss) && (bestTrain is not { } t || epoch.TrainLoss < t.TrainLoss))
            {
                bestTrain = epoch;
            }

            if (epoch.ValidationLoss is { } v && double.IsFinite(v) && (bestValidation is not { } b || v < b.ValidationLoss))
            {
                bestValidation = epoch;
            }
        }

        return new TrialMetrics(
            StoredValues.Real(last.TrainLoss),
            StoredValues.Real(last.ValidationLoss),
            bestTrain?.TrainLoss,
            bestValidation?.ValidationLoss,
            (bestValidation ?? bestTrain)?.Epoch);
    }
}
