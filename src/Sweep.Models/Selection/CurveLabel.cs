namespace Sweep.Models.Selection;

/// <summary>
/// What a trial's loss curve says about its learning rate: seed 002's four scenarios, and overfitting, which
/// says the model learns its training set at the held-out set's cost whatever the rate.
/// </summary>
public enum CurveLabel
{
    /// <summary>The loss still falls steadily at the end and has not reached its siblings' level: the rate is too small.</summary>
    Slow,
    /// <summary>The loss goes up and down, or settles, above what its siblings reach: the rate is too large.</summary>
    Oscillating,
    /// <summary>The loss grows, ends above where it started, becomes NaN/Inf or hit the divergence stop.</summary>
    Diverging,
    /// <summary>The loss fell and flattened out at the lowest level among its siblings.</summary>
    Good,
    /// <summary>With a validation set: the validation loss rises over the tail while the training loss still falls.</summary>
    Overfitting,
}
