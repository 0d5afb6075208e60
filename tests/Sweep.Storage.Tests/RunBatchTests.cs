using System.Collections.Concurrent;
using System.Collections.Immutable;
using Sweep.Models.Results;

namespace Sweep.Storage.Tests;

public abstract class RunBatchTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public void One_batch_records_several_trials_with_their_epochs_and_claims_the_next_in_plan_order()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        var first = store.ClaimTrials(experimentId, runId, 3);
        var ended = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        var result = store.WriteBatch(experimentId, runId, new RunBatch(
            [new FinishedTrial(first[0], Some.Completed(40), ended), new FinishedTrial(first[1], Some.Completed(3), ended)],
            [],
            Claim: 2));

        Assert.Equal(trials.Take(3).Select(t => t.Id), first.Select(c => c.TrialId));
        Assert.Equal([true, true], result.Recorded.ToArray());
        Assert.Equal(trials.Skip(3).Take(2).Select(t => t.Id), result.Claimed.Select(c => c.TrialId));
        Assert.Equal(Some.Epochs(40).ToArray(), store.ReadEpochs(experimentId, first[0].TrialId).ToArray());
        Assert.Equal(43, Scalar<int>("SELECT COUNT(*) FROM epochs"));
        var statuses = store.ListTrials(experimentId).Select(t => t.Status).ToList();
        Assert.Equal([TrialStatus.Completed, TrialStatus.Completed, TrialStatus.Running, TrialStatus.Running, TrialStatus.Running, TrialStatus.Pending, TrialStatus.Pending, TrialStatus.Pending], statuses);
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T12:00:00.000Z", System.Globalization.CultureInfo.InvariantCulture), ScalarTime($"SELECT ended FROM trials WHERE id = '{first[0].TrialId}'"));
    }

    [Fact]
    public void Releasing_an_unused_claim_puts_the_row_back_as_it_was()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[1].Id, runId);
        store.CompleteTrial(experimentId, trials[1].Id, runId, new TrialOutcome(TrialStatus.Interrupted, Some.Epochs(2), 0.1));
        store.FinishRun(runId, RunStatus.Interrupted);
        var before = Scalar<string>($"SELECT status || ' ' || run_id || ' ' || started || ' ' || ended FROM trials WHERE id = '{trials[1].Id}'");
        var resumed = store.StartRun(experimentId, "test");
        var claims = store.ClaimTrials(experimentId, resumed, 2);

        store.WriteBatch(experimentId, resumed, new RunBatch([], claims, Claim: 0));

        Assert.Equal(before, Scalar<string>($"SELECT status || ' ' || run_id || ' ' || started || ' ' || ended FROM trials WHERE id = '{trials[1].Id}'"));
        Assert.Equal(1, Scalar<int>($"SELECT COUNT(*) FROM trials WHERE status = 'pending' AND run_id IS NULL AND started IS NULL AND id = '{trials[0].Id}'"));
        Assert.Equal(2, Scalar<int>("SELECT COUNT(*) FROM epochs"));
        Assert.Equal([trials[0].Id, trials[1].Id], store.ClaimTrials(experimentId, resumed, 2).Select(c => c.TrialId));
    }

    [Fact]
    public void A_failing_batch_writes_none_of_its_trials()
    {
        var store = OpenStore();
        var (experimentId, runId, _) = Planned(store);
        var claims = store.ClaimTrials(experimentId, runId, 2);
        var duplicated = new TrialOutcome(TrialStatus.Completed, Some.Epochs(40).Insert(35, Some.Epochs(40)[3]), 1);

        Assert.Throws<StoreException>(() => store.WriteBatch(experimentId, runId, new RunBatch(
            [new FinishedTrial(claims[0], Some.Completed(5), DateTimeOffset.UtcNow), new FinishedTrial(claims[1], duplicated, DateTimeOffset.UtcNow)],
            [],
            Claim: 3)));

        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM epochs"));
        Assert.Equal(2, Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'running'"));
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
    }

    [Fact]
    public void Two_stores_claiming_batches_at_once_get_every_trial_exactly_once()
    {
        var first = OpenStore();
        var second = OpenStore();
        var (experimentId, firstRun, trials) = Planned(first, rates: 20, decays: 10);
        var secondRun = second.StartRun(experimentId, "test");
        using var start = new Barrier(2);
        var claimed = new ConcurrentBag<string>();

        void Drain(IResultStore store, long runId)
        {
            start.SignalAndWait();
            ImmutableArray<TrialClaim> batch;
            while (!(batch = store.ClaimTrials(experimentId, runId, 7)).IsEmpty)
            {
                foreach (var claim in batch)
                {
                    claimed.Add(claim.TrialId);
                }
            }
        }

        Parallel.Invoke(() => Drain(first, firstRun), () => Drain(second, secondRun));

        Assert.Equal(trials.Select(t => t.Id).Order(), claimed.Order());
    }
}

public sealed class RunBatchTestsOnSqlite() : RunBatchTests(StoreKind.Sqlite);

public sealed class RunBatchTestsOnPostgres() : RunBatchTests(StoreKind.Postgres);
