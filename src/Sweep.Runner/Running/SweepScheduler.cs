using System.Collections.Concurrent;
using System.Collections.Immutable;
using Serilog;
using Sweep.Models.Results;
using Sweep.Runner.Progress;
using Sweep.Storage;

namespace Sweep.Runner.Running;

/// <summary>
/// Runs trials on a fixed number of workers that claim them from the store: each worker takes the next
/// claimable trial the moment it is free, so a slow trial never holds the others back, and another
/// process on the same store shares the work. A trial's epochs and status are written together when it
/// ends (the store serialises its writers). After cancellation no new trial starts; running ones stop at
/// their next epoch and are recorded as interrupted. A store failure stops every worker.
/// </summary>
internal sealed class SweepScheduler(ResultStore store, TrialRunner runner, ISweepProgress progress, ILogger log)
{
    /// <summary>The results of the trials this call ran, in the order they ended.</summary>
    public async Task<ImmutableArray<TrialResult>> RunAsync(SweepTarget target, int workers, int? maxTrials, CancellationToken cancellationToken)
    {
        var results = new ConcurrentQueue<TrialResult>();
        var claims = 0;
        using var storeFailed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stop = storeFailed.Token;

        bool MayClaim() => !stop.IsCancellationRequested && (maxTrials is not { } most || Interlocked.Increment(ref claims) <= most);

        void Work()
        {
            try
            {
                while (MayClaim() && store.ClaimNextTrial(target.ExperimentId, target.RunId) is { } trialId)
                {
                    results.Enqueue(Run(target, trialId, stop));
                }
            }
            catch (StoreException)
            {
                storeFailed.Cancel();
                throw;
            }
        }

        var threads = Enumerable.Range(0, Math.Max(1, workers))
            .Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToList();
        await Task.WhenAll(threads).ConfigureAwait(false);
        return [.. results];
    }

    private TrialResult Run(SweepTarget target, string trialId, CancellationToken stop)
    {
        if (!target.Plan.TryGetValue(trialId, out var trial))
        {
            // The same experiment text always plans the same trials; this would be a store edited by hand.
            var missing = new TrialResult(trialId, TrialStatus.Failed, [], "the store holds this trial but the experiment file does not plan it", 0);
            store.CompleteTrial(target.ExperimentId, trialId, target.RunId, new TrialOutcome(missing.Status, missing.Epochs, 0, missing.Error));
            return missing;
        }

        var result = runner.Run(trial, progress.TrialStarted(trial), stop);
        if (!store.CompleteTrial(target.ExperimentId, trialId, target.RunId, new TrialOutcome(result.Status, result.Epochs, result.Seconds, result.Error)))
        {
            log.Warning("Trial {TrialId} was taken over by another run while it trained here; that run's result stands", trialId);
        }

        progress.TrialFinished(trial, result);
        return result;
    }
}
