using Sweep.Models.Experiments;

namespace Sweep.Storage.Rows;

/// <summary>An <c>lr_find_tests</c> row as Dapper reads it.</summary>
internal sealed class LrFindTestRow
{
    public string Id { get; init; } = "";

    public long ExperimentId { get; init; }

    public double MinRate { get; init; }

    public double MaxRate { get; init; }

    public int Steps { get; init; }

    public double Smoothing { get; init; }

    public double StopFactor { get; init; }

    public DateTime Created { get; init; }

    public LrFindTest ToTest() =>
        new(Id, ExperimentId, new RangeTestSettings(MinRate, MaxRate, Steps, Smoothing, StopFactor), StoredValues.Utc(Created));
}
