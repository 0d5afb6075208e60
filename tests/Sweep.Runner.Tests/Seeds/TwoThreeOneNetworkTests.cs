using System.Globalization;
using Sweep.Runner.Tests.EndToEnd;

namespace Sweep.Runner.Tests.Seeds;

/// <summary>Seed 004, experiments/seeds/two-three-one-network.yaml: the textbook 2-3-1 network from its printed weights.</summary>
[Collection(nameof(SweepProcesses))]
public sealed class TwoThreeOneNetworkTests
{
    [Fact]
    public async Task The_loss_falls_smoothly_from_0_3346_to_0_000326_in_100_epochs()
    {
        using var sweep = await SeedSweep.RunAsync("two-three-one-network.yaml");

        var losses = sweep.Epochs().Select(e => e.TrainLoss).ToList();
        Assert.Equal(100, losses.Count);
        Assert.Equal(0.33455, losses[0], 1e-4);
        Assert.Equal(0.000326, losses[^1], 5e-6);
        Assert.All(losses.Zip(losses.Skip(1)), pair => Assert.True(pair.Second < pair.First));

        var trial = Assert.Single(sweep.CsvReport("trials.csv"));
        Assert.Equal("completed", trial["status"]);
        Assert.Equal(losses[^1], double.Parse(trial["final_train_loss"], CultureInfo.InvariantCulture), 1e-12);
        // Still falling at epoch 100: the diagnosis says so.
        Assert.Equal("slow", trial["diagnosis"]);
    }
}
