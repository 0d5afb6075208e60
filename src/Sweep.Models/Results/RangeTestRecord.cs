using System.Collections.Immutable;
using Sweep.Models.Experiments;
using Sweep.Models.Search;

namespace Sweep.Models.Results;

/// <summary>
/// A stored learning-rate range test: the one trial of a <c>strategy: lr-range-test</c> version, or the newest
/// test <c>sweep lr-find --db</c> stored beside a version's trials (<see cref="ByLrFind"/>), with the settings its
/// suggestion is worked out again with and its steps.
/// </summary>
public sealed record RangeTestRecord(string Id, RangeTestSettings Settings, ImmutableArray<RangeTestStep> Steps, bool ByLrFind)
{
    /// <summary>
    /// The test's result worked out again from its steps by the same test (the smoothed losses, the steepest fall
    /// and min/10 follow from the rates and losses alone), so nothing can disagree with the steps.
    /// </summary>
    public RangeTestResult Replay()
    {
        var test = new LearningRateRangeTest(Settings);
        foreach (var step in Steps)
        {
            if (!test.Add(step.LearningRate, step.Loss))
            {
                break;
            }
        }

        return test.Finish();
    }
}
