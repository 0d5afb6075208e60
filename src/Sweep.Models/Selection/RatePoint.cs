namespace Sweep.Models.Selection;

/// <summary>
/// One tried value of the searched parameter (a learning rate, or any positive parameter), the selection
/// metric it scored (lower is better; NaN or infinite when it has none) and its curve's label.
/// </summary>
public readonly record struct RatePoint(double Rate, double Metric, CurveLabel Label)
{
    /// <summary>The metric with NaN taken as +∞, so a point without one ranks last.</summary>
    public double Score => double.IsNaN(Metric) ? double.PositiveInfinity : Metric;

    /// <summary>Orders points best first: lower score, then the smaller rate (ties go to the smaller rate).</summary>
    public static int CompareBestFirst(RatePoint a, RatePoint b)
    {
        var byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : a.Rate.CompareTo(b.Rate);
    }
}
