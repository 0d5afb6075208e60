using Sweep.Models.Selection;

namespace Sweep.Models.Tests.Selection;

public class LogParabolaTests
{
    private static RatePoint At(double rate, Func<double, double> metric) => new(rate, metric(Math.Log(rate)), CurveLabel.Good);

    [Fact]
    public void Three_points_of_a_parabola_in_log_rate_give_back_its_vertex_and_minimum()
    {
        // 2 (x − ln 0.04)² + 0.1, sampled unevenly on both sides of the vertex.
        double Metric(double x) => (2 * Math.Pow(x - Math.Log(0.04), 2)) + 0.1;

        var parabola = LogParabola.Through(At(0.01, Metric), At(0.1, Metric), At(0.15, Metric))!.Value;

        Assert.Equal(Math.Log(0.04), parabola.LogVertex, 1e-9);
        Assert.Equal(0.1, parabola.Minimum!.Value, 1e-9);
        Assert.True(parabola.VertexAbove(0.03));
        Assert.False(parabola.VertexAbove(0.05));
    }

    [Fact]
    public void A_parabola_that_opens_downwards_has_no_minimum()
    {
        double Metric(double x) => -Math.Pow(x - Math.Log(0.04), 2);

        var parabola = LogParabola.Through(At(0.01, Metric), At(0.1, Metric), At(0.15, Metric))!.Value;

        Assert.Null(parabola.Minimum);
    }

    [Fact]
    public void Points_on_a_line_have_no_parabola()
    {
        double Metric(double x) => (3 * x) + 1;

        Assert.Null(LogParabola.Through(At(0.001, Metric), At(0.01, Metric), At(0.1, Metric)));
    }
}
