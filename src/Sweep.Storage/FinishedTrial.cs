namespace Sweep.Storage;

/// <summary>
/// A claimed trial that has ended, waiting to be recorded under its claim's lease; <paramref name="Ended"/>
/// is when it ended, not when it is written.
/// </summary>
public sealed record FinishedTrial(TrialClaim Claim, TrialOutcome Outcome, DateTimeOffset Ended)
{
    public string TrialId => Claim.TrialId;
}
