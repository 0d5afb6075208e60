using Sweep.Models.Selection;
using Sweep.Reports.Charts;
using Sweep.Reports.Exporters;

namespace Sweep.Reports.Tests.Exporters;

public sealed class ChartPngExporterTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Every_drawn_chart_is_also_a_png_beside_the_page()
    {
        using var directory = new TemporaryDirectory();

        var written = new ChartPngExporter().Export(Some.Report(), directory.Path);

        Assert.Equal(
            ["loss-curves.png", "final-loss.png", "diagnosis.png", "heatmap-lr-l2.png", "heatmap-lr-l1.png", "heatmap-lr-batch.png", "batch-modes.png", "regularisation.png", "range-test.png"],
            written.Select(Path.GetFileName));
        Assert.All(written, path => Assert.Equal(PngSignature, File.ReadAllBytes(path)[..8]));
        Assert.Empty(Directory.GetFiles(directory.Path, "*.tmp"));
    }

    [Fact]
    public void Writing_a_smaller_report_into_the_same_folder_deletes_the_charts_it_no_longer_draws()
    {
        using var directory = new TemporaryDirectory();
        var exporter = new ChartPngExporter();
        exporter.Export(Some.Report(), directory.Path);
        File.WriteAllText(Path.Combine(directory.Path, "mine.png"), "not ours");

        // Every rate of this sweep is good: nothing to compare in a diagnosis chart.
        exporter.Export(SomeSweep.Report(5, 3) with { Trials = [.. SomeSweep.Report(5, 3).Trials.Where(t => t.Diagnosis == CurveLabel.Good)] }, directory.Path);

        Assert.Equal(["final-loss.png", "loss-curves.png", "mine.png"], Directory.GetFiles(directory.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_chart_id_of_a_full_report_is_among_the_known_ids()
    {
        Assert.Equal(ReportCharts.Ids, ReportCharts.Of(Some.Report()).Select(c => c.Id));
    }

    [Fact]
    public void A_chart_with_nothing_to_draw_writes_no_png()
    {
        using var directory = new TemporaryDirectory();
        var report = Some.Report() with { Trials = [Some.Trials()[3]], RangeTest = [] };

        Assert.Empty(new ChartPngExporter().Export(report, directory.Path));
    }
}
