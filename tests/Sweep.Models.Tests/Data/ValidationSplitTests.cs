using Sweep.Models.Data;

namespace Sweep.Models.Tests.Data;

public sealed class ValidationSplitTests
{
    private static Dataset Split(int samples, double fraction, int seed = 1) =>
        DatasetLoader.Load(Some.Data(Some.Counting(samples), validation: fraction), ".", seed);

    [Theory]
    [InlineData(10, 0.25, 3)] // round(2.5) rounds away from zero
    [InlineData(10, 0.2, 2)]
    [InlineData(1000, 0.1, 100)]
    [InlineData(10, 0.01, 1)] // a fraction asked for holds out at least one sample
    [InlineData(3, 0.9, 2)] // and leaves at least one for training
    public void The_held_out_part_is_the_rounded_fraction(int samples, double fraction, int held)
    {
        var data = Split(samples, fraction);

        Assert.Equal(held, data.Validation!.Count);
        Assert.Equal(samples - held, data.Train.Count);
    }

    [Fact]
    public void No_fraction_means_no_validation_set_and_every_sample_in_file_order()
    {
        var data = Split(5, 0);

        Assert.Null(data.Validation);
        Assert.Equal([0f, 1f, 2f, 3f, 4f], data.Train.X);
    }

    [Fact]
    public void Both_parts_keep_the_samples_original_order_and_together_hold_every_sample_once()
    {
        var data = Split(100, 0.3);

        Assert.Equal(data.Train.X.Order(), data.Train.X);
        Assert.Equal(data.Validation!.X.Order(), data.Validation.X);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (float)i), data.Train.X.Concat(data.Validation.X).Order());
        Assert.Equal(data.Train.X.Select(x => 2 * x), data.Train.Y);
        Assert.Equal(data.Validation.X.Select(x => 2 * x), data.Validation.Y);
    }

    [Fact]
    public void The_same_seed_holds_out_the_same_samples_and_another_seed_others()
    {
        var first = Split(100, 0.2, seed: 5);
        var again = Split(100, 0.2, seed: 5);
        var other = Split(100, 0.2, seed: 6);

        Assert.Equal(first.Validation!.X, again.Validation!.X);
        Assert.NotEqual(first.Validation.X, other.Validation!.X);
    }

    [Fact]
    public void The_held_out_samples_are_spread_over_the_file_not_its_tail()
    {
        var data = Split(100, 0.2);

        Assert.Contains(data.Validation!.X, x => x < 50);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_zero_to_one_is_an_error(double fraction)
    {
        var error = Assert.Throws<DataLoadException>(() => Split(10, fraction));

        Assert.StartsWith("data.validation: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_below_one_is_an_error()
    {
        var error = Assert.Throws<DataLoadException>(() => DatasetLoader.Load(Some.Data(Some.Counting(3), limit: 0), ".", 1));

        Assert.Equal("data.limit: 0 is not a sample count; it must be at least 1", error.Message);
    }
}
