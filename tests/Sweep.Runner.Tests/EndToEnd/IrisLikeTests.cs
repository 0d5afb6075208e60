using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sweep.Runner.Tests.Seeds;

namespace Sweep.Runner.Tests.EndToEnd;

/// <summary>
/// experiments/iris/iris-like.yaml, as a new user tried it: a small classifier on a CSV of iris-like flowers, 60 trials. The
/// good rates drive the training loss to almost nothing, where it wobbles by large factors; the divergence stop
/// must leave those trials in the ranking and still stop the rates that blow up.
/// </summary>
[Collection(nameof(SweepProcesses))]
public sealed class IrisLikeTests
{
    [Fact]
    public async Task Noise_near_zero_is_not_divergence_and_the_trials_that_blow_up_still_diverge()
    {
        using var sweep = await SeedSweep.RunAsync(RepositoryFiles.Experiment(Path.Combine("iris", "iris-like.yaml")), new SweepFolder());

        var trials = sweep.Folder.Query<(string Id, double Rate, string Batch, string Status, double BestValLoss)>(
            "SELECT id, learning_rate, batch, status, best_val_loss FROM trials");
        var epochs = sweep.Folder.Query<(string Id, int Epoch, double TrainLoss, double Accuracy)>(
            "SELECT trial_id, epoch, train_loss, accuracy FROM epochs ORDER BY trial_id, epoch").ToLookup(e => e.Id);
        Assert.Equal(60, trials.Count);

        // Rate 1 with full batches and momentum: the training loss falls below 0.002 and wobbles there by more than
        // 4 × its best. The old rule stopped three of these four as diverged at 97.8% validation accuracy.
        var fullAtOne = trials.Where(t => t.Rate == 1 && t.Batch == "full").ToList();
        Assert.Equal(4, fullAtOne.Count);
        Assert.All(fullAtOne, t =>
        {
            var curve = epochs[t.Id].ToList();
            Assert.Equal(("completed", 200), (t.Status, curve.Count));
            Assert.True(curve.Min(e => e.TrainLoss) < 0.002, $"{t.Id} reached {curve.Min(e => e.TrainLoss)}");
            Assert.True(curve.Max(e => e.Accuracy) >= 0.97, $"{t.Id} reached {curve.Max(e => e.Accuracy)}");
        });

        // The lowest validation loss of the trials that completed is at rate 1 with mini-batches of 16, whose training
        // loss went down to 2e-6: the old rule stopped that trial at epoch 18.
        var best = trials.Where(t => t.Status == "completed").MinBy(t => t.BestValLoss);
        Assert.Equal((1.0, "16"), (best.Rate, best.Batch));
        Assert.Equal(200, epochs[best.Id].Count());

        // Every diverged trial ended above where it started; rate 10 with full batches blows up at once.
        var diverged = trials.Where(t => t.Status == "diverged").ToList();
        Assert.All(diverged, t => Assert.True(epochs[t.Id].Last().TrainLoss > epochs[t.Id].First().TrainLoss, t.Id));
        Assert.All(trials.Where(t => t.Rate == 10 && t.Batch == "full"), t => Assert.Equal(("diverged", 4), (t.Status, epochs[t.Id].Count())));
        Assert.NotEmpty(diverged);
    }

    [Fact]
    public async Task Chosen_by_accuracy_the_search_picks_the_highest_validation_accuracy_and_tells_it_in_accuracies()
    {
        using var sweep = await SeedSweep.RunAsync(RepositoryFiles.Experiment(Path.Combine("iris", "iris-accuracy.yaml")), new SweepFolder());

        var finals = sweep.Folder.Query<(string Id, double Accuracy)>("""
            SELECT e.trial_id, e.accuracy FROM epochs e JOIN trials t ON t.experiment_id = e.experiment_id AND t.id = e.trial_id
            WHERE t.status = 'completed' AND e.epoch = t.epochs
            """);
        var best = await sweep.CommandOnStoreAsync("best", "--experiment", "iris-accuracy", "--format", "json");
        Assert.True(best.ExitCode == 0, best.All);
        using var json = JsonDocument.Parse(best.Output);
        var root = json.RootElement;

        Assert.Equal("final_accuracy", root.GetProperty("metric").GetString());
        Assert.Equal(finals.Max(f => f.Accuracy), root.GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal(finals.Max(f => f.Accuracy), finals.Single(f => f.Id == root.GetProperty("trial_id").GetString()).Accuracy, 1e-12);
        Assert.True(root.GetProperty("finished").GetBoolean());
        // Every number the story gives for a value is an accuracy, not a share of mistakes or a loss.
        var told = root.GetProperty("story").EnumerateArray()
            .SelectMany(line => Regex.Matches(line.GetString()!, @"\((\d[\d.]*)[,)]").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.NotEmpty(told);
        Assert.All(told, value => Assert.InRange(value, 0.5, 1));
        Assert.Contains("final accuracy", sweep.Run.Output, StringComparison.Ordinal);
        Assert.Contains("Final accuracy against learning rate", sweep.Report("report.html"), StringComparison.Ordinal);
    }
}
