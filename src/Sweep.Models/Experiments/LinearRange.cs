using System.Collections.Immutable;

namespace Sweep.Models.Experiments;

/// <summary>
/// Evenly spaced points from <see cref="Min"/> to <see cref="Max"/> by <see cref="Step"/>, computed in
/// decimal so 0.0015 + 0.0005 is 0.002, not 0.0020000000000000001.
/// </summary>
public sealed record LinearRange(double Min, double Max, double Step) : ParameterSpace
{
    public override ImmutableArray<ParameterValue> Points()
    {
        var (min, max, step) = ((decimal)Min, (decimal)Max, (decimal)Step);
        var points = ImmutableArray.CreateBuilder<ParameterValue>();
        for (var value = min; value <= max; value += step)
        {
            points.Add(ParameterValue.Of((double)value));
        }

        return points.ToImmutable();
    }
}
