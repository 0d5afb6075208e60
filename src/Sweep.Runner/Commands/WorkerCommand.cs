using System.CommandLine;
using Sweep.Models;
using Sweep.Runner.Logging;
using Sweep.Runner.Running;
using Sweep.Storage;

namespace Sweep.Runner.Commands;

/// <summary>
/// `sweep worker`: joins the sweeps of a shared store (PostgreSQL for many machines, or a SQLite file on
/// this one) and runs their pending trials until stopped or idle.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var store = CommonOptions.Store();
        var experiment = new Option<string?>("--experiment") { Description = "Run only this experiment's trials (default: any experiment's)." };
        var parallel = CommonOptions.Count("--parallel", "Trials at once (default: the experiment's search.parallel, else one per core).");
        var idleExit = CommonOptions.Duration("--idle-exit", "Exit 0 once nothing was left to run for this long (e.g. 30s, 5m); default: wait for more.");
        var lease = CommonOptions.Duration("--lease", $"How long a claimed trial stays this worker's without renewal (renewed every quarter of it); default {DurationText.Format(StoreOptions.Default.Lease)}.");
        var outFolder = new Option<string>("--out")
        {
            Description = "Folder for the worker's log (sweep-worker.log) and the logs of command trials.",
            DefaultValueFactory = _ => RunCommand.DefaultOutput,
        };
        var logFormat = CommonOptions.LogFormat();
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();
        var command = new Command("worker", "Join the sweeps of a shared store from any machine and run their pending trials.")
        {
            store, experiment, parallel, idleExit, lease, outFolder, logFormat, quiet, verbose,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            var settings = new WorkerSettings(
                parsed.GetValue(store)!,
                parsed.GetValue(experiment),
                parsed.GetValue(parallel),
                parsed.GetValue(idleExit),
                parsed.GetValue(lease) ?? StoreOptions.Default.Lease,
                parsed.GetValue(outFolder)!,
                new LogSettings(parsed.GetValue(logFormat), parsed.GetValue(quiet), parsed.GetValue(verbose)));
            return new SweepWorker(settings, output, error).ExecuteAsync(cancellationToken);
        });
        return command;
    }
}
