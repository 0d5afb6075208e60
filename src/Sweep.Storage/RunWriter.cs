using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Sweep.Models.Results;

namespace Sweep.Storage;

/// <summary>
/// The one thread that writes a run to the store. Workers take claimed trials from it (<see cref="Next"/>)
/// and hand finished ones back (<see cref="Finish"/>); it commits several finished trials, their epochs and
/// the next claims in one transaction, after a short interval, when enough rows wait, when a worker needs
/// a trial, and at <see cref="Close"/>. A trial's status and epochs are always committed together, and a
/// finished trial is reported (the callback given to <see cref="Finish"/>) only once it is committed. A
/// process killed meanwhile loses only the finished trials not yet committed and the claims not yet
/// started: both are left running for a dead run, which the next <c>sweep run</c> releases and runs again.
/// Every claim is held under a lease the writer renews every quarter of the store's lease. A trial whose
/// lease is lost (another claimer took it over), or not renewed in time (the store is unreachable or too
/// slow), is stopped through <see cref="LeaseLost"/> before its lease can run out.
/// </summary>
public sealed partial class RunWriter : IDisposable
{
    private readonly IResultStore store;
    private readonly long experimentId;
    private readonly long runId;
    private readonly RunWriterSettings settings;
    private readonly CancellationToken stop;
    private readonly CancellationTokenRegistration onStop;
    private readonly CancellationTokenSource failed = new();
    private readonly Thread thread;

    /// <summary>Guards the state below; workers wait on it for claims.</summary>
    private readonly object gate = new();

    /// <summary>
    /// Wakes the writer thread. It waits apart from the workers, so a worker that wakes it does not also wake
    /// the other waiting workers, which would wake it back in turn while the writer is busy.
    /// </summary>
    private readonly ManualResetEventSlim writerWake = new(initialState: false, spinCount: 0);
    private readonly Queue<Held> claims = new();
    private readonly Dictionary<string, Held> started = new(StringComparer.Ordinal);
    private readonly TimeSpan renewalInterval;
    private readonly TimeSpan safeHold;
    private long lastRenewal = Stopwatch.GetTimestamp();
    private List<Pending> finished = [];
    private int finishedRows;
    private long firstFinishedAt;
    private int? claimBudget;
    private int waiting;
    private int round;
    private int latestWaitStart;
    private int lastShortRound = -1;
    private int claimsAhead;
    private int finishedSinceRate;
    private long rateSince = Stopwatch.GetTimestamp();
    private bool closing;
    private ExceptionDispatchInfo? failure;

    /// <summary>
    /// Starts the writer thread for <paramref name="runId"/>. At most <paramref name="maxClaims"/> trials are
    /// claimed (null: no limit); once <paramref name="stop"/> is cancelled no trial is handed out any more.
    /// </summary>
    public RunWriter(IResultStore store, long experimentId, long runId, int? maxClaims, RunWriterSettings settings, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        this.store = store;
        this.experimentId = experimentId;
        this.runId = runId;
        this.settings = settings;
        this.stop = stop;
        claimBudget = maxClaims;
        renewalInterval = TrialLeases.RenewalInterval(store.Lease);
        safeHold = TrialLeases.SafeHold(store.Lease);
        onStop = stop.Register(WakeAll);
        thread = new Thread(WriteLoop) { IsBackground = true, Name = "sweep store writer" };
        thread.Start();
    }

    /// <summary>Cancelled when a write fails: the sweep should stop its running trials; <see cref="Close"/> throws the error.</summary>
    public CancellationToken Failed => failed.Token;

    /// <summary>Trials claimed and not yet handed to a worker.</summary>
    internal int QueuedClaims
    {
        get
        {
            lock (gate)
            {
                return claims.Count;
            }
        }
    }

    /// <summary>
    /// The next claimed trial, waiting for the writer to claim one if none is queued; null when no trial is
    /// left to claim, the claim limit is spent, the run is stopping, or a write failed.
    /// </summary>
    public TrialClaim? Next()
    {
        lock (gate)
        {
            var waitStart = round;
            latestWaitStart = waitStart;
            waiting++;
            try
            {
                while (true)
                {
                    if (failure is not null || closing || stop.IsCancellationRequested)
                    {
                        return null;
                    }

                    if (claims.TryDequeue(out var held))
                    {
                        if (claims.Count < LowWater)
                        {
                            writerWake.Set();
                        }

                        Start(held);
                        return held.Claim;
                    }

                    if (lastShortRound > waitStart || claimBudget == 0)
                    {
                        return null;
                    }

                    writerWake.Set();
                    Monitor.Wait(gate);
                }
            }
            finally
            {
                waiting--;
            }
        }
    }

