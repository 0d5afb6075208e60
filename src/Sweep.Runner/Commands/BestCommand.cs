using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sweep.Models.Results;
using Sweep.Models.Selection;
using Sweep.Storage;

namespace Sweep.Runner.Commands;

/// <summary>
/// `sweep best --experiment NAME`: the chosen learning rate of an experiment's latest version and why:
/// the completed trial with the lowest final loss (validation loss when there is one; ties go to the
/// smaller rate), and, over the rates tried with its other settings, where a finer search should look.
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
            var finished = trials.Where(t => t.Status is TrialStatus.Completed or TrialStatus.Diverged or TrialStatus.Failed).ToList();
            var candidates = trials.Where(t => t.Status == TrialStatus.Completed && FinalLoss(t) is not null)
                .OrderBy(FinalLoss).ThenBy(t => t.LearningRate).ToList();
            if (candidates.Count == 0)
            {
                error.WriteLine($"sweep: experiment '{name}' has no completed trial yet; run it first.");
                return ExitCodes.InvalidInput;
            }

            var best = candidates[0];
            var metric = best.FinalValidationLoss is null ? "final_train_loss" : "final_val_loss";
            var recommendation = Recommend(best, trials);
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
                        ["value"] = FinalLoss(best),
                        ["diagnosis"] = best.Diagnosis,
                        ["trials_run"] = finished.Count,
                        ["recommendation"] = recommendation?.Text,
                    },
                    Json));
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Best learning rate of '{found.Name}' (version {found.Version}): {best.LearningRate:R}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trial {best.Id}: {metric.Replace('_', ' ')} {FinalLoss(best):G6}, weight decay l1 {best.WeightDecayL1:R} l2 {best.WeightDecayL2:R}, batch {best.Batch}, {best.Diagnosis ?? "not diagnosed"}; {finished.Count} trials run."));
                if (recommendation is not null)
                {
                    output.WriteLine(recommendation.Text);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static double? FinalLoss(TrialSummary trial) => trial.FinalValidationLoss ?? trial.FinalTrainLoss;

    /// <summary>The rates tried with the best trial's other settings, as a grid to read a bracket from.</summary>
    private static GridRecommendation? Recommend(TrialSummary best, IReadOnlyList<TrialSummary> trials)
    {
        var points = trials
            .Where(t => t.WeightDecayL1 == best.WeightDecayL1 && t.WeightDecayL2 == best.WeightDecayL2 && t.Batch == best.Batch)
            .Where(t => t.Status is TrialStatus.Completed or TrialStatus.Diverged)
            .GroupBy(t => t.LearningRate)
            .Select(g => g.OrderBy(t => FinalLoss(t) ?? double.PositiveInfinity).First())
            .Select(t => new RatePoint(
                t.LearningRate,
                t.Status == TrialStatus.Diverged ? double.PositiveInfinity : FinalLoss(t) ?? double.PositiveInfinity,
                Enum.TryParse<CurveLabel>(t.Diagnosis, ignoreCase: true, out var label) ? label : CurveLabel.Good))
            .ToList();
        return points.Count >= 2 ? GridRecommendation.Of(points) : null;
    }
}
