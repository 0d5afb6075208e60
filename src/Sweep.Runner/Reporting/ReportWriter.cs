using Serilog;
using Sweep.Reports;
using Sweep.Reports.Exporters;

namespace Sweep.Runner.Reporting;

/// <summary>Writes the report files of SPEC section 7 into a folder; a failing exporter is logged and the others still write.</summary>
internal static class ReportWriter
{
    public static IReadOnlyList<string> Write(SweepReport report, string folder, ILogger log)
    {
        Directory.CreateDirectory(folder);
        IExporter[] exporters = [new TrialsCsvExporter(), new EpochsCsvExporter(), new MarkdownSummaryExporter(), new JsonExporter(), new HtmlReportExporter()];
        var composite = new CompositeExporter(
            exporters,
            failure => log.Error(failure.Error, "The {Exporter} report could not be written: {Message}", failure.ExporterName, failure.Error.Message));
        return composite.Export(report, folder);
    }
}
