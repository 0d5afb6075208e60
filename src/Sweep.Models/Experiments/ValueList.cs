using System.Collections.Immutable;

namespace Sweep.Models.Experiments;

/// <summary>Values listed one by one: <c>{values: [0.01, 0.1, 1]}</c> or <c>{values: [full, 32, sgd]}</c>.</summary>
public sealed record ValueList(ImmutableArray<ParameterValue> Values) : ParameterSpace
{
    public override ImmutableArray<ParameterValue> Points() => Values;
}
