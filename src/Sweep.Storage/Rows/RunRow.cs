namespace Sweep.Storage.Rows;

/// <summary>A <c>runs</c> row as Dapper reads it.</summary>
internal sealed class RunRow
{
    public long Id { get; init; }

    public long ExperimentId { get; init; }

    public DateTime Started { get; init; }

    public DateTime? Ended { get; init; }

    public string Host { get; init; } = "";

    public int ProcessId { get; init; }

    public string Status { get; init; } = "";

    public string SweepVersion { get; init; } = "";

    public RunSummary ToSummary() => new(
        Id,
        ExperimentId,
        StoredValues.Utc(Started),
        StoredValues.Utc(Ended),
        Host,
        ProcessId,
        StoredValues.ParseRunStatus(Status),
        SweepVersion);
}
