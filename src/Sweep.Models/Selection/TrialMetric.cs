using Sweep.Models.Experiments;
using Sweep.Models.Results;

namespace Sweep.Models.Selection;

/// <summary>
/// The score a search ranks trials by, lower being better: the final or best-epoch loss (validation loss when
/// there is one, else training loss), the epochs taken to reach a target loss, or for the accuracies the share
/// of validation samples the trial gets wrong (<see cref="SelectionMetricDirection.ToScore"/>).
/// </summary>
public static class TrialMetric
{
    /// <summary>
    /// The score of one trial; +∞ when it has none: no epochs, a NaN/Inf loss, the target never reached, no
    /// accuracy reported, or a diverged trial, whose low point on the way up is no rate anyone can use.
    /// </summary>
    public static double Of(TrialResult trial, SelectionMetric metric, double? targetLoss = null) =>
        Of(trial.Epochs, trial.Status, metric, targetLoss);

    /// <inheritdoc cref="Of(TrialResult, SelectionMetric, double?)"/>
    public static double Of(IReadOnlyList<EpochRecord> epochs, TrialStatus status, SelectionMetric metric, double? targetLoss = null)
    {
        if (epochs.Count == 0 || status == TrialStatus.Diverged)
        {
            return double.PositiveInfinity;
        }

        var losses = epochs.Select(e => e.Loss).ToList();
        var value = metric switch
        {
            SelectionMetric.FinalLoss => losses[^1],
            SelectionMetric.BestLoss => losses.Where(double.IsFinite).DefaultIfEmpty(double.PositiveInfinity).Min(),
            SelectionMetric.EpochsToTarget => EpochsTo(epochs, losses, targetLoss
                ?? throw new ArgumentException("The epochs-to-target metric needs a target loss.", nameof(targetLoss))),
            SelectionMetric.Accuracy => metric.ToScore(epochs[^1].Accuracy ?? double.NaN),
            SelectionMetric.BestAccuracy => metric.ToScore(epochs.Select(e => e.Accuracy ?? double.NaN).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max()),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown selection metric."),
        };
        return double.IsFinite(value) ? value : double.PositiveInfinity;
    }

    private static double EpochsTo(IReadOnlyList<EpochRecord> epochs, List<double> losses, double target)
    {
        var reached = losses.FindIndex(loss => loss <= target);
        return reached < 0 ? double.PositiveInfinity : epochs[reached].Epoch;
    }
}
