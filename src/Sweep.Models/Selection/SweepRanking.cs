using System.Collections.Immutable;
using Sweep.Models.Experiments;
using Sweep.Models.Results;

namespace Sweep.Models.Selection;

/// <summary>
/// The one ranking of a sweep: configurations by score (the mean over repeats of the selection metric's score,
/// lower is better whichever way the metric itself is better; unscored last), ties to the smaller learning rate, then to plan order. Tables of trials list each
/// configuration's repeats together in this order.
/// </summary>
public static class SweepRanking
{
    /// <summary>The metric that ranks a sweep: a coarse-to-fine search's own, else the sweep's <c>search.metric</c> (the final loss by default).</summary>
    public static (SelectionMetric Metric, double? TargetLoss) MetricOf(SweepSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.RankingMetric();
    }

    /// <summary>The configurations of the sweep, best first.</summary>
    public static ImmutableArray<Configuration> Of(SweepRecord sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var (metric, targetLoss) = MetricOf(sweep.Settings);
        return [.. sweep.Trials
            .GroupBy(KeyOf, StringComparer.Ordinal)
            .Select(g =>
            {
                var finished = g.Where(t => t.Status.IsFinished()).ToList();
                var score = finished.Count == 0 ? double.PositiveInfinity : finished.Average(t => t.Score(metric, targetLoss));
                return new Configuration(g.First().Parameters, [.. g.OrderBy(t => t.Repeat).ThenBy(t => t.Number)], double.IsNaN(score) ? double.PositiveInfinity : score);
            })
            .OrderBy(c => c.Score)
            .ThenBy(c => c.LearningRate)
            .ThenBy(c => c.Trials.Min(t => t.Number))];
    }

    /// <summary>Every trial in ranked order: the configurations best first, each one's repeats in order.</summary>
    public static ImmutableArray<TrialRecord> Trials(SweepRecord sweep) => [.. Of(sweep).SelectMany(c => c.Trials)];

    /// <summary>The values of a trial's searched keys as one text, equal for the repeats of a configuration.</summary>
    public static string KeyOf(TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return string.Join('\n', trial.Parameters.Select(p => $"{p.Path}={ValueKey(p.Value)}"));
    }

    private static string ValueKey(ParameterValue value) =>
        value.Number is { } number ? ParameterValue.Of(number).Text : value.Text;
}
