using Serilog;
using Sweep.Reports;
using Sweep.Reports.Exporters;

namespace Sweep.Runner.Reporting;

/// <summary>Writes the report files (CSV, HTML, Markdown, JSON, PNG) into a folder; a failing exporter is logged and the others still write.</summary>
internal static class ReportWriter
{
    /// <summary>The formats `sweep report --format` takes, and the exporters of each.</summary>
    public static IReadOnlyDictionary<string, Func<IExporter[]>> Formats { get; } = new Dictionary<string, Func<IExporter[]>>(StringComparer.Ordinal)
    {
        ["csv"] = () => [new TrialsCsvExporter(), new EpochsCsvExporter()],
        ["md"] = () => [new MarkdownSummaryExporter()],
        ["json"] = () => [new JsonExporter()],
        ["html"] = () => [new HtmlReportExporter(), new ChartPngExporter()],
    };

    public static IReadOnlyList<string> Write(SweepReport report, string folder, ILogger log, IReadOnlyCollection<string>? formats = null) =>
        Write(report, folder, failure => log.Error(failure.Error, "The {Exporter} report could not be written: {Message}", failure.ExporterName, failure.Error.Message), formats);

    /// <param name="stop">Once cancelled, no further report starts; <see cref="OperationCanceledException"/> is thrown instead.</param>
    public static IReadOnlyList<string> Write(SweepReport report, string folder, Action<ExporterFailure> onFailure, IReadOnlyCollection<string>? formats = null, CancellationToken stop = default)
    {
        Directory.CreateDirectory(folder);
        var exporters = (formats ?? Formats.Keys).SelectMany(format => Formats[format]());
        return new CompositeExporter(exporters, onFailure, stop).Export(report, folder);
    }
}
