using System.Globalization;
using System.Text;
using ScottPlot;

namespace Sweep.Reports.Charts;

/// <summary>
/// Ticks for an axis over log10 values, labelled with the values themselves. The labels are the densest of
/// 1‥9, 1-2-3-5-7, 1-2-5, 1-3 or 1 per decade (then every 2nd, 3rd, 5th … decade) that keeps them apart on the
/// axis's length, so a loss between 0.2 and 0.9 can be read off; an axis narrower than its densest pair of
/// labels gets evenly spaced values. Every label of an axis has one format: plain decimals while all lie
/// between 0.0001 and 100000, else powers of ten (2×10⁻⁶), never 1E-05 beside 0.0001.
/// </summary>
internal sealed class LogTicks : ITickGenerator
{
    // Pixels between the centres of two labels: a line of text up the side, a number such as 0.0003 along the bottom.
    private const double VerticalGap = 26;
    private const double HorizontalGap = 64;

    private static readonly double[][] Mantissas = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 5, 6, 8], [1, 2, 3, 5, 7], [1, 2, 5], [1, 3], [1]];

    private static readonly int[] DecadeSteps = [2, 3, 4, 5, 10, 20, 50, 100];

    /// <summary>
    /// The log10 level a value of 0 is drawn at, a decade below the lowest positive value's decade: the tick there
    /// reads "0", and none lies between it and the decade above, so the gap shows it is not a power of ten.
    /// </summary>
    public double? Zero { get; init; }

    public Tick[] Ticks { get; set; } = [];

    public int MaxTickCount { get; set; } = 10_000;

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle) =>
        Ticks = For(range.Min, range.Max, size.Length, edge.IsVertical() ? VerticalGap : HorizontalGap);

    /// <summary>The ticks between <paramref name="low"/> and <paramref name="high"/> (log10 values) on an axis <paramref name="pixels"/> long.</summary>
    public Tick[] For(double low, double high, double pixels, double gap)
    {
        if (!(high > low) || !double.IsFinite(low) || !double.IsFinite(high) || pixels <= 0)
        {
            return [];
        }
        // Values at or below the zero level are the zero tick's alone.
        var bottom = Zero is { } zero ? Math.Max(low, zero + 1) : low;
        var (majors, minors) = bottom < high ? Choose(bottom, high, pixels / (high - low), gap) : ([], []);
        var labels = Labels(majors);
        var ticks = majors.Select((m, i) => Tick.Major(m, labels[i])).Concat(minors.Select(Tick.Minor)).ToList();
        if (Zero is { } level && level >= low && level <= high)
        {
            ticks.Add(Tick.Major(level, "0"));
        }
        return [.. ticks];
    }

    private static (List<double> Majors, List<double> Minors) Choose(double low, double high, double perDecade, double gap)
    {
        var first = (int)Math.Floor(low);
        var last = (int)Math.Ceiling(high);
        foreach (var set in Mantissas)
        {
            if (SmallestStep(set) * perDecade < gap)
            {
                continue;
            }
            var majors = Within(set, first, last, low, high);
            if (majors.Count >= 2)
            {
                return (majors, Within([.. Enumerable.Range(1, 9).Select(d => (double)d).Except(set)], first, last, low, high));
            }
        }
        foreach (var step in DecadeSteps)
        {
            if (step * perDecade < gap)
            {
                continue;
            }
            var decades = Enumerable.Range(first, last - first + 1).Select(k => (double)k).Where(k => k >= low && k <= high).ToList();
            var majors = decades.Where(k => (int)k % step == 0).ToList();
            if (majors.Count >= 2)
            {
                return (majors, [.. decades.Except(majors)]);
            }
        }
        return (Even(low, high, perDecade, gap), []);
    }

    /// <summary>The log10 of the values m × 10^k, m in <paramref name="set"/>, that lie between low and high.</summary>
    private static List<double> Within(double[] set, int first, int last, double low, double high) =>
        [.. Enumerable.Range(first, last - first + 1)
            .SelectMany(k => set.Select(m => Math.Log10(m) + k))
            .Where(t => t >= low - 1e-9 && t <= high + 1e-9)];

    private static double SmallestStep(double[] set) =>
        set.Zip(set.Skip(1).Append(10), (a, b) => Math.Log10(b / a)).Min();

    /// <summary>Evenly spaced round values (1, 2 or 5 × 10^k apart) for an axis too short for two of any per-decade set.</summary>
    private static List<double> Even(double low, double high, double perDecade, double gap)
    {
        var (from, to) = (Math.Pow(10, low), Math.Pow(10, high));
        var count = Math.Max(2, (high - low) * perDecade / gap);
        var raw = (to - from) / count;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * power).First(s => s >= raw);
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step)));
        var values = new List<double>();
        for (var v = Math.Ceiling(from / step) * step; v <= to; v += step)
        {
            values.Add(Math.Log10(Math.Round(v, Math.Min(decimals, 15))));
        }
        return values;
    }

    private static string[] Labels(List<double> majors)
    {
        var values = majors.Select(m => Math.Pow(10, m)).ToList();
        var plain = values.All(v => v >= 1e-4 * (1 - 1e-9) && v <= 1e5 * (1 + 1e-9));
        return [.. values.Select(v => plain ? Plain(v) : Power(v))];
    }

    private static string Plain(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>2×10⁻⁶, or 10⁻⁶ for a power of ten.</summary>
    private static string Power(double value)
    {
        var exponent = (int)Math.Floor(Math.Log10(value) + 1e-9);
        var mantissa = Math.Round(value / Math.Pow(10, exponent), 2);
        var power = new StringBuilder("10");
        foreach (var c in exponent.ToString(CultureInfo.InvariantCulture))
        {
            power.Append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹"[c - '0']);
        }
        return mantissa == 1 ? power.ToString() : $"{mantissa.ToString("G3", CultureInfo.InvariantCulture)}×{power}";
    }
}
