using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Sweep.Models.Results;
using Sweep.Models.Selection;
using Sweep.Reports.Charts;

namespace Sweep.Reports.Tests.Charts;

public sealed class DiagnosisChartTests
{
    [Fact]
    public void Each_label_of_the_sweep_gets_a_panel_in_the_order_slow_good_oscillating_diverging()
    {
        var report = Report(
            Trial("d", 10, TrialStatus.Diverged, CurveLabel.Diverging, 0.7, 50),
            Trial("o", 0.05, TrialStatus.Completed, CurveLabel.Oscillating, 0.7, 0.5, 0.45, 0.5, 0.45),
            Trial("g", 0.01, TrialStatus.Completed, CurveLabel.Good, 0.7, 0.5, 0.4, 0.35),
            Trial("s", 0.001, TrialStatus.Completed, CurveLabel.Slow, 0.7, 0.6, 0.5, 0.45));

        using var chart = Chart(report)!;
        var svg = chart.Svg();

        Assert.Equal(4, chart.Panels.Length);
        // Once each: a panel drawn twice over itself would double the page's weight.
        Assert.Equal(["slow", "good", "oscillating", "diverging"], Titles(svg).Select(t => t.Split(' ')[0]));
        Assert.Equal(["Slow:", "Good:", "Oscillating:", "Diverging:"], chart.Notes.Select(n => n.Split(' ')[0]));
        Assert.Equal(2 * ChartStyle.PanelRowHeight, chart.Height);
        Assert.Contains($"height=\"{2 * ChartStyle.PanelRowHeight}\"", svg, StringComparison.Ordinal);
        Assert.Contains("best trial (lr 0.01)", chart.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overfitting_trial_gets_the_fifth_panel_in_its_own_colour_with_its_rule_in_the_notes()
    {
        var report = Report(
            Trial("d", 10, TrialStatus.Diverged, CurveLabel.Diverging, 0.7, 50),
            Trial("v", 0.02, TrialStatus.Completed, CurveLabel.Overfitting, 0.7, 0.4, 0.45, 0.5, 0.55),
            Trial("o", 0.05, TrialStatus.Completed, CurveLabel.Oscillating, 0.7, 0.5, 0.45, 0.5, 0.45),
            Trial("g", 0.01, TrialStatus.Completed, CurveLabel.Good, 0.7, 0.5, 0.4, 0.35),
            Trial("s", 0.001, TrialStatus.Completed, CurveLabel.Slow, 0.7, 0.6, 0.5, 0.45));

        using var chart = Chart(report)!;
        var svg = chart.Svg();

        Assert.Equal(5, chart.Panels.Length);
        Assert.Equal(["slow", "good", "oscillating", "diverging", "overfitting"], Titles(svg).Select(t => t.Split(' ')[0]));
        Assert.StartsWith("Overfitting: the validation loss has risen above its lowest while the training loss kept falling", chart.Notes[^1], StringComparison.Ordinal);
        Assert.Contains("#8250DF", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3 * ChartStyle.PanelRowHeight, chart.Height);
    }

    [Fact]
    public void Three_labels_make_three_panels_on_a_white_ground_and_no_panel_for_a_label_no_trial_has()
    {
        using var chart = Chart(Report(
            Trial("g", 0.01, TrialStatus.Completed, CurveLabel.Good, 0.7, 0.35),
            Trial("s", 0.001, TrialStatus.Completed, CurveLabel.Slow, 0.7, 0.6),
            Trial("o", 0.05, TrialStatus.Completed, CurveLabel.Oscillating, 0.7, 0.5)))!;
        var svg = chart.Svg();

        Assert.Equal(["slow", "good", "oscillating"], Titles(svg).Select(t => t.Split(' ')[0]));
        // ScottPlot's own multiplot clears to transparent, which SVG draws black where no panel covers.
        Assert.DoesNotMatch("<rect width=", svg);
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_with_a_single_label_has_no_diagnosis_chart()
    {
        var report = Report(
            Trial("a", 0.01, TrialStatus.Completed, CurveLabel.Good, 0.7, 0.35),
            Trial("b", 0.02, TrialStatus.Completed, CurveLabel.Good, 0.7, 0.36),
            Trial("c", 0.03, TrialStatus.Failed, null));

        Assert.Null(Chart(report));
        Assert.DoesNotContain("diagnosis", ReportCharts.Of(report).Select(c => c.Id));
    }

    [Fact]
    public void A_panel_shows_the_lowest_final_loss_of_its_label_but_the_longest_diverged_trial()
    {
        var report = Report(
            Trial("s1", 0.0001, TrialStatus.Completed, CurveLabel.Slow, 0.7, 0.65),
            Trial("s2", 0.001, TrialStatus.Completed, CurveLabel.Slow, 0.7, 0.5),
            Trial("d1", 10, TrialStatus.Diverged, CurveLabel.Diverging, 0.7, 1e9),
            Trial("d2", 1, TrialStatus.Diverged, CurveLabel.Diverging, 0.7, 0.8, 0.9, 1e9),
            Trial("d3", 0.5, TrialStatus.Completed, CurveLabel.Diverging, 0.7, 0.8));

        using var chart = Chart(report)!;

        Assert.Equal(["slow · lr 0.001", "diverging · lr 1"], Titles(chart.Svg()));
    }

    [Fact]
    public void A_panel_is_titled_with_the_stored_reason_on_lines_that_fit_half_the_chart()
    {
        const string Reason = "loss turned 4 times by up to 1.49% over the last 12 epochs, 30.12% above the best of its sweep";
        var report = Report(
            Trial("g", 0.01, TrialStatus.Completed, CurveLabel.Good, 0.7, 0.35),
            Trial("o", 0.05, TrialStatus.Completed, CurveLabel.Oscillating, 0.7, 0.5) with { DiagnosisReason = Reason });

        using var chart = Chart(report)!;
        var lines = Texts(chart.Svg()).SkipWhile(t => !t.StartsWith("oscillating", StringComparison.Ordinal)).Skip(1).Take(3).ToList();

        Assert.Equal(Reason, string.Join(' ', lines));
        Assert.All(lines, line => Assert.InRange(line.Length, 1, 42));
    }

    [Fact]
    public void A_loss_axis_spanning_less_than_a_decade_is_labelled_between_the_decades()
    {
        using var chart = Chart(Report(
            Trial("g", 0.01, TrialStatus.Completed, CurveLabel.Good, 0.7, 0.5, 0.35),
            Trial("s", 0.001, TrialStatus.Completed, CurveLabel.Slow, 0.7, 0.6, 0.45)))!;

        var texts = Texts(chart.Svg());

        Assert.Contains("0.4", texts);
        Assert.Contains("0.5", texts);
        Assert.Contains("0.7", texts);
    }

    [Fact]
    public void The_chart_is_a_png_two_panels_wide()
    {
        using var chart = Chart(Report(
            Trial("g", 0.01, TrialStatus.Completed, CurveLabel.Good, 0.7, 0.35),
            Trial("s", 0.001, TrialStatus.Completed, CurveLabel.Slow, 0.7, 0.6)))!;

        var png = chart.Png();

        // The IHDR chunk: width and height, big-endian, from byte 16.
        Assert.Equal(ChartStyle.Width, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
        Assert.Equal(ChartStyle.PanelRowHeight, (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23]);
    }

    [Fact]
    public void The_diverging_panel_draws_its_curve_up_to_its_highest_loss_instead_of_cutting_it_at_the_sweeps_ceiling()
    {
        // The sweep's ceiling is a decade above the first loss 0.7, i.e. 7: the loss-curves chart cuts 50 and 500 there.
        var report = Report(
            Trial("g", 0.01, TrialStatus.Completed, CurveLabel.Good, 0.7, 0.5, 0.4),
            Trial("d", 10, TrialStatus.Diverged, CurveLabel.Diverging, 0.7, 50, 500, double.NaN));

        using var chart = Chart(report)!;
        var diverging = chart.Panels[^1].GetPlottables<ScottPlot.Plottables.Scatter>()
            .Select(s => s.Data.GetScatterPoints()).Where(points => points.Count > 1).Last();

        Assert.Equal([1, 2, 3, 4], diverging.Select(p => p.X));
        Assert.Equal(Math.Log10(500), diverging.Max(p => p.Y), 1e-9);
    }

    private static ReportChart? Chart(SweepReport report) => ReportCharts.Of(report).SingleOrDefault(c => c.Id == "diagnosis");

    private static SweepReport Report(params TrialRow[] trials) => SomeSweep.WithTrials([.. trials]);

    private static TrialRow Trial(string id, double rate, TrialStatus status, CurveLabel? label, params double[] losses)
    {
        var epochs = losses.Select((loss, i) => new EpochRecord(i + 1, loss, null, null, rate, 1, 0.1, 0.01)).ToImmutableArray();
        return new TrialRow(id, 1, rate, 0, 0, "full", status, label, epochs.Length, losses.Length > 0 ? losses[^1] : null, null, null, 1, [], epochs);
    }

    // A panel's title is its first line: the label and the rate.
    private static List<string> Titles(string svg) => [.. Texts(svg).Where(t => t.Contains(" · lr ", StringComparison.Ordinal))];

    // ScottPlot writes a text element's content on a line of its own.
    private static List<string> Texts(string svg) => [.. Regex.Matches(svg, @">\s*([^<>]*?)\s*</text>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];
}
