using Sweep.Runner.Tests.EndToEnd;

namespace Sweep.Runner.Tests.Seeds;

/// <summary>Seed 002 on the real data set, experiments/seeds/fashion-autoencoder.yaml: Adam's rates for a shallow autoencoder.</summary>
[Collection(nameof(SweepProcesses))]
public sealed class FashionAutoencoderTests
{
    private const string Folder = "/usr/share/datasets/fashion-mnist";

    [Fact]
    public async Task Around_Adams_default_small_rates_are_slow_0_01_is_best_and_from_0_1_to_10_the_loss_explodes()
    {
        Assert.True(
            File.Exists(Path.Combine(Folder, "train-images-idx3-ubyte.gz")) && File.Exists(Path.Combine(Folder, "t10k-images-idx3-ubyte.gz")),
            $"Fashion-MNIST is missing from {Folder}: install the Debian package with `apt-get install dataset-fashion-mnist` (.ci/run does)");

        using var sweep = await SeedSweep.RunAsync("fashion-autoencoder.yaml");

        var coarse = sweep.Folder.Query<(double Rate, string Status, string Diagnosis, int Epochs, double Final)>(
            "SELECT learning_rate, status, diagnosis, epochs, final_val_loss FROM trials WHERE stage = (SELECT MIN(stage) FROM trials) ORDER BY learning_rate");
        Assert.Equal([0.00001, 0.0001, 0.001, 0.01, 0.1, 1, 10], coarse.Select(t => t.Rate));
        Assert.Equal(["slow", "slow", "slow", "good", "diverging", "diverging", "diverging"], coarse.Select(t => t.Diagnosis));
        Assert.All(coarse.Take(4), t => Assert.Equal(("completed", 60), (t.Status, t.Epochs)));
        // Each epoch is one update: the blow-up shows from epoch 1 to 2, and the trial stops there.
        Assert.All(coarse.Skip(4), t => Assert.Equal(("diverged", 2), (t.Status, t.Epochs)));
        Assert.InRange(coarse[3].Final, 0.3, 0.4);
    }
}
