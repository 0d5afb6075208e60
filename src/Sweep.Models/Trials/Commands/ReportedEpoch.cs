using System.Collections.Immutable;

namespace Sweep.Models.Trials.Commands;

/// <summary>
/// One epoch as a training program reported it: the required epoch number and train loss, whichever of
/// the known columns it gave, and every other number by name.
/// </summary>
public sealed record ReportedEpoch(
    int Epoch,
    double TrainLoss,
    double? ValidationLoss,
    double? Accuracy,
    double? LearningRate,
    double? WeightNorm,
    double? GradientNorm,
    double? Seconds,
    ImmutableSortedDictionary<string, double> Extra);
