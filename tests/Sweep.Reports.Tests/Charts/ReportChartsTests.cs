using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Sweep.Models.Results;
using Sweep.Models.Selection;
using Sweep.Reports.Charts;

namespace Sweep.Reports.Tests.Charts;

public sealed class ReportChartsTests
{
    [Fact]
    public void A_sweep_over_rate_decay_and_batch_has_heatmaps_comparisons_and_its_range_test()
    {
        var ids = ReportCharts.Of(Some.Report()).Select(c => c.Id).ToList();

        Assert.Equal(["loss-curves", "final-loss", "diagnosis", "heatmap-lr-l2", "heatmap-lr-l1", "heatmap-lr-batch", "batch-modes", "regularisation", "range-test"], ids);
    }

    [Fact]
    public void A_sweep_of_rates_alone_has_no_heatmap_and_no_comparison()
    {
        var ids = ReportCharts.Of(SomeSweep.Report(8, 5)).Select(c => c.Id).ToList();

        Assert.Equal(["loss-curves", "final-loss", "diagnosis"], ids);
    }

    [Fact]
    public void A_range_test_shows_its_plot_without_empty_loss_charts()
    {
        var ids = ReportCharts.Of(Some.Report() with { IsRangeTest = true, Trials = [Some.Trials()[3]] }).Select(c => c.Id).ToList();

        Assert.Equal(["range-test"], ids);
    }

    [Fact]
    public void A_random_search_with_a_new_rate_every_trial_gets_no_heatmap()
    {
        var ids = ReportCharts.Of(SomeSweep.Report(40, 3, i => (i % 2 * 1e-4, "32"))).Select(c => c.Id).ToList();

        Assert.DoesNotContain("heatmap-lr-l2", ids);
        Assert.Contains("regularisation", ids);
    }

    [Fact]
    public void The_final_loss_chart_marks_stages_diverged_trials_the_bracket_and_the_chosen_rate()
    {
        var best = new RatePoint(0.01, 0.0145, CurveLabel.Good);
        var report = Some.Report() with { Bracket = new LearningRateBracket(best, null, null, null, null, 0.005, 0.01, GridExtension.None, "") };

        var svg = Svg(report, "final-loss");

        AssertText("stage 1", svg);
        AssertText("stage 2", svg);
        AssertText("diverged", svg);
        AssertText("bracket 0.005–0.01", svg);
        AssertText("chosen 0.01", svg);
    }

    [Fact]
    public void A_sweep_chosen_by_accuracy_plots_final_accuracy_on_a_linear_axis_with_the_diverged_along_the_bottom()
    {
        var report = Some.Report() with { Metric = "final_accuracy", MetricValue = 0.96875 };

        using var chart = ReportCharts.Of(report).Single(c => c.Id == "final-loss");
        var svg = chart.Svg();

        Assert.Equal("Final accuracy against learning rate", chart.Title);
        Assert.Contains("red crosses along the bottom", chart.Caption, StringComparison.Ordinal);
        AssertText("final accuracy", svg);
        Assert.DoesNotContain("final loss (log scale)", svg, StringComparison.Ordinal);
        AssertText("diverged", svg);
    }

