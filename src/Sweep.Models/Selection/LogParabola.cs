namespace Sweep.Models.Selection;

/// <summary>
/// The parabola through three points on a log-rate axis: where it has its vertex and, when it opens
/// upwards, the metric it predicts there.
/// </summary>
public readonly record struct LogParabola(double LogVertex, double? Minimum)
{
    /// <summary>True when the vertex lies above <paramref name="rate"/>, compared on the log axis the parabola was fitted on.</summary>
    public bool VertexAbove(double rate) => LogVertex > Math.Log(rate);

    /// <summary>The parabola through three points with distinct rates, or null when they lie on a line (up to rounding).</summary>
    public static LogParabola? Through(RatePoint left, RatePoint middle, RatePoint right)
    {
        var (x1, x2, x3) = (Math.Log(left.Rate), Math.Log(middle.Rate), Math.Log(right.Rate));
        var (y1, y2, y3) = (left.Score, middle.Score, right.Score);
        // Newton's form: p(x) = y2 + slope·(x − x2) + curvature·(x − x2)(x − x3).
        var slope = (y3 - y2) / (x3 - x2);
        var curvature = (slope - ((y2 - y1) / (x2 - x1))) / (x3 - x1);
        if (!double.IsFinite(curvature) || Math.Abs(curvature * (x3 - x1) * (x3 - x1)) <= 1e-12 * Math.Max(Math.Abs(y1), Math.Max(Math.Abs(y2), Math.Abs(y3))))
        {
            return null;
        }

        var vertex = ((x2 + x3) / 2) - (slope / (2 * curvature));
        var minimum = curvature > 0 ? y2 + (slope * (vertex - x2)) + (curvature * (vertex - x2) * (vertex - x3)) : (double?)null;
        return new LogParabola(vertex, minimum);
    }
}
