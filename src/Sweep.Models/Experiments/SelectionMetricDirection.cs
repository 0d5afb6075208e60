using System.Globalization;

namespace Sweep.Models.Experiments;

/// <summary>
/// Which way a <see cref="SelectionMetric"/> is better, and the score every ranking and search compares. A score
/// is lower-is-better for every metric: a loss or an epoch count is its own score, and an accuracy's score is
/// the share of validation samples it gets wrong (1 − accuracy), which keeps scores positive, so a search's
/// relative gains and the parabola through three points mean the same for accuracy as for a loss (from 95% to
/// 96% is a fifth fewer mistakes). Every output shows the metric itself, never the score.
/// </summary>
public static class SelectionMetricDirection
{
    /// <summary>True when a higher value of the metric is better (the accuracies).</summary>
    public static bool Maximises(this SelectionMetric metric) => metric is SelectionMetric.Accuracy or SelectionMetric.BestAccuracy;

    /// <summary>The lower-is-better score of a value of <paramref name="metric"/>.</summary>
    public static double ToScore(this SelectionMetric metric, double value) => metric.Maximises() ? 1 - value : value;

    /// <summary>
    /// A score as text in the metric's terms, four significant digits: the loss (+∞ for none, as a loss that blew
    /// up reads), or the accuracy, and "none" for a trial without one.
    /// </summary>
    public static string Text(this SelectionMetric metric, double score) =>
        metric.Maximises() && !double.IsFinite(score)
            ? "none"
            : metric.FromScore(score).ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>The value of <paramref name="metric"/> a score stands for; a score without a value (+∞) stays as it is.</summary>
    public static double FromScore(this SelectionMetric metric, double score) =>
        metric.Maximises() && double.IsFinite(score) ? 1 - score : score;
}
