using System.Collections.Concurrent;
using Sweep.Models.Results;

namespace Sweep.Storage.Tests;

public abstract class RunWriterTests(StoreKind kind) : StoreTestBase(kind)
{
    /// <summary>Nothing is committed on a timer during these tests: only a waiting worker or Close makes the writer write.</summary>
    private static readonly RunWriterSettings NoTimer = new() { FlushInterval = TimeSpan.FromHours(1) };

    [Fact]
    public void Workers_draining_the_writer_finish_every_trial_once_and_close_commits_the_last_of_them()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store, rates: 30, decays: 10);
        var reported = new ConcurrentBag<string>();
        var writer = new RunWriter(store, experimentId, runId, maxClaims: null, RunWriterSettings.Default, CancellationToken.None);

        Parallel.For(0, 3, _ =>
        {
            while (writer.Next() is { } claim)
            {
                writer.Finish(claim, Some.Completed(25), recorded => reported.Add(recorded ? claim.TrialId : "not recorded"));
            }
        });
        writer.Close();
        writer.Dispose();

        Assert.Equal(trials.Select(t => t.Id).Order(), reported.Order());
        Assert.Equal(300, Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal(300 * 25, Scalar<int>("SELECT COUNT(*) FROM epochs"));
    }

    [Fact]
    public void A_finished_trial_is_reported_only_once_it_is_committed_and_close_flushes_what_waits()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        using var writer = new RunWriter(store, experimentId, runId, maxClaims: 2, NoTimer, CancellationToken.None);
        var seenAtReport = new List<int>();

        var first = writer.Next()!;
        var second = writer.Next()!;
        writer.Finish(first, Some.Completed(10), _ => seenAtReport.Add(Scalar<int>($"SELECT COUNT(*) FROM epochs WHERE trial_id = '{first.TrialId}'")));
        writer.Finish(second, new TrialOutcome(TrialStatus.Interrupted, Some.Epochs(3), 0.1));
        Assert.Null(writer.Next());
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM trials WHERE status IN ('completed', 'interrupted')"));

        writer.Close();

        Assert.Equal([10], seenAtReport);
        Assert.Equal([TrialStatus.Completed, TrialStatus.Interrupted], store.ListTrials(experimentId).Take(2).Select(t => t.Status));
        Assert.Equal(13, Scalar<int>("SELECT COUNT(*) FROM epochs"));
        Assert.Equal(trials.Take(2).Select(t => t.Id), [first.TrialId, second.TrialId]);
    }

    [Fact]
    public void A_finished_trial_is_committed_after_the_flush_interval_without_waiting_for_close()
    {
        var store = OpenStore();
        var (experimentId, runId, _) = Planned(store);
        using var committed = new ManualResetEventSlim();
        using var writer = new RunWriter(store, experimentId, runId, maxClaims: 1, new RunWriterSettings { FlushInterval = TimeSpan.FromMilliseconds(10) }, CancellationToken.None);

        writer.Finish(writer.Next()!, Some.Completed(7), _ => committed.Set());

        Assert.True(committed.Wait(TimeSpan.FromSeconds(10)), "the finished trial was not committed on the timer");
        Assert.Equal(1, Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal(7, Scalar<int>("SELECT COUNT(*) FROM epochs"));
        writer.Close();
    }

    [Fact]
    public void Close_gives_back_the_claims_no_worker_took_so_the_next_run_finds_them_pending()
    {
        var store = OpenStore();
        var (experimentId, runId, _) = Planned(store, rates: 40, decays: 10);
        var eager = new RunWriterSettings { FlushInterval = TimeSpan.FromMilliseconds(1), ClaimHorizon = TimeSpan.FromMilliseconds(50) };
        using var stop = new CancellationTokenSource();
        using var writer = new RunWriter(store, experimentId, runId, maxClaims: null, eager, stop.Token);
        var ran = 0;

        // Trials that finish at once make the writer claim ahead of the worker; then the sweep is stopped.
        while (writer.Next() is { } claim)
        {
            ran++;
            writer.Finish(claim, Some.Completed(2));
            if (writer.QueuedClaims > 0)
            {
                stop.Cancel();
            }
        }

        writer.Close();

        Assert.True(ran < 400, "the writer never claimed ahead of the worker");
        Assert.Equal(ran, Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal(400 - ran, Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'pending' AND run_id IS NULL AND started IS NULL"));
    }

    [Fact]
    public void A_failed_write_stops_the_workers_and_close_throws_the_store_error()
    {
        var store = OpenStore();
        var (experimentId, runId, _) = Planned(store);
        using var writer = new RunWriter(store, experimentId, runId, maxClaims: null, NoTimer, CancellationToken.None);
        var claim = writer.Next()!;

        writer.Finish(claim, new TrialOutcome(TrialStatus.Completed, Some.Epochs(5).Add(Some.Epochs(5)[0]), 1));
        Assert.Null(writer.Next());

        Assert.True(writer.Failed.IsCancellationRequested);
        var error = Assert.Throws<StoreException>(writer.Close);
        Assert.Contains(DuplicateEpochError, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM epochs"));
    }

    [Fact]
    public void Two_writers_on_one_store_share_the_trials_and_run_none_twice()
    {
        var first = OpenStore();
        var second = OpenStore();
        var (experimentId, firstRun, trials) = Planned(first, rates: 40, decays: 10);
        var secondRun = second.StartRun(experimentId, "test");
        var ran = new ConcurrentBag<(string Trial, long Run)>();

        void Drain(IResultStore store, long runId)
        {
            using var writer = new RunWriter(store, experimentId, runId, maxClaims: null, RunWriterSettings.Default, CancellationToken.None);
            while (writer.Next() is { } claim)
            {
                ran.Add((claim.TrialId, runId));
                writer.Finish(claim, Some.Completed(5));
            }

            writer.Close();
        }

        Parallel.Invoke(() => Drain(first, firstRun), () => Drain(second, secondRun));

        Assert.Equal(trials.Select(t => t.Id).Order(), ran.Select(r => r.Trial).Order());
        Assert.Equal(400, Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal(2000, Scalar<int>("SELECT COUNT(*) FROM epochs"));
    }

    [Fact]
    public void The_claim_limit_hands_out_no_more_trials_than_allowed()
    {
        var store = OpenStore();
        var (experimentId, runId, _) = Planned(store);
        using var writer = new RunWriter(store, experimentId, runId, maxClaims: 3, RunWriterSettings.Default, CancellationToken.None);
        var handed = 0;

        while (writer.Next() is { } claim)
        {
            handed++;
            writer.Finish(claim, Some.Completed(1));
        }

        writer.Close();

        Assert.Equal(3, handed);
        Assert.Equal(5, Scalar<int>("SELECT COUNT(*) FROM trials WHERE status = 'pending'"));
    }
}

public sealed class RunWriterTestsOnSqlite() : RunWriterTests(StoreKind.Sqlite);

public sealed class RunWriterTestsOnPostgres() : RunWriterTests(StoreKind.Postgres);
