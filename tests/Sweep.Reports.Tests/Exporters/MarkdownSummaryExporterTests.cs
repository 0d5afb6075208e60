using Sweep.Reports.Exporters;

namespace Sweep.Reports.Tests.Exporters;

public sealed class MarkdownSummaryExporterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    public void Summary_is_the_approved_file_in_any_culture(string culture)
    {
        using var scope = new CultureScope(culture);
        using var directory = new TemporaryDirectory();

        var written = new MarkdownSummaryExporter().Export(Some.Report(), directory.Path);

        Assert.Equal([Path.Combine(directory.Path, "summary.md")], written);
        Approved.AssertFile("summary.md", written[0]);
    }

    [Fact]
    public void A_sweep_without_a_best_trial_or_story_says_so_and_leaves_the_story_out()
    {
        using var directory = new TemporaryDirectory();
        var report = Some.Report() with { BestTrialId = null, ChosenLearningRate = null, Story = [] };

        var text = File.ReadAllText(new MarkdownSummaryExporter().Export(report, directory.Path)[0]);

        Assert.Contains("No trial finished with a usable loss.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("## How the rate was chosen", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_ten_best_trials_are_listed_best_first()
    {
        using var directory = new TemporaryDirectory();
        var template = Some.Trials()[2];
        var trials = Enumerable.Range(1, 12).Select(i => template with { TrialId = $"t{i:00}", FinalValidationLoss = 1.0 / i }).ToArray();
        var report = SomeSweep.WithTrials([.. trials]);

        var rows = File.ReadLines(new MarkdownSummaryExporter().Export(report, directory.Path)[0])
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("| t", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(10, rows.Count);
        Assert.StartsWith("| 1 | t12 |", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("| 10 | t03 |", rows[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipe_in_a_parameter_value_does_not_break_the_table()
    {
        using var directory = new TemporaryDirectory();
        var best = Some.Trials()[2] with { Parameters = [new("model.name", "a|b")] };
        var report = Some.Report() with { Trials = [best] };

        var text = File.ReadAllText(new MarkdownSummaryExporter().Export(report, directory.Path)[0]);

        Assert.Contains("| model.name | a\\|b |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_test_sweep_gives_its_suggested_rate_to_four_digits_and_its_test_instead_of_an_empty_table_and_an_epochless_ranking()
    {
        using var directory = new TemporaryDirectory();

        var text = File.ReadAllText(new MarkdownSummaryExporter().Export(Some.RangeTestReport(), directory.Path)[0]);

        Assert.Contains("## Suggested learning rate", text, StringComparison.Ordinal);
        Assert.Contains("Suggested learning rate **0.1322**, where the smoothed loss falls fastest; the lowest-loss rate / 10 is 0.01995.", text, StringComparison.Ordinal);
        Assert.Contains("| Steps | 61, rates 1E-05 to 10 |", text, StringComparison.Ordinal);
        Assert.Contains("| Trial | `rt-1`, completed in 0.24 s |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("| Parameter | Value |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("final loss", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Top 10 trials", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0.13219411484660287", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_best_trial_without_a_final_loss_says_so_instead_of_leaving_a_blank_and_one_trial_is_one_trial()
    {
        using var directory = new TemporaryDirectory();
        var report = Some.Report() with { Trials = [Some.Trials()[3]], BestTrialId = "s2-t004" };

        var text = File.ReadAllText(new MarkdownSummaryExporter().Export(report, directory.Path)[0]);

        Assert.Contains("Trial `s2-t004` (stage 2): no final loss; chosen learning rate **0.01**.", text, StringComparison.Ordinal);
        Assert.Contains(" · 1 trial · ", text, StringComparison.Ordinal);
    }
}
