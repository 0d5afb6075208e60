using Sweep.Models.Results;

namespace Sweep.Storage.Tests;

/// <summary>Claims hold leases that run out by the database's clock; the holder of the current lease alone records.</summary>
public abstract class LeaseTests(StoreKind kind) : StoreTestBase(kind)
{
    /// <summary>
    /// Short for a test, long against a loaded machine's pauses between two calls (a database server on a busy
    /// machine answers a call in a few hundred milliseconds at worst).
    /// </summary>
    private static readonly StoreOptions ShortLease = new() { Lease = TimeSpan.FromMilliseconds(1500) };

    private static readonly TimeSpan PastTheLease = TimeSpan.FromMilliseconds(1800);

    [Fact]
    public void A_claim_holds_a_lease_token_and_an_expiry_a_lease_later_by_the_database_clock()
    {
        var store = OpenStore(new StoreOptions { Lease = TimeSpan.FromSeconds(60) });
        var (experimentId, runId, _) = Planned(store);

        var claim = store.ClaimTrials(experimentId, runId, 1).Single();

        Assert.NotNull(claim.LeaseToken);
        Assert.Equal(1, claim.Attempt);
        Assert.Equal(claim.LeaseToken, Scalar<string>($"SELECT lease_token FROM trials WHERE id = '{claim.TrialId}'"));
        var seconds = Scalar<double>(Kind == StoreKind.Postgres
            ? $"SELECT EXTRACT(EPOCH FROM lease_expires - clock_timestamp()) FROM trials WHERE id = '{claim.TrialId}'"
            : $"SELECT (julianday(lease_expires) - julianday('now')) * 86400 FROM trials WHERE id = '{claim.TrialId}'");
        // A SQLite julianday is a double of about 2.46 million days, so a difference of two of them is off by up to ~40 µs.
        Assert.InRange(seconds, 55, 60.01);
    }

    [Fact]
    public void An_expired_lease_is_requeued_by_another_claimer_as_attempt_two()
    {
        var first = OpenStore(ShortLease);
        var second = OpenStore(ShortLease);
        var (experimentId, runId, trials) = Planned(first);
        var otherRun = second.StartRun(experimentId, "test");
        var lost = first.ClaimTrials(experimentId, runId, 1).Single();

        Assert.NotEqual(lost.TrialId, second.ClaimTrials(experimentId, otherRun, 1).Single().TrialId);
        Thread.Sleep(PastTheLease);
        var taken = second.ClaimTrials(experimentId, otherRun, 1).Single();

        Assert.Equal(trials[0].Id, taken.TrialId);
        Assert.Equal(2, taken.Attempt);
        Assert.NotEqual(lost.LeaseToken, taken.LeaseToken);
        Assert.Equal(2, Scalar<int>($"SELECT attempt FROM trials WHERE id = '{taken.TrialId}'"));
    }

    [Fact]
    public void A_trial_whose_lease_is_lost_three_times_fails_as_lost_three_times()
    {
        var store = OpenStore(ShortLease);
        var (experimentId, runId, trials) = Planned(store, rates: 1, decays: 1);

        var attempts = new List<int>();
        for (var claim = 0; claim < 3; claim++)
        {
            attempts.Add(store.ClaimTrials(experimentId, runId, 1).Single().Attempt);
            Thread.Sleep(PastTheLease);
        }

        Assert.Empty(store.ClaimTrials(experimentId, runId, 1));
        Assert.Equal([1, 2, 3], attempts);
        var trial = store.ListTrials(experimentId).Single();
        Assert.Equal(trials[0].Id, trial.Id);
        Assert.Equal(TrialStatus.Failed, trial.Status);
        Assert.Equal("lost 3 times", trial.Error);
    }

    [Fact]
    public void A_result_whose_lease_was_taken_over_is_discarded_and_the_new_holder_records()
    {
        var first = OpenStore(ShortLease);
        var second = OpenStore(ShortLease);
        var (experimentId, runId, _) = Planned(first, rates: 1, decays: 1);
        var otherRun = second.StartRun(experimentId, "test");
        var stale = first.ClaimTrials(experimentId, runId, 1).Single();
        Thread.Sleep(PastTheLease);
        var current = second.ClaimTrials(experimentId, otherRun, 1).Single();

        var late = first.WriteBatch(experimentId, runId, new RunBatch([new FinishedTrial(stale, Some.Completed(7), DateTimeOffset.UtcNow)], [], 0));
        var onTime = second.WriteBatch(experimentId, otherRun, new RunBatch([new FinishedTrial(current, Some.Completed(4), DateTimeOffset.UtcNow)], [], 0));

        Assert.Equal([false], late.Recorded.ToArray());
        Assert.Equal([true], onTime.Recorded.ToArray());
        Assert.Equal(4, Scalar<int>("SELECT COUNT(*) FROM epochs"));
        Assert.Equal(otherRun, Scalar<long>("SELECT run_id FROM trials"));
    }

    [Fact]
    public void A_result_under_an_expired_lease_nobody_took_is_still_recorded()
    {
        var store = OpenStore(ShortLease);
        var (experimentId, runId, _) = Planned(store, rates: 1, decays: 1);
        var claim = store.ClaimTrials(experimentId, runId, 1).Single();
        Thread.Sleep(PastTheLease);

        var result = store.WriteBatch(experimentId, runId, new RunBatch([new FinishedTrial(claim, Some.Completed(3), DateTimeOffset.UtcNow)], [], 0));

        Assert.Equal([true], result.Recorded.ToArray());
        Assert.Equal("completed", Scalar<string>("SELECT status FROM trials"));
    }

    [Fact]
    public void Renewing_keeps_the_trial_from_other_claimers_and_fails_once_the_lease_was_taken_over()
    {
        var first = OpenStore(ShortLease);
        var second = OpenStore(ShortLease);
        var (experimentId, runId, _) = Planned(first, rates: 1, decays: 1);
        var otherRun = second.StartRun(experimentId, "test");
        var claim = first.ClaimTrials(experimentId, runId, 1).Single();

        for (var renewal = 0; renewal < 10; renewal++)
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(100));
            Assert.Equal([true], first.RenewLeases(experimentId, [claim]).ToArray());
            Assert.Empty(second.ClaimTrials(experimentId, otherRun, 1));
        }

        Thread.Sleep(PastTheLease);
        Assert.Single(second.ClaimTrials(experimentId, otherRun, 1));
        Assert.Equal([false], first.RenewLeases(experimentId, [claim]).ToArray());
    }

    [Fact]
    public void A_released_claim_gives_its_lease_back()
    {
        var store = OpenStore(ShortLease);
        var (experimentId, runId, _) = Planned(store, rates: 1, decays: 1);
        var claim = store.ClaimTrials(experimentId, runId, 1).Single();

        store.WriteBatch(experimentId, runId, new RunBatch([], [claim], 0));

        Assert.Equal("pending", Scalar<string>("SELECT status FROM trials"));
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM trials WHERE lease_token IS NOT NULL OR lease_expires IS NOT NULL"));
        Assert.Equal([false], store.RenewLeases(experimentId, [claim]).ToArray());
    }
}

public sealed class LeaseTestsOnSqlite() : LeaseTests(StoreKind.Sqlite);

public sealed class LeaseTestsOnPostgres() : LeaseTests(StoreKind.Postgres);
