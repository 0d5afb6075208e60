using Sweep.Models.Data;
using Sweep.Models.Experiments;
using Sweep.Models.Search;
using Sweep.Models.Validation;

namespace Sweep.Runner.Commands;

/// <summary>Loads and expands an experiment and checks its data, for a command, printing every problem to stderr.</summary>
internal static class ExperimentFile
{
    /// <summary>The experiment and its trials, or null after the problems were written to <paramref name="error"/>.</summary>
    /// <param name="datasets">Holds the data the check loaded, for a command that goes on to train on it.</param>
    public static (LoadedExperiment Experiment, TrialPlanResult Plan)? Load(string path, TextWriter error, DatasetCache datasets)
    {
        var loaded = ExperimentLoader.Load(path);
        if (loaded.Experiment is not { } experiment)
        {
            WriteProblems(loaded.Errors, error);
            return null;
        }

        var plan = TrialPlanner.Plan(experiment);
        if (!plan.IsValid)
        {
            WriteProblems(plan.Errors, error);
            return null;
        }

        var dataErrors = DataCheck.Check(experiment, plan.Trials.Select(t => t.Configuration), datasets);
        if (!dataErrors.IsEmpty)
        {
            WriteProblems(dataErrors, error);
            return null;
        }

        return (experiment, plan);
    }

    private static void WriteProblems(IReadOnlyCollection<ValidationError> errors, TextWriter error)
    {
        foreach (var problem in errors)
        {
            error.WriteLine(problem);
        }

        error.WriteLine($"{errors.Count} problem{(errors.Count == 1 ? "" : "s")} found; nothing was run.");
    }
}
