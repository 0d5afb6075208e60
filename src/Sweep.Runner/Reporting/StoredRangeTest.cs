using System.Collections.Immutable;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Storage;

namespace Sweep.Runner.Reporting;

/// <summary>
/// A stored learning-rate range test: its steps from the range_tests table, and its suggestion worked out again
/// from them by the same test (the smoothed losses, the steepest fall and min/10 follow from the rates and losses
/// alone), so nothing can disagree with the steps. Either the one trial of a `strategy: lr-range-test` version
/// or, for any version, the newest test `sweep lr-find --db` stored beside its trials (<see cref="ByLrFind"/>).
/// </summary>
internal sealed record StoredRangeTest(string Id, RangeTestResult Result, bool ByLrFind)
{
    /// <summary>
    /// The version's own range test when it is a `strategy: lr-range-test` version that has finished one, else its
    /// newest lr-find test; null when it has neither (or its file no longer loads and no lr-find test was stored).
    /// </summary>
    public static StoredRangeTest? Of(IResultStore store, long experimentId, LoadedExperiment? experiment)
    {
        if (experiment is { Definition.Search: { Strategy: SearchStrategy.LrRangeTest } search })
        {
            foreach (var trial in store.ListTrials(experimentId))
            {
                var steps = store.ReadRangeTest(experimentId, trial.Id);
                if (!steps.IsEmpty)
                {
                    return new StoredRangeTest(trial.Id, Replay(search.RangeTest!, steps), ByLrFind: false);
                }
            }
        }

        return store.LatestLrFindTest(experimentId) is { } test && store.ReadRangeTest(experimentId, test.Id) is { IsEmpty: false } found
            ? new StoredRangeTest(test.Id, Replay(test.Settings, found), ByLrFind: true)
            : null;
    }

    private static RangeTestResult Replay(RangeTestSettings settings, ImmutableArray<Storage.RangeTestStep> steps)
    {
        var test = new LearningRateRangeTest(settings);
        foreach (var step in steps)
        {
            if (!test.Add(step.LearningRate, step.Loss))
            {
                break;
            }
        }

        return test.Finish();
    }
}
