using System.Diagnostics;
using System.Text.Json;
using Sweep.Runner.Reporting;

namespace Sweep.Bench;

/// <summary>
/// How long `sweep run` spends writing its reports (every format: CSV, Markdown, JSON, HTML and the PNG charts)
/// for 100, 1,000 and 10,000 synthetic trials of 100 epochs. Goal: linear growth, under 10 s at 10,000 trials.
/// One JSON line per size: the median of three writes, one write of each format alone, and the size of report.html.
/// </summary>
internal static class ReportWorkload
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static int Run(TextWriter output, string? keep)
    {
        var folder = keep ?? Path.Combine(Path.GetTempPath(), "sweep-bench-report-" + Environment.ProcessId);
        try
        {
            // Warm-up: the charting library, the CSV writer and the fonts load before anything counts.
            Write(SyntheticSweep.Report(20, 100), folder);
            foreach (var trials in new[] { 100, 1000, 10000 })
            {
                var report = SyntheticSweep.Report(trials, 100);
                var seconds = Enumerable.Range(0, 3).Select(_ => Write(report, folder)).Order().ToList();
                var formats = ReportWriter.Formats.Keys.ToDictionary(f => f, f => Write(report, folder, f));
                var html = new FileInfo(Path.Combine(folder, "report.html")).Length;
                output.WriteLine(JsonSerializer.Serialize(new Result($"report_{trials}_trials_x_100_epochs", trials, 100, seconds[1], seconds[0], formats, html), Json));
            }
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        return 0;
    }

    /// <summary>Seconds to write the report in every format, or in the one <paramref name="format"/>.</summary>
    private static double Write(Sweep.Reports.SweepReport report, string folder, string? format = null)
    {
        var clock = Stopwatch.StartNew();
        ReportWriter.Write(report, folder, failure => throw new InvalidOperationException($"{failure.ExporterName} failed", failure.Error), format is null ? null : [format]);
        return clock.Elapsed.TotalSeconds;
    }

    private sealed record Result(string Case, int Trials, int Epochs, double MedianSeconds, double MinSeconds, Dictionary<string, double> SecondsByFormat, long HtmlBytes);
}
