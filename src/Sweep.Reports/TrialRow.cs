using System.Collections.Immutable;
using Sweep.Models.Results;
using Sweep.Models.Selection;

namespace Sweep.Reports;

/// <summary>
/// One trial as the reports show it: its configuration, how it ended, its summary losses and its epochs.
/// A null loss means the trial has no such value (no validation set, or no epoch finished).
/// </summary>
/// <param name="Stage">The coarse-to-fine stage, numbered from 1; other strategies have a single stage.</param>
/// <param name="Batch">The batch mode as the experiment wrote it: <c>full</c>, <c>1</c> or a size such as <c>32</c>.</param>
/// <param name="Diagnosis">What the loss curve says about the rate; null when the trial was not diagnosed.</param>
/// <param name="Parameters">The searched parameters in the experiment's order.</param>
public sealed record TrialRow(
    string TrialId,
    int Stage,
    double LearningRate,
    double WeightDecayL1,
    double WeightDecayL2,
    string Batch,
    TrialStatus Status,
    CurveLabel? Diagnosis,
    int EpochsRun,
    double? FinalTrainLoss,
    double? FinalValidationLoss,
    double? BestValidationLoss,
    double Seconds,
    ImmutableArray<TrialParameter> Parameters,
    ImmutableArray<EpochRecord> Epochs)
{
    /// <summary>The sentence with the numbers that decided <see cref="Diagnosis"/> (such as "loss still falling 5.61% over the last 12 epochs"); null when none was stored.</summary>
    public string? DiagnosisReason { get; init; }

    /// <summary>The trial's final loss as the reports show it: validation when there is one, else training.</summary>
    public double? FinalLoss => FinalValidationLoss ?? FinalTrainLoss;

    /// <summary>The validation accuracy of the trial's last epoch; null when it has none (no classes, no validation set, no epoch).</summary>
    public double? FinalAccuracy => Epochs.IsEmpty ? null : Epochs[^1].Accuracy;

    /// <summary>The trial's value of a searched key as text; empty when the trial did not search it.</summary>
    public string ValueOf(string path)
    {
        foreach (var parameter in Parameters)
        {
            if (parameter.Path == path)
            {
                return parameter.Text;
            }
        }

        return "";
    }
}