    [Fact]
    public void The_final_loss_chart_of_a_single_stage_sweep_names_no_stage()
    {
        var svg = Svg(SomeSweep.Report(8, 5), "final-loss");

        AssertText("trials", svg);
        Assert.DoesNotContain("stage", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_search_over_a_weight_decay_plots_final_loss_against_that_decay_and_marks_its_choice()
    {
        var trials = Some.Trials().Select((t, i) => t with { Parameters = [new("training.weight_decay.l2", ((i + 1) * 0.001).ToString("R", CultureInfo.InvariantCulture))] });
        var report = Some.Report() with { Trials = [.. trials], Target = new SearchTarget("training.weight_decay.l2", 0.003) };

        var svg = Svg(report, "final-loss");

        AssertText("training.weight_decay.l2 (log scale)", svg);
        AssertText("chosen 0.003", svg);
        Assert.DoesNotContain("bracket", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heatmap_cell_holds_the_lowest_final_loss_of_its_pair_and_a_cross_when_all_its_trials_diverged()
    {
        TrialRow Trial(string id, double rate, double l2, double loss) =>
            Some.Trials()[0] with { TrialId = id, LearningRate = rate, WeightDecayL2 = l2, FinalTrainLoss = loss, Status = TrialStatus.Completed };
        var report = Some.Report() with
        {
            Trials = [Trial("a", 0.01, 0, 0.123), Trial("b", 0.01, 0, 0.456), Trial("c", 0.1, 0, 0.789), Trial("d", 0.01, 1e-4, 0.321), Trial("e", 0.1, 1e-4, 0.654) with { Status = TrialStatus.Diverged }],
        };

        var svg = Svg(report, "heatmap-lr-l2");

        AssertText("0.123", svg);
        Assert.DoesNotMatch(Text("0.456"), svg);
        AssertText("0.789", svg);
        AssertText("0.321", svg);
        AssertText("×", svg);
        Assert.DoesNotMatch(Text("0.654"), svg);
    }

    [Fact]
    public void A_large_sweep_draws_the_best_twenty_curves_and_a_band_for_the_rest()
    {
        var chart = ReportCharts.Of(SomeSweep.Report(100, 10)).First();
        var svg = Svg(chart);

        AssertText("80 other trials", svg);
        AssertText("their median", svg);
        Assert.Contains("The best 20 trials", chart.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_chart_without_data_has_no_plot()
    {
        var report = Some.Report() with { Trials = [Some.Trials()[3]], RangeTest = [new(0, 0.1, double.NaN, double.NaN)] };

        var charts = ReportCharts.Of(report).ToList();

        Assert.Equal(["loss-curves", "final-loss", "range-test"], charts.Select(c => c.Id));
        Assert.All(charts, c => Assert.False(c.IsDrawn));
    }

    [Fact]
    public void Losses_between_0_2_and_0_9_are_read_off_ticks_between_the_decades()
    {
        var report = SomeSweep.WithTrials([Trial("a", 0.01, 0.9, 0.6, 0.4, 0.25), Trial("b", 0.001, 0.85, 0.7, 0.5, 0.2)]);

        var labels = TickLabels(Svg(report, "loss-curves"));

        Assert.Contains("0.2", labels);
        Assert.Contains("0.5", labels);
        Assert.True(labels.Count(l => double.TryParse(l, CultureInfo.InvariantCulture, out var v) && v > 0.2 && v < 0.9) >= 2, string.Join(" ", labels));
    }

    [Fact]
    public void A_loss_axis_from_1e_minus_14_to_1e4_writes_every_label_as_a_power_of_ten()
    {
        var report = SomeSweep.WithTrials([Trial("a", 0.1, 1e4, 1, 1e-6, 1e-14), Trial("b", 0.01, 100, 1, 0.01)]);

        var labels = TickLabels(Svg(report, "loss-curves"));

        Assert.Contains("10⁻¹⁴", labels);
        Assert.Contains("10⁰", labels);
        Assert.DoesNotContain(labels, l => l.Contains('E', StringComparison.Ordinal));
    }

    [Fact]
    public void A_loss_of_exactly_0_is_drawn_at_the_bottom_on_a_tick_labelled_0_and_marked_where_it_is_reached()
    {
        var report = SomeSweep.WithTrials([Trial("exact", 0.1, 10, 1e-3, 2e-14, 0, 0), Trial("slow", 0.01, 10, 1, 0.1)]);
        using var chart = ReportCharts.Of(report).Single(c => c.Id == "loss-curves");

        var svg = chart.Svg();
        var exact = chart.Plot!.GetPlottables<ScottPlot.Plottables.Scatter>().Select(s => s.Data.GetScatterPoints()).First(p => p.Count == 5);

        // A decade below the decade of the lowest positive loss, 2e-14.
        Assert.Equal([1, -3, Math.Round(Math.Log10(2e-14), 9), -15, -15], exact.Select(p => Math.Round(p.Y, 9)));
        Assert.Contains("0", TickLabels(svg));
        AssertText("loss 0 from here (bottom)", svg);
    }

    [Fact]
    public void A_final_loss_of_exactly_0_is_drawn_at_the_bottom_and_marked_instead_of_vanishing()
    {
        var report = SomeSweep.WithTrials([Trial("exact", 0.1, 10, 1, 0), Trial("slow", 0.01, 10, 1, 0.00035)]);

        var svg = Svg(report, "final-loss");

        AssertText("final loss 0", svg);
        Assert.Contains("0", TickLabels(svg));
    }

    [Fact]
    public void No_chart_draws_its_legend_over_its_plot()
    {
        // Thirteen trials are more than the loss curves name; the diverged ones still have a legend entry.
        var charts = ReportCharts.Of(Some.Report()).Concat(ReportCharts.Of(SomeSweep.Report(13, 5))).Where(c => c.Plot is not null).ToList();

        try
        {
            var legends = charts.Where(c => c.Plot!.GetPlottables().Any(p => p.LegendItems.Any(i => !string.IsNullOrEmpty(i.LabelText)))).ToList();
            Assert.NotEmpty(legends);
            Assert.All(legends, c => Assert.False(c.Plot!.Legend.IsVisible, $"{c.Id} draws its legend inside the plot"));
            Assert.All(legends, c => Assert.Contains(c.Plot!.Axes.GetPanels(), p => p is ScottPlot.Panels.LegendPanel));
        }
        finally
        {
            charts.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public void The_range_test_cuts_its_loss_axis_near_the_fall_and_marks_the_suggestion_and_min_over_ten()
    {
        var report = Some.RangeTestReport();
        using var chart = ReportCharts.Of(report).Single(c => c.Id == "range-test");

        var svg = chart.Svg();
        var limits = chart.Plot!.Axes.GetLimits();

        Assert.InRange(limits.Top, 1.15, 2);
        Assert.InRange(limits.Bottom, 0.5, 1.0);
        AssertText("suggested 0.1322", svg);
        AssertText("lowest-loss rate / 10: 0.01995", svg);
    }

    [Fact]
    public void A_grid_with_a_range_test_beside_it_marks_the_suggestion_and_min_over_ten_as_the_range_test_does()
    {
        var report = Some.Report() with { RangeTestSuggestion = 0.005 };

        var svg = Svg(report, "range-test");

        AssertText("suggested 0.005", svg);
        AssertText("lowest-loss rate / 10: 0.001", svg);
    }

    // ScottPlot writes a text element's content on a line of its own.
    private static void AssertText(string text, string svg) => Assert.Matches(Text(text), svg);

    private static Regex Text(string text) => new($">\\s*{Regex.Escape(text)}\\s*</text>");

    private static string Svg(SweepReport report, string id) => Svg(ReportCharts.Of(report).Single(c => c.Id == id));

    private static List<string> TickLabels(string svg) => [.. Regex.Matches(svg, @">\s*([^<>]*?)\s*</text>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

    private static TrialRow Trial(string id, double rate, params double[] losses)
    {
        var epochs = losses.Select((loss, i) => new EpochRecord(i + 1, loss, null, null, rate, 1, 0.1, 0.01)).ToImmutableArray();
        return new TrialRow(id, 1, rate, 0, 0, "full", TrialStatus.Completed, CurveLabel.Good, epochs.Length, losses[^1], null, null, 1, [], epochs);
    }

    private static string Svg(ReportChart chart)
    {
        using (chart)
        {
            return chart.Svg();
        }
    }
}
