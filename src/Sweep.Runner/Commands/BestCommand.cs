using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sweep.Models.Results;
using Sweep.Runner.Reporting;

namespace Sweep.Runner.Commands;

/// <summary>
/// `sweep best --experiment NAME`: the chosen learning rate of an experiment's latest version and why
/// (<see cref="RateChoice"/>).
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

            var trials = opened.ListTrials(found.Id);
            var finished = trials.Count(t => t.Status is TrialStatus.Completed or TrialStatus.Diverged or TrialStatus.Failed);
            if (RateChoice.Of(trials) is not { } choice)
            {
                error.WriteLine($"sweep: experiment '{name}' has no completed trial yet; run it first.");
                return ExitCodes.InvalidInput;
            }

            var (best, recommendation) = choice;
            var metric = best.FinalValidationLoss is null ? "final_train_loss" : "final_val_loss";
            if (parsed.GetValue(format) == "json")
            {
                output.WriteLine(JsonSerializer.Serialize(
                    new Dictionary<string, object?>
                    {
                        ["experiment"] = found.Name,
                        ["version"] = found.Version,
                        ["trial_id"] = best.Id,
                        ["learning_rate"] = best.LearningRate,
                        ["weight_decay_l1"] = best.WeightDecayL1,
                        ["weight_decay_l2"] = best.WeightDecayL2,
                        ["batch"] = best.Batch,
                        ["metric"] = metric,
                        ["value"] = RateChoice.FinalLoss(best),
                        ["diagnosis"] = best.Diagnosis,
                        ["trials_run"] = finished,
                        ["recommendation"] = recommendation?.Text,
                    },
                    Json));
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Best learning rate of '{found.Name}' (version {found.Version}): {best.LearningRate:R}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trial {best.Id}: {metric.Replace('_', ' ')} {RateChoice.FinalLoss(best):G6}, weight decay l1 {best.WeightDecayL1:R} l2 {best.WeightDecayL2:R}, batch {best.Batch}, {best.Diagnosis ?? "not diagnosed"}; {finished} trials run."));
                if (recommendation is not null)
                {
                    output.WriteLine(recommendation.Text);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
