using System.Text.Json;
using Sweep.Runner.Tests.EndToEnd;

namespace Sweep.Runner.Tests.Seeds;

/// <summary>Seed 000, experiments/seeds/clipped-perceptron.yaml: the perceptron clipped at 250, with and without a learning rate.</summary>
[Collection(nameof(SweepProcesses))]
public sealed class ClippedPerceptronTests
{
    [Fact]
    public async Task Without_a_learning_rate_it_diverges_and_with_0_00001_it_converges()
    {
        using var sweep = await SeedSweep.RunAsync("clipped-perceptron.yaml");

        var trials = sweep.Folder.Query<(double Rate, string Status, int Epochs)>("SELECT learning_rate, status, epochs FROM trials ORDER BY learning_rate");
        Assert.Equal([(0.000005, "completed", 334), (0.00001, "completed", 334), (0.5, "diverged", 2), (1.0, "diverged", 2)], trials);
        var epochs = sweep.Epochs();
        foreach (var rate in new[] { 0.5, 1.0 })
        {
            // The weights jump by thousands per sample and flip sign: after one epoch w is past 10^11.
            Assert.True(epochs.First(e => e.Rate == rate).WeightNorm > 1e11, $"lr {rate}");
        }

        foreach (var rate in new[] { 0.000005, 0.00001 })
        {
            var curve = epochs.Where(e => e.Rate == rate).ToList();
            Assert.True(curve[^1].TrainLoss < curve[0].TrainLoss / 10, $"lr {rate}: {curve[0].TrainLoss} -> {curve[^1].TrainLoss}");
            Assert.Equal(1.29, curve[^1].WeightNorm, 0.01);
        }

        using var report = JsonDocument.Parse(sweep.Report("report.json"));
        Assert.Equal(0.000005, report.RootElement.GetProperty("chosen_learning_rate").GetDouble());
    }
}
