using System.Diagnostics;
using System.Text.Json;
using Sweep.Runner.Tests.Seeds;

namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>
/// Seed 002 for real, in a user's PyTorch script (experiments/command/torch/): coarse-to-fine from Adam's
/// 0.001 through Sweep's own search, diagnosis and reports, the program stopped as soon as a rate diverges.
/// </summary>
[Collection(nameof(SweepProcesses))]
public sealed class TorchAutoencoderTests
{
    [Fact]
    public async Task Coarse_to_fine_over_the_PyTorch_autoencoder_stops_exploding_rates_early_and_picks_a_rate_between_0_001_and_0_1()
    {
        RequireTorchAndFashionMnist();
        using var folder = new SweepFolder();

        using var sweep = await SeedSweep.RunAsync(RepositoryFiles.Experiment("command/torch/autoencoder.yaml"), folder);

        var trials = folder.Query<(int Stage, double Rate, string Status, int Epochs)>("SELECT stage, learning_rate, status, epochs FROM trials ORDER BY stage, learning_rate");
        var coarse = trials.Where(t => t.Stage == 1).ToList();
        Assert.Equal([0.00001, 0.0001, 0.001, 0.01, 0.1], coarse.Select(t => t.Rate));
        Assert.All(coarse.Where(t => t.Rate < 0.1), t => Assert.Equal(("completed", 3), (t.Status, t.Epochs)));
        Assert.Contains(trials, t => t.Stage > 1);
        var best = await sweep.CommandOnStoreAsync("best", "--experiment", "command-torch-autoencoder", "--format", "json");
        using var json = JsonDocument.Parse(best.Output);
        Assert.InRange(json.RootElement.GetProperty("learning_rate").GetDouble(), 0.001, 0.1);
        Assert.All(sweep.CsvReport("epochs.csv"), row => Assert.NotEqual("", row["weight_norm"]));
    }

    private static void RequireTorchAndFashionMnist()
    {
        Assert.True(File.Exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"), "Fashion-MNIST is missing: apt-get install dataset-fashion-mnist (.ci/run does)");
        using var probe = Process.Start("/usr/bin/python3", ["-c", "import torch"])!;
        probe.WaitForExit();
        Assert.True(probe.ExitCode == 0, "PyTorch is missing: apt-get install python3-torch (.ci/run does)");
    }
}
