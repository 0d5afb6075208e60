using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Trials.Commands;

namespace Sweep.Models.Trials;

/// <summary>The one place that says how an experiment's trials run.</summary>
public static class TrialExecutors
{
    /// <summary>The folder under a sweep's output folder that holds one folder per command trial.</summary>
    public const string TrialsFolderName = "trials";

    /// <summary>
    /// The executor for the trials of <paramref name="experiment"/>: the user's program when it has a trainer,
    /// the range test when its search is one, else the built-in engine. <paramref name="data"/> gives the
    /// dataset of a trial's configuration; <paramref name="outputFolder"/> is where a program's trials get
    /// their own folders (trials/&lt;trial id&gt;/).
    /// </summary>
    public static ITrialExecutor For(ExperimentDefinition experiment, Func<ExperimentDefinition, Dataset> data, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(outputFolder);
        return experiment.Trainer is not null ? new CommandExecutor(Path.Combine(outputFolder, TrialsFolderName))
            : experiment.Search.RangeTest is { } rangeTest ? new RangeTestExecutor(rangeTest, data)
            : new EngineExecutor(data);
    }
}
