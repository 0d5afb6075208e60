using System.Collections.Immutable;

namespace Sweep.Models.Experiments;

/// <summary>
/// <see cref="PerDecade"/> points per factor of ten from <see cref="Min"/> up to <see cref="Max"/>:
/// min·10^(i/per_decade), rounded to 15 significant digits so whole decades come out exact (1e-05, not
/// 9.999999999999999e-06).
/// </summary>
public sealed record LogRange(double Min, double Max, int PerDecade) : ParameterSpace
{
    public override ImmutableArray<ParameterValue> Points()
    {
        // A hair of slack so that max is included when it lies on the grid despite rounding in log10.
        var steps = (int)Math.Floor((PerDecade * Math.Log10(Max / Min)) + 1e-9);
        var points = ImmutableArray.CreateBuilder<ParameterValue>(steps + 1);
        for (var i = 0; i <= steps; i++)
        {
            points.Add(ParameterValue.Of(SignificantDigits.Round(Min * Math.Pow(10, (double)i / PerDecade))));
        }

        return points.MoveToImmutable();
    }
}