    /// <summary>
    /// Cancelled when the claim's lease is lost or could not be renewed in time: the trial should stop, as
    /// its result would not be recorded. For a claim <see cref="Next"/> handed out and not yet finished.
    /// </summary>
    public CancellationToken LeaseLost(TrialClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        lock (gate)
        {
            return started.TryGetValue(claim.TrialId, out var held) && held.Lost is { } lost ? lost.Token : new CancellationToken(canceled: true);
        }
    }

    /// <summary>
    /// Queues a finished trial for the next commit. <paramref name="committed"/> runs on the writer thread
    /// once it is committed, with whether it was recorded (false: another run had taken the trial over).
    /// After a failed write the trial is dropped: the sweep is stopping with that error.
    /// </summary>
    public void Finish(TrialClaim claim, TrialOutcome outcome, Action<bool>? committed = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status is TrialStatus.Pending or TrialStatus.Running)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Status, "a trial finishes as completed, diverged, failed or interrupted");
        }

        lock (gate)
        {
            if (failure is not null)
            {
                return;
            }

            // The first trial of a batch starts the flush timer, and a full batch is due at once: both wake the writer.
            var wake = finished.Count == 0;
            if (wake)
            {
                firstFinishedAt = Stopwatch.GetTimestamp();
            }

            if (started.Remove(claim.TrialId, out var held))
            {
                held.Lost?.Dispose();
            }

            finished.Add(new Pending(new FinishedTrial(claim, outcome, DateTimeOffset.UtcNow), committed));
            finishedRows += 1 + (outcome.Epochs.IsDefault ? 0 : outcome.Epochs.Length);
            finishedSinceRate++;
            if (wake || finishedRows >= settings.MaxRowsPerBatch)
            {
                writerWake.Set();
            }
        }
    }

    /// <summary>
    /// Commits every finished trial still queued, undoes the claims no worker took, and ends the writer
    /// thread. Call it after the workers are done. Throws the store error that stopped the writer, if any.
    /// </summary>
    public void Close()
    {
        EndThread();
        failure?.Throw();
    }

    /// <summary>Closes the writer if <see cref="Close"/> was not called (after an unexpected error), without throwing.</summary>
    public void Dispose()
    {
        EndThread();
        onStop.Dispose();
        failed.Dispose();
        writerWake.Dispose();
        lock (gate)
        {
            foreach (var held in started.Values)
            {
                held.Lost?.Dispose();
            }

            started.Clear();
        }
    }

    /// <summary>Lets the writer commit what is queued and give back unused claims, and waits for it to end.</summary>
    private void EndThread()
    {
        lock (gate)
        {
            closing = true;
        }

        writerWake.Set();
        thread.Join();
    }

    private void WakeAll()
    {
        lock (gate)
        {
            Monitor.PulseAll(gate);
        }

        writerWake.Set();
    }

    /// <summary>Hands a claim to a worker: from now on its trial stops when the lease is lost or would run out unrenewed.</summary>
    private void Start(Held held)
    {
        var lost = new CancellationTokenSource();
        StopAtSafeHold(lost, held.LeaseFrom);
        started[held.Claim.TrialId] = held with { Lost = lost };
    }

    /// <summary>
    /// Cancels <paramref name="lost"/> once the lease taken at <paramref name="leaseFrom"/> is no longer safe to
    /// train on, or now if it is already past that (a process paused, as by SIGSTOP, between the store's
    /// answer and this line).
    /// </summary>
    private void StopAtSafeHold(CancellationTokenSource lost, long leaseFrom)
    {
        var left = safeHold - Stopwatch.GetElapsedTime(leaseFrom);
        if (left > TimeSpan.Zero)
        {
            lost.CancelAfter(left);
        }
        else
        {
            lost.Cancel();
        }
    }

    private sealed record Pending(FinishedTrial Trial, Action<bool>? Committed);

    /// <summary>
    /// A claim with the moment before the transaction that last took or renewed its lease (the lease surely
    /// runs from no earlier), and once handed out, what cancels its trial.
    /// </summary>
    private sealed record Held(TrialClaim Claim, long LeaseFrom, CancellationTokenSource? Lost = null);
}
