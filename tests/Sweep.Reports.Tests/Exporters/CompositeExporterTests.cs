using Sweep.Reports.Exporters;

namespace Sweep.Reports.Tests.Exporters;

public sealed class CompositeExporterTests
{
    [Fact]
    public void A_throwing_exporter_is_reported_and_the_next_ones_still_write()
    {
        using var directory = new TemporaryDirectory();
        var failures = new List<ExporterFailure>();
        var composite = new CompositeExporter([new TrialsCsvExporter(), new ThrowingExporter(), new MarkdownSummaryExporter()], failures.Add);

        var written = composite.Export(Some.Report(), directory.Path);

        Assert.Equal(["trials.csv", "summary.md"], written.Select(Path.GetFileName));
        Assert.All(written, path => Assert.True(File.Exists(path), path));
        var failure = Assert.Single(failures);
        Assert.Equal(("throwing", "disk full"), (failure.ExporterName, failure.Error.Message));
    }

    [Fact]
    public void Cancellation_is_not_swallowed()
    {
        using var directory = new TemporaryDirectory();
        var composite = new CompositeExporter([new CancelledExporter(), new TrialsCsvExporter()], _ => Assert.Fail("cancellation is no exporter failure"));

        Assert.Throws<OperationCanceledException>(() => composite.Export(Some.Report(), directory.Path));
        Assert.False(File.Exists(Path.Combine(directory.Path, "trials.csv")));
    }

    [Fact]
    public void An_exporter_that_fails_midway_leaves_no_half_written_file()
    {
        using var directory = new TemporaryDirectory();
        var report = Some.Report() with { Trials = [Some.Trials()[0] with { Status = (Sweep.Models.Results.TrialStatus)99 }] };

        Assert.Throws<ArgumentOutOfRangeException>(() => new TrialsCsvExporter().Export(report, directory.Path));

        Assert.Empty(Directory.EnumerateFileSystemEntries(directory.Path));
    }

    private sealed class ThrowingExporter : IExporter
    {
        public string Name => "throwing";

        public IReadOnlyList<string> Export(SweepReport report, string directory) => throw new IOException("disk full");
    }

    private sealed class CancelledExporter : IExporter
    {
        public string Name => "cancelled";

        public IReadOnlyList<string> Export(SweepReport report, string directory) => throw new OperationCanceledException();
    }
}
