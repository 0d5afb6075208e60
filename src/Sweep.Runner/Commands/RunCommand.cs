using System.CommandLine;
using System.Globalization;
using Sweep.Models.Data;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Runner.Running;

namespace Sweep.Runner.Commands;

/// <summary>`sweep run FILE`: trains every trial of the experiment, trials in parallel, and ranks them.</summary>
internal static class RunCommand
{
    private const int ShownInRanking = 10;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("experiment") { Description = "The experiment file (YAML)." };
        var parallel = new Option<int?>("--parallel") { Description = "Trials at once (default: search.parallel, else one per core)." };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--parallel must be at least 1.");
            }
        });
        var command = new Command("run", "Train every trial of an experiment, in parallel, and rank the results.") { file, parallel };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            if (ExperimentFile.Load(parsed.GetRequiredValue(file), error) is not { } loaded)
            {
                return ExitCodes.InvalidInput;
            }

            var trials = loaded.Plan.Trials;
            var workers = Math.Min(parsed.GetValue(parallel) ?? loaded.Experiment.Definition.Search.Parallel ?? Environment.ProcessorCount, trials.Length);
            output.WriteLine($"Running {trials.Length} trial{(trials.Length == 1 ? "" : "s")} of '{loaded.Experiment.Definition.Name}' on {workers} worker{(workers == 1 ? "" : "s")}.");

            // A problem in the data files is the user's to fix, not a failure of every trial: stop before training.
            var datasets = new DatasetCache();
            try
            {
                foreach (var trial in trials)
                {
                    datasets.For(trial.Configuration);
                }
            }
            catch (DataLoadException e)
            {
                error.WriteLine($"{loaded.Experiment.File}: data: {e.Message}");
                return ExitCodes.InvalidInput;
            }

            var done = 0;
            var gate = new Lock();
            var scheduler = new SweepScheduler(new TrialRunner(datasets), workers);
            var results = await scheduler.RunAsync(trials, (trial, result) =>
            {
                lock (gate)
                {
                    done++;
                    output.WriteLine($"[{done}/{trials.Length}] {Describe(trial)}: {Outcome(result)}");
                }
            }, cancellationToken).ConfigureAwait(false);

            WriteRanking(trials, results, output);
            if (cancellationToken.IsCancellationRequested)
            {
                error.WriteLine("sweep: interrupted; trials not finished were stopped.");
                return ExitCodes.Interrupted;
            }

            return results.Any(r => r.Status == TrialStatus.Failed) ? ExitCodes.TrialsFailed : ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(TrialPlan trial) =>
        trial.Parameters.IsEmpty
            ? $"trial {trial.Id}"
            : $"trial {trial.Id} ({string.Join(", ", trial.Parameters.Select(p => $"{p.Path}={p.Value}"))})";

    private static string Outcome(TrialResult result) => result.Status switch
    {
        TrialStatus.Failed => $"failed: {result.Error}",
        _ when result.FinalLoss is { } loss => string.Create(CultureInfo.InvariantCulture, $"{result.Status.ToString().ToLowerInvariant()}, loss {loss:G4} after {result.Epochs.Length} epochs ({result.Seconds:0.###} s)"),
        _ => result.Status.ToString().ToLowerInvariant(),
    };

    private static void WriteRanking(IReadOnlyList<TrialPlan> trials, IReadOnlyList<TrialResult> results, TextWriter output)
    {
        var ranked = trials.Zip(results)
            .Where(pair => pair.Second.Status == TrialStatus.Completed && pair.Second.FinalLoss is not null)
            .OrderBy(pair => pair.Second.FinalLoss)
            .ThenBy(pair => pair.First.Number)
            .ToList();
        output.WriteLine();
        if (ranked.Count == 0)
        {
            output.WriteLine("No trial completed.");
            return;
        }

        var paths = trials.SelectMany(t => t.Parameters.Select(p => p.Path)).Distinct().ToList();
        var header = new List<string> { "rank", "trial" };
        header.AddRange(paths);
        header.AddRange(["final loss", "best loss", "epochs"]);
        var rows = ranked.Take(ShownInRanking).Select((pair, rank) =>
        {
            var row = new List<string> { (rank + 1).ToString(CultureInfo.InvariantCulture), pair.First.Id };
            row.AddRange(paths.Select(path => pair.First.Parameters.FirstOrDefault(p => p.Path == path).Value.Text ?? ""));
            row.Add(pair.Second.FinalLoss!.Value.ToString("G6", CultureInfo.InvariantCulture));
            row.Add(pair.Second.BestLoss!.Value.ToString("G6", CultureInfo.InvariantCulture));
            row.Add(pair.Second.Epochs.Length.ToString(CultureInfo.InvariantCulture));
            return (IReadOnlyList<string>)row;
        }).ToList();
        output.Write(TextTable.Format(header, rows));

        var counts = results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        output.WriteLine($"{string.Join(", ", counts)}. Best: {Describe(ranked[0].First)}, final loss {ranked[0].Second.FinalLoss!.Value.ToString("G6", CultureInfo.InvariantCulture)}.");
    }
}
