namespace Sweep.Storage.Rows;

/// <summary>A <c>trials</c> row as Dapper reads it; <see cref="ToSummary"/> makes the public record.</summary>
internal sealed class TrialRow
{
    public long TrialKey { get; init; }

    public long ExperimentId { get; init; }

    public string Id { get; init; } = "";

    public long? RunId { get; init; }

    public int Number { get; init; }

    public int Stage { get; init; }

    public int Repeat { get; init; }

    public int Seed { get; init; }

    public string Parameters { get; init; } = "";

    public string Configuration { get; init; } = "";

    public double LearningRate { get; init; }

    public double WeightDecayL1 { get; init; }

    public double WeightDecayL2 { get; init; }

    public string Batch { get; init; } = "";

    public string Status { get; init; } = "";

    public string? Diagnosis { get; init; }

    public string? DiagnosisJson { get; init; }

    public double? FinalTrainLoss { get; init; }

    public double? FinalValidationLoss { get; init; }

    public double? BestTrainLoss { get; init; }

    public double? BestValidationLoss { get; init; }

    public int? BestEpoch { get; init; }

    public int Epochs { get; init; }

    public double? Seconds { get; init; }

    public string? Error { get; init; }

    public DateTime? Started { get; init; }

    public DateTime? Ended { get; init; }

    public TrialSummary ToSummary() => new(
        ExperimentId,
        Id,
        RunId,
        Number,
        Stage,
        Repeat,
        Seed,
        Parameters,
        LearningRate,
        WeightDecayL1,
        WeightDecayL2,
        Batch,
        StoredValues.ParseTrialStatus(Status),
        Diagnosis,
        FinalTrainLoss,
        FinalValidationLoss,
        BestTrainLoss,
        BestValidationLoss,
        BestEpoch,
        Epochs,
        Seconds,
        Error,
        StoredValues.Utc(Started),
        StoredValues.Utc(Ended))
    {
        DiagnosisJson = DiagnosisJson,
    };
}
