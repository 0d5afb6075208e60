using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Serilog;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Training;
using Sweep.Models.Trials;
using Sweep.Runner.Progress;
using Sweep.Storage;

namespace Sweep.Runner.Running;

/// <summary>
/// Runs trials on a fixed number of workers that take them from the run's one store writer: each worker
/// takes the next claimed trial the moment it is free, so a slow trial never holds the others back, and
/// another process on the same store shares the work. The writer commits finished trials (status and
/// epochs together) several per transaction and claims ahead as fast as trials finish; a trial is shown
/// as finished once it is committed. After cancellation no new trial starts; running ones stop at their
/// next epoch and are recorded as interrupted, and everything finished is committed before this returns.
/// A store failure stops every worker. When more trials are left than workers but fewer than twice as many,
/// all of them start and take turns on the workers' cores (<see cref="TrialsInFlight"/>). With <see cref="LendsCores"/>, workers left without a trial lend their
/// threads to the trials still running (never more threads than workers, nor than the machine's cores).
/// </summary>
internal sealed class SweepScheduler(IResultStore store, ITrialExecutor executor, ISweepProgress progress, ILogger log)
{
    /// <summary>
    /// Whether idle workers lend their threads to running trials (SWEEP_LEND_CORES=1). Off by default: on a
    /// quiet 2-core machine a lone Fashion-MNIST autoencoder trial ran 1.3 times slower with a lent thread,
    /// waking the helper for each product costing more than its half of the product saves.
    /// </summary>
    internal static bool LendsCores => Environment.GetEnvironmentVariable("SWEEP_LEND_CORES") == "1";

    /// <summary>
    /// How many trials to keep in flight: the workers, or every trial left when that is more than the workers
    /// and fewer than twice as many. Those then take turns on the workers' cores (<see cref="CoreTurns"/>):
    /// three trials on two workers end together after about one and a half trials' time, where two rounds,
    /// the second with one core idle, would take two.
    /// </summary>
    internal static int TrialsInFlight(int workers, int? trialsLeft) =>
        trialsLeft is { } left && left > workers && left < 2 * workers ? left : workers;

    /// <summary>
    /// The results of the trials this call ran, in the order they ended, without their epochs: the store has
    /// those. <paramref name="trialsLeft"/>, when known, is how many trials of the round have yet to end.
    /// </summary>
    public async Task<ImmutableArray<TrialResult>> RunAsync(SweepTarget target, int workers, int? maxTrials, CancellationToken cancellationToken, int? trialsLeft = null)
    {
        var results = new ConcurrentQueue<TrialResult>();
        workers = Math.Max(1, workers);
        var inFlight = TrialsInFlight(workers, maxTrials is { } most && most < trialsLeft ? most : trialsLeft);
        var settings = RunWriterSettings.Default with { SpareClaims = inFlight };
        using var writer = new RunWriter(store, target.ExperimentId, target.RunId, maxTrials, settings, cancellationToken);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, writer.Failed);
        var stop = stopping.Token;
        var turns = inFlight > workers ? new CoreTurns(workers) : null;
        var shares = new ThreadShares(LendsCores ? Math.Min(workers, Environment.ProcessorCount) : 1, turns);

        void Work()
        {
            while (writer.Next() is { } claim)
            {
                // A sweep of many trials would otherwise hold every curve until it ends.
                results.Enqueue(Run(writer, target, claim, shares, stop) with { Epochs = [] });
            }
        }

        var threads = Enumerable.Range(0, inFlight)
            .Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToList();
        await Task.WhenAll(threads).ConfigureAwait(false);
        writer.Close();
        return [.. results];
    }

    private TrialResult Run(RunWriter writer, SweepTarget target, TrialClaim claim, ThreadShares shares, CancellationToken stop)
    {
        var trialId = claim.TrialId;
        if (target.Plans.Find(trialId)?.Resolved() is not { } trial)
        {
            // The same experiment text always plans the same trials; this would be a store edited by hand.
            var missing = new TrialResult(trialId, TrialStatus.Failed, [], "the store holds this trial but the experiment file does not plan it", 0);
            writer.Finish(claim, new TrialOutcome(missing.Status, missing.Epochs, 0, missing.Error));
            return missing;
        }

        // A trial whose lease is lost stops early: another claimer runs it, and this result would not be recorded.
        using var leased = CancellationTokenSource.CreateLinkedTokenSource(stop, writer.LeaseLost(claim));
        var threads = shares.Join();
        TrialResult result;
        try
        {
            threads.TakeTurn();
            result = Execute(trial, threads, progress.TrialStarted(trial), leased.Token);
        }
        finally
        {
            threads.GiveTurn();
            shares.Leave(threads);
        }

        var outcome = new TrialOutcome(result.Status, result.Epochs, result.Seconds, result.Error)
        {
            RangeTestSteps = result.RangeTest?.Steps ?? [],
        };
        writer.Finish(claim, outcome, recorded =>
        {
            if (!recorded)
            {
                log.Warning("Trial {TrialId} was taken over by another run while it trained here; that run's result stands", trialId);
            }

            progress.TrialFinished(trial, result);
        });
        return result;
    }

    /// <summary>
    /// Runs one trial on the executor. A trial that throws becomes a failed result with its error text, and
    /// the sweep goes on; the stack trace goes to the debug log (shown with --verbose).
    /// </summary>
    private TrialResult Execute(TrialPlan trial, ThreadBudget threads, Action<EpochRecord>? onEpoch, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Time spent waiting for a turn on the cores is not the trial's training time.
            var result = executor.Run(trial, threads, onEpoch, stop);
            return result with { Seconds = result.Seconds - threads.Waited.TotalSeconds };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Debug(e, "Trial {TrialId} threw {ExceptionType}", trial.Id, e.GetType().Name);
            return new TrialResult(trial.Id, TrialStatus.Failed, [], e.Message, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
