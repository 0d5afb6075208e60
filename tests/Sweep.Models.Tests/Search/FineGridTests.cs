using Sweep.Models.Search;

namespace Sweep.Models.Tests.Search;

public class FineGridTests
{
    [Theory]
    [InlineData(0.001, 0.01, 0.001, 0.0005, new[] { 0.0015, 0.002, 0.0025 })]
    [InlineData(0.0015, 0.002, 0.0015, 0.0001, new[] { 0.0016, 0.0017, 0.0018 })]
    [InlineData(0.001, 0.01, 0.01, 0.002, new[] { 0.004, 0.006, 0.008 })]
    [InlineData(0.01, 0.1, 0.01, 0.005, new[] { 0.015, 0.02, 0.025 })]
    public void The_step_is_the_largest_1_2_5_number_under_half_the_best_and_a_quarter_of_the_bracket(
        double low, double high, double best, double step, double[] values)
    {
        Assert.Equal(step, FineGrid.Step(low, high, best, resolution: 2));
        Assert.Equal(values, FineGrid.Values(low, high, best, step, resolution: 2, FineGrid.Points, []));
    }

    [Fact]
    public void A_step_below_the_resolution_is_raised_to_its_unit_and_then_nothing_fits_between_0_0016_and_0_0017()
    {
        var step = FineGrid.Step(0.0016, 0.0017, 0.0017, resolution: 2);

        Assert.Equal(0.0001, step);
        Assert.Empty(FineGrid.Values(0.0016, 0.0017, 0.0017, step, resolution: 2, FineGrid.Points, []));
    }

    [Fact]
    public void With_one_significant_digit_a_decade_is_split_in_whole_units()
    {
        var step = FineGrid.Step(0.001, 0.01, 0.001, resolution: 1);

        Assert.Equal(0.001, step);
        Assert.Equal([0.002, 0.003, 0.004], FineGrid.Values(0.001, 0.01, 0.001, step, resolution: 1, FineGrid.Points, []));
    }

    [Fact]
    public void Values_already_tried_are_skipped_for_the_next_nearest()
    {
        Assert.Equal([0.0015, 0.0025, 0.003], FineGrid.Values(0.001, 0.01, 0.001, 0.0005, 2, FineGrid.Points, [0.002]));
    }

    [Theory]
    [InlineData(0.00225, 0.002)]
    [InlineData(0.0005, 0.0005)]
    [InlineData(0.000125, 0.0001)]
    [InlineData(9.99, 5)]
    [InlineData(0.0, 0.0)]
    public void One_two_five_below_rounds_down_to_a_round_step(double limit, double step) =>
        Assert.Equal(step, FineGrid.OneTwoFiveBelow(limit));
}
