using Sweep.Models.Experiments;

namespace Sweep.Models.Selection;

/// <summary>
/// Where the optimum lies on a grid of tried values: the best point, its neighbours, seed
/// 002's α1 (<see cref="Slow"/>, the largest slow value at or below the best) and α2 (<see cref="TooLarge"/>,
/// the smallest oscillating or diverging value at or above it), the interval a finer search should fill,
/// and whether the grid must first grow because the best sits on its edge.
/// </summary>
/// <remarks>
/// The interval follows the best point's label: a slow best has its optimum above it (up to the next value),
/// an oscillating or diverging best below it; a good best lies between itself and the neighbour on the side
/// of the minimum of a parabola through the three (log axis), which is the better neighbour on an even grid,
/// as the seed reads 0.0015 ≈ 0.002 as "the best lies between 0.0015 and 0.002". Ties go to the smaller
/// value, both for the best and for the side.
/// </remarks>
public sealed record LearningRateBracket(
    RatePoint Best,
    RatePoint? Below,
    RatePoint? Above,
    RatePoint? Slow,
    RatePoint? TooLarge,
    double Low,
    double High,
    GridExtension Extension,
    string Reason)
{
    private static readonly Comparer<RatePoint> BestFirst = Comparer<RatePoint>.Create(RatePoint.CompareBestFirst);

    /// <summary>True when the best is the smallest or the largest value tried.</summary>
    public bool OnEdge => Below is null || Above is null;

    /// <summary>
    /// The metric a parabola through the best and its two neighbours (log-rate axis) predicts at its vertex,
    /// when all three have a level and the parabola opens upwards; else null.
    /// </summary>
    public double? Predicted =>
        Below is { } below && Above is { } above && IsLevel(below) && IsLevel(Best) && IsLevel(above)
            ? LogParabola.Through(below, Best, above)?.Minimum
            : null;

    /// <summary>
    /// The bracket of <paramref name="points"/> (at least one); of points sharing a value only the best counts. Their
    /// metrics are scores, lower is better; the reason shows them as values of <paramref name="metric"/> (an accuracy, not its score).
    /// </summary>
    public static LearningRateBracket Of(IReadOnlyList<RatePoint> points, SelectionMetric metric = SelectionMetric.FinalLoss)
    {
        ArgumentOutOfRangeException.ThrowIfZero(points.Count, nameof(points));
        var grid = points
            .GroupBy(p => p.Rate)
            .Select(g => g.OrderBy(p => p, BestFirst).First())
            .OrderBy(p => p.Rate)
            .ToList();
        var best = grid.OrderBy(p => p, BestFirst).First();
        var index = grid.IndexOf(best);
        RatePoint? below = index > 0 ? grid[index - 1] : null;
        RatePoint? above = index < grid.Count - 1 ? grid[index + 1] : null;
        var slow = grid.Where(p => p.Rate <= best.Rate && p.Label == CurveLabel.Slow).Select(p => (RatePoint?)p).LastOrDefault();
        var tooLarge = grid.Where(p => p.Rate >= best.Rate && IsTooLarge(p.Label)).Select(p => (RatePoint?)p).FirstOrDefault();

        var (low, high) = best.Label switch
        {
            CurveLabel.Slow => (best.Rate, above?.Rate ?? best.Rate),
            CurveLabel.Oscillating or CurveLabel.Diverging => (below?.Rate ?? best.Rate, best.Rate),
            _ => NeighbourTowardsMinimum(best, below, above) is { } n ? (Math.Min(n.Rate, best.Rate), Math.Max(n.Rate, best.Rate)) : (best.Rate, best.Rate),
        };
        var extension = (below, above) switch
        {
            (null, null) => best.Label switch
            {
                CurveLabel.Slow => GridExtension.Up,
                CurveLabel.Oscillating or CurveLabel.Diverging => GridExtension.Down,
                _ => GridExtension.None,
            },
            (null, _) when best.Label != CurveLabel.Slow => GridExtension.Down,
            (_, null) when !IsTooLarge(best.Label) => GridExtension.Up,
            _ => GridExtension.None,
        };
        return new LearningRateBracket(best, below, above, slow, tooLarge, low, high, extension, Explain(best, below, above, low, high, extension, metric));
    }

    private static bool IsLevel(RatePoint point) => double.IsFinite(point.Score) && point.Label != CurveLabel.Diverging;

    private static bool IsTooLarge(CurveLabel label) => label is CurveLabel.Oscillating or CurveLabel.Diverging;

    /// <summary>
    /// The neighbour on the side where a parabola through the three points (on a log axis) has its vertex:
    /// for evenly spaced points that is the better neighbour, and unlike it the parabola knows that a good
    /// value measured a decade away says little about the gap next to the best. When one neighbour has no
    /// finite metric or diverged there is no parabola: a worse neighbour below says larger rates did better,
    /// so the search goes up towards the cliff, where the best rate of a fixed number of epochs usually sits
    /// (whatever that neighbour's label: on the spiral classifier 0.02 "oscillates" below a best 0.025 while
    /// nothing between 0.025 and the diverging 0.1 was tried, and 0.08 turned out 14 times better); an
    /// oscillating neighbour above sends it down. Else it goes to the neighbour with a metric.
    /// </summary>
    private static RatePoint? NeighbourTowardsMinimum(RatePoint best, RatePoint? below, RatePoint? above)
    {
        if (below is not { } b || above is not { } a)
        {
            return below ?? above;
        }

        // A diverging curve's last loss is no level of the smooth landscape a parabola fits, even when finite
        // (y = 3x at 0.12, just past the bound 0.1198, has grown only to 150 after 100 epochs).
        switch (IsLevel(b), IsLevel(a))
        {
            case (false, false):
                return b;
            case (true, false):
                return a;
            case (false, true):
                return IsTooLarge(a.Label) ? b : a;
        }

        // A flat triple (no parabola) goes to the smaller side.
        return LogParabola.Through(b, best, a) is { } parabola && parabola.VertexAbove(best.Rate) ? a : b;
    }

    private static string Explain(RatePoint best, RatePoint? below, RatePoint? above, double low, double high, GridExtension extension, SelectionMetric metric)
    {
        string M(RatePoint point) => Shown(point, metric);
        var between = $"so the best lies between {V(low)} and {V(high)}";
        return (extension, best.Label) switch
        {
            (GridExtension.Up, _) => $"{V(best.Rate)} scores best ({M(best)}), {Verb(best.Label)} and is the largest value tried, so the grid extends up",
            (GridExtension.Down, _) => $"{V(best.Rate)} scores best ({M(best)}), {Verb(best.Label)} and is the smallest value tried, so the grid extends down",
            _ when low == high => $"{V(best.Rate)} scores best ({M(best)}) and no value beside it is left to try",
            (_, CurveLabel.Slow) => $"{V(best.Rate)} is slow and {V(high)} {Verb(above!.Value.Label)}, {between}",
            (_, CurveLabel.Oscillating or CurveLabel.Diverging) => $"{V(low)} {Verb(below!.Value.Label)} and {V(best.Rate)} {Verb(best.Label)}, {between}",
            _ => $"{V(best.Rate)} scores best ({M(best)}) and {Beside(best.Rate == low ? above!.Value : below!.Value, metric)}, {between}",
        };
    }

    private static string Beside(RatePoint neighbour, SelectionMetric metric) =>
        IsLevel(neighbour) ? $"{V(neighbour.Rate)} next to it ({Shown(neighbour, metric)})" : $"{V(neighbour.Rate)} {Verb(neighbour.Label)}";

    private static string Verb(CurveLabel label) => label switch
    {
        CurveLabel.Slow => "is slow",
        CurveLabel.Oscillating => "oscillates",
        CurveLabel.Diverging => "diverges",
        CurveLabel.Overfitting => "overfits",
        _ => "is good",
    };

    private static string V(double value) => ParameterValue.Of(value).Text;

    /// <summary>A point's metric as the user reads it: the loss, or the accuracy its score stands for.</summary>
    internal static string Shown(RatePoint point, SelectionMetric metric) => metric.Text(point.Score);
}
