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
    /// xlink namespace declaration (ScottPlot adds it though its charts link nothing), and with its clip-path
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

    [GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial Regex ClipId();

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();
}
