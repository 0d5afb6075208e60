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

    // ScottPlot writes a text element's content on a line of its own.
    private static void AssertText(string text, string svg) => Assert.Matches(Text(text), svg);

    private static Regex Text(string text) => new($">\\s*{Regex.Escape(text)}\\s*</text>");

    private static string Svg(SweepReport report, string id) => Svg(ReportCharts.Of(report).Single(c => c.Id == id));

    private static string Svg(ReportChart chart)
    {
        using (chart)
        {
            return chart.Svg();
        }
    }
}
