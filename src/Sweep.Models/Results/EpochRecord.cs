namespace Sweep.Models.Results;

/// <summary>
/// What one epoch left behind: the mean of its batch losses (data loss only: weight-decay penalties are
/// left out so trials with different decay compare fairly), the validation loss and
/// accuracy when there is a validation set (accuracy only for classification), the rate in effect, the L2
/// norms of all weights and of the last gradient, and the wall time. A user's training program may report
/// more numbers per epoch; they are kept by name in <see cref="Extra"/> (NaN where it reports none of the
/// norms).
/// </summary>
public readonly record struct EpochRecord(
    int Epoch,
    double TrainLoss,
    double? ValidationLoss,
    double? Accuracy,
    double LearningRate,
    double WeightNorm,
    double GradientNorm,
    double Seconds)
{
    /// <summary>The loss that judges the epoch: the validation loss when there is a validation set, else the training loss.</summary>
    public double Loss => ValidationLoss ?? TrainLoss;

    /// <summary>Further numbers the epoch reported by name (a program's own metrics); null when there are none.</summary>
    public System.Collections.Immutable.ImmutableSortedDictionary<string, double>? Extra { get; init; }
}
