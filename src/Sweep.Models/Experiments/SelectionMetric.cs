namespace Sweep.Models.Experiments;

/// <summary>
/// What "best" means when trials are compared: a loss (validation loss when there is a validation split, else
/// training loss), lower being better, or the validation accuracy of a classifier, higher being better.
/// </summary>
public enum SelectionMetric
{
    /// <summary>The loss at the last epoch.</summary>
    FinalLoss,
    /// <summary>The lowest loss of any epoch.</summary>
    BestLoss,
    /// <summary>The first epoch at which the loss reaches <c>target_loss</c>; fewer is better.</summary>
    EpochsToTarget,
    /// <summary>The validation accuracy at the last epoch; higher is better.</summary>
    Accuracy,
    /// <summary>The highest validation accuracy of any epoch; higher is better.</summary>
    BestAccuracy,
}
