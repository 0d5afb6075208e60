using Sweep.Reports.Charts;
using Sweep.Reports.Columns;
using static System.Net.WebUtility;

namespace Sweep.Reports.Exporters;

/// <summary>
/// <c>report.html</c>: one self-contained page readable offline as a build artifact — inline CSS, charts as
/// inline SVG, a small inline script that sorts the trials table, no reference to anything outside the
/// file. Every string from the experiment or the store is HTML-escaped.
/// </summary>
public sealed partial class HtmlReportExporter : ExporterBase
{
    protected override string FileName => "report.html";

    protected override void Write(SweepReport report, TextWriter writer)
    {
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en\">");
        writer.WriteLine($"<head><meta charset=\"utf-8\"><title>Sweep: {HtmlEncode(report.ExperimentName)}</title><style>{Css}</style></head>");
        writer.WriteLine("<body>");
        writer.WriteLine($"<h1>Sweep: {HtmlEncode(report.ExperimentName)}</h1>");
        if (!string.IsNullOrWhiteSpace(report.Description))
        {
            writer.WriteLine($"<p class=\"description\">{HtmlEncode(report.Description)}</p>");
        }
        writer.WriteLine(
            $"<p class=\"meta\">Strategy {HtmlEncode(report.Strategy)} · {ReportText.Count(report.TrialCount, "trial")} · " +
            $"sweep {HtmlEncode(report.Version)} · generated {ReportText.Time(report.GeneratedAt)}</p>");
        WriteShown(report, writer);
        WriteSummary(report, writer);
        WriteStory(report, writer);
        foreach (var chart in ReportCharts.Of(report))
        {
            WriteChart(writer, chart);
        }
        // A range test's one trial is in its summary; the sorting script needs the trials table.
        if (!report.IsRangeTest)
        {
            WriteTrials(report, writer);
            writer.WriteLine($"<script>{TableScript}</script>");
        }
        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
    }

    /// <summary>
    /// Says plainly when the page leaves trials out: a page of every trial of a large sweep would be too heavy to
    /// open, so it shows the best and the files beside it list them all.
    /// </summary>
    private static void WriteShown(SweepReport report, TextWriter writer)
    {
        if (report.ShowsSome)
        {
            writer.WriteLine(
                $"<p class=\"hint\" id=\"shown-trials\">This page shows {ReportText.Integer(report.Trials.Length)} of the sweep's {ReportText.Count(report.TrialCount, "trial")}: " +
                $"the best {ReportText.Integer(SweepReport.ShownTrials)} by the ranking that picked the best trial, and every trial with the best one's other settings. " +
                $"All {ReportText.Integer(report.TrialCount)} are in <a href=\"trials.csv\">trials.csv</a>, their epochs in <a href=\"epochs.csv\">epochs.csv</a>, and both in <a href=\"report.json\">report.json</a>.</p>");
        }
    }

    private static void WriteSummary(SweepReport report, TextWriter writer)
    {
        if (report.IsRangeTest && RangeTestFindings.Of(report) is { } findings)
        {
            writer.WriteLine("<section><h2>Suggested learning rate</h2>");
            writer.WriteLine($"<p>{RangeTestText.Headline(findings, rate => $"<strong>{rate}</strong>")}</p>");
            writer.WriteLine("<table><tbody>");
            foreach (var (name, value) in RangeTestText.Rows(findings, report.BestTrial, id => $"<code>{HtmlEncode(id)}</code>"))
            {
                writer.WriteLine($"<tr><th>{HtmlEncode(name)}</th><td>{value}</td></tr>");
            }
            writer.WriteLine("</tbody></table></section>");
            return;
        }
        writer.WriteLine("<section><h2>Best configuration</h2>");
        if (report.BestTrial is { } best)
        {
            var rate = report.Target is { Chosen: { } value } target ? $"; chosen {HtmlEncode(target.Path)} <strong>{ReportText.Exact(value)}</strong>"
                : report.ChosenLearningRate is { } chosen ? $"; chosen learning rate <strong>{ReportText.Exact(chosen)}</strong>" : string.Empty;
            writer.WriteLine($"<p>Trial <code>{HtmlEncode(best.TrialId)}</code> (stage {ReportText.Integer(best.Stage)}): {HtmlEncode(report.MetricPhrase())}{ReportText.FinalLoss(best.FinalLoss)}{rate}.</p>");
            if (!best.Parameters.IsEmpty)
            {
                writer.WriteLine("<table><thead><tr><th>Parameter</th><th>Value</th></tr></thead><tbody>");
                foreach (var parameter in best.Parameters)
                {
                    writer.WriteLine($"<tr><td>{HtmlEncode(parameter.Path)}</td><td>{HtmlEncode(parameter.Text)}</td></tr>");
                }
                writer.WriteLine("</tbody></table>");
            }
        }
        else
        {
            writer.WriteLine("<p>No trial finished with a usable loss.</p>");
        }
        writer.WriteLine("</section>");
    }

    /// <summary>The coarse-to-fine story, one sentence a line, as the Runner tells it in <see cref="SweepReport.Story"/>.</summary>
    private static void WriteStory(SweepReport report, TextWriter writer)
    {
        if (report.Story.IsEmpty)
        {
            return;
        }
        writer.WriteLine("<section id=\"story\"><h2>How the rate was chosen</h2><ol class=\"story\">");
        foreach (var line in report.Story)
        {
            writer.WriteLine($"<li>{HtmlEncode(line)}</li>");
        }
        writer.WriteLine("</ol></section>");
    }

    private static void WriteChart(TextWriter writer, ReportChart chart)
    {
        writer.WriteLine($"<section id=\"{chart.Id}\"><h2>{HtmlEncode(chart.Title)}</h2>");
        using (chart)
        {
            if (chart.IsDrawn && chart.Views.Any(v => v.IsDrawn))
            {
                WriteViews(writer, chart);
            }
            else if (chart.IsDrawn)
            {
                writer.WriteLine($"<p class=\"hint\">{HtmlEncode(chart.Caption)}</p><figure>{chart.Svg()}</figure>");
                if (!chart.Notes.IsEmpty)
                {
                    writer.WriteLine($"<ul>{string.Concat(chart.Notes.Select(n => $"<li>{HtmlEncode(n)}</li>"))}</ul>");
                }
            }
            else
            {
                writer.WriteLine("<p>No finite losses to plot.</p>");
            }
        }
        writer.WriteLine("</section>");
    }

    /// <summary>
    /// A chart with other views: a selector of the metric above them, and each view (its caption and figure) with
    /// only the chosen one shown. The first is the chart itself, labelled by the loss it draws.
    /// </summary>
    private static void WriteViews(TextWriter writer, ReportChart chart)
    {
        var views = chart.Views.Where(v => v.IsDrawn).Prepend(chart).ToList();
        var options = views.Select((v, i) => $"<option value=\"{v.Id}\">{HtmlEncode(i == 0 ? LossView : v.Title)}</option>");
        writer.WriteLine($"<p class=\"hint\"><label>Metric <select class=\"view-picker\" data-chart=\"{chart.Id}\">{string.Concat(options)}</select></label></p>");
        foreach (var view in views)
        {
            var hidden = view == chart ? string.Empty : " hidden";
            writer.WriteLine($"<div class=\"view\" data-view=\"{view.Id}\"{hidden}><p class=\"hint\">{HtmlEncode(view.Caption)}</p><figure>{view.Svg()}</figure></div>");
        }
        writer.WriteLine($"<script>{ViewScript}</script>");
    }

    private static void WriteTrials(SweepReport report, TextWriter writer)
    {
        writer.WriteLine("<section><h2>Trials</h2>");
        writer.WriteLine(
            "<p class=\"hint\"><label>Filter <input type=\"search\" id=\"trial-filter\" placeholder=\"words, e.g. diverging 0.01\"></label> " +
            $"<span id=\"trial-count\">{ReportText.Integer(report.Trials.Length)} trials</span> · click a column heading to sort.</p>");
        var columns = TrialColumns.Of(report, TrialOutputs.Html);
        writer.WriteLine("<div class=\"scroll\"><table class=\"sortable\" id=\"trials\"><thead><tr>");
        writer.WriteLine(string.Concat(columns.Select(c => c.IsNumeric ? $"<th data-type=\"number\">{HtmlEncode(c.Header)}</th>" : $"<th>{HtmlEncode(c.Header)}</th>")));
        writer.WriteLine("</tr></thead><tbody>");
        foreach (var trial in report.Ranked())
        {
            writer.WriteLine($"<tr>{string.Concat(columns.Select(c => Cell(c, trial)))}</tr>");
        }
        writer.WriteLine("</tbody></table></div></section>");
    }

    // The exact value sorts; the short one is shown. An empty data-value (no value) sorts last.
    private static string Cell(ITrialColumn column, TrialRow trial) => column switch
    {
        { IsNumeric: true } => $"<td class=\"number\" data-value=\"{HtmlEncode(column.Exact(trial))}\">{HtmlEncode(column.Text(trial))}</td>",
        _ when column.Style(trial) is { } style => $"<td class=\"{HtmlEncode(style)}\">{HtmlEncode(column.Text(trial))}</td>",
        _ => $"<td>{HtmlEncode(column.Text(trial))}</td>",
    };
}
