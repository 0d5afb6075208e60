using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
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
    public static SweepReport Build(IResultStore store, ExperimentRegistration experiment, LoadedExperiment loaded) =>
        Build(store, experiment.Id, experiment.Name, experiment.Version, loaded);

    /// <summary>
    /// The report of a version whose file, as stored, loaded as <paramref name="loaded"/>; null when it no longer
    /// loads (its data moved): the report then shows the trials under the name alone, as a grid.
    /// </summary>
    public static SweepReport Build(IResultStore store, long experimentId, string name, int version, LoadedExperiment? loaded)
    {
        var description = loaded?.Definition.Description ?? "";
        var strategy = loaded?.Definition.Search.Strategy ?? SearchStrategy.Grid;
        var epochs = store.ListEpochs(experimentId).GroupBy(e => e.TrialId).ToDictionary(g => g.Key, g => g.Select(e => e.Epoch).ToImmutableArray(), StringComparer.Ordinal);
        var stored = store.ListTrials(experimentId);
        var trials = stored.Select(t => Row(t, epochs.GetValueOrDefault(t.Id, []))).ToImmutableArray();
        var choice = RateChoice.Of(stored);
        var search = strategy == SearchStrategy.CoarseToFine ? StoredSearch.Of(store, experimentId, loaded) : null;
        var best = search?.PickedTrial ?? choice?.Best;
        // A range test is the result of a lr-range-test sweep, and an addition to any other sweep (stored by lr-find).
        var storedTest = StoredRangeTest.Of(store, experimentId, loaded);
        var rangeTest = strategy == SearchStrategy.LrRangeTest ? storedTest : null;
        var lrFind = strategy == SearchStrategy.LrRangeTest ? null : storedTest;
        return new SweepReport(
            name,
            description.TrimEnd(),
            version.ToString(CultureInfo.InvariantCulture),
            JsonNamingPolicy.KebabCaseLower.ConvertName(strategy.ToString()),
            DateTimeOffset.UtcNow,
            trials,
            rangeTest?.Id ?? best?.Id,
            rangeTest is { } test ? test.Result.Suggestion ?? test.Result.MinLossRateOverTen : best?.LearningRate)
        {
            Story = rangeTest is not null ? [rangeTest.Result.Reason, RangeTestSuggestion(rangeTest.Result)]
                : [.. search?.Story ?? (choice?.Recommendation is { } recommendation ? [recommendation.Text] : []), .. LrFindStory(lrFind)],
            Bracket = choice?.Recommendation?.Bracket,
            Target = search is not null && search.Settings.Target != CoarseToFineSettings.DefaultTarget ? new SearchTarget(search.Settings.Target, search.Decision?.Value) : null,
            RangeTest = storedTest is null ? [] : [.. storedTest.Result.Steps.Select(s => new Reports.RangeTestStep(s.LearningRate, s.Loss, s.SmoothedLoss))],
        };
    }

    private static string RangeTestSuggestion(RangeTestResult result) => result.Suggestion is { } rate
        ? string.Create(CultureInfo.InvariantCulture, $"Suggested learning rate {rate:G4}: the smoothed loss falls fastest there; the lowest-loss rate / 10 is {result.MinLossRateOverTen:G4}.")
        : string.Create(CultureInfo.InvariantCulture, $"The smoothed loss never fell; the lowest-loss rate / 10 is {result.MinLossRateOverTen:G4}.");

    private static string[] LrFindStory(StoredRangeTest? lrFind) => lrFind is null ? [] :
    [
        lrFind.Result.Suggestion is { } rate
            ? string.Create(CultureInfo.InvariantCulture, $"A range test stored by sweep lr-find ({lrFind.Result.Steps.Length} steps) suggests learning rate {rate:G4}, where its smoothed loss falls fastest; its lowest-loss rate / 10 is {lrFind.Result.MinLossRateOverTen:G4}.")
            : string.Create(CultureInfo.InvariantCulture, $"A range test stored by sweep lr-find ({lrFind.Result.Steps.Length} steps) found no fall of its smoothed loss; its lowest-loss rate / 10 is {lrFind.Result.MinLossRateOverTen:G4}."),
    ];

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
        epochs)
    {
        DiagnosisReason = Reason(trial.DiagnosisJson),
    };

    /// <summary>The <c>reason</c> of a stored diagnosis; null when there is none, as in a store an older sweep wrote.</summary>
    private static string? Reason(string? diagnosisJson)
    {
        if (diagnosisJson is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(diagnosisJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("reason", out var reason)
                && reason.ValueKind == JsonValueKind.String
                ? reason.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ImmutableArray<TrialParameter> Parameters(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => new TrialParameter(
            p.Name,
            p.Value.ValueKind == JsonValueKind.Number ? ParameterValue.Of(p.Value.GetDouble()).Text : p.Value.ToString()))];
    }
}
