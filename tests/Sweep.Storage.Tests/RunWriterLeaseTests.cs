using System.Reflection;
using System.Runtime.ExceptionServices;
using Sweep.Models.Results;

namespace Sweep.Storage.Tests;

/// <summary>The writer renews the leases of its claims while trials run, and stops a trial whose lease is lost.</summary>
public abstract class RunWriterLeaseTests(StoreKind kind) : StoreTestBase(kind)
{
    /// <summary>Renewed every 500 ms: short for a test, long against the pauses of a machine loaded by the whole suite.</summary>
    private static readonly StoreOptions ShortLease = new() { Lease = TimeSpan.FromSeconds(2) };

    [Fact]
    public void A_trial_running_for_several_leases_keeps_its_lease_and_is_recorded()
    {
        var store = OpenStore(ShortLease);
        var other = OpenStore(ShortLease);
        var (experimentId, runId, _) = Planned(store, rates: 1, decays: 1);
        var otherRun = other.StartRun(experimentId, "test");
        using var writer = new RunWriter(store, experimentId, runId, maxClaims: 1, RunWriterSettings.Default, CancellationToken.None);
        var claim = writer.Next()!;
        var lost = writer.LeaseLost(claim);

        for (var look = 0; look < 8; look++)
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(600));
            Assert.Empty(other.ClaimTrials(experimentId, otherRun, 1));
        }

        bool? recorded = null;
        writer.Finish(claim, Some.Completed(5), r => recorded = r);
        writer.Close();

        Assert.False(lost.IsCancellationRequested);
        Assert.True(recorded);
        Assert.Equal(1, Scalar<int>("SELECT attempt FROM trials"));
        Assert.Equal("completed", Scalar<string>("SELECT status FROM trials"));
    }

    [Fact]
    public void A_trial_whose_lease_is_taken_over_is_stopped_and_its_result_is_not_recorded()
    {
        var store = OpenStore(ShortLease);
        var other = OpenStore(ShortLease);
        var (experimentId, runId, _) = Planned(store, rates: 1, decays: 1);
        var otherRun = other.StartRun(experimentId, "test");
        using var writer = new RunWriter(store, experimentId, runId, maxClaims: 1, RunWriterSettings.Default, CancellationToken.None);
        var claim = writer.Next()!;
        var lost = writer.LeaseLost(claim);

        // As if this process had been paused past its lease: the lease runs out and another claimer takes the
        // trial. The token changes with it, so a renewal the writer sends meanwhile cannot win the lease back.
        Execute("UPDATE trials SET lease_expires = '2000-01-01T00:00:00.000Z', lease_token = 'lost'");
        var taken = other.ClaimTrials(experimentId, otherRun, 1).Single();

        Assert.True(lost.WaitHandle.WaitOne(TimeSpan.FromSeconds(5)));
        bool? recorded = null;
        writer.Finish(claim, new TrialOutcome(TrialStatus.Interrupted, Some.Epochs(2), 0.1), r => recorded = r);
        writer.Close();

        Assert.False(recorded);
        Assert.Equal(2, taken.Attempt);
        Assert.Equal("running", Scalar<string>("SELECT status FROM trials"));
        Assert.Equal(otherRun, Scalar<long>("SELECT run_id FROM trials"));
    }

    [Fact]
    public void A_trial_is_stopped_before_its_lease_runs_out_when_no_renewal_gets_through()
    {
        // Long enough that a loaded machine's late timers stay well inside it: the writer stops the trial a
        // quarter of the lease before it runs out, 1.5 s here, which timers running late under load keep.
        var lease = new StoreOptions { Lease = TimeSpan.FromSeconds(6) };
        var store = OpenStore(lease);
        var (experimentId, runId, _) = Planned(store, rates: 1, decays: 1);
        using var writer = new RunWriter(store, experimentId, runId, maxClaims: 1, RunWriterSettings.Default, CancellationToken.None);
        var claim = writer.Next()!;
        var lost = writer.LeaseLost(claim);

        // Another process holds back every write, so no renewal can commit.
        var blocker = BlockWrites();

        var stoppedAt = DateTimeOffset.MaxValue;
        using var stopped = new ManualResetEventSlim();
        using var onLost = lost.Register(() =>
        {
            stoppedAt = DateTimeOffset.UtcNow;
            stopped.Set();
        });
        Assert.True(stopped.Wait(TimeSpan.FromSeconds(15)));
        var expires = ScalarTime("SELECT lease_expires FROM trials");
        Assert.True(stoppedAt < expires, $"stopped at {stoppedAt:O}, the lease ran out at {expires:O}");
        blocker.Dispose();

        writer.Finish(claim, new TrialOutcome(TrialStatus.Interrupted, [], 0.1));
        writer.Close();
    }

    [Fact]
    public void A_renewal_answered_after_the_safe_hold_stops_the_trial_and_the_writer_goes_on()
    {
        // As if the process were paused (SIGSTOP) between the store's answer to a renewal and the writer
        // reading it: the lease was renewed, but too long ago to train on.
        var store = PausedAfterRenewal.Wrap(OpenStore(new StoreOptions { Lease = TimeSpan.FromSeconds(1) }), TimeSpan.FromSeconds(1));
        var paused = (PausedAfterRenewal)(object)store;
        var (experimentId, runId, _) = Planned(store, rates: 1, decays: 1);
        using var writer = new RunWriter(store, experimentId, runId, maxClaims: 1, RunWriterSettings.Default, CancellationToken.None);
        var claim = writer.Next()!;
        var lost = writer.LeaseLost(claim);

        Assert.True(lost.WaitHandle.WaitOne(TimeSpan.FromSeconds(10)));
        Assert.True(SpinWait.SpinUntil(() => paused.Answered > 0, TimeSpan.FromSeconds(10)));

        // The writer reads the late answer while the trial is still its own.
        Thread.Sleep(TimeSpan.FromMilliseconds(500));
        Assert.False(writer.Failed.IsCancellationRequested);
        writer.Finish(claim, new TrialOutcome(TrialStatus.Interrupted, [], 0.1));
        writer.Close();
        Assert.Equal("interrupted", Scalar<string>("SELECT status FROM trials"));
    }

    /// <summary>A store whose renewals answer only after a pause, as a process stopped right after the call would see them.</summary>
    public class PausedAfterRenewal : DispatchProxy
    {
        private IResultStore inner = null!;
        private TimeSpan pause;

        /// <summary>How many renewals have answered.</summary>
        public int Answered { get; private set; }

        public static IResultStore Wrap(IResultStore inner, TimeSpan pause)
        {
            var proxy = Create<IResultStore, PausedAfterRenewal>();
            ((PausedAfterRenewal)(object)proxy).inner = inner;
            ((PausedAfterRenewal)(object)proxy).pause = pause;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            try
            {
                var answer = targetMethod!.Invoke(inner, args);
                if (targetMethod.Name == nameof(IResultStore.RenewLeases))
                {
                    Thread.Sleep(pause);
                    Answered++;
                }

                return answer;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }
}

public sealed class RunWriterLeaseTestsOnSqlite() : RunWriterLeaseTests(StoreKind.Sqlite);

public sealed class RunWriterLeaseTestsOnPostgres() : RunWriterLeaseTests(StoreKind.Postgres);
