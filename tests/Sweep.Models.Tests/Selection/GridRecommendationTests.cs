using Sweep.Models.Selection;

namespace Sweep.Models.Tests.Selection;

public class GridRecommendationTests
{
    [Fact]
    public void A_log_grid_names_its_best_rate_and_where_a_finer_search_should_look()
    {
        var recommendation = GridRecommendation.Of(
        [
            new(1e-5, 0.9, CurveLabel.Slow), new(1e-4, 0.4, CurveLabel.Slow), new(1e-3, 0.2, CurveLabel.Slow),
            new(1e-2, 0.25, CurveLabel.Oscillating), new(1e-1, double.NaN, CurveLabel.Diverging),
        ]);

        Assert.True(recommendation.IsLogScale);
        Assert.Equal(0.001, recommendation.Best.Rate);
        Assert.Equal((0.001, 0.01), (recommendation.Bracket!.Low, recommendation.Bracket.High));
        Assert.Equal(
            "Best value 0.001 (metric 0.2, slow). 0.001 is slow and 0.01 oscillates, so the best lies between 0.001 and 0.01; a finer search should look there next.",
            recommendation.Text);
    }

    [Fact]
    public void A_linear_grid_names_its_best_rate_without_a_bracket()
    {
        var recommendation = GridRecommendation.Of(
            [new(0.1, 0.3, CurveLabel.Slow), new(0.2, 0.2, CurveLabel.Good), new(0.3, 0.25, CurveLabel.Oscillating)]);

        Assert.False(recommendation.IsLogScale);
        Assert.Null(recommendation.Bracket);
        Assert.Equal("Best value 0.2 (metric 0.2, good).", recommendation.Text);
    }

    [Theory]
    [InlineData(new[] { 0.1, 0.001, 0.0001 }, true)]
    [InlineData(new[] { 1e-5, 1e-4, 1e-3, 1e-2 }, true)]
    [InlineData(new[] { 0.001, 0.01 }, true)]
    [InlineData(new[] { 0.1, 0.2, 0.3 }, false)]
    [InlineData(new[] { 0.001, 0.002 }, false)]
    public void Seed_001s_weight_decay_grid_counts_as_log_scale_and_an_even_linear_one_does_not(double[] values, bool isLog)
    {
        Assert.Equal(isLog, GridRecommendation.IsLogGrid(values));
    }

    [Fact]
    public void A_best_on_the_grids_edge_says_the_grid_must_extend()
    {
        var recommendation = GridRecommendation.Of([new(1e-4, 0.9, CurveLabel.Slow), new(1e-3, 0.5, CurveLabel.Slow), new(1e-2, 0.2, CurveLabel.Slow)]);

        Assert.Equal(GridExtension.Up, recommendation.Bracket!.Extension);
        Assert.EndsWith("so the grid extends up; extend the grid before refining.", recommendation.Text);
    }
}
