namespace Sweep.Storage.Tests;

/// <summary>
/// A process with nothing to do waits on the store for trials to change: it wakes when another process adds
/// trials or ends one, long before its longest wait is over.
/// </summary>
public abstract class TrialChangeWaitTests(StoreKind kind) : StoreTestBase(kind)
{
    /// <summary>Far longer than any wake-up takes: a wait that ends before it was woken.</summary>
    protected static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    protected static readonly TimeSpan WakeUp = TimeSpan.FromMinutes(1);

    /// <summary>Whether <paramref name="waiting"/> ended within <paramref name="within"/>.</summary>
    protected static async Task<bool> Ended(Task waiting, TimeSpan within) => await Task.WhenAny(waiting, Task.Delay(within)) == waiting;

    [Fact]
    public async Task A_waiting_process_wakes_when_another_adds_trials()
    {
        var waiter = OpenStore();
        var other = OpenStore();
        await waiter.WaitForTrialChangesAsync(TimeSpan.Zero, CancellationToken.None);

        var waiting = waiter.WaitForTrialChangesAsync(Longest, CancellationToken.None);
        Planned(other);

        Assert.True(await Ended(waiting, WakeUp));
    }

    [Fact]
    public async Task A_waiting_process_wakes_when_another_ends_a_trial()
    {
        var waiter = OpenStore();
        var other = OpenStore();
        var (experimentId, runId, trials) = Planned(other);
        Assert.True(other.TryClaimTrial(experimentId, trials[0].Id, runId));
        await waiter.WaitForTrialChangesAsync(TimeSpan.Zero, CancellationToken.None);

        var waiting = waiter.WaitForTrialChangesAsync(Longest, CancellationToken.None);
        Assert.True(other.CompleteTrial(experimentId, trials[0].Id, runId, Some.Completed(3)));

        Assert.True(await Ended(waiting, WakeUp));
    }

    [Fact]
    public async Task Stopping_ends_the_wait()
    {
        var waiter = OpenStore();
        await waiter.WaitForTrialChangesAsync(TimeSpan.Zero, CancellationToken.None);
        using var stop = new CancellationTokenSource();

        var waiting = waiter.WaitForTrialChangesAsync(Longest, stop.Token);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(WakeUp));
    }
}

public sealed class TrialChangeWaitTestsOnSqlite() : TrialChangeWaitTests(StoreKind.Sqlite);

/// <summary>On PostgreSQL the server notifies the waiters, and only of changes that matter to them.</summary>
public sealed class TrialChangeWaitTestsOnPostgres() : TrialChangeWaitTests(StoreKind.Postgres)
{
    [Fact]
    public async Task A_claim_wakes_nobody()
    {
        var waiter = OpenStore();
        var other = OpenStore();
        var (experimentId, runId, trials) = Planned(other);
        await waiter.WaitForTrialChangesAsync(TimeSpan.Zero, CancellationToken.None);

        var waiting = waiter.WaitForTrialChangesAsync(Longest, CancellationToken.None);
        Assert.True(other.TryClaimTrial(experimentId, trials[0].Id, runId));

        Assert.False(await Ended(waiting, TimeSpan.FromSeconds(2)));
        Assert.True(other.CompleteTrial(experimentId, trials[0].Id, runId, Some.Completed(3)));
        Assert.True(await Ended(waiting, WakeUp));
    }

    [Fact]
    public async Task A_wait_whose_connection_is_cut_pauses_and_the_next_wait_listens_again()
    {
        var waiter = OpenStore();
        var other = OpenStore();
        await waiter.WaitForTrialChangesAsync(TimeSpan.Zero, CancellationToken.None);
        var cut = waiter.WaitForTrialChangesAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        // This database's listening session alone: tests on other databases of the server listen too.
        Assert.Equal(1, Scalar<long>("SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()"));

        await cut.WaitAsync(WakeUp);
        await waiter.WaitForTrialChangesAsync(TimeSpan.Zero, CancellationToken.None);
        var waiting = waiter.WaitForTrialChangesAsync(Longest, CancellationToken.None);
        Planned(other);

        Assert.True(await Ended(waiting, WakeUp));
    }
}
