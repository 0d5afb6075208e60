using System.Text.Json;
using Sweep.Runner.Tests.EndToEnd;

namespace Sweep.Runner.Tests.Seeds;

/// <summary>Seed 001's range test, experiments/seeds/lr-range-test.yaml, through `sweep run` (stored) and `sweep lr-find`.</summary>
[Collection(nameof(SweepProcesses))]
public sealed class LearningRateRangeTestTests
{
    [Fact]
    public async Task Sweep_run_stores_100_steps_from_1e_5_to_10_and_the_steepest_fall_suggests_about_0_13()
    {
        using var sweep = await SeedSweep.RunAsync("lr-range-test.yaml");

        var steps = sweep.Folder.Query<(int Step, double Rate, double Smoothed)>("SELECT step, learning_rate, smoothed_loss FROM range_tests ORDER BY step");
        Assert.Equal(Enumerable.Range(0, 100), steps.Select(s => s.Step));
        Assert.Equal(1e-5, steps[0].Rate, 1e-12);
        Assert.Equal(10, steps[^1].Rate, 1e-9);
        // Flat while the rate is too small, lowest past 0.1, far above the lowest once it is too large.
        Assert.Equal(steps[0].Smoothed, steps[20].Smoothed, 0.05);
        var lowest = steps.MinBy(s => s.Smoothed);
        Assert.InRange(lowest.Rate, 0.1, 1);
        Assert.True(steps[^1].Smoothed > 2 * lowest.Smoothed);

        var best = await sweep.CommandOnStoreAsync("best", "--experiment", "seed-lr-range-test", "--format", "json");
        using var json = JsonDocument.Parse(best.Output);
        var suggestion = json.RootElement.GetProperty("suggestion").GetDouble();
        Assert.InRange(suggestion, 0.05, 0.3);
        Assert.Equal(suggestion, json.RootElement.GetProperty("learning_rate").GetDouble());
        Assert.InRange(json.RootElement.GetProperty("min_loss_rate_over_ten").GetDouble(), 0.005, 0.05);
        using var report = JsonDocument.Parse(sweep.Report("report.json"));
        Assert.Equal(100, report.RootElement.GetProperty("range_test").GetArrayLength());
    }

    [Fact]
    public async Task A_range_test_sweep_prints_and_reports_its_suggested_rate_without_an_empty_table_or_a_ranking_of_its_epochless_trial()
    {
        using var sweep = await SeedSweep.RunAsync("lr-range-test.yaml");

        Assert.DoesNotContain("No trial completed.", sweep.Run.Output, StringComparison.Ordinal);
        Assert.Contains("1 completed. Suggested learning rate 0.1322, where the smoothed loss falls fastest (range test ", sweep.Run.Output, StringComparison.Ordinal);
        var summary = sweep.Report("summary.md");
        Assert.Contains("Suggested learning rate **0.1322**, where the smoothed loss falls fastest", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("| Parameter | Value |", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Top 10 trials", summary, StringComparison.Ordinal);
        var page = sweep.Report("report.html");
        Assert.Contains("Suggested learning rate <strong>0.1322</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>Parameter</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0.13219411484660287", page + summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_lr_find_on_the_same_file_suggests_the_same_rate()
    {
        var run = await SeedSweep.CommandAsync("lr-find", SeedSweep.File("lr-range-test.yaml"), "--format", "json");

        Assert.True(run.ExitCode == 0, run.All);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(100, json.RootElement.GetProperty("steps").GetArrayLength());
        Assert.Equal(0.1322, json.RootElement.GetProperty("suggestion").GetDouble(), 1e-4);
    }
}
