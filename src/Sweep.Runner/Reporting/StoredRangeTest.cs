using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Storage;

namespace Sweep.Runner.Reporting;

/// <summary>
/// The learning-rate range test of a stored `strategy: lr-range-test` version: its steps from the
/// range_tests table, and its suggestion worked out again from them by the same test (the smoothed losses,
/// the steepest fall and min/10 follow from the rates and losses alone), so nothing can disagree with the steps.
/// </summary>
internal sealed record StoredRangeTest(string TrialId, RangeTestResult Result)
{
    /// <summary>Null when the version is no range test, its file no longer loads, or its test has not finished.</summary>
    public static StoredRangeTest? Of(ResultStore store, long experimentId, string file)
    {
        if (StoredExperiment.Load(store, experimentId, file) is not { } experiment
            || experiment.Definition.Search is not { Strategy: SearchStrategy.LrRangeTest } search)
        {
            return null;
        }

        foreach (var trial in store.ListTrials(experimentId))
        {
            var steps = store.ReadRangeTest(experimentId, trial.Id);
            if (!steps.IsEmpty)
            {
                var test = new LearningRateRangeTest(search.RangeTest!);
                foreach (var step in steps)
                {
                    if (!test.Add(step.LearningRate, step.Loss))
                    {
                        break;
                    }
                }

                return new StoredRangeTest(trial.Id, test.Finish());
            }
        }

        return null;
    }
}
