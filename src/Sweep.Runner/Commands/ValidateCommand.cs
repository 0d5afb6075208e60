using System.CommandLine;
using Sweep.Models.Data;

namespace Sweep.Runner.Commands;

/// <summary>`sweep validate FILE`: checks the file and every trial it expands into; prints every problem.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("experiment") { Description = "The experiment file (YAML)." };
        var command = new Command("validate", "Check an experiment file; print every problem with file, line and column.") { file };
        command.SetAction(parsed =>
        {
            var path = parsed.GetRequiredValue(file);
            if (ExperimentFile.Load(path, error, new DatasetCache()) is not { } loaded)
            {
                return ExitCodes.InvalidInput;
            }

            var trials = loaded.Plan.Trials.Length;
            output.WriteLine($"{path}: valid; experiment '{loaded.Experiment.Definition.Name}' expands into {trials} trial{(trials == 1 ? "" : "s")}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
