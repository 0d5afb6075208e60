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
/// The report of a stored sweep: its read model and the selector's choice, as the exporters take them. The report
/// holds at most <see cref="SweepReport.ShownTrials"/> best trials with their epochs, and the trials with the best
/// one's other settings that its charts draw the chosen value along; the files that list every trial read them
/// from the store one at a time.
/// </summary>
internal static class ReportBuilder
{
    /// <param name="sweep">The version's read model; its epochs are not needed, the shown trials' are read from <paramref name="store"/>.</param>
    public static SweepReport Build(SweepRecord sweep, SweepChoice choice, IResultStore store, long experimentId)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(store);
        var rows = ShownRows(sweep, choice, store, experimentId);
        var shown = rows.Select(r => r.TrialId).ToHashSet(StringComparer.Ordinal);
        var lrFind = choice.RangeTest is { Record.ByLrFind: true } test && !choice.AnswersByRangeTest ? test : null;
        return new SweepReport(
            sweep.Name,
            sweep.Settings.Description,
            sweep.Version.ToString(CultureInfo.InvariantCulture),
            JsonNamingPolicy.KebabCaseLower.ConvertName(sweep.Settings.Strategy.ToString()),
            DateTimeOffset.UtcNow,
            rows,
            choice.TrialId,
            choice.LearningRate)
        {
            Story = choice.AnswersByRangeTest && choice.RangeTest!.Record.ByLrFind
                ? [choice.RangeTest.LrFindStory]
                : [.. choice.Story, .. lrFind is null ? [] : new[] { lrFind.LrFindStory }],
            Bracket = choice.Recommendation?.Bracket,
            Target = sweep.Settings.OtherTarget() is { } target ? new SearchTarget(target, choice.Decision?.Value) : null,
            RangeTest = choice.RangeTest is null ? [] : [.. choice.RangeTest.Result.Steps],
            RangeTestSuggestion = choice.RangeTest?.Result.Suggestion,
            IsRangeTest = sweep.Settings.Strategy == SearchStrategy.LrRangeTest,
            Parameters = sweep.ParameterPaths,
            Ranking = [.. choice.RankedTrials.Select(t => t.Id).Where(shown.Contains)],
            Metric = choice.AnswersByRangeTest ? null : choice.Metric,
            MetricValue = choice.AnswersByRangeTest ? null : choice.Score,
            Source = rows.Length < sweep.Trials.Length ? new StoredTrials(store, experimentId, sweep.Trials.Length) : null,
        };
    }

    /// <summary>
    /// The shown trials with their epochs and their diagnoses' reasons, in the store's order: a sweep shown whole is
    /// read in its pages; of a larger one only the shown trials are read again, one at a time, as reading every
    /// trial's epochs would cost a read of the whole sweep (the read model holds labels, not reasons).
    /// </summary>
    private static ImmutableArray<TrialRow> ShownRows(SweepRecord sweep, SweepChoice choice, IResultStore store, long experimentId)
    {
        if (sweep.Trials.Length <= SweepReport.ShownTrials)
        {
            return [.. store.ReadTrials(experimentId).Select(Row)];
        }

        var shown = Shown(sweep, choice);
        return [.. sweep.Trials.Where(t => shown.Contains(t.Id)).Select(t => Row(store.GetTrial(experimentId, t.Id)?.ToRecord() ?? t))];
    }

    /// <summary>
    /// The ids of the trials the report holds of a sweep of more than <see cref="SweepReport.ShownTrials"/>: the
    /// best that many in the ranking (the unranked after it, in their order), with every trial that shares the best
    /// one's settings but the searched value (the learning rate, or the key a search tuned), which the final-loss
    /// chart and the bracket are read along.
    /// </summary>
    private static HashSet<string> Shown(SweepRecord sweep, SweepChoice choice)
    {
        var ranked = choice.RankedTrials.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var shown = choice.RankedTrials.Select(t => t.Id)
            .Concat(sweep.Trials.Select(t => t.Id).Where(id => !ranked.Contains(id)))
            .Take(SweepReport.ShownTrials)
            .ToHashSet(StringComparer.Ordinal);
        if (sweep.Trials.FirstOrDefault(t => t.Id == choice.TrialId) is { } best)
        {
            var along = sweep.Settings.OtherTarget() ?? CoarseToFineSettings.DefaultTarget;
            var others = best.Parameters.Where(p => p.Path != along).ToList();
            shown.UnionWith(sweep.Trials.Where(t => t.Parameters.Where(p => p.Path != along).SequenceEqual(others)).Select(t => t.Id));
        }

        return shown;
    }

    /// <summary>A stored trial as the reports show it.</summary>
    public static TrialRow Row(TrialRecord trial) => new(
        trial.Id,
        trial.Stage,
        trial.LearningRate,
        trial.WeightDecayL1,
        trial.WeightDecayL2,
        trial.Batch,
        trial.Status,
        trial.Diagnosis?.Label,
        trial.EpochsRun,
        trial.FinalTrainLoss,
        trial.FinalValidationLoss,
        trial.BestValidationLoss,
        trial.Seconds ?? 0,
        [.. trial.Parameters.Select(p => new TrialParameter(p.Path, p.Value.Text))],
        trial.Epochs)
    {
        DiagnosisReason = trial.Diagnosis?.Reason,
    };
}
