using System.CommandLine;
using Sweep.Runner.Logging;
using Sweep.Runner.Running;

namespace Sweep.Runner.Commands;

/// <summary>
/// `sweep run FILE`: trains every trial of the experiment that the store has not finished, trials in
/// parallel, and ranks the results. Running it again resumes.
/// </summary>
internal static class RunCommand
{
    public const string DefaultOutput = "sweep-out";

    public static Command Create(TextWriter output, TextWriter error, LogOptions log)
    {
        var file = new Argument<string>("experiment") { Description = "The experiment file (YAML)." };
        var store = CommonOptions.Store();
        var parallel = CommonOptions.Count("--parallel", "Trials at once (default: search.parallel, else one per core).");
        var outFolder = new Option<string>("--out")
        {
            Description = "Folder for the reports and the log file (sweep.log).",
            DefaultValueFactory = _ => DefaultOutput,
        };
        var fresh = new Option<bool>("--fresh") { Description = "Run every trial again: the experiment's stored results are reset first." };
        var maxTrials = CommonOptions.Count("--max-trials", "Run at most this many trials now; run again to go on.");
        var timeout = CommonOptions.Duration("--timeout", "Start no trial after this long (e.g. 90s, 10m, 1h30m) and stop running ones; run again to go on.");
        var summary = CommonOptions.Summary();
        var command = new Command("run", "Train every trial of an experiment not yet finished in the store, in parallel, and rank the results.")
        {
            file, store, parallel, outFolder, fresh, maxTrials, timeout, summary,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            var settings = new RunSettings(
                parsed.GetRequiredValue(file),
                parsed.GetValue(store)!,
                parsed.GetValue(outFolder)!,
                parsed.GetValue(parallel),
                parsed.GetValue(fresh),
                parsed.GetValue(maxTrials),
                parsed.GetValue(timeout),
                log.Read(parsed),
                parsed.GetValue(summary));
            return new SweepRun(settings, output, error).ExecuteAsync(cancellationToken);
        });
        return command;
    }
}
