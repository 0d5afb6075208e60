namespace Sweep.Storage.Tests;

public abstract class PlanningLockTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public async Task A_second_planner_waits_until_the_first_lets_go()
    {
        var first = OpenStore();
        var second = OpenStore();
        var (experimentId, _, _) = Planned(first);

        var held = first.HoldPlanningLock(experimentId);
        var waiting = Task.Run(() => second.HoldPlanningLock(experimentId));
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted, "the second planner got the lock while the first held it");

        held.Dispose();
        using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void The_planner_holding_the_lock_can_still_read_and_write_the_store()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store, rates: 2, decays: 1);

        using (store.HoldPlanningLock(experimentId))
        {
            Assert.True(store.TryClaimTrial(experimentId, trials[0].Id, runId));
            Assert.True(store.CompleteTrial(experimentId, trials[0].Id, runId, Some.Completed(3)));
        }

        Assert.Equal(3, store.ReadEpochs(experimentId, trials[0].Id).Length);
    }
}

public sealed class PlanningLockTestsOnSqlite() : PlanningLockTests(StoreKind.Sqlite);

public sealed class PlanningLockTestsOnPostgres() : PlanningLockTests(StoreKind.Postgres);
