using System.Collections.Immutable;
using Sweep.Models.Search;

namespace Sweep.Models.Results;

/// <summary>
/// How one trial ended: its status, its epochs, the error text when it threw, and its wall time. The loss
/// that ranks trials is the validation loss when there is one, else the training loss. A learning-rate
/// range test has no epochs; what it found is in <see cref="RangeTest"/>.
/// </summary>
public sealed record TrialResult(string TrialId, TrialStatus Status, ImmutableArray<EpochRecord> Epochs, string? Error, double Seconds)
{
    public double? FinalLoss => Epochs.IsEmpty ? null : Epochs[^1].Loss;

    public double? BestLoss => Epochs.IsEmpty ? null : Epochs.Min(e => e.Loss);

    /// <summary>The steps and suggestion of a finished learning-rate range test; null for every other trial.</summary>
    public RangeTestResult? RangeTest { get; init; }
}
