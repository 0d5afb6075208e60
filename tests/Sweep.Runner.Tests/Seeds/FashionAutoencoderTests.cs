using System.Text.Json;
using System.Text.RegularExpressions;
using Sweep.Runner.Tests.EndToEnd;

namespace Sweep.Runner.Tests.Seeds;

/// <summary>
/// Seed 002 on the real data set: experiments/seeds/fashion-autoencoder.yaml (the coarse-to-fine search for
/// Adam's rate) and fashion-autoencoder-rates.yaml (its four kinds of curve).
/// </summary>
[Collection(nameof(SweepProcesses))]
public sealed class FashionAutoencoderTests
{
    private const string Folder = "/usr/share/datasets/fashion-mnist";

    [Fact]
    public async Task The_search_from_Adams_default_finds_slow_rates_below_0_01_explosions_from_0_1_to_10_and_picks_0_02()
    {
        RequireFashionMnist();

        using var sweep = await SeedSweep.RunAsync("fashion-autoencoder.yaml");

        var trials = sweep.Folder.Query<(int Stage, double Rate, string Status, string Diagnosis, int Epochs)>(
            "SELECT stage, learning_rate, status, diagnosis, epochs FROM trials ORDER BY stage, learning_rate");
        var coarse = trials.Where(t => t.Stage == 1).ToList();
        Assert.Equal([0.00001, 0.0001, 0.001, 0.01, 0.1, 1, 10], coarse.Select(t => t.Rate));
        // A stage's labels are judged against it and the stages before, as the story tells them: 0.01 was the
        // best of the coarse stage (good) and stays so, though a fine stage later found 0.02.
        Assert.Equal(["slow", "slow", "slow", "good", "diverging", "diverging", "diverging"], coarse.Select(t => t.Diagnosis));
        // Each epoch is one update: the blow-up shows from epoch 1 to 2, and the trial stops there.
        Assert.All(coarse.Skip(4), t => Assert.Equal(("diverged", 2), (t.Status, t.Epochs)));
        var fine = trials.Where(t => t.Stage > 1).ToList();
        Assert.NotEmpty(fine);
        Assert.All(fine, t => Assert.InRange(t.Rate, 0.0100001, 0.0999999));

        var best = await sweep.CommandOnStoreAsync("best", "--experiment", "seed-fashion-autoencoder", "--format", "json");
        using var json = JsonDocument.Parse(best.Output);
        Assert.Equal(0.02, json.RootElement.GetProperty("learning_rate").GetDouble());
        Assert.Equal(trials.Count, json.RootElement.GetProperty("trials_run").GetInt32());
        using var report = JsonDocument.Parse(sweep.Report("report.json"));
        Assert.Equal(0.02, report.RootElement.GetProperty("chosen_learning_rate").GetDouble());
        Assert.Contains(report.RootElement.GetProperty("story").EnumerateArray(), line => line.GetString()!.StartsWith("Stage 2 (fine)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rates_0_001_0_01_0_05_and_10_are_slow_good_oscillating_and_diverging()
    {
        RequireFashionMnist();

        using var sweep = await SeedSweep.RunAsync("fashion-autoencoder-rates.yaml");

        var trials = sweep.Folder.Query<(double Rate, string Status, string Diagnosis)>("SELECT learning_rate, status, diagnosis FROM trials ORDER BY learning_rate");
        Assert.Equal(
            [(0.001, "completed", "slow"), (0.01, "completed", "good"), (0.05, "completed", "oscillating"), (10.0, "diverged", "diverging")],
            trials);
        // The README's picture of each case: a panel per label, titled with the numbers stored with it.
        Assert.True(File.Exists(Path.Combine(sweep.Folder.OutPath, "diagnosis.png")), "no diagnosis.png beside report.html");
        var section = Regex.Match(sweep.Report("report.html"), "<section id=\"diagnosis\">.*?</section>", RegexOptions.Singleline).Value;
        var titles = Regex.Matches(section, @">\s*([a-z]+ · lr [0-9.]+)\s*</text>").Select(m => m.Groups[1].Value);
        Assert.Equal(["slow · lr 0.001", "good · lr 0.01", "oscillating · lr 0.05", "diverging · lr 10"], titles);
        Assert.Contains("hit the divergence stop at epoch 2", section, StringComparison.Ordinal);
    }

    private static void RequireFashionMnist() => Assert.True(
        File.Exists(Path.Combine(Folder, "train-images-idx3-ubyte.gz")) && File.Exists(Path.Combine(Folder, "t10k-images-idx3-ubyte.gz")),
        $"Fashion-MNIST is missing from {Folder}: install the Debian package with `apt-get install dataset-fashion-mnist` (.ci/run does)");
}
