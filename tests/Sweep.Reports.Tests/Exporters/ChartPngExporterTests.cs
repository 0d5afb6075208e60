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
            ["loss-curves.png", "final-loss.png", "heatmap-lr-l2.png", "heatmap-lr-l1.png", "heatmap-lr-batch.png", "batch-modes.png", "regularisation.png", "range-test.png"],
            written.Select(Path.GetFileName));
        Assert.All(written, path => Assert.Equal(PngSignature, File.ReadAllBytes(path)[..8]));
        Assert.Empty(Directory.GetFiles(directory.Path, "*.tmp"));
    }

    [Fact]
    public void A_chart_with_nothing_to_draw_writes_no_png()
    {
        using var directory = new TemporaryDirectory();
        var report = Some.Report() with { Trials = [Some.Trials()[3]], RangeTest = [] };

        Assert.Empty(new ChartPngExporter().Export(report, directory.Path));
    }
}
