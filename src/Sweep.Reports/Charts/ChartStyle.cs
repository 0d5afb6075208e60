using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Sweep.Reports.Charts;

/// <summary>
/// What every chart shares: tick labels in the invariant culture, log axes (ScottPlot plots log10 of the data
/// with ticks labelled by the value itself) and SVG ready to inline into HTML.
/// </summary>
internal static partial class ChartStyle
{
    public const int Width = 720;
    public const int Height = 400;

    // Debian's fonts-dejavu-core; ScottPlot's own pick here is DejaVu Serif.
    private const string Font = "DejaVu Sans";

    /// <summary>An empty plot in a sans-serif font, as the page around it is.</summary>
    public static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        return plot;
    }

    /// <summary>log10 of the values that a log axis can show (finite and above zero); the rest are left out.</summary>
    public static (double[] X, double[] Y) LogY(IEnumerable<(double X, double Y)> points)
    {
        var kept = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y) && p.Y > 0).ToArray();
        return ([.. kept.Select(p => p.X)], [.. kept.Select(p => Math.Log10(p.Y))]);
    }

    public static void LinearAxis(IAxis axis, string label, bool integers = false)
    {
        axis.Label.Text = label;
        axis.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = integers,
            LabelFormatter = v => v.ToString("G4", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>An axis over log10 values, with a tick at each decade labelled 0.01, 0.1, 1, … and minor ticks between.</summary>
    public static void LogAxis(IAxis axis, string label)
    {
        axis.Label.Text = label;
        axis.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = v => Math.Pow(10, v).ToString("G3", CultureInfo.InvariantCulture),
            MinorTickGenerator = new LogMinorTickGenerator(),
        };
    }

    /// <summary>
    /// The plot as an <c>&lt;svg&gt;</c> element for an HTML page: without the XML declaration, without the
    /// xlink namespace declaration (ScottPlot adds it though its charts link nothing), with a generic fallback
    /// after its font, and with its clip-path
    /// ids renamed from Skia's process-wide counter to <paramref name="chart"/>-clip-1, -2, …: unique within
    /// the page, and the same on every run.
    /// </summary>
    public static string Svg(Plot plot, string chart)
    {
        var svg = XmlDeclaration().Replace(plot.GetSvgXml(Width, Height), string.Empty);
        if (!svg.Contains("xlink:", StringComparison.Ordinal))
        {
            svg = svg.Replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", string.Empty, StringComparison.Ordinal);
        }
        // A browser without the font falls back to its sans-serif, not to its default serif.
        svg = svg.Replace($"font-family=\"{Font}\"", $"font-family=\"{Font}, sans-serif\"", StringComparison.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m => ids.TryGetValue(m.Value, out var id)
            ? id
            : ids[m.Value] = $"{chart}-clip-{(ids.Count + 1).ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>A colour along viridis for a learning rate, placed by its log between the sweep's smallest and largest rate.</summary>
    public static Color RateColor(double rate, double smallest, double largest)
    {
        var span = Math.Log10(largest) - Math.Log10(smallest);
        var fraction = span > 0 ? (Math.Log10(rate) - Math.Log10(smallest)) / span : 0.5;
        return new ScottPlot.Colormaps.Viridis().GetColor(Math.Clamp(fraction, 0, 1) * 0.9);
    }

    /// <summary>A value in a legend or a tick: four significant digits, the same in every culture.</summary>
    public static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A distinct colour for the <paramref name="index"/>-th series of a chart (stages, batch modes).</summary>
    public static Color Series(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    /// <summary>
    /// At most <paramref name="limit"/> indices into <paramref name="count"/> points, evenly spread, always
    /// keeping the first and the last (where a curve ends or was clipped).
    /// </summary>
    public static int[] Downsample(int count, int limit)
    {
        if (count <= limit)
        {
            return [.. Enumerable.Range(0, count)];
        }
        return [.. Enumerable.Range(0, limit).Select(i => (int)Math.Round(i * (count - 1) / (double)(limit - 1))).Distinct()];
    }

    /// <summary>Ticks at 0, 1, 2, … labelled with <paramref name="labels"/>, for an axis of categories.</summary>
    public static void CategoryAxis(IAxis axis, string label, IReadOnlyList<string> labels)
    {
        axis.Label.Text = label;
        axis.SetTicks([.. Enumerable.Range(0, labels.Count).Select(i => (double)i)], [.. labels]);
    }

    [GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial Regex ClipId();

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();
}
