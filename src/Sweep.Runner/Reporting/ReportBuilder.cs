using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Selection;
using Sweep.Reports;
using Sweep.Storage;

namespace Sweep.Runner.Reporting;

/// <summary>
/// Builds the report of an experiment version from the store: every trial with its epochs, the chosen
/// rate (the completed trial with the lowest final loss; ties go to the smaller rate) and, from the rates
/// tried with the chosen trial's other settings, where a finer search should look.
/// </summary>
internal static class ReportBuilder
{
    public static SweepReport Build(ResultStore store, ExperimentRegistration experiment, ExperimentDefinition definition) =>
        Build(store, experiment.Id, experiment.Name, experiment.Version, definition.Description, definition.Search.Strategy);

    public static SweepReport Build(ResultStore store, long experimentId, string name, int version, string description, SearchStrategy strategy)
    {
        var epochs = store.ListEpochs(experimentId).GroupBy(e => e.TrialId).ToDictionary(g => g.Key, g => g.Select(e => e.Epoch).ToImmutableArray(), StringComparer.Ordinal);
        var trials = store.ListTrials(experimentId)
            .Select(t => Row(t, epochs.GetValueOrDefault(t.Id, [])))
            .ToImmutableArray();
        var best = trials.Where(t => t.Status == TrialStatus.Completed && t.FinalLoss is not null)
            .OrderBy(t => t.FinalLoss).ThenBy(t => t.LearningRate).FirstOrDefault();
        var story = best is null ? [] : Recommendation(best, trials);
        return new SweepReport(
            name,
            description.TrimEnd(),
            version.ToString(CultureInfo.InvariantCulture),
            JsonNamingPolicy.KebabCaseLower.ConvertName(strategy.ToString()),
            DateTimeOffset.UtcNow,
            trials,
            best?.TrialId,
            best?.LearningRate)
        {
            Story = story,
        };
    }

    private static TrialRow Row(TrialSummary trial, ImmutableArray<EpochRecord> epochs) => new(
        trial.Id,
        trial.Stage,
        trial.LearningRate,
        trial.WeightDecayL1,
        trial.WeightDecayL2,
        trial.Batch,
        trial.Status,
        Enum.TryParse<CurveLabel>(trial.Diagnosis, ignoreCase: true, out var label) ? label : null,
        trial.Epochs,
        trial.FinalTrainLoss,
        trial.FinalValidationLoss,
        trial.BestValidationLoss,
        trial.Seconds ?? 0,
        Parameters(trial.ParametersJson),
        epochs);

    private static ImmutableArray<TrialParameter> Parameters(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => new TrialParameter(
            p.Name,
            p.Value.ValueKind == JsonValueKind.Number ? ParameterValue.Of(p.Value.GetDouble()).Text : p.Value.ToString()))];
    }

    private static ImmutableArray<string> Recommendation(TrialRow best, ImmutableArray<TrialRow> trials)
    {
        var points = trials
            .Where(t => t.WeightDecayL1 == best.WeightDecayL1 && t.WeightDecayL2 == best.WeightDecayL2 && t.Batch == best.Batch)
            .Where(t => t.Status is TrialStatus.Completed or TrialStatus.Diverged)
            .GroupBy(t => t.LearningRate)
            .Select(g => g.OrderBy(t => t.FinalLoss ?? double.PositiveInfinity).First())
            .Select(t => new RatePoint(
                t.LearningRate,
                t.Status == TrialStatus.Diverged ? double.PositiveInfinity : t.FinalLoss ?? double.PositiveInfinity,
                t.Diagnosis ?? CurveLabel.Good))
            .ToList();
        return points.Count >= 2 ? [GridRecommendation.Of(points).Text] : [];
    }
}
