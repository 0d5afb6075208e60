using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sweep.Models;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Runner.Reporting;
using Sweep.Storage;

namespace Sweep.Runner.Commands;

/// <summary>
/// `sweep best --experiment NAME`: the chosen learning rate of an experiment's latest version and why
/// (<see cref="RateChoice"/>); for a coarse-to-fine search, the search's pick and its story stage by stage
/// (<see cref="StoredSearch"/>). A range test stored by `sweep lr-find --db` adds its suggestion in one line, and
/// is the answer while no trial has completed.
/// </summary>
internal static class BestCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var experiment = new Option<string>("--experiment") { Description = "The experiment's name.", Required = true };
        var store = CommonOptions.Store();
        var format = new Option<string>("--format") { Description = "text for people, json for tools.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("best", "Print the chosen learning rate of an experiment (and its other hyperparameters) and why.") { experiment, store, format };
        command.SetAction(parsed =>
        {
            var name = parsed.GetRequiredValue(experiment);
            using var opened = StoreFile.OpenExisting(parsed.GetValue(store)!, error);
            if (opened is null)
            {
                return ExitCodes.StoreError;
            }

            if (opened.FindExperiment(name) is not { } found)
            {
                error.WriteLine($"sweep: the store '{parsed.GetValue(store)}' has no experiment '{name}'; 'sweep list' shows what it has.");
                return ExitCodes.InvalidInput;
            }

            var json = parsed.GetValue(format) == "json";
            var loaded = StoredExperiment.Load(opened, found.Id, found.File);
            var rangeTest = StoredRangeTest.Of(opened, found.Id, loaded);
            if (rangeTest is { ByLrFind: false })
            {
                WriteRangeTest(found, rangeTest, 1, json, output);
                return ExitCodes.Success;
            }

            var trials = opened.ListTrials(found.Id);
            var finished = trials.Count(t => t.Status.IsFinished());
            if (RateChoice.Of(trials) is not { } choice)
            {
                if (rangeTest is not null)
                {
                    // No trial to choose from yet, but a quick range test: its suggestion is the answer so far.
                    WriteRangeTest(found, rangeTest, finished, json, output);
                    return ExitCodes.Success;
                }

                error.WriteLine($"sweep: experiment '{name}' has no completed trial yet; run it first.");
                return ExitCodes.InvalidInput;
            }

            var (best, recommendation) = choice;
            var losses = best.FinalValidationLoss is null ? "train_loss" : "val_loss";
            var (metric, value) = ($"final_{losses}", best.FinalLoss);
            var search = StoredSearch.Of(opened, found.Id, loaded);
            if (search?.Decision is { } decision && search.PickedTrial is { } picked)
            {
                // The search's own pick, by its own metric (mean over repeats), stands over the lowest final loss.
                best = picked;
                value = decision.Metric;
                metric = search.Settings.Metric switch
                {
                    SelectionMetric.BestLoss => $"best_{losses}",
                    SelectionMetric.EpochsToTarget => "epochs_to_target",
                    _ => metric,
                };
            }

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
                    ["metric"] = metric,
                    ["value"] = value,
                    ["diagnosis"] = best.Diagnosis,
                    ["trials_run"] = finished,
                    ["recommendation"] = recommendation?.Text,
                };
                if (search is not null)
                {
                    fields["strategy"] = "coarse-to-fine";
                    fields["target"] = search.Settings.Target;
                    fields["target_value"] = search.Decision?.Value;
                    fields["finished"] = search.Decision is not null;
                    fields["stop_reason"] = search.Decision is { } d ? EnumText.Lower(d.Reason) : null;
                    fields["stages"] = search.Trials.Where(t => t.Stage > 0).Select(t => t.Stage).DefaultIfEmpty(0).Max();
                    fields["story"] = search.Story;
                }

                fields["range_test"] = rangeTest is null ? null : new Dictionary<string, object?>
                {
                    ["id"] = rangeTest.Id,
                    ["suggestion"] = rangeTest.Result.Suggestion,
                    ["min_over_ten"] = rangeTest.Result.MinLossRateOverTen,
                    ["steps"] = rangeTest.Result.Steps.Length,
                };
                output.WriteLine(JsonSerializer.Serialize(fields, Json));
            }
            else
            {
                // A search over another key (a weight decay) names that key, not the learning rate it kept fixed.
                output.WriteLine(search is { Decision: { } decided } && search.Settings.Target != CoarseToFineSettings.DefaultTarget
                    ? string.Create(CultureInfo.InvariantCulture, $"Best {search.Settings.Target} of '{found.Name}' (version {found.Version}): {decided.Value:R} (learning rate {best.LearningRate:R})")
                    : string.Create(CultureInfo.InvariantCulture, $"Best learning rate of '{found.Name}' (version {found.Version}): {best.LearningRate:R}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trial {best.Id}: {metric.Replace('_', ' ')} {value:G6}, weight decay l1 {best.WeightDecayL1:R} l2 {best.WeightDecayL2:R}, batch {best.Batch}, {best.Diagnosis ?? "not diagnosed"}; {finished} trials run."));
                foreach (var line in search?.Story ?? (recommendation is null ? [] : [recommendation.Text]))
                {
                    output.WriteLine(line);
                }

                if (rangeTest is not null)
                {
                    output.WriteLine(LrFindLine(rangeTest));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A range test's pick: the steepest fall of the smoothed loss (or, when it never fell, the lowest-loss rate / 10).</summary>
    private static void WriteRangeTest(ExperimentSummary found, StoredRangeTest stored, int trialsRun, bool json, TextWriter output)
    {
        var result = stored.Result;
        var (metric, rate) = result.Suggestion is { } suggestion ? ("steepest_fall", suggestion) : ("min_loss_over_ten", result.MinLossRateOverTen);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(
                new Dictionary<string, object?>
                {
                    ["experiment"] = found.Name,
                    ["version"] = found.Version,
                    ["trial_id"] = stored.Id,
                    ["learning_rate"] = rate,
                    ["metric"] = metric,
                    ["value"] = result.SteepestSlope,
                    ["trials_run"] = trialsRun,
                    ["strategy"] = stored.ByLrFind ? "lr-find" : "lr-range-test",
                    ["suggestion"] = result.Suggestion,
                    ["min_loss_rate"] = result.MinLossRate,
                    ["min_loss_rate_over_ten"] = result.MinLossRateOverTen,
                    ["steps"] = result.Steps.Length,
                    ["stopped_by"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(result.StoppedBy.ToString()),
                    ["reason"] = result.Reason,
                },
                Json));
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Best learning rate of '{found.Name}' (version {found.Version}): {rate:G4}"));
        output.WriteLine(result.Suggestion is { } steepest
            ? string.Create(CultureInfo.InvariantCulture, $"range test {stored.Id}{(stored.ByLrFind ? " (sweep lr-find)" : "")}: the smoothed loss falls fastest at {steepest:G4} ({result.SteepestSlope:G4} per decade); lowest-loss rate / 10: {result.MinLossRateOverTen:G4}.")
            : string.Create(CultureInfo.InvariantCulture, $"range test {stored.Id}{(stored.ByLrFind ? " (sweep lr-find)" : "")}: the smoothed loss never fell; lowest-loss rate / 10: {result.MinLossRateOverTen:G4}."));
        output.WriteLine(result.Reason);
    }

    /// <summary>The one line a range test stored by `sweep lr-find` adds to the pick of a sweep's trials.</summary>
    private static string LrFindLine(StoredRangeTest stored) => stored.Result.Suggestion is { } rate
        ? string.Create(CultureInfo.InvariantCulture, $"Range test {stored.Id} (sweep lr-find, {stored.Result.Steps.Length} steps): suggested learning rate {rate:G4}; lowest-loss rate / 10: {stored.Result.MinLossRateOverTen:G4}.")
        : string.Create(CultureInfo.InvariantCulture, $"Range test {stored.Id} (sweep lr-find, {stored.Result.Steps.Length} steps): the smoothed loss never fell; lowest-loss rate / 10: {stored.Result.MinLossRateOverTen:G4}.");
}
