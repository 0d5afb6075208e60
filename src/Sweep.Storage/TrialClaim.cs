namespace Sweep.Storage;

/// <summary>
/// A trial a run has claimed (marked running for itself) under a lease: <see cref="LeaseToken"/> is what
/// renewing the lease and recording the outcome must show; <see cref="Attempt"/> counts the times the
/// trial's lease was lost before, plus one. It keeps what the row held before, so a claim that is never used
/// (the sweep stopped before the trial started) can be undone exactly.
/// </summary>
public sealed record TrialClaim(string TrialId)
{
    public string? LeaseToken { get; init; }

    public int Attempt { get; init; } = 1;

    internal string PreviousStatus { get; init; } = "pending";

    internal long? PreviousRunId { get; init; }

    internal DateTimeOffset? PreviousStarted { get; init; }

    internal DateTimeOffset? PreviousEnded { get; init; }
}
