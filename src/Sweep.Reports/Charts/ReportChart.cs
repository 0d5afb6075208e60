using System.Collections.Immutable;
using ScottPlot;

namespace Sweep.Reports.Charts;

/// <summary>
/// One chart of the report: its file-safe id (<c>loss-curves</c>, also the PNG's name), its heading, a sentence
/// that says how to read it, and the plot; a null plot without <see cref="Panels"/> means the chart applies
/// but has nothing to draw.
/// </summary>
public sealed record ReportChart(string Id, string Title, string Caption, Plot? Plot) : IDisposable
{
    /// <summary>Small multiples drawn in a grid two wide instead of <see cref="Plot"/>; empty for a chart of one plot.</summary>
    public ImmutableArray<Plot> Panels { get; init; } = [];

    /// <summary>
    /// The same chart of other metrics (its <see cref="Title"/> names the metric), which report.html offers in a
    /// selector beside this one; the PNG is of this one only. Empty for a chart with one view.
    /// </summary>
    public ImmutableArray<ReportChart> Views { get; init; } = [];

    /// <summary>Sentences report.html prints under the chart, one a line.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>True when the chart has something to draw.</summary>
    public bool IsDrawn => Plot is not null || !Panels.IsEmpty;

    /// <summary>The height the chart is drawn at: <see cref="ChartStyle.Height"/>, or a row for every two panels.</summary>
    public int Height => Panels.IsEmpty ? ChartStyle.Height : ChartStyle.PanelsHeight(Panels.Length);

    /// <summary>The chart as SVG for report.html (see <see cref="ChartStyle.Svg(Plot, string)"/>).</summary>
    public string Svg() => Panels.IsEmpty
        ? ChartStyle.Svg(Drawn(), Id)
        : ChartStyle.Svg(Panels, Id);

    /// <summary>The chart as a PNG image.</summary>
    public byte[] Png() => Panels.IsEmpty
        ? Drawn().GetImageBytes(ChartStyle.Width, Height, ImageFormat.Png)
        : ChartStyle.Png(Panels);

    public void Dispose()
    {
        Plot?.Dispose();
        foreach (var view in Views)
        {
            view.Dispose();
        }
        foreach (var panel in Panels)
        {
            panel.Dispose();
        }
    }

    private Plot Drawn() => Plot ?? throw new InvalidOperationException($"Chart '{Id}' has nothing to draw.");
}
