using System.Collections.Immutable;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;

namespace Sweep.Models.Selection;

/// <summary>
/// Derives what a stored sweep chose from its read model, the same way for `sweep run`, `sweep best` and every
/// report. A range-test sweep answers with its test. Otherwise configurations are ranked by their score (the
/// mean over repeats; <see cref="SweepRanking"/>); a coarse-to-fine search that has decided chooses its value's
/// configuration (the search ranks by the same score), and any other sweep the best-ranked one. A range test
/// stored by lr-find answers only while no configuration has a score.
/// </summary>
public static class SweepSelector
{
    public static SweepChoice Choose(SweepRecord sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var rangeTest = sweep.RangeTest is { } test ? RangeTestChoice.Of(test) : null;
        var ranking = SweepRanking.Of(sweep);
        if (rangeTest is { Record.ByLrFind: false })
        {
            return new SweepChoice(ranking, null, rangeTest.Metric, rangeTest.Result.SteepestSlope, [rangeTest.Result.Reason, rangeTest.Suggestion], null, null, rangeTest);
        }

        var search = Search(sweep);
        var chosen = search is SearchDecision decision ? Decided(sweep, ranking, decision) : null;
        chosen ??= ranking.FirstOrDefault(c => c.IsScored);
        var metric = SweepRanking.MetricOf(sweep.Settings).Metric;
        var recommendation = chosen is null ? null : Recommend(chosen, ranking, metric);
        ImmutableArray<string> story = search switch
        {
            StageProposal proposal => [.. proposal.Story, $"The search is not finished: stage {proposal.Stage} is still to run; run the same command again to go on."],
            { } step => step.Story,
            null => recommendation is null ? [] : [recommendation.Text],
        };
        // Ranks compare scores; the choice shows the metric itself (an accuracy, not the share of mistakes).
        return new SweepChoice(ranking, chosen, chosen is null ? null : MetricName(sweep.Settings, chosen.Representative), chosen is null ? null : metric.FromScore(chosen.Score), story, recommendation, search, rangeTest);
    }

    /// <summary>
    /// Where a coarse-to-fine search stands over its stored trials: every value whose repeats have all finished is
    /// a point of its stage, scored by the mean over its repeats and labelled by its first repeat's label; the
    /// search's next step over those points is the stage to run next, or its decision with the story. Null for
    /// any other strategy.
    /// </summary>
    public static SearchStep? Search(SweepRecord sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (sweep.Settings is not { CoarseToFine: { } settings } || sweep.Settings.CreateSearch() is not { } search)
        {
            return null;
        }

        var points = sweep.Trials
            .Where(t => t.Stage > 0)
            .Select(t => (Trial: t, Value: t.ValueOf(settings.Target)?.Number))
            .Where(t => t.Value is not null)
            .GroupBy(t => (t.Trial.Stage, Value: t.Value!.Value))
            .Where(g => g.All(t => t.Trial.Status.IsFinished()))
            .Select(g => new StagePoint(
                g.Key.Stage,
                g.Key.Value,
                g.Average(t => t.Trial.Score(settings.Metric, settings.TargetLoss)),
                SweepLabels.LabelOf(g.MinBy(t => t.Trial.Repeat).Trial)))
            .OrderBy(p => p.Stage).ThenBy(p => p.Value)
            .ToImmutableArray();
        return search.Next(points);
    }

    private static Configuration? Decided(SweepRecord sweep, ImmutableArray<Configuration> ranking, SearchDecision decision)
    {
        var target = sweep.Settings.CoarseToFine!.Target;
        return ranking.FirstOrDefault(c => c.Representative is { Stage: > 0 } trial
            && trial.ValueOf(target)?.Number is { } value && FineGrid.SameValue(value, decision.Value));
    }

    /// <summary>Over the learning rates tried with the chosen configuration's other values, where a finer search should look.</summary>
    private static GridRecommendation? Recommend(Configuration chosen, ImmutableArray<Configuration> ranking, SelectionMetric metric)
    {
        var others = Others(chosen.Representative);
        var points = ranking
            .Where(c => Others(c.Representative) == others && c.Trials.Any(t => t.Status is TrialStatus.Completed or TrialStatus.Diverged))
            .GroupBy(c => c.LearningRate)
            .Select(g => g.First())
            .Select(c => new RatePoint(c.LearningRate, c.Score, SweepLabels.LabelOf(c.Representative)))
            .ToList();
        return points.Count >= 2 ? GridRecommendation.Of(points, metric) : null;
    }

    /// <summary>The values of a trial's searched keys other than the learning rate, as one text.</summary>
    private static string Others(TrialRecord trial) =>
        SweepRanking.KeyOf(trial with { Parameters = [.. trial.Parameters.Where(p => p.Path != CoarseToFineSettings.DefaultTarget)] });

    private static string MetricName(SweepSettings settings, TrialRecord trial)
    {
        var losses = trial.HasValidation ? "val_loss" : "train_loss";
        return SweepRanking.MetricOf(settings).Metric switch
        {
            SelectionMetric.BestLoss => $"best_{losses}",
            SelectionMetric.EpochsToTarget => "epochs_to_target",
            SelectionMetric.Accuracy => "final_accuracy",
            SelectionMetric.BestAccuracy => "best_accuracy",
            _ => $"final_{losses}",
        };
    }
}
