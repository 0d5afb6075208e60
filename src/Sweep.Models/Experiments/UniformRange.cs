using System.Collections.Immutable;

namespace Sweep.Models.Experiments;

/// <summary>Continuous values uniform between <see cref="Min"/> and <see cref="Max"/> (random strategy).</summary>
public sealed record UniformRange(double Min, double Max) : ParameterSpace
{
    public override bool IsDiscrete => false;

    public override ImmutableArray<ParameterValue> Points() => [];

    public override ParameterValue Sample(Random random) =>
        ParameterValue.Of(SignificantDigits.Round(Min + (random.NextDouble() * (Max - Min))));
}
