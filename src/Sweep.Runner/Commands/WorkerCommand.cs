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
    public static Command Create(TextWriter output, TextWriter error, LogOptions log)
    {
        var store = CommonOptions.Store();
        var experiment = new ExperimentName("Run only this experiment's trials (default: any experiment's).", required: false);
        var parallel = CommonOptions.Count("--parallel", "Trials at once (default: the experiment's search.parallel, else one per core).");
        var idleExit = CommonOptions.Duration("--idle-exit", "Exit 0 once nothing was left to run for this long (e.g. 30s, 5m); default: wait for more.");
        var lease = CommonOptions.Duration("--lease", $"How long a claimed trial stays this worker's without renewal (renewed every quarter of it); default {DurationText.Format(StoreOptions.Default.Lease)}.");
        var outFolder = new Option<string>("--out")
        {
            Description = "Folder for the worker's log (sweep-worker.log) and the logs of command trials.",
            DefaultValueFactory = _ => RunCommand.DefaultOutput,
        };
        var command = new Command("worker", "Join the sweeps of a shared store from any machine and run their pending trials.")
        {
            store, parallel, idleExit, lease, outFolder,
        };
        experiment.AddTo(command);
        command.SetAction((parsed, cancellationToken) =>
        {
            var settings = new WorkerSettings(
                parsed.GetValue(store)!,
                experiment.Read(parsed),
                parsed.GetValue(parallel),
                parsed.GetValue(idleExit),
                parsed.GetValue(lease) ?? StoreOptions.Default.Lease,
                parsed.GetValue(outFolder)!,
                log.Read(parsed));
            return new SweepWorker(settings, output, error).ExecuteAsync(cancellationToken);
        });
        return command;
    }
}
