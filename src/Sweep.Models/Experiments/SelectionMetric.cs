namespace Sweep.Models.Experiments;

/// <summary>What "best" means when trials are compared (validation loss when there is a validation split, else training loss).</summary>
public enum SelectionMetric
{
    /// <summary>The loss at the last epoch.</summary>
    FinalLoss,
    /// <summary>The lowest loss of any epoch.</summary>
    BestLoss,
    /// <summary>The first epoch at which the loss reaches <c>target_loss</c>; fewer is better.</summary>
    EpochsToTarget,
}
