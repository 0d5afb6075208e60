using System.Globalization;
using System.Text.Json;
using Sweep.Runner.Tests.EndToEnd;

namespace Sweep.Runner.Tests.Seeds;

/// <summary>Seeds 003/004, experiments/seeds/y3x-learning-rates.yaml: y = 3x at lr 0.01, 0.1 and 1.</summary>
[Collection(nameof(SweepProcesses))]
public sealed class LinearLearningRatesTests
{
    [Fact]
    public async Task Rates_0_01_0_1_and_1_are_slow_good_and_diverging_and_one_epoch_moves_w_to_0_45_4_5_and_45()
    {
        using var sweep = await SeedSweep.RunAsync("y3x-learning-rates.yaml");

        var trials = sweep.Folder.Query<(double Rate, string Status, string Diagnosis, int Epochs)>(
            "SELECT learning_rate, status, diagnosis, epochs FROM trials ORDER BY learning_rate");
        Assert.Equal([(0.01, "completed", "slow", 1000), (0.1, "completed", "good", 1000), (1.0, "diverged", "diverging", 2)], trials);

        // The model's only weight is w, so an epoch's weight norm is |w| after that epoch's one update.
        var epochs = sweep.Epochs();
        var afterOne = epochs.Where(e => e.Epoch == 1).Select(e => e.WeightNorm).ToList();
        Assert.Equal([0.45, 4.5, 45], afterOne.Select(w => Math.Round(w, 5)));
        var fromCsv = sweep.CsvReport("epochs.csv").Where(row => row["epoch"] == "1").Select(row => double.Parse(row["weight_norm"], CultureInfo.InvariantCulture));
        Assert.Equal(afterOne.Order(), fromCsv.Order());

        // 0.01 creeps up towards 3 and never passes it; 0.1 overshoots to 4.5, then settles at 3.
        var slow = epochs.Where(e => e.Rate == 0.01).ToList();
        Assert.All(slow, e => Assert.True(e.WeightNorm < 3));
        Assert.Equal(2.9845, slow[^1].WeightNorm, 1e-3);
        Assert.Equal(3.0, epochs.Last(e => e.Rate == 0.1).WeightNorm, 1e-3);
        // 1 explodes: the second epoch's loss is more than four times the first's.
        var exploding = epochs.Where(e => e.Rate == 1).ToList();
        Assert.True(exploding[1].TrainLoss > 4 * exploding[0].TrainLoss);

        using var report = JsonDocument.Parse(sweep.Report("report.json"));
        Assert.Equal(0.1, report.RootElement.GetProperty("chosen_learning_rate").GetDouble());
        Assert.Equal(["slow", "good", "diverging"], sweep.CsvReport("trials.csv").OrderBy(row => double.Parse(row["learning_rate"], CultureInfo.InvariantCulture)).Select(row => row["diagnosis"]));
    }
}
