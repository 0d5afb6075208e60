using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Sweep.Reports.Exporters;

namespace Sweep.Reports.Tests.Exporters;

public sealed partial class HtmlReportExporterTests
{
    private const string Hostile = "<script>alert(1)</script>";

    [Fact]
    public void Hostile_text_from_the_experiment_is_escaped_everywhere()
    {
        using var directory = new TemporaryDirectory();
        var trial = Some.Trials()[2] with { TrialId = Hostile, Batch = Hostile, Parameters = [new(Hostile, Hostile)] };
        var report = Some.Report(Hostile) with { ExperimentName = Hostile, Strategy = Hostile, Version = Hostile, Trials = [trial], BestTrialId = Hostile, Story = [Hostile] };

        var html = File.ReadAllText(new HtmlReportExporter().Export(report, directory.Path)[0]);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        // Title, heading, description, strategy, version, best trial, parameter path and value, story, table id
        // and batch, the searched key's column heading and cell in the trials table, and the legends of the loss
        // chart and of its training-loss and accuracy views (escaped by the SVG writer).
        Assert.Equal(16, Regex.Count(html, Regex.Escape("&lt;script&gt;alert(1)&lt;/script&gt;")));
        // The loss curves' metric selector and the trials table: the page's own two scripts.
        Assert.Equal(2, Regex.Count(html, "<script>"));
    }

