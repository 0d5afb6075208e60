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
/// Builds the report of an experiment version from the store: every trial with its epochs, and the
/// chosen rate with where a finer search should look (<see cref="RateChoice"/>).
/// </summary>
internal static class ReportBuilder
{
    public static SweepReport Build(ResultStore store, ExperimentRegistration experiment, ExperimentDefinition definition) =>
        Build(store, experiment.Id, experiment.Name, experiment.Version, definition.Description, definition.Search.Strategy);

    public static SweepReport Build(ResultStore store, long experimentId, string name, int version, string description, SearchStrategy strategy)
    {
        var epochs = store.ListEpochs(experimentId).GroupBy(e => e.TrialId).ToDictionary(g => g.Key, g => g.Select(e => e.Epoch).ToImmutableArray(), StringComparer.Ordinal);
        var stored = store.ListTrials(experimentId);
        var trials = stored.Select(t => Row(t, epochs.GetValueOrDefault(t.Id, []))).ToImmutableArray();
        var choice = RateChoice.Of(stored);
        return new SweepReport(
            name,
            description.TrimEnd(),
            version.ToString(CultureInfo.InvariantCulture),
            JsonNamingPolicy.KebabCaseLower.ConvertName(strategy.ToString()),
            DateTimeOffset.UtcNow,
            trials,
            choice?.Best.Id,
            choice?.Best.LearningRate)
        {
            Story = choice?.Recommendation is { } recommendation ? [recommendation.Text] : [],
            Bracket = choice?.Recommendation?.Bracket,
            RangeTest = RangeTest(store, experimentId, stored),
        };
    }

    /// <summary>
    /// The experiment's range test: the steps stored under the first trial (in id order) that has any. A range
    /// test is stored under the id of the configuration it ran, which is a trial of the experiment.
    /// </summary>
    private static ImmutableArray<Reports.RangeTestStep> RangeTest(ResultStore store, long experimentId, IEnumerable<TrialSummary> trials)
    {
        foreach (var trial in trials.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            var steps = store.ReadRangeTest(experimentId, trial.Id);
            if (!steps.IsEmpty)
            {
                return [.. steps.Select(s => new Reports.RangeTestStep(s.LearningRate, s.Loss, s.SmoothedLoss))];
            }
        }
        return [];
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
}
