using System.Collections.Immutable;

namespace Sweep.Models.Results;

/// <summary>
/// How one trial ended: its status, its epochs, the error text when it threw, and its wall time. The loss
/// that ranks trials is the validation loss when there is one, else the training loss.
/// </summary>
public sealed record TrialResult(string TrialId, TrialStatus Status, ImmutableArray<EpochRecord> Epochs, string? Error, double Seconds)
{
    public double? FinalLoss => Epochs.IsEmpty ? null : Epochs[^1].Loss;

    public double? BestLoss => Epochs.IsEmpty ? null : Epochs.Min(e => e.Loss);
}
