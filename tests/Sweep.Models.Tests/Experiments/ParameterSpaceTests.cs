using Sweep.Models.Experiments;

namespace Sweep.Models.Tests.Experiments;

public sealed class ParameterSpaceTests
{
    [Fact]
    public void Log_range_with_one_point_per_decade_gives_exact_decades()
    {
        var points = new LogRange(1e-5, 1, 1).Points();

        Assert.Equal([1e-05, 0.0001, 0.001, 0.01, 0.1, 1], points.Select(p => p.Number!.Value));
        Assert.Equal(["1e-05", "0.0001", "0.001", "0.01", "0.1", "1"], points.Select(p => p.Text));
    }

    [Fact]
    public void Log_range_with_three_points_per_decade_spaces_them_evenly_in_log()
    {
        var points = new LogRange(1, 10, 3).Points();

        Assert.Equal([1, 2.15443469003188, 4.64158883361278, 10], points.Select(p => p.Number!.Value));
    }

    [Fact]
    public void Log_range_over_several_decades_stays_exact_at_every_decade()
    {
        var points = new LogRange(1e-7, 10, 2).Points().Select(p => p.Number!.Value).ToList();

        Assert.Equal(17, points.Count);
        Assert.Equal([1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1, 10], points.Where((_, i) => i % 2 == 0));
        Assert.Equal(3.16227766016838e-7, points[1]);
    }

    [Fact]
    public void Log_range_stops_below_a_max_that_is_off_the_grid()
    {
        Assert.Equal([0.001, 0.01, 0.1], new LogRange(0.001, 0.5, 1).Points().Select(p => p.Number!.Value));
    }

    [Fact]
    public void Linear_range_uses_exact_decimal_steps()
    {
        var points = new LinearRange(0.0015, 0.0025, 0.0005).Points();

        Assert.Equal(["0.0015", "0.002", "0.0025"], points.Select(p => p.Text));
        Assert.Equal([0.0015, 0.002, 0.0025], points.Select(p => p.Number!.Value));
    }

    [Fact]
    public void Linear_range_of_the_seed_fine_stage_gives_its_three_rates()
    {
        Assert.Equal(["0.0016", "0.0017", "0.0018"], new LinearRange(0.0016, 0.0018, 0.0001).Points().Select(p => p.Text));
    }

    [Fact]
    public void Log_uniform_draws_stay_inside_the_range_and_repeat_for_a_seed()
    {
        var space = new LogUniformRange(1e-5, 1);

        var random = new Random(3);
        var draws = Enumerable.Range(0, 200).Select(_ => space.Sample(random).Number!.Value).ToList();
        var again = new Random(3);

        Assert.All(draws, d => Assert.InRange(d, 1e-5, 1));
        Assert.Contains(draws, d => d < 1e-3);
        Assert.Contains(draws, d => d > 1e-2);
        Assert.Equal(draws, Enumerable.Range(0, 200).Select(_ => space.Sample(again).Number!.Value));
    }

    [Theory]
    [InlineData(0.001, "0.001")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(1e-7, "1e-07")]
    [InlineData(0.0017, "0.0017")]
    [InlineData(10, "10")]
    public void Numbers_print_in_their_shortest_form(double value, string text) =>
        Assert.Equal(text, ParameterValue.Of(value).Text);
}
