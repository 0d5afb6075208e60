using Sweep.Reports.Charts;

namespace Sweep.Reports.Exporters;

/// <summary>
/// The report's charts as PNG files beside report.html (<c>loss-curves.png</c>, <c>final-loss.png</c>, …),
/// for places that show images but not SVG. Each file is written whole and moved into place; the PNG of a
/// chart this report does not draw is deleted, so a folder written again never shows an older sweep's chart.
/// </summary>
public sealed class ChartPngExporter : IExporter
{
    public string Name => "charts (PNG)";

    public IReadOnlyList<string> Export(SweepReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var chart in ReportCharts.Of(report))
        {
            using (chart)
            {
                if (!chart.IsDrawn)
                {
                    continue;
                }
                var path = Path.Combine(directory, chart.Id + ".png");
                WholeFile.Write(path, stream => stream.Write(chart.Png()));
                written.Add(path);
            }
        }
        foreach (var stale in ReportCharts.Ids.Select(id => Path.Combine(directory, id + ".png")).Except(written, StringComparer.Ordinal))
        {
            File.Delete(stale);
        }
        return written;
    }
}
