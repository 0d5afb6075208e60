namespace Sweep.Storage.Rows;

/// <summary>A claimable <c>trials</c> row as it was before the claim, as Dapper reads it.</summary>
internal sealed class ClaimRow
{
    public string TrialId { get; init; } = "";

    public string PreviousStatus { get; init; } = "";

    public long? PreviousRunId { get; init; }

    public string? PreviousStarted { get; init; }

    public string? PreviousEnded { get; init; }

    public TrialClaim ToClaim() => new(TrialId)
    {
        PreviousStatus = PreviousStatus,
        PreviousRunId = PreviousRunId,
        PreviousStarted = PreviousStarted,
        PreviousEnded = PreviousEnded,
    };
}
