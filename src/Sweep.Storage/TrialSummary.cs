using Sweep.Models.Results;

namespace Sweep.Storage;

/// <summary>
/// One trial's row: its place in the plan, its hyperparameters (all search values as JSON, plus the
/// columns reports sort and group by), its status and diagnosis, and the metrics of its last attempt.
/// Losses are null when there is no value or it was not a number.
/// </summary>
/// <remarks><see cref="DiagnosisJson"/> holds the numbers that decided <see cref="Diagnosis"/>, as <c>sweep run</c> stored them.</remarks>
public sealed record TrialSummary(
    long ExperimentId,
    string Id,
    long? RunId,
    int Number,
    int Stage,
    int Repeat,
    int Seed,
    string ParametersJson,
    double LearningRate,
    double WeightDecayL1,
    double WeightDecayL2,
    string Batch,
    TrialStatus Status,
    string? Diagnosis,
    double? FinalTrainLoss,
    double? FinalValidationLoss,
    double? BestTrainLoss,
    double? BestValidationLoss,
    int? BestEpoch,
    int Epochs,
    double? Seconds,
    string? Error,
    DateTimeOffset? Started,
    DateTimeOffset? Ended)
{
    public string? DiagnosisJson { get; init; }

    /// <summary>The loss that ranks trials: the final validation loss when there is one, else the final training loss.</summary>
    public double? FinalLoss => FinalValidationLoss ?? FinalTrainLoss;

    /// <summary>The lowest loss of any epoch, validation when there is one.</summary>
    public double? BestLoss => BestValidationLoss ?? BestTrainLoss;
}
