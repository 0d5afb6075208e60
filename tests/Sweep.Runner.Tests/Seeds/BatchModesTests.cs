using System.Text.RegularExpressions;
using Sweep.Runner.Tests.EndToEnd;

namespace Sweep.Runner.Tests.Seeds;

/// <summary>Seed 001, experiments/seeds/batch-modes.yaml: full batch, mini-batch and SGD on the same data.</summary>
[Collection(nameof(SweepProcesses))]
public sealed class BatchModesTests
{
    [Fact]
    public async Task The_ranking_shows_1_5_and_160_updates_per_epoch_and_more_updates_get_further_in_20_epochs()
    {
        using var sweep = await SeedSweep.RunAsync("batch-modes.yaml");

        // 160 training samples: one update per epoch, ceil(160 / 32) = 5, or one per sample.
        var output = sweep.Run.Output;
        Assert.Matches(new Regex(@"training\.batch\s+updates/epoch\s+final loss"), output);
        Assert.Matches(new Regex(@"\ssgd\s+160\s"), output);
        Assert.Matches(new Regex(@"\s32\s+5\s"), output);
        Assert.Matches(new Regex(@"\sfull\s+1\s"), output);

        var trials = sweep.Folder.Query<(string Batch, string Status, string Diagnosis, int Epochs, double FinalLoss)>(
            "SELECT batch, status, diagnosis, epochs, final_val_loss FROM trials ORDER BY final_val_loss");
        Assert.Equal(["sgd", "32", "full"], trials.Select(t => t.Batch));
        Assert.All(trials, t => Assert.Equal(("completed", 20), (t.Status, t.Epochs)));
        Assert.Equal(["good", "slow", "slow"], trials.Select(t => t.Diagnosis));
        // Each mode is an order of magnitude or so ahead of the one with fewer updates.
        Assert.True(trials[0].FinalLoss * 10 < trials[1].FinalLoss && trials[1].FinalLoss * 2 < trials[2].FinalLoss, string.Join(", ", trials));
        Assert.Equal(["32", "full", "sgd"], sweep.CsvReport("trials.csv").Select(row => row["batch"]).Order(StringComparer.Ordinal));
    }
}
