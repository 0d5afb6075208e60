using Sweep.Models.Search;

namespace Sweep.Storage.Rows;

/// <summary>A <c>range_tests</c> row as Dapper reads it.</summary>
internal sealed class RangeTestRow
{
    public int Step { get; init; }

    public double LearningRate { get; init; }

    public double? Loss { get; init; }

    public double? SmoothedLoss { get; init; }

    public RangeTestStep ToStep() => new(Step, LearningRate, Loss ?? double.NaN, SmoothedLoss ?? double.NaN);
}
