using System.Text.Json;
using Sweep.Runner.Tests.EndToEnd;

namespace Sweep.Runner.Tests.Seeds;

/// <summary>Seed 001's range test, experiments/seeds/lr-range-test.yaml, through `sweep lr-find`.</summary>
[Collection(nameof(SweepProcesses))]
public sealed class LearningRateRangeTestTests
{
    [Fact]
    public async Task The_rate_grows_from_1e_5_to_10_and_the_steepest_fall_suggests_about_0_13()
    {
        var run = await SeedSweep.CommandAsync("lr-find", SeedSweep.File("lr-range-test.yaml"), "--format", "json");

        Assert.True(run.ExitCode == 0, run.All);
        using var json = JsonDocument.Parse(run.Output);
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(100, steps.Count);
        Assert.Equal(1e-5, steps[0].GetProperty("learning_rate").GetDouble(), 1e-12);
        Assert.Equal(10, steps[^1].GetProperty("learning_rate").GetDouble(), 1e-9);
        // Flat while the rate is too small, lowest past 0.1, far above the start once it is too large.
        var smoothed = steps.Select(s => s.GetProperty("smoothed_loss").GetDouble()).ToList();
        Assert.Equal(smoothed[0], smoothed[20], 0.05);
        Assert.True(smoothed[^1] > 2 * smoothed.Min());
        Assert.InRange(json.RootElement.GetProperty("suggestion").GetDouble(), 0.05, 0.3);
        Assert.InRange(json.RootElement.GetProperty("min_loss_rate_over_ten").GetDouble(), 0.005, 0.05);
    }
}
