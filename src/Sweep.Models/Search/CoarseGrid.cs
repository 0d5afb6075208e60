using Sweep.Models.Experiments;

namespace Sweep.Models.Search;

/// <summary>The first stage of a coarse-to-fine search: whole decades around the start value, inside the bounds.</summary>
public static class CoarseGrid
{
    public static IReadOnlyList<double> Around(double start, int decades, double min, double max) =>
        [.. Enumerable.Range(-decades, (2 * decades) + 1)
            .Select(k => SignificantDigits.Round(start * Math.Pow(10, k)))
            .Where(value => value >= min && value <= max)];
}
