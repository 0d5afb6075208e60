using Sweep.Models.Experiments;

namespace Sweep.Models.Search;

/// <summary>
/// The linear grid of a fine stage: round values inside a bracket, nearest the best first.
/// </summary>
/// <remarks>
/// The step is the largest 1-2-5 number (…, 0.0001, 0.0002, 0.0005, 0.001, …) not above half the best value
/// and not above the bracket's width over <see cref="Points"/> + 1, raised to one unit of the last
/// significant digit the resolution allows at the best value's magnitude. The values are the multiples of
/// the step strictly inside the bracket, the <see cref="Points"/> nearest the best. Seed 002 comes out:
/// best 0.001 in [0.001, 0.01] gives min(0.0005, 0.00225) → 0.0005 → 0.0015, 0.002, 0.0025; best 0.0015 in
/// [0.0015, 0.002] gives min(0.00075, 0.000125) → 0.0001 → 0.0016, 0.0017, 0.0018; best 0.0017 in
/// [0.0016, 0.0017] with two significant digits would need a step of 0.00002, below the unit 0.0001, and
/// no multiple of 0.0001 lies inside, so the search stops. Half the best bounds the step so that a bracket
/// a decade wide is explored near the best in steps a person would take (×1.5, ×2, ×2.5) instead of being
/// spread evenly over a range where the rate's effect is multiplicative.
/// </remarks>
public static class FineGrid
{
    /// <summary>Values per fine stage, as in the seed.</summary>
    public const int Points = 3;

    /// <summary>The step for a bracket [<paramref name="low"/>, <paramref name="high"/>] around <paramref name="best"/>.</summary>
    public static double Step(double low, double high, double best, int resolution)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(best);
        var unit = Math.Pow(10, Math.Floor(Math.Log10(best) + 1e-9) - resolution + 1);
        return Math.Max(OneTwoFiveBelow(Math.Min(best / 2, (high - low) / (Points + 1))), unit);
    }

    /// <summary>
    /// Up to <paramref name="count"/> multiples of <paramref name="step"/> strictly inside the bracket and not in
    /// <paramref name="tried"/>, nearest <paramref name="best"/> first (ties to the smaller), returned smallest first
    /// and rounded to <paramref name="resolution"/> + 1 significant digits.
    /// </summary>
    public static IReadOnlyList<double> Values(
        double low, double high, double best, double step, int resolution, int count, IReadOnlyCollection<double> tried)
    {
        var first = Math.Floor((low / step) + 1e-9) + 1;
        var last = Math.Ceiling((high / step) - 1e-9) - 1;
        var values = new List<double>();
        for (var k = first; k <= last; k++)
        {
            var value = SignificantDigits.Round(k * step, resolution + 1);
            if (value > low && value < high && !tried.Any(t => SameValue(t, value)))
            {
                values.Add(value);
            }
        }

        return [.. values.OrderBy(v => Math.Abs(v - best)).ThenBy(v => v).Take(count).Order()];
    }

    /// <summary>Equal up to rounding: values come back from storage as parsed text.</summary>
    public static bool SameValue(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>The largest of 1, 2 and 5 times a power of ten not above <paramref name="limit"/>.</summary>
    public static double OneTwoFiveBelow(double limit)
    {
        if (!(limit > 0))
        {
            return 0;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(limit) + 1e-9));
        var mantissa = limit / power;
        return SignificantDigits.Round(power * (mantissa >= 5 - 1e-9 ? 5 : mantissa >= 2 - 1e-9 ? 2 : 1));
    }
}
