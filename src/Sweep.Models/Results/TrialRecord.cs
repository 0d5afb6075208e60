using System.Collections.Immutable;
using Sweep.Models.Experiments;
using Sweep.Models.Selection;

namespace Sweep.Models.Results;

/// <summary>
/// One stored trial of a sweep as every output reads it: where it sits in the plan, the value of every searched
/// key, how it ended, its diagnosis, its summary losses and its epochs. A null loss means there is none (no
/// validation set, no epoch finished, or not a number).
/// </summary>
/// <param name="Stage">The coarse-to-fine stage, from 1; 0 for grid, random and range-test trials.</param>
/// <param name="Repeat">Which repeat of its configuration, from 0.</param>
/// <param name="Parameters">Every searched key (dot path) with the trial's value, in the file's order.</param>
/// <param name="Batch">The batch mode as written: <c>full</c>, <c>sgd</c> or a size such as <c>32</c>.</param>
public sealed record TrialRecord(
    string Id,
    int Number,
    int Stage,
    int Repeat,
    int Seed,
    ImmutableArray<ParameterAssignment> Parameters,
    double LearningRate,
    double WeightDecayL1,
    double WeightDecayL2,
    string Batch,
    TrialStatus Status,
    TrialDiagnosis? Diagnosis,
    double? FinalTrainLoss,
    double? FinalValidationLoss,
    double? BestTrainLoss,
    double? BestValidationLoss,
    int EpochsRun,
    double? Seconds,
    string? Error,
    ImmutableArray<EpochRecord> Epochs)
{
    /// <summary>When its last attempt ended, by the store's clock; null while it has not.</summary>
    public DateTimeOffset? Ended { get; init; }

    /// <summary>The loss that ranks trials: the final validation loss when there is one, else the final training loss.</summary>
    public double? FinalLoss => FinalValidationLoss ?? FinalTrainLoss;

    /// <summary>The lowest loss of any epoch, validation when there is one.</summary>
    public double? BestLoss => BestValidationLoss ?? BestTrainLoss;

    /// <summary>Whether the losses that rank it are validation losses.</summary>
    public bool HasValidation => FinalValidationLoss is not null;

    /// <summary>The value the trial gave <paramref name="path"/>; null when the key was not searched.</summary>
    public ParameterValue? ValueOf(string path)
    {
        foreach (var parameter in Parameters)
        {
            if (parameter.Path == path)
            {
                return parameter.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// The trial's score under <paramref name="metric"/>, lower is better (<see cref="TrialMetric"/>): +∞ for a trial
    /// that did not complete or has no finite value, so a diverged or failed repeat pulls its configuration's mean to +∞.
    /// </summary>
    public double Score(SelectionMetric metric, double? targetLoss)
    {
        if (Status != TrialStatus.Completed)
        {
            return double.PositiveInfinity;
        }

        // Without its epochs a loss metric falls back on the stored final loss; an accuracy has nothing to fall back on.
        return metric == SelectionMetric.FinalLoss || (Epochs.IsEmpty && !metric.Maximises())
            ? FinalLoss is { } loss && double.IsFinite(loss) ? loss : double.PositiveInfinity
            : TrialMetric.Of(Epochs, Status, metric, targetLoss);
    }
}
