using Sweep.Models.Data;
using Sweep.Models.Experiments;

namespace Sweep.Models.Tests.Data;

public sealed class SyntheticDataTests
{
    private static Dataset Generate(SyntheticSource source, int seed = 7, int? limit = null) =>
        DatasetLoader.Load(Some.Data(source, limit: limit), ".", seed);

    [Theory]
    [InlineData(SyntheticKind.Linear)]
    [InlineData(SyntheticKind.Clip)]
    [InlineData(SyntheticKind.Blobs)]
    [InlineData(SyntheticKind.Spiral)]
    public void The_same_seed_gives_the_same_samples_and_another_seed_other_samples(SyntheticKind kind)
    {
        var source = new SyntheticSource(kind, Samples: 50, Noise: 0.1, Features: 2);

        var first = Generate(source, seed: 3);
        var again = Generate(source, seed: 3);
        var other = Generate(source, seed: 4);

        Assert.Equal(first.Train.X, again.Train.X);
        Assert.Equal(first.Train.Y, again.Train.Y);
        Assert.NotEqual(first.Train.X, other.Train.X);
    }

    [Fact]
    public void Linear_data_fits_the_slope_and_intercept_within_the_noise()
    {
        var data = Generate(new SyntheticSource(SyntheticKind.Linear, Samples: 2000, Noise: 0.1, Slope: 3, Intercept: 0.5));

        Assert.Equal((1, 1, 2000), (data.Features, data.Targets, data.Train.Count));
        Assert.All(data.Train.X, x => Assert.InRange(x, -1f, 1f));
        var (slope, intercept) = LeastSquares(data.Train.X, data.Train.Y);
        Assert.InRange(slope, 2.98, 3.02);
        Assert.InRange(intercept, 0.49, 0.51);
    }

    [Fact]
    public void Linear_data_with_several_features_sums_them_and_adds_noise_of_the_given_spread()
    {
        var data = Generate(new SyntheticSource(SyntheticKind.Linear, Samples: 4000, Noise: 0.5, Features: 3, Slope: 2, Intercept: -1));

        Assert.Equal(3, data.Features);
        var residuals = Enumerable.Range(0, data.Train.Count)
            .Select(i => data.Train.Y[i] - ((2 * Sum(data.Train.Inputs(i))) - 1))
            .ToArray();
        Assert.InRange(residuals.Average(), -0.03, 0.03);
        Assert.InRange(StandardDeviation(residuals), 0.47, 0.53);
    }

    [Fact]
    public void Clip_data_is_the_identity_clipped_at_250_over_minus_200_to_600()
    {
        var data = Generate(new SyntheticSource(SyntheticKind.Clip, Samples: 1000, Noise: 0));

        Assert.Equal((1, 1), (data.Features, data.Targets));
        Assert.All(data.Train.X, x => Assert.InRange(x, -200f, 600f));
        Assert.Equal(data.Train.X.Select(x => Math.Min(x, 250f)), data.Train.Y);
        Assert.True(data.Train.X.Min() < -150 && data.Train.X.Max() > 550, "the inputs should cover the range");
    }

    [Fact]
    public void Blobs_are_balanced_one_hot_clusters_around_distinct_centres()
    {
        var data = Generate(new SyntheticSource(SyntheticKind.Blobs, Samples: 400, Noise: 0.1, Features: 3, Classes: 4));

        Assert.True(data.IsClassification);
        Assert.Equal((3, 4), (data.Features, data.Targets));
        var labels = Labels(data.Train);
        Assert.All(Enumerable.Range(0, 4), label => Assert.Equal(100, labels.Count(l => l == label)));

        var centres = Enumerable.Range(0, 4).Select(label => Mean(data.Train, labels, label)).ToArray();
        for (var i = 0; i < data.Train.Count; i++)
        {
            var input = data.Train.Inputs(i).ToArray();
            var nearest = Enumerable.Range(0, 4).MinBy(label => Distance(input, centres[label]));
            Assert.Equal(labels[i], nearest);
        }
    }

    [Fact]
    public void Spiral_arms_are_balanced_one_hot_points_in_the_unit_disc()
    {
        var data = Generate(new SyntheticSource(SyntheticKind.Spiral, Samples: 300, Noise: 0.2, Features: 5, Classes: 3));

        Assert.True(data.IsClassification);
        Assert.Equal((2, 3), (data.Features, data.Targets));
        var labels = Labels(data.Train);
        Assert.All(Enumerable.Range(0, 3), label => Assert.Equal(100, labels.Count(l => l == label)));
        var radii = Enumerable.Range(0, data.Train.Count).Select(i => Distance(data.Train.Inputs(i).ToArray(), [0, 0])).ToArray();
        Assert.All(radii, radius => Assert.InRange(radius, 0, 1.000001));
        Assert.True(radii.Max() > 0.99, "the outermost points of each arm reach radius 1");
    }

    [Fact]
    public void The_limit_keeps_the_first_generated_samples()
    {
        var source = new SyntheticSource(SyntheticKind.Linear, Samples: 100, Noise: 0.1);

        var all = Generate(source);
        var first = Generate(source, limit: 10);

        Assert.Equal(all.Train.X.Take(10), first.Train.X);
    }

    [Fact]
    public void A_spiral_of_one_class_is_an_error()
    {
        var error = Assert.Throws<DataLoadException>(() => Generate(new SyntheticSource(SyntheticKind.Spiral, Samples: 10, Noise: 0, Classes: 1)));

        Assert.Equal("data.synthetic: classes is 1; it must be at least 2", error.Message);
    }

    private static (double Slope, double Intercept) LeastSquares(float[] x, float[] y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        var covariance = x.Zip(y).Sum(pair => (pair.First - meanX) * (pair.Second - meanY));
        var variance = x.Sum(value => (value - meanX) * (value - meanX));
        var slope = covariance / variance;
        return (slope, meanY - (slope * meanX));
    }

    private static double Sum(ReadOnlySpan<float> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / values.Length);
    }

    private static int[] Labels(SampleSet samples) =>
        [.. Enumerable.Range(0, samples.Count).Select(i => samples.Outputs(i).IndexOf(1f))];

    private static double[] Mean(SampleSet samples, int[] labels, int label)
    {
        var rows = Enumerable.Range(0, samples.Count).Where(i => labels[i] == label).ToArray();
        return [.. Enumerable.Range(0, samples.Features).Select(j => rows.Average(i => samples.Inputs(i)[j]))];
    }

    private static double Distance(float[] point, double[] centre) =>
        Math.Sqrt(point.Zip(centre).Sum(pair => (pair.First - pair.Second) * (pair.First - pair.Second)));
}
