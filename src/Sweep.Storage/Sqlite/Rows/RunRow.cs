namespace Sweep.Storage.Sqlite.Rows;

/// <summary>A <c>runs</c> row as Dapper reads it.</summary>
internal sealed class RunRow
{
    public long Id { get; init; }

    public long ExperimentId { get; init; }

    public string Started { get; init; } = "";

    public string? Ended { get; init; }

    public string Host { get; init; } = "";

    public int ProcessId { get; init; }

    public string Status { get; init; } = "";

    public string SweepVersion { get; init; } = "";

    public RunSummary ToSummary() => new(
        Id,
        ExperimentId,
        StoredValues.ParseTime(Started),
        StoredValues.ParseTimeOrNull(Ended),
        Host,
        ProcessId,
        StoredValues.ParseRunStatus(Status),
        SweepVersion);
}
