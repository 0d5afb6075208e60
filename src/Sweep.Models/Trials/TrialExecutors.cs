using Sweep.Models.Data;
using Sweep.Models.Experiments;

namespace Sweep.Models.Trials;

/// <summary>The one place that says how an experiment's trials run.</summary>
public static class TrialExecutors
{
    /// <summary>
    /// The executor for the trials of <paramref name="experiment"/>: the range test when its search is one,
    /// else the built-in engine. <paramref name="data"/> gives the dataset of a trial's configuration.
    /// </summary>
    public static ITrialExecutor For(ExperimentDefinition experiment, Func<ExperimentDefinition, Dataset> data)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(data);
        return experiment.Search.RangeTest is { } rangeTest
            ? new RangeTestExecutor(rangeTest, data)
            : new EngineExecutor(data);
    }
}
