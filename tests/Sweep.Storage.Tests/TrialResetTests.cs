using Sweep.Models.Results;

namespace Sweep.Storage.Tests;

public abstract class TrialResetTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public void Resetting_puts_finished_trials_back_to_pending_and_deletes_their_epochs()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store, rates: 2, decays: 1);
        foreach (var trial in trials)
        {
            Assert.True(store.TryClaimTrial(experimentId, trial.Id, runId));
            Assert.True(store.CompleteTrial(experimentId, trial.Id, runId, Some.Completed(10)));
        }

        var reset = store.ResetTrials(experimentId);

        Assert.Equal(2, reset);
        Assert.All(store.ListTrials(experimentId), t =>
        {
            Assert.Equal(TrialStatus.Pending, t.Status);
            Assert.Null(t.RunId);
            Assert.Null(t.FinalTrainLoss);
            Assert.Equal(0, t.Epochs);
        });
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM epochs"));
    }

    [Fact]
    public void Resetting_leaves_a_trial_that_a_live_run_is_training()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store, rates: 2, decays: 1);
        Assert.True(store.TryClaimTrial(experimentId, trials[0].Id, runId));

        var reset = store.ResetTrials(experimentId);

        Assert.Equal(1, reset);
        Assert.Equal(TrialStatus.Running, store.ListTrials(experimentId).Single(t => t.Id == trials[0].Id).Status);
        Assert.True(store.CompleteTrial(experimentId, trials[0].Id, runId, Some.Completed(5)));
    }
}

public sealed class TrialResetTestsOnSqlite() : TrialResetTests(StoreKind.Sqlite);

public sealed class TrialResetTestsOnPostgres() : TrialResetTests(StoreKind.Postgres);
