using System.Text.Json;
using Sweep.Runner.Tests.EndToEnd;

namespace Sweep.Runner.Tests.Seeds;

/// <summary>
/// Seed 001's weight decay: experiments/seeds/weight-decay.yaml (L1, L2 and both at 0.1, 0.001 and 0.0001)
/// and the searches of one penalty, weight-decay-l1.yaml, weight-decay-l2.yaml and weight-decay-l1-l2.yaml.
/// </summary>
[Collection(nameof(SweepProcesses))]
public sealed class WeightDecayTests
{
    /// <summary>log 3: the cross-entropy of guessing among three classes.</summary>
    private static readonly double Guessing = Math.Log(3);

    [Fact]
    public async Task Without_decay_the_network_overfits_L2_0_001_holds_it_best_and_a_penalty_of_0_1_learns_nothing()
    {
        using var sweep = await SeedSweep.RunAsync("weight-decay.yaml");

        var trials = sweep.Folder.Query<(string Id, double L1, double L2, string Status, double Final, double Best)>(
            "SELECT id, weight_decay_l1, weight_decay_l2, status, final_val_loss, best_val_loss FROM trials ORDER BY final_val_loss");
        Assert.Equal(16, trials.Count);
        Assert.All(trials, t => Assert.Equal("completed", t.Status));
        var none = trials.Single(t => t is { L1: 0, L2: 0 });
        Assert.True(none.Final > 2 * none.Best, $"no decay: best {none.Best}, final {none.Final}: it should climb back up");
        var best = trials[0];
        Assert.Equal((0.0, 0.001), (best.L1, best.L2));
        Assert.True(best.Final < 1.02 * best.Best, $"L2 0.001: best {best.Best}, final {best.Final}: it should hold");
        Assert.True(trials.Where(t => t is { L1: > 0, L2: 0 }).All(t => t.Final > best.Final), "L1 alone beats L2 0.001");
        Assert.All(trials.Where(t => t.L1 == 0.1 || t.L2 == 0.1), t => Assert.True(t.Final > 0.95 * Guessing, $"{t}"));

        using var report = JsonDocument.Parse(sweep.Report("report.json"));
        Assert.Equal(best.Id, report.RootElement.GetProperty("best_trial_id").GetString());
    }

    [Theory]
    [InlineData("weight-decay-l2.yaml", "seed-weight-decay-l2")]
    [InlineData("weight-decay-l1-l2.yaml", "seed-weight-decay-l1-l2")]
    public async Task The_L2_search_tries_the_seeds_orders_of_magnitude_then_refines_inside_the_best_decade(string file, string experiment)
    {
        using var sweep = await SeedSweep.RunAsync(file);

        var tried = sweep.Folder.Query<(int Stage, double Value, double Final)>("SELECT stage, weight_decay_l2, final_val_loss FROM trials ORDER BY stage, weight_decay_l2");
        var coarse = tried.Where(t => t.Stage == 1).ToList();
        Assert.Equal([0.0001, 0.001, 0.01, 0.1], coarse.Select(t => t.Value));
        Assert.Equal(0.001, coarse.MinBy(t => t.Final).Value);
        var fine = tried.Where(t => t.Stage > 1).ToList();
        Assert.NotEmpty(fine);
        Assert.All(fine, t => Assert.InRange(t.Value, 0.0001, 0.001));
        var best = tried.MinBy(t => t.Final);
        Assert.Equal(0.0007, best.Value);
        Assert.True(best.Final < 0.95 * coarse.Min(t => t.Final), "the fine stages should beat the best order of magnitude");

        var story = await sweep.CommandOnStoreAsync("best", "--experiment", experiment);
        Assert.Contains("Best 0.0007 (", story.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_L1_search_keeps_the_smallest_penalty_0_0001_and_0_1_does_worst()
    {
        using var sweep = await SeedSweep.RunAsync("weight-decay-l1.yaml");

        var tried = sweep.Folder.Query<(int Stage, double Value, double Final)>("SELECT stage, weight_decay_l1, final_val_loss FROM trials ORDER BY stage, weight_decay_l1");
        Assert.Equal([0.0001, 0.001, 0.01, 0.1], tried.Where(t => t.Stage == 1).Select(t => t.Value));
        Assert.Contains(tried, t => t.Stage > 1);
        Assert.Equal(0.0001, tried.MinBy(t => t.Final).Value);
        Assert.Equal(0.1, tried.MaxBy(t => t.Final).Value);
    }
}
