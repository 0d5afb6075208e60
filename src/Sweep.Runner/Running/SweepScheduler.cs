using System.Collections.Immutable;
using Sweep.Models.Results;
using Sweep.Models.Search;

namespace Sweep.Runner.Running;

/// <summary>
/// Runs trials on a fixed number of workers; each worker takes the next trial the moment it is free, so a
/// slow trial never holds the others back. After cancellation no new trial starts; running ones stop at
/// their next epoch as interrupted.
/// </summary>
internal sealed class SweepScheduler(TrialRunner runner, int workers)
{
    public async Task<ImmutableArray<TrialResult>> RunAsync(IReadOnlyList<TrialPlan> trials, Action<TrialPlan, TrialResult> onFinished, CancellationToken cancellationToken)
    {
        var results = new TrialResult?[trials.Count];
        var next = -1;
        var threads = Enumerable.Range(0, Math.Max(1, Math.Min(workers, trials.Count))).Select(_ => Task.Factory.StartNew(
            () =>
            {
                int index;
                while (!cancellationToken.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < trials.Count)
                {
                    var result = runner.Run(trials[index], null, cancellationToken);
                    results[index] = result;
                    onFinished(trials[index], result);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default));
        await Task.WhenAll(threads).ConfigureAwait(false);
        return [.. results.Select((result, i) => result ?? new TrialResult(trials[i].Id, TrialStatus.Pending, [], null, 0))];
    }
}
