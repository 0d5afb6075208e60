namespace Sweep.Storage.Rows;

/// <summary>An <c>epoch_metrics</c> row as Dapper reads it: one further metric of one epoch.</summary>
internal sealed class EpochMetricRow
{
    public string TrialId { get; init; } = "";

    public int Epoch { get; init; }

    public string Name { get; init; } = "";

    public double? Value { get; init; }
}