    [Fact]
    public void A_hostile_batch_mode_stays_escaped_in_the_heatmap_ticks_and_the_comparison_legend()
    {
        using var directory = new TemporaryDirectory();
        var trials = Some.Trials();
        var report = Some.Report() with { Trials = [trials[0], trials[2] with { Batch = Hostile }] };

        var html = File.ReadAllText(new HtmlReportExporter().Export(report, directory.Path)[0]);

        Assert.Contains("<section id=\"heatmap-lr-batch\">", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"batch-modes\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "<script>"));
        // The trials table, the heatmap's tick and the comparison's legend.
        Assert.Equal(3, Regex.Count(html, Regex.Escape("&lt;script&gt;alert(1)&lt;/script&gt;")));
    }

    [Fact]
    public void The_page_references_nothing_outside_itself()
    {
        using var directory = new TemporaryDirectory();

        var html = File.ReadAllText(new HtmlReportExporter().Export(Some.Report(), directory.Path)[0]);

        var addresses = Address().Matches(html).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(["http://www.w3.org/2000/svg"], addresses);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" href=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_chart_is_an_inline_svg_in_its_own_section()
    {
        using var directory = new TemporaryDirectory();

        var html = File.ReadAllText(new HtmlReportExporter().Export(Some.Report(), directory.Path)[0]);

        // Nine charts, and the loss curves' training-loss and accuracy views.
        Assert.Equal(11, Regex.Count(html, "<svg "));
        var sections = Regex.Matches(html, "<section id=\"([a-z0-9-]+)\"><h2>").Select(m => m.Groups[1].Value);
        Assert.Equal(["story", "loss-curves", "final-loss", "diagnosis", "heatmap-lr-l2", "heatmap-lr-l1", "heatmap-lr-batch", "batch-modes", "regularisation", "range-test"], sections);
        Assert.Contains("<h2>Learning-rate range test</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        Assert.Contains("loss (log scale)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_diagnosis_section_explains_the_rule_of_each_label_the_sweep_has()
    {
        using var directory = new TemporaryDirectory();

        var html = File.ReadAllText(new HtmlReportExporter().Export(Some.Report(), directory.Path)[0]);

        var section = Regex.Match(html, "<section id=\"diagnosis\">.*?</section>", RegexOptions.Singleline).Value;
        var rules = Regex.Matches(section, "<li>([A-Za-z]+):").Select(m => m.Groups[1].Value);
        Assert.Equal(["Slow", "Good", "Diverging"], rules);
        Assert.Contains("<h2>What each label looks like</h2>", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_range_test_its_chart_is_left_out()
    {
        using var directory = new TemporaryDirectory();

        var html = File.ReadAllText(new HtmlReportExporter().Export(Some.Report() with { RangeTest = [] }, directory.Path)[0]);

        Assert.Equal(10, Regex.Count(html, "<svg "));
        Assert.DoesNotContain("range test", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_with_nothing_to_plot_still_writes_a_page()
    {
        using var directory = new TemporaryDirectory();
        var report = Some.Report() with { Trials = [Some.Trials()[3]], BestTrialId = null, ChosenLearningRate = null, RangeTest = [] };

        var html = File.ReadAllText(new HtmlReportExporter().Export(report, directory.Path)[0]);

        Assert.Equal(0, Regex.Count(html, "<svg "));
        Assert.Equal(2, Regex.Count(html, "No finite losses to plot."));
        Assert.Contains("No trial finished with a usable loss.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_trials_table_has_a_row_per_trial_best_first_with_its_diagnosis_and_exact_sort_values()
    {
        using var directory = new TemporaryDirectory();

        var html = File.ReadAllText(new HtmlReportExporter().Export(Some.Report(), directory.Path)[0]);

        var rows = TrialRow().Matches(html).Select(m => m.Groups[1].Value).ToList();
        // A trial that did not complete ranks after every completed one, whatever loss it ended at; then the smaller rate first.
        Assert.Equal(["s2-t003", "s1-t001", "s2-t004", "s1-t002"], rows);
        Assert.Contains("<td class=\"label-good\">good</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"label-none\"></td>", html, StringComparison.Ordinal);
        Assert.Contains("data-value=\"0.30000000000000004\">0.3</td>", html, StringComparison.Ordinal);
        Assert.Contains("data-value=\"12345.678\">12345.68</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_test_sweep_gives_its_suggested_rate_to_four_digits_and_its_test_instead_of_an_empty_table_and_an_epochless_ranking()
    {
        using var directory = new TemporaryDirectory();

        var page = File.ReadAllText(new HtmlReportExporter().Export(Some.RangeTestReport(), directory.Path)[0]);

        Assert.Contains("<h2>Suggested learning rate</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Suggested learning rate <strong>0.1322</strong>, where the smoothed loss falls fastest", page, StringComparison.Ordinal);
        Assert.Contains("<tr><th>Trial</th><td><code>rt-1</code>, completed in 0.24 s</td></tr>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>Parameter</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("final loss", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"trials\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0.13219411484660287", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_trials_table_has_a_filter_box_and_a_count()
    {
        using var directory = new TemporaryDirectory();

        var html = File.ReadAllText(new HtmlReportExporter().Export(Some.Report(), directory.Path)[0]);

        Assert.Contains("<input type=\"search\" id=\"trial-filter\"", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"trial-count\">4 trials</span>", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"sortable\" id=\"trials\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_follows_a_dark_theme_with_its_charts_on_a_light_card()
    {
        using var directory = new TemporaryDirectory();

        var html = File.ReadAllText(new HtmlReportExporter().Export(Some.Report(), directory.Path)[0]);

        Assert.Contains("@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;", html, StringComparison.Ordinal);
        Assert.Matches("figure\\{[^}]*background:var\\(--card\\)", html);
    }

    [Fact]
    public void A_report_of_1000_trials_of_1000_epochs_stays_under_5_MB()
    {
        using var directory = new TemporaryDirectory();
        var report = SomeSweep.Report(1000, 1000, i => (i % 3 * 1e-4, i % 2 == 0 ? "32" : "full"));

        var size = new FileInfo(new HtmlReportExporter().Export(report, directory.Path)[0]).Length;

        Assert.InRange(size, 100_000, 5_000_000);
    }

    [Fact]
    public void A_report_of_a_sweep_larger_than_it_shows_says_so_and_links_to_the_files_of_every_trial()
    {
        using var directory = new TemporaryDirectory();
        var report = SomeSweep.Large(1_500, 4);

        var html = File.ReadAllText(new HtmlReportExporter().Export(report, directory.Path)[0]);

        Assert.Contains("1500 trials ·", html);
        Assert.Contains(
            "This page shows 1000 of the sweep's 1500 trials: the best 1000 by the ranking that picked the best trial, and every trial with the best one's other settings. " +
            "All 1500 are in <a href=\"trials.csv\">trials.csv</a>", html);
        Assert.Equal(1_000, Regex.Count(html, "<tr><td>t\\d{4}</td>"));
    }

    [Fact]
    public void A_report_of_every_trial_of_its_sweep_says_nothing_about_trials_left_out()
    {
        using var directory = new TemporaryDirectory();

        var html = File.ReadAllText(new HtmlReportExporter().Export(SomeSweep.Report(1_000, 4), directory.Path)[0]);

        Assert.DoesNotContain("shown-trials", html);
    }

    [Fact]
    public void A_report_of_1000_trials_with_twenty_metrics_of_their_own_draws_twelve_of_them_and_stays_under_5_MB()
    {
        using var directory = new TemporaryDirectory();
        var metrics = Enumerable.Range(1, 20).ToImmutableSortedDictionary(i => $"metric{i:D2}", i => (double)i, StringComparer.Ordinal);
        var report = SomeSweep.Report(1000, 1000);
        report = report with { Trials = [.. report.Trials.Select(t => t with { Epochs = [.. t.Epochs.Select(e => e with { Extra = metrics })] })] };

        var html = File.ReadAllText(new HtmlReportExporter().Export(report, directory.Path)[0]);

        Assert.Equal(13, Regex.Count(html, "<div class=\"view\""));
        Assert.Contains(">metric12</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">metric13</option>", html, StringComparison.Ordinal);
        Assert.InRange(html.Length, 100_000, 5_000_000);
    }

    [Fact]
    public void The_page_is_the_same_in_a_culture_that_writes_decimal_commas()
    {
        using var directory = new TemporaryDirectory();
        var exporter = new HtmlReportExporter();
        var invariant = File.ReadAllText(exporter.Export(Some.Report(), directory.Path)[0]);

        string german;
        using (new CultureScope("de-DE"))
        {
            german = File.ReadAllText(exporter.Export(Some.Report(), directory.Path)[0]);
        }

        Assert.Equal(invariant, german);
    }

    [GeneratedRegex("https?://[^\"'\\s<>]*")]
    private static partial Regex Address();

    [GeneratedRegex("<tr><td>([^<]*)</td><td class=\"number\"")]
    private static partial Regex TrialRow();
}
