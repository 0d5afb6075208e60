using Sweep.Models.Results;

namespace Sweep.Storage.Rows;

/// <summary>An <c>epochs</c> row as Dapper reads it; NULL losses and norms come back as NaN.</summary>
internal sealed class EpochRow
{
    public string TrialId { get; init; } = "";

    public int Epoch { get; init; }

    public double? TrainLoss { get; init; }

    public double? ValidationLoss { get; init; }

    public double? Accuracy { get; init; }

    public double LearningRate { get; init; }

    public double? WeightNorm { get; init; }

    public double? GradientNorm { get; init; }

    public double Seconds { get; init; }

    public EpochRecord ToRecord() => new(
        Epoch,
        TrainLoss ?? double.NaN,
        ValidationLoss,
        Accuracy,
        LearningRate,
        WeightNorm ?? double.NaN,
        GradientNorm ?? double.NaN,
        Seconds);
}
