using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Sweep.Storage;

public sealed partial class RunWriter
{
    private void WriteLoop()
    {
        try
        {
            bool last;
            do
            {
                List<Pending> batch;
                ImmutableArray<TrialClaim> released;
                int wanted;
                List<TrialClaim>? renew = null;
                WaitUntilDue();
                lock (gate)
                {
                    last = closing;
                    wanted = ClaimsWanted();
                    released = [];
                    if (last)
                    {
                        released = [.. claims.Select(h => h.Claim)];
                        claims.Clear();
                    }
                    else if (RenewalDue)
                    {
                        renew = [.. claims.Select(h => h.Claim), .. started.Values.Select(h => h.Claim)];
                    }

                    batch = finished;
                    finished = [];
                    finishedRows = 0;
                }

                if (renew is not null)
                {
                    Renew(renew);
                }

                // A wake-up only to renew leases has nothing to commit.
                if (batch.Count == 0 && released.IsEmpty && wanted == 0 && !last)
                {
                    continue;
                }

                var leaseFrom = Stopwatch.GetTimestamp();
                var result = store.WriteBatch(experimentId, runId, new RunBatch([.. batch.Select(p => p.Trial)], released, wanted));
                lock (gate)
                {
                    Received(result.Claimed, leaseFrom, wanted, keep: !last);
                }

                for (var index = 0; index < batch.Count; index++)
                {
                    batch[index].Committed?.Invoke(result.Recorded[index]);
                }
            }
            while (!last);
        }
#pragma warning disable CA1031 // Any failure must reach the caller's thread through Close instead of ending the process here.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // Cancelled before the failure is visible, so a worker that sees the failure also sees the stop.
            failed.Cancel();
            lock (gate)
            {
                failure = ExceptionDispatchInfo.Capture(e);
                Monitor.PulseAll(gate);
            }
        }
    }

    /// <summary>
    /// Sleeps until a transaction is due. Only the writer takes what is due away, so it is still due when the
    /// caller takes the lock again.
    /// </summary>
    private void WaitUntilDue()
    {
        while (true)
        {
            // Reset before looking: a wake after the look ends the wait at once instead of being lost.
            writerWake.Reset();
            TimeSpan wait;
            lock (gate)
            {
                if (IsDue(out wait))
                {
                    return;
                }
            }

            writerWake.Wait(wait);
        }
    }

    /// <summary>Whether a transaction is due now; otherwise how long until the oldest finished trial or the next renewal is.</summary>
    private bool IsDue(out TimeSpan wait)
    {
        wait = Timeout.InfiniteTimeSpan;
        if (closing || ClaimsWanted() > 0 || RenewalDue)
        {
            return true;
        }

        if (claims.Count + started.Count > 0)
        {
            wait = renewalInterval - Stopwatch.GetElapsedTime(lastRenewal);
        }

        if (finished.Count == 0)
        {
            return false;
        }

        var age = Stopwatch.GetElapsedTime(firstFinishedAt);
        if (finishedRows >= settings.MaxRowsPerBatch || age >= settings.FlushInterval)
        {
            return true;
        }

        var flush = settings.FlushInterval - age;
        wait = wait == Timeout.InfiniteTimeSpan || flush < wait ? flush : wait;
        return false;
    }

    /// <summary>Whether the leases held are a quarter of a lease old: renewing now leaves three more tries before they run out.</summary>
    private bool RenewalDue => claims.Count + started.Count > 0 && Stopwatch.GetElapsedTime(lastRenewal) >= renewalInterval;

    /// <summary>
    /// Renews the leases of every claim held, outside the lock (workers go on meanwhile). A claim whose lease
    /// was lost is dropped if queued, and its trial is stopped if running; one renewed gets a full hold again.
    /// </summary>
    private void Renew(List<TrialClaim> held)
    {
        var leaseFrom = Stopwatch.GetTimestamp();
        var renewed = store.RenewLeases(experimentId, held);
        lock (gate)
        {
            lastRenewal = leaseFrom;
            var lost = new HashSet<string>(StringComparer.Ordinal);
            for (var index = 0; index < held.Count; index++)
            {
                var claim = held[index];
                if (!renewed[index])
                {
                    lost.Add(claim.TrialId);
                    if (started.TryGetValue(claim.TrialId, out var running) && running.Claim == claim)
                    {
                        running.Lost?.Cancel();
                    }
                }
                else if (started.TryGetValue(claim.TrialId, out var running) && running.Claim == claim)
                {
                    started[claim.TrialId] = running with { LeaseFrom = leaseFrom };
                    if (running.Lost is { } lostAt)
                    {
                        StopAtSafeHold(lostAt, leaseFrom);
                    }
                }
            }

            var queued = claims.ToList();
            claims.Clear();
            foreach (var claim in queued.Where(h => !lost.Contains(h.Claim.TrialId)))
            {
                claims.Enqueue(held.Contains(claim.Claim) ? claim with { LeaseFrom = leaseFrom } : claim);
            }
        }
    }

    /// <summary>
    /// How many trials to claim now: enough for the workers waiting (unless a claim came back short since
    /// they began to wait: nothing is left for them), plus the spares or the trials expected to finish
    /// within the claim horizon, whichever is more, once the queue is below <see cref="LowWater"/> and the
    /// store did not run dry.
    /// </summary>
    private int ClaimsWanted()
    {
        if (closing || stop.IsCancellationRequested || claimBudget == 0)
        {
            return 0;
        }

        var forWaiters = waiting > claims.Count && latestWaitStart >= lastShortRound;
        var refill = lastShortRound < 0 && claims.Count < LowWater;
        if (!forWaiters && !refill)
        {
            return 0;
        }

        var wanted = waiting + (lastShortRound < 0 ? Math.Max(settings.SpareClaims, claimsAhead) : 0) - claims.Count;
        return Math.Clamp(wanted, 0, claimBudget ?? int.MaxValue);
    }

    /// <summary>Below this many queued claims the writer claims more: the spares, or half the trials expected within the horizon.</summary>
    private int LowWater => Math.Max(settings.SpareClaims, (claimsAhead + 1) / 2);

    private void Received(ImmutableArray<TrialClaim> claimed, long leaseFrom, int wanted, bool keep)
    {
        if (keep)
        {
            foreach (var claim in claimed)
            {
                claims.Enqueue(new Held(claim, leaseFrom));
            }
        }

        claimBudget -= claimed.Length;
        round++;
        if (claimed.Length < wanted)
        {
            lastShortRound = round;
        }

        // The rate is measured over at least a fifth of the horizon, so a round right after another does not zero it.
        var elapsed = Stopwatch.GetElapsedTime(rateSince);
        if (elapsed >= settings.ClaimHorizon / 5)
        {
            var expected = finishedSinceRate / elapsed.TotalSeconds * settings.ClaimHorizon.TotalSeconds;
            claimsAhead = (int)Math.Min(expected, settings.MaxClaimsAhead);
            finishedSinceRate = 0;
            rateSince = Stopwatch.GetTimestamp();
        }

        Monitor.PulseAll(gate);
    }
}
