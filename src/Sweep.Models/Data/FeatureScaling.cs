using Sweep.Models.Experiments;

namespace Sweep.Models.Data;

/// <summary>
/// Per-feature affine rescaling, x' = (x − offset) / divisor, fitted on the training split only and applied
/// to both splits so that validation numbers never leak into training. A feature that is constant in
/// training maps to 0 under standard and min-max scaling.
/// </summary>
internal sealed class FeatureScaling
{
    private readonly double[] offsets;
    private readonly double[] divisors;

    private FeatureScaling(double[] offsets, double[] divisors)
    {
        this.offsets = offsets;
        this.divisors = divisors;
    }

    /// <summary>The scaling for <paramref name="normalization"/> fitted on <paramref name="train"/>; null for none.</summary>
    public static FeatureScaling? Fit(Normalization normalization, SampleSet train) => normalization switch
    {
        Normalization.None => null,
        Normalization.Scale => new FeatureScaling(new double[train.Features], Enumerable.Repeat(255.0, train.Features).ToArray()),
        Normalization.Standard => FitStandard(train),
        Normalization.MinMax => FitMinMax(train),
        _ => throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Unknown normalisation."),
    };

    /// <summary>Rescales the inputs of <paramref name="samples"/>, and its targets too when they are the inputs.</summary>
    /// <remarks>Writes in place: the loader owns the arrays until it hands the dataset out.</remarks>
    public void ApplyInPlace(SampleSet samples, bool targetsAreInputs)
    {
        Apply(samples.X);
        if (targetsAreInputs && !ReferenceEquals(samples.X, samples.Y))
        {
            Apply(samples.Y);
        }
    }

    private void Apply(float[] matrix)
    {
        var width = offsets.Length;
        for (var start = 0; start < matrix.Length; start += width)
        {
            for (var j = 0; j < width; j++)
            {
                var value = matrix[start + j];
                matrix[start + j] = divisors[j] == 0 ? 0f : (float)((value - offsets[j]) / divisors[j]);
            }
        }
    }

    private static FeatureScaling FitStandard(SampleSet train)
    {
        var means = new double[train.Features];
        var deviations = new double[train.Features];
        for (var i = 0; i < train.Count; i++)
        {
            var row = train.Inputs(i);
            for (var j = 0; j < row.Length; j++)
            {
                means[j] += row[j];
            }
        }

        for (var j = 0; j < means.Length; j++)
        {
            means[j] /= train.Count;
        }

        // Two passes: E[x²] − E[x]² cancels badly for features far from zero.
        for (var i = 0; i < train.Count; i++)
        {
            var row = train.Inputs(i);
            for (var j = 0; j < row.Length; j++)
            {
                var deviation = row[j] - means[j];
                deviations[j] += deviation * deviation;
            }
        }

        // A constant column has a deviation of exactly 0, which Apply maps to 0: one float32 value summed
        // n < 2^29 times in double is exact, so the mean equals the value.
        for (var j = 0; j < deviations.Length; j++)
        {
            deviations[j] = Math.Sqrt(deviations[j] / train.Count);
        }

        return new FeatureScaling(means, deviations);
    }

    private static FeatureScaling FitMinMax(SampleSet train)
    {
        var (minimums, maximums) = Range(train);
        var ranges = new double[train.Features];
        for (var j = 0; j < ranges.Length; j++)
        {
            ranges[j] = maximums[j] - minimums[j];
        }

        return new FeatureScaling(minimums, ranges);
    }

    private static (double[] Minimums, double[] Maximums) Range(SampleSet train)
    {
        var minimums = Enumerable.Repeat(double.PositiveInfinity, train.Features).ToArray();
        var maximums = Enumerable.Repeat(double.NegativeInfinity, train.Features).ToArray();
        for (var i = 0; i < train.Count; i++)
        {
            var row = train.Inputs(i);
            for (var j = 0; j < row.Length; j++)
            {
                minimums[j] = Math.Min(minimums[j], row[j]);
                maximums[j] = Math.Max(maximums[j], row[j]);
            }
        }

        return (minimums, maximums);
    }
}
