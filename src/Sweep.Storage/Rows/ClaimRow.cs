namespace Sweep.Storage.Rows;

/// <summary>A claimable <c>trials</c> row as it was before the claim, as Dapper reads it.</summary>
internal sealed class ClaimRow
{
    public string TrialId { get; init; } = "";

    public long Attempt { get; init; } = 1;

    public string PreviousStatus { get; init; } = "";

    public long? PreviousRunId { get; init; }

    public DateTime? PreviousStarted { get; init; }

    public DateTime? PreviousEnded { get; init; }

    public TrialClaim ToClaim(string leaseToken) => new(TrialId)
    {
        LeaseToken = leaseToken,
        Attempt = (int)Attempt,
        PreviousStatus = PreviousStatus,
        PreviousRunId = PreviousRunId,
        PreviousStarted = StoredValues.Utc(PreviousStarted),
        PreviousEnded = StoredValues.Utc(PreviousEnded),
    };
}
