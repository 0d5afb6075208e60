using System.CommandLine;
using System.Globalization;
using Sweep.Models.Comparison;
using Sweep.Runner.Comparing;

namespace Sweep.Runner.Commands;

/// <summary>
/// `sweep compare --experiment NAME`: the latest run's choice beside a baseline run's (by default the run before
/// it, of any version of the experiment), and with --max-regression a gate for scheduled jobs: exit 4 when the
/// chosen configuration's loss got worse by more than the allowed percentage.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var experiment = new ExperimentName("The experiment's name.", required: true);
        var store = CommonOptions.Store();
        var baseline = new Option<long?>("--baseline")
        {
            Description = "The run to compare with, by its number in 'sweep list' (default: the last run that had ended when the latest started).",
        };
        var format = new Option<string>("--format") { Description = "text for people, md for CI job summaries, json for tools.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "md");
        var maxRegression = new Option<double?>("--max-regression")
        {
            Description = "Exit 4 when the chosen configuration's loss is worse than the baseline's by more than this many percent (e.g. 5).",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && double.IsFinite(percent) && percent >= 0)
                {
                    return percent;
                }

                result.AddError($"--max-regression takes a percentage of at least 0, such as 5, not '{text}'.");
                return null;
            },
        };
        var command = new Command("compare", "Compare the latest run's choice of an experiment with an earlier run's, and gate on a regression.")
        {
            store, baseline, format, maxRegression,
        };
        experiment.AddTo(command);
        command.SetAction(parsed =>
        {
            var name = experiment.Read(parsed)!;
            using var opened = StoreFile.OpenExisting(parsed.GetValue(store)!, error);
            if (opened is null)
            {
                return ExitCodes.StoreError;
            }

            var runs = ExperimentRuns.Of(opened, name);
            if (runs.Latest is not { } latest)
            {
                CliError.Write(error, opened.FindExperiment(name) is null
                    ? $"the store '{opened.Location}' has no experiment '{name}'; 'sweep list' shows what it has."
                    : $"experiment '{name}' has no run yet; run it first.");
                return ExitCodes.InvalidInput;
            }

            var against = parsed.GetValue(baseline) is { } runId ? runs.Find(runId) : runs.Before(latest);
            if (against is not { } earlier)
            {
                CliError.Write(error, parsed.GetValue(baseline) is { } missing
                    ? $"run {missing.ToString(CultureInfo.InvariantCulture)} is not a run of '{name}'; 'sweep list' shows its runs."
                    : $"'{name}' has no earlier run to compare run {latest.Run.Id.ToString(CultureInfo.InvariantCulture)} with (no run had ended when it started).");
                return ExitCodes.InvalidInput;
            }

            var now = DateTimeOffset.UtcNow;
            var latestChoice = RunChoice.Of(latest.Run.Id, opened.ReadSweep(latest.Version.Id, withEpochs: false)!, latest.Run.Ended, now);
            var baselineChoice = RunChoice.Of(earlier.Run.Id, opened.ReadSweep(earlier.Version.Id, withEpochs: false)!, earlier.Run.Ended, now);
            if (baselineChoice.TrialsRun == 0 && opened.ListRuns(earlier.Version.Id).Any(r => r.Started > earlier.Run.Started))
            {
                // Its trials are still in the store only if no later run of its version trained them again.
                CliError.Write(
                    error,
                    $"run {earlier.Run.Id.ToString(CultureInfo.InvariantCulture)} of '{name}' has no finished trial left in the store: a later run of version {earlier.Version.Version.ToString(CultureInfo.InvariantCulture)} trained them again (--fresh). Pick another --baseline.");
                return ExitCodes.InvalidInput;
            }

            var comparison = new ChoiceComparison(latestChoice, baselineChoice);
            var allowed = parsed.GetValue(maxRegression);
            ComparisonWriter.Write(name, comparison, allowed, parsed.GetValue(format)!, output);
            return allowed is { } limit && comparison.IsRegression(limit) ? ExitCodes.Regression : ExitCodes.Success;
        });
        return command;
    }
}
