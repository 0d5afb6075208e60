using Sweep.Models.Selection;

namespace Sweep.Models.Tests.Selection;

public class LearningRateBracketTests
{
    private const CurveLabel Slow = CurveLabel.Slow;
    private const CurveLabel Good = CurveLabel.Good;
    private const CurveLabel Oscillating = CurveLabel.Oscillating;
    private const CurveLabel Diverging = CurveLabel.Diverging;

    [Fact]
    public void A_slow_best_between_a_slow_and_an_oscillating_rate_brackets_up_to_the_oscillating_one_as_in_the_seed()
    {
        var bracket = LearningRateBracket.Of(
        [
            new(1e-5, 0.5, Slow), new(1e-4, 0.2, Slow), new(0.001, 0.1278, Slow), new(0.01, 0.14, Oscillating), new(0.1, double.NaN, Diverging),
        ]);

        Assert.Equal(0.001, bracket.Best.Rate);
        Assert.Equal(0.001, bracket.Slow!.Value.Rate);
        Assert.Equal(0.01, bracket.TooLarge!.Value.Rate);
        Assert.Equal((0.001, 0.01), (bracket.Low, bracket.High));
        Assert.Equal(GridExtension.None, bracket.Extension);
        Assert.False(bracket.OnEdge);
        Assert.Equal("0.001 is slow and 0.01 oscillates, so the best lies between 0.001 and 0.01", bracket.Reason);
    }

    [Fact]
    public void An_interior_good_best_brackets_towards_its_better_neighbour()
    {
        var bracket = LearningRateBracket.Of(
        [
            new(0.001, 0.1278, Slow), new(0.0015, 0.1264, Good), new(0.002, 0.1265, Good), new(0.0025, 0.1286, Oscillating),
        ]);

        Assert.Equal(0.0015, bracket.Best.Rate);
        Assert.Equal((0.001, 0.002), (bracket.Below!.Value.Rate, bracket.Above!.Value.Rate));
        Assert.Equal((0.0015, 0.002), (bracket.Low, bracket.High));
        Assert.Equal("0.0015 scores best (0.1264) and 0.002 next to it (0.1265), so the best lies between 0.0015 and 0.002", bracket.Reason);
    }

    [Fact]
    public void On_an_uneven_grid_a_good_best_brackets_towards_the_parabolas_minimum_not_the_better_neighbour()
    {
        // |log10(rate / 0.003)|: 0.002 scores better than 0.01 but is five times nearer, and the optimum lies above.
        var bracket = LearningRateBracket.Of([new(0.002, 0.176, Good), new(0.0025, 0.079, Good), new(0.01, 0.523, Good)]);

        Assert.Equal((0.0025, 0.01), (bracket.Low, bracket.High));
    }

    [Fact]
    public void A_good_best_between_a_slow_rate_and_a_diverged_one_brackets_up_towards_the_cliff()
    {
        var bracket = LearningRateBracket.Of([new(0.01, 0.075, Slow), new(0.1, 0.0136, Good), new(1, double.PositiveInfinity, Diverging)]);

        Assert.Equal((0.1, 1), (bracket.Low, bracket.High));
        Assert.Equal("0.1 scores best (0.0136) and 1 diverges, so the best lies between 0.1 and 1", bracket.Reason);
    }

    [Fact]
    public void A_good_best_between_any_worse_rate_and_a_diverged_one_brackets_up_into_the_untried_gap()
    {
        // The spiral classifier's stage 3: 0.02 settled above 0.025, and nothing between 0.025 and 0.1 was tried.
        var bracket = LearningRateBracket.Of(
            [new(0.01, 0.0403, Good), new(0.02, 0.0271, Oscillating), new(0.025, 0.0235, Good), new(0.1, double.PositiveInfinity, Diverging)]);

        Assert.Equal((0.025, 0.1), (bracket.Low, bracket.High));
    }

    [Fact]
    public void A_diverging_neighbour_with_a_finite_loss_is_no_level_for_the_parabola()
    {
        // y = 3x after 100 epochs: 0.12 lies just past the divergence bound 0.1198 and has grown only to 150.
        var bracket = LearningRateBracket.Of([new(0.1, 0.00034, Good), new(0.11, 0.00018, Good), new(0.12, 150.6, Diverging)]);

        Assert.Equal((0.11, 0.12), (bracket.Low, bracket.High));
        Assert.Equal("0.11 scores best (0.00018) and 0.12 diverges, so the best lies between 0.11 and 0.12", bracket.Reason);
    }

    [Fact]
    public void An_oscillating_best_brackets_down_to_its_smaller_neighbour()
    {
        var bracket = LearningRateBracket.Of([new(0.01, 0.3, Slow), new(0.1, 0.2, Oscillating), new(1, 5, Diverging)]);

        Assert.Equal((0.01, 0.1), (bracket.Low, bracket.High));
        Assert.Equal(0.1, bracket.TooLarge!.Value.Rate);
        Assert.Equal("0.01 is slow and 0.1 oscillates, so the best lies between 0.01 and 0.1", bracket.Reason);
    }

    [Fact]
    public void Equal_metrics_make_the_smaller_rate_the_best_and_the_smaller_neighbour_the_better()
    {
        var tiedBest = LearningRateBracket.Of([new(0.1, 0.5, Good), new(0.01, 0.2, Good), new(0.001, 0.2, Good), new(0.0001, 0.9, Slow)]);
        var tiedNeighbours = LearningRateBracket.Of([new(0.001, 0.3, Good), new(0.01, 0.2, Good), new(0.1, 0.3, Good)]);

        Assert.Equal(0.001, tiedBest.Best.Rate);
        Assert.Equal((0.001, 0.01), (tiedBest.Low, tiedBest.High));
        Assert.Equal((0.001, 0.01), (tiedNeighbours.Low, tiedNeighbours.High));
    }

    [Fact]
    public void A_good_best_on_the_upper_edge_asks_the_grid_to_extend_up()
    {
        var bracket = LearningRateBracket.Of([new(0.0001, 0.9, Slow), new(0.001, 0.5, Slow), new(0.01, 0.2, Good)]);

        Assert.True(bracket.OnEdge);
        Assert.Equal(GridExtension.Up, bracket.Extension);
        Assert.Equal("0.01 scores best (0.2), is good and is the largest value tried, so the grid extends up", bracket.Reason);
    }

    [Fact]
    public void An_oscillating_best_on_the_upper_edge_needs_no_extension_and_a_slow_best_on_the_lower_edge_neither()
    {
        var top = LearningRateBracket.Of([new(0.001, 0.5, Slow), new(0.01, 0.2, Oscillating)]);
        var bottom = LearningRateBracket.Of([new(0.001, 0.2, Slow), new(0.01, 0.5, Oscillating)]);

        Assert.Equal(GridExtension.None, top.Extension);
        Assert.Equal((0.001, 0.01), (top.Low, top.High));
        Assert.Equal(GridExtension.None, bottom.Extension);
        Assert.Equal((0.001, 0.01), (bottom.Low, bottom.High));
    }

    [Fact]
    public void A_good_best_on_the_lower_edge_asks_the_grid_to_extend_down()
    {
        var bracket = LearningRateBracket.Of([new(0.01, 0.1, Good), new(0.1, 0.5, Oscillating), new(1, double.PositiveInfinity, Diverging)]);

        Assert.Equal(GridExtension.Down, bracket.Extension);
    }
}
