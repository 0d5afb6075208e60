using Sweep.Models.Results;

namespace Sweep.Storage.Tests;

public abstract class TrialReturnTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public void Returning_puts_the_runs_running_and_interrupted_trials_back_to_pending_without_epochs()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store, rates: 3, decays: 1);
        Assert.True(store.TryClaimTrial(experimentId, trials[0].Id, runId));
        Assert.True(store.TryClaimTrial(experimentId, trials[1].Id, runId));
        Assert.True(store.CompleteTrial(experimentId, trials[1].Id, runId, Some.Interrupted(2)));
        Assert.True(store.TryClaimTrial(experimentId, trials[2].Id, runId));
        Assert.True(store.CompleteTrial(experimentId, trials[2].Id, runId, Some.Completed(4)));

        var returned = store.ReturnTrials(runId);

        Assert.Equal(2, returned);
        var byId = store.ListTrials(experimentId).ToDictionary(t => t.Id);
        foreach (var id in new[] { trials[0].Id, trials[1].Id })
        {
            Assert.Equal(TrialStatus.Pending, byId[id].Status);
            Assert.Null(byId[id].RunId);
            Assert.Equal(0, byId[id].Epochs);
            Assert.Empty(store.ReadEpochs(experimentId, id));
        }

        Assert.Equal(TrialStatus.Completed, byId[trials[2].Id].Status);
        Assert.Equal(4, store.ReadEpochs(experimentId, trials[2].Id).Length);
    }

    [Fact]
    public void A_returned_trial_is_claimed_again_as_the_same_attempt()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store, rates: 1, decays: 1);
        Assert.True(store.TryClaimTrial(experimentId, trials[0].Id, runId));
        store.ReturnTrials(runId);
        var otherRun = store.StartRun(experimentId, "test");

        var claim = Assert.Single(store.ClaimTrials(experimentId, otherRun, 5));

        Assert.Equal(trials[0].Id, claim.TrialId);
        Assert.Equal(1, claim.Attempt);
    }
}

public sealed class TrialReturnTestsOnSqlite() : TrialReturnTests(StoreKind.Sqlite);

public sealed class TrialReturnTestsOnPostgres() : TrialReturnTests(StoreKind.Postgres);
