using Sweep.Models.Data;
using Sweep.Models.Experiments;

namespace Sweep.Models.Tests.Data;

public sealed class NormalizationTests
{
    // Two features: a spread-out one (the sample's index squared) and a constant one.
    private static readonly InlineSource Source = Some.Inline(
        [.. Enumerable.Range(0, 20).Select(i => new double[] { i * i, 4 })],
        [.. Enumerable.Range(0, 20).Select(i => new double[] { i })]);

    private static Dataset Load(Normalization normalize, double validation = 0.25) =>
        DatasetLoader.Load(Some.Data(Source, validation, normalize), ".", seed: 3);

    [Fact]
    public void Standard_scaling_uses_the_mean_and_deviation_of_the_training_split_only()
    {
        var raw = Load(Normalization.None);
        var scaled = Load(Normalization.Standard);

        var train = Column(raw.Train, 0);
        var mean = train.Average();
        var deviation = Math.Sqrt(train.Sum(x => (x - mean) * (x - mean)) / train.Length);
        var all = train.Concat(Column(raw.Validation!, 0)).ToArray();
        Assert.NotEqual(mean, all.Average(), precision: 3);

        Assert.Equal(0, Column(scaled.Train, 0).Average(), precision: 5);
        Assert.Equal(1, StandardDeviation(Column(scaled.Train, 0)), precision: 5);
        var expected = Column(raw.Validation!, 0).Select(x => (x - mean) / deviation).ToArray();
        Assert.Equal(expected, Column(scaled.Validation!, 0), (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void Min_max_scaling_maps_the_training_range_onto_zero_to_one()
    {
        var raw = Load(Normalization.None);
        var scaled = Load(Normalization.MinMax);

        var train = Column(raw.Train, 0);
        var (min, max) = (train.Min(), train.Max());
        Assert.Equal(0, Column(scaled.Train, 0).Min());
        Assert.Equal(1, Column(scaled.Train, 0).Max(), precision: 6);
        var expected = Column(raw.Validation!, 0).Select(x => (x - min) / (max - min)).ToArray();
        Assert.Equal(expected, Column(scaled.Validation!, 0), (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Theory]
    [InlineData(Normalization.Standard)]
    [InlineData(Normalization.MinMax)]
    public void A_column_constant_in_training_becomes_zero_in_both_splits(Normalization normalize)
    {
        var scaled = Load(normalize);

        Assert.All(Column(scaled.Train, 1), x => Assert.Equal(0, x));
        Assert.All(Column(scaled.Validation!, 1), x => Assert.Equal(0, x));
    }

    [Fact]
    public void Scale_divides_every_input_by_255_and_leaves_regression_targets_alone()
    {
        var source = Some.Inline([[0, 51], [255, 510]], [[7], [9]]);

        var data = DatasetLoader.Load(Some.Data(source, normalize: Normalization.Scale), ".", seed: 1);

        Assert.Equal([0f, 0.2f, 1f, 2f], data.Train.X);
        Assert.Equal([7f, 9f], data.Train.Y);
    }

    [Fact]
    public void Without_normalisation_the_values_are_kept()
    {
        var data = Load(Normalization.None, validation: 0);

        Assert.Equal(Enumerable.Range(0, 20).Select(i => (double)(i * i)), Column(data.Train, 0));
    }

    private static double[] Column(SampleSet samples, int feature) =>
        [.. Enumerable.Range(0, samples.Count).Select(i => (double)samples.Inputs(i)[feature])];

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / values.Length);
    }
}
