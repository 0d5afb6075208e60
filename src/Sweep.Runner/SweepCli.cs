using System.CommandLine;
using Sweep.Runner.Commands;
using Sweep.Runner.Logging;
using Sweep.Storage;

namespace Sweep.Runner;

/// <summary>
/// The `sweep` command line: its commands, parse errors turned into exit code 2, a store that cannot be
/// used into exit code 3, and any other unexpected error into one line on stderr (its stack trace only
/// with --verbose).
/// </summary>
internal static class SweepCli
{
    public static RootCommand Build(TextWriter output, TextWriter error) => Build(output, error, new LogOptions());

    private static RootCommand Build(TextWriter output, TextWriter error, LogOptions log)
    {
        var root = new RootCommand("Sweep: hyperparameter sweeps of small neural networks — learning rate, weight decay, batch size.")
        {
            ValidateCommand.Create(output, error),
            PlanCommand.Create(output, error),
            RunCommand.Create(output, error, log),
            LrFindCommand.Create(output, error),
            BestCommand.Create(output, error),
            CompareCommand.Create(output, error),
            ReportCommand.Create(output, error),
            ListCommand.Create(output, error),
            ShowCommand.Create(output, error),
            WorkerCommand.Create(output, error, log),
        };
        log.AddTo(root);
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken stop = default) =>
        RunAsync(args, output, error, stop).GetAwaiter().GetResult();

    /// <param name="stop">Cancelled on Ctrl+C or SIGTERM (see <see cref="StopSignals"/>).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken stop = default)
    {
        var log = new LogOptions();
        var root = Build(output, error, log);
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        if (parsed.Errors.Count > 0 && !IsHelpRequest(args))
        {
            foreach (var problem in parsed.Errors)
            {
                CliError.Write(error, $"{problem.Message}");
            }

            error.WriteLine("Run 'sweep --help' for the commands and their options.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            return await parsed.InvokeAsync(configuration, stop).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            CliError.Write(error, $"{e.Message}");
            return ExitCodes.StoreError;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            CliError.Write(error, log.Read(parsed).Verbose
                ? $"unexpected error: {e}"
                : $"unexpected error: {e.Message} Run again with --verbose for the details, and report it.");
            return ExitCodes.UnexpectedError;
        }
    }

    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");
}
