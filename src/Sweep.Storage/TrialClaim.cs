namespace Sweep.Storage;

/// <summary>
/// A trial a run has claimed (marked running for itself). It keeps what the row held before, so a claim
/// that is never used (the sweep stopped before the trial started) can be undone exactly.
/// </summary>
public sealed record TrialClaim(string TrialId)
{
    internal string PreviousStatus { get; init; } = "pending";

    internal long? PreviousRunId { get; init; }

    internal string? PreviousStarted { get; init; }

    internal string? PreviousEnded { get; init; }
}
