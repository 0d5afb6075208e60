using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Sweep.Models.Experiments;

/// <summary>The values one search parameter ranges over.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "space")]
[JsonDerivedType(typeof(ValueList), "values")]
[JsonDerivedType(typeof(LogRange), "log")]
[JsonDerivedType(typeof(LinearRange), "linear")]
[JsonDerivedType(typeof(LogUniformRange), "loguniform")]
[JsonDerivedType(typeof(UniformRange), "uniform")]
public abstract record ParameterSpace
{
    /// <summary>Whether the space is a finite list of points a grid can enumerate.</summary>
    public virtual bool IsDiscrete => true;

    /// <summary>The points of a discrete space, in order; empty for a continuous one.</summary>
    public abstract ImmutableArray<ParameterValue> Points();

    /// <summary>One value drawn from the space.</summary>
    public virtual ParameterValue Sample(Random random)
    {
        var points = Points();
        return points[random.Next(points.Length)];
    }
}
