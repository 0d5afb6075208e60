using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sweep.Models;
using Sweep.Models.Selection;
using Sweep.Storage;

namespace Sweep.Runner.Commands;

/// <summary>
/// `sweep best NAME` (or --experiment NAME): the chosen configuration of an experiment's latest version and why, as
/// <see cref="SweepSelector"/> derives it from the stored sweep; for a coarse-to-fine search, its pick and its
/// story stage by stage. A range test stored by `sweep lr-find --db` adds its suggestion in one line, and is the
/// answer while no trial has completed.
/// </summary>
internal static class BestCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var experiment = new ExperimentName("The experiment's name.", required: true);
        var store = CommonOptions.Store();
        var format = new Option<string>("--format") { Description = "text for people, json for tools.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("best", "Print the chosen learning rate of an experiment (and its other hyperparameters) and why.") { store, format };
        experiment.AddTo(command);
        command.SetAction(parsed =>
        {
            var name = experiment.Read(parsed)!;
            using var opened = StoreFile.OpenExisting(parsed.GetValue(store)!, error);
            if (opened is null)
            {
                return ExitCodes.StoreError;
            }

            if (opened.FindExperiment(name) is not { } found)
            {
                CliError.Write(error, $"the store '{opened.Location}' has no experiment '{name}'; 'sweep list' shows what it has.");
                return ExitCodes.InvalidInput;
            }

            var json = parsed.GetValue(format) == "json";
            // The choice needs no epochs beyond what ranking reads: a large sweep answers in a fraction of the time.
            var sweep = opened.ReadSweep(found.Id, withEpochs: false)!;
            var choice = SweepSelector.Choose(sweep);
            var finished = sweep.FinishedTrials;
            if (choice.AnswersByRangeTest)
            {
                // A range-test sweep answers with its test; a test stored by lr-find answers while no trial has a score.
                WriteRangeTest(found, choice.RangeTest!, choice.RangeTest!.Record.ByLrFind ? finished : 1, json, output);
                return ExitCodes.Success;
            }

            if (choice.Trial is not { } best)
            {
                CliError.Write(error, $"experiment '{name}' has no completed trial yet; run it first.");
                return ExitCodes.InvalidInput;
            }

            var search = sweep.Settings.CoarseToFine;
            if (json)
            {
                var fields = new Dictionary<string, object?>
                {
                    ["experiment"] = found.Name,
                    ["version"] = found.Version,
                    ["trial_id"] = best.Id,
                    ["learning_rate"] = best.LearningRate,
                    ["weight_decay_l1"] = best.WeightDecayL1,
                    ["weight_decay_l2"] = best.WeightDecayL2,
                    ["batch"] = best.Batch,
                    ["metric"] = choice.Metric,
                    ["value"] = choice.Score,
                    ["diagnosis"] = best.Diagnosis is { } diagnosis ? EnumText.Lower(diagnosis.Label) : null,
                    ["trials_run"] = finished,
                    ["recommendation"] = choice.Recommendation?.Text,
                    ["parameters"] = best.Parameters.ToDictionary(p => p.Path, p => p.Value.Number is { } number ? number : (object)p.Value.Text, StringComparer.Ordinal),
                };
                if (search is not null && choice.Search is not null)
                {
                    fields["strategy"] = "coarse-to-fine";
                    fields["target"] = search.Target;
                    fields["target_value"] = choice.Decision?.Value;
                    fields["finished"] = choice.Decision is not null;
                    fields["stop_reason"] = choice.Decision is { } d ? EnumText.Lower(d.Reason) : null;
                    fields["stages"] = sweep.Trials.Where(t => t.Stage > 0).Select(t => t.Stage).DefaultIfEmpty(0).Max();
                    fields["story"] = choice.Story;
                }

                fields["range_test"] = choice.RangeTest is not { } test ? null : new Dictionary<string, object?>
                {
                    ["id"] = test.Record.Id,
                    ["suggestion"] = test.Result.Suggestion,
                    ["min_over_ten"] = test.Result.MinLossRateOverTen,
                    ["steps"] = test.Result.Steps.Length,
                };
                output.WriteLine(JsonSerializer.Serialize(fields, Json));
            }
            else
            {
                // A search over another key (a weight decay) names that key, not the learning rate it kept fixed.
                output.WriteLine(choice.Decision is { } decided && sweep.Settings.OtherTarget() is { } target
                    ? string.Create(CultureInfo.InvariantCulture, $"Best {target} of '{found.Name}' (version {found.Version}): {decided.Value:R} (learning rate {best.LearningRate:R})")
                    : string.Create(CultureInfo.InvariantCulture, $"Best learning rate of '{found.Name}' (version {found.Version}): {best.LearningRate:R}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trial {best.Id}: {choice.Metric!.Replace('_', ' ')} {choice.Score:G6}, weight decay l1 {best.WeightDecayL1:R} l2 {best.WeightDecayL2:R}, batch {best.Batch}, {(best.Diagnosis is { } label ? EnumText.Lower(label.Label) : "not diagnosed")}; {finished} trials run."));
                if (!best.Parameters.IsEmpty)
                {
                    output.WriteLine($"Chosen values: {string.Join(", ", best.Parameters.Select(p => $"{p.Path} {p.Value.Text}"))}.");
                }

                foreach (var line in choice.Story)
                {
                    output.WriteLine(line);
                }

                if (choice.RangeTest is { } lrFind)
                {
                    output.WriteLine(lrFind.LrFindLine);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A range test's pick: the steepest fall of the smoothed loss (or, when it never fell, the lowest-loss rate / 10).</summary>
    private static void WriteRangeTest(ExperimentSummary found, RangeTestChoice test, int trialsRun, bool json, TextWriter output)
    {
        var result = test.Result;
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(
                new Dictionary<string, object?>
                {
                    ["experiment"] = found.Name,
                    ["version"] = found.Version,
                    ["trial_id"] = test.Record.Id,
                    ["learning_rate"] = test.Rate,
                    ["metric"] = test.Metric,
                    ["value"] = result.SteepestSlope,
                    ["trials_run"] = trialsRun,
                    ["strategy"] = test.Record.ByLrFind ? "lr-find" : "lr-range-test",
                    ["suggestion"] = result.Suggestion,
                    ["min_loss_rate"] = result.MinLossRate,
                    ["min_loss_rate_over_ten"] = result.MinLossRateOverTen,
                    ["steps"] = result.Steps.Length,
                    ["stopped_by"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(result.StoppedBy.ToString()),
                    ["reason"] = result.Reason,
                    ["parameters"] = new Dictionary<string, object?> { ["training.learning_rate"] = test.Rate },
                },
                Json));
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Best learning rate of '{found.Name}' (version {found.Version}): {test.Rate:G4}"));
        output.WriteLine(test.Summary);
        output.WriteLine(result.Reason);
    }
}
