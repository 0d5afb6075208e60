using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace Sweep.Reports.Charts;

/// <summary>
/// What every chart shares: tick labels in the invariant culture, log axes (ScottPlot plots log10 of the data
/// with ticks labelled by the value itself) and SVG ready to inline into HTML.
/// </summary>
internal static partial class ChartStyle
{
    public const int Width = 960;
    public const int Height = 400;

    /// <summary>The height of one row of panels of a small-multiples chart, two to a row.</summary>
    public const int PanelRowHeight = 320;

    // Debian's fonts-dejavu-core; ScottPlot's own pick here is DejaVu Serif.
    private const string Font = "DejaVu Sans";

    /// <summary>An empty plot in a sans-serif font, as the page around it is.</summary>
    public static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        return plot;
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

    /// <summary>
    /// An axis over log10 values labelled with the values (see <see cref="LogTicks"/>); with <paramref name="zero"/>,
    /// the log10 level where values of 0 are drawn, labelled "0".
    /// </summary>
    public static void LogAxis(IAxis axis, string label, double? zero = null)
    {
        axis.Label.Text = label;
        axis.TickGenerator = new LogTicks { Zero = zero };
    }

    /// <summary>
    /// The log10 level a value of 0 is drawn at on a log axis: a decade below the decade of the lowest positive
    /// value, so the zero tick stands apart from the powers of ten; −1 when there is no positive value.
    /// </summary>
    public static double ZeroLevel(IEnumerable<double> positiveLogs) =>
        Math.Floor(positiveLogs.Where(double.IsFinite).DefaultIfEmpty(0).Min()) - 1;

    /// <summary>The legend in a panel right of the plot: inside, it covers the curves of a crowded chart.</summary>
    public static void LegendOutside(Plot plot) => plot.ShowLegend(Edge.Right);

    /// <summary>
    /// The plot as an <c>&lt;svg&gt;</c> element for an HTML page: without the XML declaration, without the
    /// xlink namespace declaration (ScottPlot adds it though its charts link nothing), with a generic fallback
    /// after its font, and with its clip-path
    /// ids renamed from Skia's process-wide counter to <paramref name="chart"/>-clip-1, -2, …: unique within
    /// the page, and the same on every run.
    /// </summary>
    public static string Svg(Plot plot, string chart) => Html(plot.GetSvgXml(Width, Height), chart);

    /// <summary>The height of a small-multiples chart of <paramref name="panels"/> panels.</summary>
    public static int PanelsHeight(int panels) => PanelRowHeight * ((panels + 1) / 2);

    /// <summary>Small multiples as one <c>&lt;svg&gt;</c> element, prepared as <see cref="Svg(Plot, string)"/> does.</summary>
    public static string Svg(IReadOnlyList<Plot> panels, string chart)
    {
        var height = PanelsHeight(panels.Count);
        using var stream = new MemoryStream();
        // The SVG is complete once its canvas is disposed.
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, height), stream))
        {
            Draw(panels, canvas, height);
        }
        return Html(Encoding.UTF8.GetString(stream.ToArray()), chart);
    }

    /// <summary>Small multiples as a PNG image.</summary>
    public static byte[] Png(IReadOnlyList<Plot> panels)
    {
        var height = PanelsHeight(panels.Count);
        using var surface = SKSurface.Create(new SKImageInfo(Width, height));
        Draw(panels, surface.Canvas, height);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>
    /// The panels in ScottPlot's multiplot grid, two wide and filled row by row, on white. Each panel is drawn
    /// in its cell without clearing the canvas, unlike Multiplot.Render: an SVG canvas writes a clear to
    /// transparent as a black rectangle, which would show wherever no panel covers (an odd panel count).
    /// </summary>
    private static void Draw(IReadOnlyList<Plot> panels, SKCanvas canvas, int height)
    {
        canvas.Clear(SKColors.White);
        var figure = new Multiplot(panels[0]);
        foreach (var panel in panels.Skip(1))
        {
            figure.AddPlot(panel);
        }
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid((panels.Count + 1) / 2, 2);
        var cells = figure.Layout.GetSubplotRectangles(figure.Subplots, new PixelRect(0, Width, height, 0));
        for (var i = 0; i < panels.Count; i++)
        {
            // Else each panel clears the canvas, the panels before it included.
            panels[i].RenderManager.ClearCanvasBeforeEachRender = false;
            // A plot whose limits change in its first render draws itself a second time, over the first on this
            // canvas: a render in memory at the cell's size settles its limits and layout first.
            panels[i].RenderInMemory((int)cells[i].Width, (int)cells[i].Height);
            panels[i].Render(canvas, cells[i]);
        }
    }

    private static string Html(string svgXml, string chart)
    {
        var svg = XmlDeclaration().Replace(svgXml, string.Empty);
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
