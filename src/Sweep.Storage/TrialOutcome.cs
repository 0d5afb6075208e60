using System.Collections.Immutable;
using Sweep.Models.Results;

namespace Sweep.Storage;

/// <summary>
/// How a claimed trial ended: its status (completed, diverged, failed or interrupted), every epoch it ran,
/// its wall time, and for a failed trial what it threw. The store derives final and best losses from the epochs.
/// </summary>
public sealed record TrialOutcome(TrialStatus Status, ImmutableArray<EpochRecord> Epochs, double Seconds, string? Error = null);
