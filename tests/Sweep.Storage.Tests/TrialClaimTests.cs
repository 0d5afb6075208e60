using System.Collections.Concurrent;
using Sweep.Models.Results;

namespace Sweep.Storage.Tests;

public abstract class TrialClaimTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public void Two_stores_claiming_the_same_trials_at_once_win_each_trial_exactly_once()
    {
        var first = OpenStore();
        var second = OpenStore();
        var (experimentId, firstRun, trials) = Planned(first, rates: 10, decays: 5);
        var secondRun = second.StartRun(experimentId, "test");
        using var start = new Barrier(2);
        var wins = new ConcurrentBag<(string Trial, long Run)>();

        void Claim(IResultStore store, long runId)
        {
            start.SignalAndWait();
            foreach (var trial in trials)
            {
                if (store.TryClaimTrial(experimentId, trial.Id, runId))
                {
                    wins.Add((trial.Id, runId));
                }
            }
        }

        Parallel.Invoke(() => Claim(first, firstRun), () => Claim(second, secondRun));

        Assert.Equal(50, wins.Count);
        Assert.Equal(trials.Select(t => t.Id).Order(), wins.Select(w => w.Trial).Order());
        Assert.All(first.ListTrials(experimentId), t => Assert.Equal(TrialStatus.Running, t.Status));
    }

    [Fact]
    public void Claiming_next_from_two_stores_hands_out_every_trial_once_in_plan_order_per_store()
    {
        var first = OpenStore();
        var second = OpenStore();
        var (experimentId, firstRun, trials) = Planned(first, rates: 10, decays: 5);
        var secondRun = second.StartRun(experimentId, "test");
        var claimed = new ConcurrentBag<string>();

        void Drain(IResultStore store, long runId)
        {
            while (store.ClaimNextTrial(experimentId, runId) is { } id)
            {
                claimed.Add(id);
            }
        }

        Parallel.Invoke(() => Drain(first, firstRun), () => Drain(second, secondRun));

        Assert.Equal(trials.Select(t => t.Id).Order(), claimed.Order());
    }

    [Fact]
    public void A_trial_running_for_a_live_run_cannot_be_claimed()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        var otherRun = store.StartRun(experimentId, "test");
        Assert.True(store.TryClaimTrial(experimentId, trials[0].Id, runId));

        Assert.False(store.TryClaimTrial(experimentId, trials[0].Id, otherRun));
        Assert.False(store.TryClaimTrial(experimentId, trials[0].Id, runId));
        Assert.Equal(runId, store.GetTrial(experimentId, trials[0].Id)!.Trial.RunId);
    }

    [Fact]
    public void A_finished_trial_cannot_be_claimed()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[0].Id, runId);
        store.CompleteTrial(experimentId, trials[0].Id, runId, Some.Completed(3));

        Assert.False(store.TryClaimTrial(experimentId, trials[0].Id, store.StartRun(experimentId, "test")));
    }

    [Fact]
    public void A_trial_left_running_by_an_ended_run_can_be_claimed_by_the_next_run()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[0].Id, runId);
        store.FinishRun(runId, RunStatus.Failed);
        var nextRun = store.StartRun(experimentId, "test");

        Assert.True(store.TryClaimTrial(experimentId, trials[0].Id, nextRun));
        Assert.Equal(nextRun, store.GetTrial(experimentId, trials[0].Id)!.Trial.RunId);
    }

    [Fact]
    public void Interrupting_a_run_marks_only_its_running_trials_interrupted()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        var otherRun = store.StartRun(experimentId, "test");
        store.TryClaimTrial(experimentId, trials[0].Id, runId);
        store.TryClaimTrial(experimentId, trials[1].Id, runId);
        store.CompleteTrial(experimentId, trials[1].Id, runId, Some.Completed(3));
        store.TryClaimTrial(experimentId, trials[2].Id, otherRun);

        var interrupted = store.InterruptRunningTrials(runId);

        Assert.Equal(1, interrupted);
        Assert.Equal(
            [TrialStatus.Interrupted, TrialStatus.Completed, TrialStatus.Running, TrialStatus.Pending],
            store.ListTrials(experimentId).Take(4).Select(t => t.Status));
    }

    [Fact]
    public void A_run_whose_process_is_gone_is_released_and_its_trials_become_claimable()
    {
        var store = OpenStore();
        var (experimentId, killedRun, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[0].Id, killedRun);
        // A process id no live process has (Linux allows at most 2^22).
        Execute($"UPDATE runs SET process_id = 2147483000 WHERE id = {killedRun}");
        var liveRun = store.StartRun(experimentId, "test");
        store.TryClaimTrial(experimentId, trials[1].Id, liveRun);

        var released = store.ReleaseAbandonedRuns();

        Assert.Equal(1, released);
        var runs = store.ListRuns(experimentId);
        Assert.Equal([RunStatus.Interrupted, RunStatus.Running], runs.Select(r => r.Status));
        Assert.NotNull(runs[0].Ended);
        Assert.Equal(TrialStatus.Interrupted, store.GetTrial(experimentId, trials[0].Id)!.Trial.Status);
        Assert.Equal(TrialStatus.Running, store.GetTrial(experimentId, trials[1].Id)!.Trial.Status);
        Assert.True(store.TryClaimTrial(experimentId, trials[0].Id, liveRun));
        Assert.Equal(0, store.ReleaseAbandonedRuns());
    }

    [Fact]
    public void A_run_records_where_and_by_which_version_it_ran()
    {
        var store = OpenStore();
        var (experimentId, runId, _) = Planned(store);

        store.FinishRun(runId, RunStatus.Completed);

        var run = Assert.Single(store.ListRuns(experimentId));
        Assert.Equal((runId, Environment.MachineName, Environment.ProcessId, RunStatus.Completed, "test"), (run.Id, run.Host, run.ProcessId, run.Status, run.SweepVersion));
        Assert.True(run.Ended >= run.Started);
    }
}

public sealed class TrialClaimTestsOnSqlite() : TrialClaimTests(StoreKind.Sqlite);

public sealed class TrialClaimTestsOnPostgres() : TrialClaimTests(StoreKind.Postgres);
