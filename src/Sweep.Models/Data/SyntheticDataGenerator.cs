using Sweep.Models.Experiments;

namespace Sweep.Models.Data;

/// <summary>
/// The seeded generators: the same source and seed always give the same samples. Classes of blobs and
/// spirals are interleaved (sample i belongs to class i mod k), so any prefix of the samples is balanced.
/// </summary>
internal static class SyntheticDataGenerator
{
    private const string Where = "data.synthetic";

    // sklearn's make_blobs box: centres far enough apart that a spread of 1 keeps the clusters separable.
    private const double CentreBox = 10;

    // The classic spiral arm turns through 4 radians while its radius grows from 0 to 1.
    private const double ArmTurn = 4;

    public static SourceSamples Generate(SyntheticSource source, int seed, int? limit)
    {
        Check(source);
        var random = new Random(seed);
        var (samples, isClassification) = source.Kind switch
        {
            SyntheticKind.Linear => (Linear(source, random), false),
            SyntheticKind.Clip => (Clip(source, random), false),
            SyntheticKind.Blobs => (Blobs(source, random), true),
            SyntheticKind.Spiral => (Spiral(source, random), true),
            _ => throw new ArgumentOutOfRangeException(nameof(source), source.Kind, "Unknown synthetic kind."),
        };
        return new SourceSamples(SampleRows.First(samples, limit), Test: null, isClassification, TargetsAreInputs: false);
    }

    private static void Check(SyntheticSource source)
    {
        if (source.Samples < 1)
        {
            throw DataLoadException.AtKey(Where, FormattableString.Invariant($"n is {source.Samples}; generate at least 1 sample"));
        }

        if (!double.IsFinite(source.Noise) || source.Noise < 0)
        {
            throw DataLoadException.AtKey(Where, FormattableString.Invariant($"noise is {source.Noise}; it must be a number ≥ 0"));
        }

        if (source.Kind is SyntheticKind.Linear or SyntheticKind.Blobs && source.Features < 1)
        {
            throw DataLoadException.AtKey(Where, FormattableString.Invariant($"features is {source.Features}; it must be at least 1"));
        }

        if (source.Kind is SyntheticKind.Blobs or SyntheticKind.Spiral && source.Classes < 2)
        {
            throw DataLoadException.AtKey(Where, FormattableString.Invariant($"classes is {source.Classes}; it must be at least 2"));
        }
    }

    /// <summary>x uniform in [−1, 1] per feature, y = slope · Σx + intercept + noise · N(0, 1).</summary>
    private static SampleSet Linear(SyntheticSource source, Random random)
    {
        var x = new float[source.Samples * source.Features];
        var y = new float[source.Samples];
        for (var i = 0; i < source.Samples; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < source.Features; j++)
            {
                var value = (float)((2 * random.NextDouble()) - 1);
                x[(i * source.Features) + j] = value;
                sum += value;
            }

            y[i] = (float)((source.Slope * sum) + source.Intercept + (source.Noise * StandardNormal.Next(random)));
        }

        return new SampleSet(x, y, source.Samples, source.Features, 1);
    }

    /// <summary>The seed-000 function: x uniform in [−200, 600], y = min(x, 250) + noise · N(0, 1).</summary>
    private static SampleSet Clip(SyntheticSource source, Random random)
    {
        var x = new float[source.Samples];
        var y = new float[source.Samples];
        for (var i = 0; i < source.Samples; i++)
        {
            var value = (float)(-200 + (800 * random.NextDouble()));
            x[i] = value;
            y[i] = (float)(Math.Min(value, 250) + (source.Noise * StandardNormal.Next(random)));
        }

        return new SampleSet(x, y, source.Samples, 1, 1);
    }

    /// <summary>Gaussian clusters with spread noise around centres drawn uniformly from [−10, 10]^features.</summary>
    private static SampleSet Blobs(SyntheticSource source, Random random)
    {
        var (features, classes) = (source.Features, source.Classes);
        var centres = new double[classes * features];
        for (var i = 0; i < centres.Length; i++)
        {
            centres[i] = CentreBox * ((2 * random.NextDouble()) - 1);
        }

        var x = new float[source.Samples * features];
        var y = new float[source.Samples * classes];
        for (var i = 0; i < source.Samples; i++)
        {
            var label = i % classes;
            for (var j = 0; j < features; j++)
            {
                x[(i * features) + j] = (float)(centres[(label * features) + j] + (source.Noise * StandardNormal.Next(random)));
            }

            y[(i * classes) + label] = 1f;
        }

        return new SampleSet(x, y, source.Samples, features, classes);
    }

    /// <summary>
    /// The classic interleaved spiral: arm k starts at angle 2πk/classes and turns 4 radians while its radius
    /// grows from 0 to 1; noise is the standard deviation of the angle, so points stay within the unit disc.
    /// </summary>
    private static SampleSet Spiral(SyntheticSource source, Random random)
    {
        var classes = source.Classes;
        var x = new float[source.Samples * 2];
        var y = new float[source.Samples * classes];
        for (var i = 0; i < source.Samples; i++)
        {
            var label = i % classes;
            var armLength = ((source.Samples - label - 1) / classes) + 1;
            var radius = armLength == 1 ? 0 : (double)(i / classes) / (armLength - 1);
            var angle = (2 * Math.PI * label / classes) + (ArmTurn * radius) + (source.Noise * StandardNormal.Next(random));
            x[2 * i] = (float)(radius * Math.Sin(angle));
            x[(2 * i) + 1] = (float)(radius * Math.Cos(angle));
            y[(i * classes) + label] = 1f;
        }

        return new SampleSet(x, y, source.Samples, 2, classes);
    }
}
