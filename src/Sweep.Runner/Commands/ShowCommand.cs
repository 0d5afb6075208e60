using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sweep.Models;
using Sweep.Storage;

namespace Sweep.Runner.Commands;

/// <summary>
/// `sweep show NAME-OR-ID [--version N]`: an experiment's trials with status and losses (its latest
/// version, or version N), or one trial (id or a unique prefix of it) with its parameters, status, error,
/// diagnosis and epochs.
/// </summary>
internal static class ShowCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var target = new Argument<string>("trial-or-experiment") { Description = "An experiment name, or a trial id (or the first digits of one)." };
        var store = CommonOptions.Store();
        var version = CommonOptions.Count("--version", "Which version of the experiment, as 'sweep list' numbers them (default: the latest).");
        var command = new Command("show", "Show an experiment's trials, or one trial with its epochs.") { target, store, version };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(store)!;
            var wanted = parsed.GetRequiredValue(target);
            var wantedVersion = parsed.GetValue(version);
            using var opened = StoreFile.OpenExisting(path, error);
            if (opened is null)
            {
                return ExitCodes.StoreError;
            }

            var experiments = opened.ListExperiments();
            var versions = experiments.Where(e => e.Name == wanted).ToList();
            if (versions.Count > 0)
            {
                var experiment = wantedVersion is { } number ? versions.Find(e => e.Version == number) : versions.MaxBy(e => e.Version);
                if (experiment is null)
                {
                    CliError.Write(error, $"the store '{opened.Location}' has no version {wantedVersion} of '{wanted}'; its versions are {string.Join(", ", versions.Select(e => e.Version))}.");
                    return ExitCodes.InvalidInput;
                }

                WriteExperiment(experiment, opened.ListTrials(experiment.Id), output);
                return ExitCodes.Success;
            }

            var matches = wanted.Length == 0 ? [] : opened.FindTrials(wanted);
            if (wantedVersion is { } trialVersion)
            {
                var inVersion = experiments.Where(e => e.Version == trialVersion).Select(e => e.Id).ToHashSet();
                matches = [.. matches.Where(t => inVersion.Contains(t.ExperimentId))];
            }

            var ids = matches.Select(t => t.Id).Distinct().ToList();
            if (ids.Count == 0)
            {
                var where = wantedVersion is { } v ? $" in a version {v} of an experiment" : "";
                CliError.Write(error, $"the store '{opened.Location}' has no experiment named '{wanted}' and no trial whose id starts with it{where}; 'sweep list --db {opened.Location}' shows what it holds.");
                return ExitCodes.InvalidInput;
            }

            if (ids.Count > 1)
            {
                CliError.Write(error, $"'{wanted}' starts {ids.Count} trial ids ({string.Join(", ", ids.Take(5))}{(ids.Count > 5 ? ", ..." : "")}); give more of the id.");
                return ExitCodes.InvalidInput;
            }

            // The same configuration in several versions of an experiment: show the latest (of those --version allows).
            var trial = matches.MaxBy(t => t.ExperimentId)!;
            var owner = experiments.Single(e => e.Id == trial.ExperimentId);
            WriteTrial(owner, opened.GetTrial(trial.ExperimentId, trial.Id)!, output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteExperiment(ExperimentSummary experiment, IReadOnlyList<TrialSummary> trials, TextWriter output)
    {
        output.WriteLine($"Experiment '{experiment.Name}' version {experiment.Version} ({experiment.File}): {Sweep.Runner.Progress.Counted.Of(experiment.Trials.Total, "trial")}, {Sweep.Runner.Progress.Counted.Of(experiment.Runs, "run")}, last {StoreFile.Time(experiment.LastRun)}.");
        string[] header = ["#", "trial", "parameters", "status", "epochs", "final loss", "best loss", "diagnosis"];
        var rows = trials.Select(t => (IReadOnlyList<string>)
        [
            t.Number.ToString(CultureInfo.InvariantCulture),
            t.Id,
            Parameters(t.ParametersJson),
            EnumText.Lower(t.Status),
            t.Epochs.ToString(CultureInfo.InvariantCulture),
            StoreFile.Number(t.FinalLoss),
            StoreFile.Number(t.BestLoss),
            t.Diagnosis ?? "",
        ]).ToList();
        output.Write(TextTable.Format(header, rows));
    }

    private static void WriteTrial(ExperimentSummary experiment, TrialDetail detail, TextWriter output)
    {
        var trial = detail.Trial;
        output.WriteLine($"Trial {trial.Id} of experiment '{experiment.Name}' version {experiment.Version}");
        var facts = new List<IReadOnlyList<string>>
        {
            new[] { "parameters", Parameters(trial.ParametersJson) },
            new[] { "seed", trial.Seed.ToString(CultureInfo.InvariantCulture) },
            new[] { "status", EnumText.Lower(trial.Status) },
            new[] { "run", trial.RunId?.ToString(CultureInfo.InvariantCulture) ?? "" },
            new[] { "started", StoreFile.Time(trial.Started) },
            new[] { "ended", StoreFile.Time(trial.Ended) },
            new[] { "seconds", StoreFile.Number(trial.Seconds) },
            new[] { "final loss", StoreFile.Number(trial.FinalLoss) },
            new[] { "best loss", trial.BestEpoch is { } best ? $"{StoreFile.Number(trial.BestLoss)} (epoch {best})" : "" },
        };
        if (trial.Error is { } problem)
        {
            facts.Add(["error", problem]);
        }

        if (trial.Diagnosis is { } diagnosis)
        {
            facts.Add(["diagnosis", trial.DiagnosisJson is { } numbers ? $"{diagnosis} {numbers}" : diagnosis]);
        }

        foreach (var fact in facts)
        {
            output.WriteLine($"  {fact[0],-11} {fact[1]}");
        }

        output.WriteLine();
        if (detail.Epochs.IsEmpty)
        {
            output.WriteLine("No epochs recorded.");
            return;
        }

        string[] header = ["epoch", "train loss", "val loss", "accuracy", "learning rate", "weight norm", "grad norm", "seconds"];
        var rows = detail.Epochs.Select(e => (IReadOnlyList<string>)
        [
            e.Epoch.ToString(CultureInfo.InvariantCulture),
            StoreFile.Number(e.TrainLoss),
            StoreFile.Number(e.ValidationLoss),
            StoreFile.Number(e.Accuracy),
            StoreFile.Number(e.LearningRate),
            StoreFile.Number(e.WeightNorm),
            StoreFile.Number(e.GradientNorm),
            e.Seconds.ToString("0.######", CultureInfo.InvariantCulture),
        ]).ToList();
        output.Write(TextTable.Format(header, rows));
    }

    /// <summary>The stored JSON object of search values as <c>path=value, ...</c>.</summary>
    private static string Parameters(string json)
    {
        using var document = JsonDocument.Parse(json);
        var pairs = document.RootElement.EnumerateObject().Select(p => $"{p.Name}={(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}").ToList();
        return pairs.Count == 0 ? "as written" : string.Join(", ", pairs);
    }
}
