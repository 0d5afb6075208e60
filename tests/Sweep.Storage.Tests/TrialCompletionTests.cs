using Sweep.Models.Results;

namespace Sweep.Storage.Tests;

public abstract class TrialCompletionTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public void Completing_a_trial_writes_its_status_metrics_and_every_epoch()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[0].Id, runId);
        var epochs = Some.Epochs(20);

        var recorded = store.CompleteTrial(experimentId, trials[0].Id, runId, new TrialOutcome(TrialStatus.Completed, epochs, 2.5));

        var trial = store.GetTrial(experimentId, trials[0].Id)!;
        Assert.True(recorded);
        Assert.Equal(epochs.ToArray(), trial.Epochs.ToArray());
        var row = trial.Trial;
        Assert.Equal((TrialStatus.Completed, 20, 2.5, 20), (row.Status, row.Epochs, row.Seconds, row.BestEpoch));
        Assert.Equal((1.0 / 20, 1.1 / 20, 1.0 / 20, 1.1 / 20), (row.FinalTrainLoss, row.FinalValidationLoss, row.BestTrainLoss, row.BestValidationLoss));
        Assert.NotNull(row.Ended);
        Assert.Null(row.Error);
    }

    [Fact]
    public void A_failing_epoch_insert_mid_way_leaves_neither_the_status_nor_any_epoch()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[0].Id, runId);
        // Epoch 5 twice: each store refuses it (PostgreSQL after five rows went in), and nothing of the trial stays.
        var epochs = Some.Epochs(10).Insert(5, Some.Epochs(5)[4]);

        var error = Assert.Throws<StoreException>(() =>
            store.CompleteTrial(experimentId, trials[0].Id, runId, new TrialOutcome(TrialStatus.Completed, epochs, 1)));

        Assert.Contains(DuplicateEpochError, error.Message, StringComparison.Ordinal);
        var trial = store.GetTrial(experimentId, trials[0].Id)!;
        Assert.Equal((TrialStatus.Running, 0, null), (trial.Trial.Status, trial.Trial.Epochs, trial.Trial.FinalTrainLoss));
        Assert.Empty(trial.Epochs);
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM epochs"));
    }

    [Fact]
    public void An_interrupted_trial_is_claimed_again_and_its_old_epochs_are_replaced()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        var id = trials[0].Id;
        store.TryClaimTrial(experimentId, id, runId);
        store.CompleteTrial(experimentId, id, runId, new TrialOutcome(TrialStatus.Interrupted, Some.Epochs(7, offset: 9), 0.7));
        store.FinishRun(runId, RunStatus.Interrupted);
        var resumed = store.StartRun(experimentId, "test");

        Assert.True(store.TryClaimTrial(experimentId, id, resumed));
        store.CompleteTrial(experimentId, id, resumed, Some.Completed(4));

        var trial = store.GetTrial(experimentId, id)!;
        Assert.Equal(Some.Epochs(4).ToArray(), trial.Epochs.ToArray());
        Assert.Equal((TrialStatus.Completed, 4, resumed), (trial.Trial.Status, trial.Trial.Epochs, trial.Trial.RunId));
        Assert.Equal(4, Scalar<int>("SELECT COUNT(*) FROM epochs"));
    }

    [Fact]
    public void A_run_that_lost_its_trial_to_another_writes_nothing()
    {
        var store = OpenStore();
        var (experimentId, deadRun, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[0].Id, deadRun);
        store.FinishRun(deadRun, RunStatus.Interrupted);
        var nextRun = store.StartRun(experimentId, "test");
        store.TryClaimTrial(experimentId, trials[0].Id, nextRun);

        var recorded = store.CompleteTrial(experimentId, trials[0].Id, deadRun, Some.Completed(3));

        Assert.False(recorded);
        Assert.Equal(TrialStatus.Running, store.GetTrial(experimentId, trials[0].Id)!.Trial.Status);
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM epochs"));
    }

    [Fact]
    public void A_diverged_trial_keeps_its_not_a_number_losses_as_missing_values()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[0].Id, runId);
        EpochRecord[] epochs =
        [
            new(1, 2.0, 2.5, null, 0.1, 1, 1, 0.01),
            new(2, 40.0, double.PositiveInfinity, null, 0.1, 30, 90, 0.01),
            new(3, double.NaN, double.NaN, null, 0.1, double.NaN, double.NaN, 0.01),
        ];

        store.CompleteTrial(experimentId, trials[0].Id, runId, new TrialOutcome(TrialStatus.Diverged, [.. epochs], 0.03));

        var trial = store.GetTrial(experimentId, trials[0].Id)!;
        Assert.Equal((TrialStatus.Diverged, null, null, 2.0, 2.5, 1), (trial.Trial.Status, trial.Trial.FinalTrainLoss, trial.Trial.FinalValidationLoss, trial.Trial.BestTrainLoss, trial.Trial.BestValidationLoss, trial.Trial.BestEpoch));
        Assert.Equal(double.PositiveInfinity, trial.Epochs[1].ValidationLoss);
        Assert.True(double.IsNaN(trial.Epochs[2].TrainLoss));
        Assert.Null(trial.Epochs[2].ValidationLoss);
        Assert.Equal(1, Scalar<int>("SELECT COUNT(*) FROM epochs WHERE train_loss IS NULL"));
    }

    [Fact]
    public void A_failed_trial_keeps_its_error_text()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[0].Id, runId);

        store.CompleteTrial(experimentId, trials[0].Id, runId, new TrialOutcome(TrialStatus.Failed, Some.Epochs(2), 0.2, "System.IO.IOException: data file vanished"));

        var row = store.GetTrial(experimentId, trials[0].Id)!.Trial;
        Assert.Equal((TrialStatus.Failed, "System.IO.IOException: data file vanished", 2), (row.Status, row.Error, row.Epochs));
    }

    [Fact]
    public async Task Readers_never_see_a_finished_status_without_all_its_epochs()
    {
        var writer = OpenStore();
        var reader = OpenStore();
        var (experimentId, runId, trials) = Planned(writer, rates: 10, decays: 3);
        var done = false;
        var torn = 0;
        var watcher = Task.Run(() =>
        {
            while (!Volatile.Read(ref done))
            {
                foreach (var trial in trials)
                {
                    var seen = reader.GetTrial(experimentId, trial.Id)!;
                    var expected = seen.Trial.Status == TrialStatus.Completed ? 200 : 0;
                    if (seen.Epochs.Length != expected || seen.Trial.Epochs != expected)
                    {
                        torn++;
                    }
                }
            }
        });

        foreach (var trial in trials)
        {
            writer.TryClaimTrial(experimentId, trial.Id, runId);
            writer.CompleteTrial(experimentId, trial.Id, runId, Some.Completed(200));
        }

        Volatile.Write(ref done, true);
        await watcher;
        Assert.Equal(0, torn);
        Assert.Equal(6000, Scalar<int>("SELECT COUNT(*) FROM epochs"));
    }

    [Fact]
    public void Only_a_final_status_completes_a_trial()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            store.CompleteTrial(experimentId, trials[0].Id, runId, new TrialOutcome(TrialStatus.Pending, [], 0)));
    }
}

public sealed class TrialCompletionTestsOnSqlite() : TrialCompletionTests(StoreKind.Sqlite);

public sealed class TrialCompletionTestsOnPostgres() : TrialCompletionTests(StoreKind.Postgres);
