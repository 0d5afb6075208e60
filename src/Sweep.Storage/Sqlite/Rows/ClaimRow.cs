namespace Sweep.Storage.Sqlite.Rows;

/// <summary>A claimable <c>trials</c> row as it was before the claim, as Dapper reads it.</summary>
internal sealed class ClaimRow
{
    public string TrialId { get; init; } = "";

    public long Attempt { get; init; } = 1;

    public string PreviousStatus { get; init; } = "";

    public long? PreviousRunId { get; init; }

    public string? PreviousStarted { get; init; }

    public string? PreviousEnded { get; init; }

    public TrialClaim ToClaim(string leaseToken) => new(TrialId)
    {
        LeaseToken = leaseToken,
        Attempt = (int)Attempt,
        PreviousStatus = PreviousStatus,
        PreviousRunId = PreviousRunId,
        PreviousStarted = PreviousStarted,
        PreviousEnded = PreviousEnded,
    };
}
