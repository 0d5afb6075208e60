using Sweep.Models.Experiments;

namespace Sweep.Models.Selection;

/// <summary>
/// What a finished grid or random sweep says about the rate: the best value and, when the
/// values lie on a log scale, the bracket a finer search should fill next, as numbers and as a sentence.
/// </summary>
public sealed record GridRecommendation(RatePoint Best, bool IsLogScale, LearningRateBracket? Bracket, string Text)
{
    /// <summary>
    /// The recommendation for the <paramref name="points"/> of a sweep (at least one), whose metrics are scores of
    /// <paramref name="metric"/> (lower is better); the text shows the metric's own values.
    /// </summary>
    public static GridRecommendation Of(IReadOnlyList<RatePoint> points, SelectionMetric metric = SelectionMetric.FinalLoss)
    {
        var bracket = LearningRateBracket.Of(points, metric);
        var best = bracket.Best;
        var text = $"Best value {ParameterValue.Of(best.Rate).Text} ({Name(metric)} {LearningRateBracket.Shown(best, metric)}, {EnumText.Lower(best.Label)}).";
        if (!IsLogGrid([.. points.Select(p => p.Rate)]))
        {
            return new GridRecommendation(best, false, null, text);
        }

        var next = bracket switch
        {
            { Extension: not GridExtension.None } => "; extend the grid before refining",
            _ when bracket.Low == bracket.High => string.Empty,
            _ => "; a finer search should look there next",
        };
        return new GridRecommendation(best, true, bracket, $"{text} {char.ToUpperInvariant(bracket.Reason[0])}{bracket.Reason[1..]}{next}.");
    }

    /// <summary>The word for the metric in a sentence: a loss metric is "metric", as it always was; an accuracy says so.</summary>
    private static string Name(SelectionMetric metric) => metric switch
    {
        SelectionMetric.Accuracy => "accuracy",
        SelectionMetric.BestAccuracy => "best accuracy",
        _ => "metric",
    };

    /// <summary>
    /// True when the values are spread on a log scale: at least three whose gaps are more even on a log axis
    /// than on a linear one (0.1, 0.001, 0.0001 is; 0.1, 0.2, 0.3 is not), or two at least a decade apart.
    /// </summary>
    public static bool IsLogGrid(IReadOnlyList<double> values)
    {
        var sorted = values.Where(v => v > 0).Distinct().Order().ToList();
        if (sorted.Count < 3)
        {
            return sorted.Count == 2 && sorted[1] >= 10 * sorted[0];
        }

        var linear = sorted.Zip(sorted.Skip(1), (a, b) => b - a).ToList();
        var logarithmic = sorted.Zip(sorted.Skip(1), (a, b) => Math.Log(b / a)).ToList();
        return Unevenness(logarithmic) < Unevenness(linear);
    }

    /// <summary>The coefficient of variation: the spread of the gaps relative to their mean.</summary>
    private static double Unevenness(List<double> gaps)
    {
        var mean = gaps.Average();
        return Math.Sqrt(gaps.Average(g => (g - mean) * (g - mean))) / mean;
    }
}
