using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Selection;
using Sweep.Reports;

namespace Sweep.Runner.Reporting;

/// <summary>The report of a stored sweep: its read model and the selector's choice, as the exporters take them.</summary>
internal static class ReportBuilder
{
    public static SweepReport Build(SweepRecord sweep, SweepChoice choice)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(choice);
        var rows = sweep.Trials.Select(Row).ToImmutableArray();
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
            Ranking = [.. choice.RankedTrials.Select(t => t.Id)],
            Metric = choice.AnswersByRangeTest ? null : choice.Metric,
            MetricValue = choice.AnswersByRangeTest ? null : choice.Score,
        };
    }

    private static TrialRow Row(TrialRecord trial) => new(
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
