using System.CommandLine;
using Sweep.Runner.Commands;

namespace Sweep.Runner;

/// <summary>The `sweep` command line: its commands, and parse errors turned into exit code 2.</summary>
internal static class SweepCli
{
    public static RootCommand Build(TextWriter output, TextWriter error) => new("Sweep: hyperparameter sweeps of small neural networks — learning rate, weight decay, batch size.")
    {
        ValidateCommand.Create(output, error),
        PlanCommand.Create(output, error),
        RunCommand.Create(output, error),
        LrFindCommand.Create(output, error),
    };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = Build(output, error);
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (parsed.Errors.Count > 0 && !IsHelpRequest(args))
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"sweep: {problem.Message}");
            }

            error.WriteLine("Run 'sweep --help' for the commands and their options.");
            return ExitCodes.InvalidInput;
        }

        return parsed.Invoke(configuration);
    }

    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");
}
