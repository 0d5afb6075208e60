using System.CommandLine;
using System.Globalization;
using Sweep.Models;
using Sweep.Storage;

namespace Sweep.Runner.Commands;

/// <summary>`sweep list`: the experiments in the store with their trials by status and best loss, then their runs.</summary>
internal static class ListCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var store = CommonOptions.Store();
        var command = new Command("list", "List the experiments in the store (trials by status, best loss) and their runs.") { store };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(store)!;
            using var opened = StoreFile.OpenExisting(path, error);
            if (opened is null)
            {
                return ExitCodes.StoreError;
            }

            var experiments = opened.ListExperiments();
            if (experiments.IsEmpty)
            {
                output.WriteLine($"The store '{opened.Location}' holds no experiments yet; run 'sweep run EXPERIMENT.yaml --db {opened.Location}' to add one.");
                return ExitCodes.Success;
            }

            WriteExperiments(experiments, output);
            output.WriteLine();
            WriteRuns(experiments, experiments.SelectMany(e => opened.ListRuns(e.Id)).ToList(), output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteExperiments(IReadOnlyList<ExperimentSummary> experiments, TextWriter output)
    {
        string[] header = ["experiment", "version", "runs", "trials", "completed", "diverged", "failed", "interrupted", "pending", "best loss", "last run"];
        var rows = experiments.Select(e => (IReadOnlyList<string>)
        [
            e.Name,
            Whole(e.Version),
            Whole(e.Runs),
            Whole(e.Trials.Total),
            Whole(e.Trials.Completed),
            Whole(e.Trials.Diverged),
            Whole(e.Trials.Failed),
            Whole(e.Trials.Interrupted),
            Whole(e.Trials.Pending + e.Trials.Running),
            StoreFile.Number(e.BestValidationLoss ?? e.BestTrainLoss),
            StoreFile.Time(e.LastRun),
        ]).ToList();
        output.Write(TextTable.Format(header, rows));
    }

    private static void WriteRuns(IReadOnlyList<ExperimentSummary> experiments, IReadOnlyList<RunSummary> runs, TextWriter output)
    {
        var byId = experiments.ToDictionary(e => e.Id);
        string[] header = ["run", "experiment", "version", "status", "started", "ended", "host", "process"];
        var rows = runs.OrderBy(r => r.Id).Select(r => (IReadOnlyList<string>)
        [
            Whole(r.Id),
            byId[r.ExperimentId].Name,
            Whole(byId[r.ExperimentId].Version),
            EnumText.Lower(r.Status),
            StoreFile.Time(r.Started),
            StoreFile.Time(r.Ended),
            r.Host,
            Whole(r.ProcessId),
        ]).ToList();
        output.Write(TextTable.Format(header, rows));
    }

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);
}
