using Sweep.Reports.Columns;

namespace Sweep.Reports.Exporters;

/// <summary>
/// <c>summary.md</c> for CI job summaries: the best configuration, the top trials by final loss and how the
/// rate was chosen. Text from the experiment goes into table cells with its pipes escaped.
/// </summary>
public sealed class MarkdownSummaryExporter : ExporterBase
{
    private const int TopTrials = 10;

    protected override string FileName => "summary.md";

    protected override void Write(SweepReport report, TextWriter writer)
    {
        writer.WriteLine($"# Sweep: {report.ExperimentName}");
        writer.WriteLine();
        if (!string.IsNullOrWhiteSpace(report.Description))
        {
            writer.WriteLine(report.Description);
            writer.WriteLine();
        }
        writer.WriteLine($"Strategy {report.Strategy} · {ReportText.Count(report.TrialCount, "trial")} · sweep {report.Version} · generated {ReportText.Time(report.GeneratedAt)}");
        writer.WriteLine();
        if (report.IsRangeTest && RangeTestFindings.Of(report) is { } findings)
        {
            writer.WriteLine("## Suggested learning rate");
            writer.WriteLine();
            WriteRangeTest(report, findings, writer);
        }
        else
        {
            writer.WriteLine("## Best configuration");
            writer.WriteLine();
            WriteBest(report, writer);
            writer.WriteLine();
            WriteTopTrials(report, writer);
        }
        if (report.Story.IsEmpty)
        {
            return;
        }
        writer.WriteLine();
        writer.WriteLine("## How the rate was chosen");
        writer.WriteLine();
        foreach (var line in report.Story)
        {
            writer.WriteLine($"- {line}");
        }
    }

    private static void WriteTopTrials(SweepReport report, TextWriter writer)
    {
        writer.WriteLine($"## Top {ReportText.Integer(TopTrials)} trials");
        writer.WriteLine();
        var columns = TrialColumns.Of(report, TrialOutputs.Markdown);
        writer.WriteLine($"| #{string.Concat(columns.Select(c => $" | {Cell(c.Header)}"))} |");
        writer.WriteLine($"| ---:{string.Concat(columns.Select(c => c.IsNumeric ? " | ---:" : " | ---"))} |");
        foreach (var (trial, rank) in report.Ranked().Take(TopTrials).Select((t, i) => (t, i + 1)))
        {
            writer.WriteLine($"| {ReportText.Integer(rank)}{string.Concat(columns.Select(c => $" | {Cell(c.Text(trial))}"))} |");
        }
    }

    /// <summary>A range test's answer in place of the best configuration and the top trials: it has no parameter and no epoch.</summary>
    private static void WriteRangeTest(SweepReport report, RangeTestFindings findings, TextWriter writer)
    {
        writer.WriteLine(RangeTestText.Headline(findings, rate => $"**{rate}**"));
        writer.WriteLine();
        writer.WriteLine("| Range test | |");
        writer.WriteLine("| --- | --- |");
        foreach (var (name, value) in RangeTestText.Rows(findings, report.BestTrial, id => $"`{id}`"))
        {
            writer.WriteLine($"| {Cell(name)} | {Cell(value)} |");
        }
    }

    private static void WriteBest(SweepReport report, TextWriter writer)
    {
        if (report.BestTrial is not { } best)
        {
            writer.WriteLine("No trial finished with a usable loss.");
            return;
        }
        var rate = report.Target is { Chosen: { } value } target ? $"; chosen {target.Path} **{ReportText.Exact(value)}**"
            : report.ChosenLearningRate is { } chosen ? $"; chosen learning rate **{ReportText.Exact(chosen)}**" : string.Empty;
        writer.WriteLine($"Trial `{best.TrialId}` (stage {ReportText.Integer(best.Stage)}): {report.MetricPhrase()}{ReportText.FinalLoss(best.FinalLoss)}{rate}.");
        if (best.Parameters.IsEmpty)
        {
            return;
        }
        writer.WriteLine();
        writer.WriteLine("| Parameter | Value |");
        writer.WriteLine("| --- | --- |");
        foreach (var parameter in best.Parameters)
        {
            writer.WriteLine($"| {Cell(parameter.Path)} | {Cell(parameter.Text)} |");
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
