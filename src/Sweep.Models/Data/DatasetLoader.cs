using Sweep.Models.Experiments;

namespace Sweep.Models.Data;

/// <summary>
/// Turns an experiment's data block into the <see cref="Dataset"/> a trial trains on: reads the source
/// (inline rows, a CSV file, IDX files or a seeded generator), keeps the first <see cref="DataDefinition.Limit"/>
/// samples, holds out the validation fraction (or uses the IDX test files) and normalises with statistics
/// of the training split only. Every problem in the user's data is a <see cref="DataLoadException"/>.
/// </summary>
public static class DatasetLoader
{
    /// <param name="data">The data block of the experiment.</param>
    /// <param name="directory">The experiment file's directory; file paths in the source are relative to it.</param>
    /// <param name="seed">Seeds the synthetic generators and the validation split: the same seed gives the same dataset.</param>
    /// <exception cref="DataLoadException">The data cannot be read or does not fit the definition.</exception>
    public static Dataset Load(DataDefinition data, string directory, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(directory);
        CheckSettings(data);

        var source = data.Source switch
        {
            InlineSource inline => InlineSourceReader.Read(inline, data.Limit),
            CsvSource csv => CsvSourceReader.Read(csv, Path.Combine(directory, csv.Path), data.Limit),
            IdxSource idx => IdxSourceReader.Read(idx, directory, data.Limit),
            SyntheticSource synthetic => SyntheticDataGenerator.Generate(synthetic, seed, data.Limit),
            _ => throw new ArgumentException($"Unknown data source {data.Source.GetType().Name}.", nameof(data)),
        };

        var (train, validation) = source.Test is { } test
            ? (source.Samples, test)
            : ValidationSplit.Split(source.Samples, data.Validation, seed);

        if (FeatureScaling.Fit(data.Normalize, train) is { } scaling)
        {
            scaling.ApplyInPlace(train, source.TargetsAreInputs);
            if (validation is not null)
            {
                scaling.ApplyInPlace(validation, source.TargetsAreInputs);
            }
        }

        return new Dataset(train, validation, source.IsClassification);
    }

    private static void CheckSettings(DataDefinition data)
    {
        if (!(data.Validation is >= 0 and < 1))
        {
            throw DataLoadException.AtKey("data.validation", FormattableString.Invariant($"{data.Validation} is not a fraction in [0, 1); use e.g. 0.2 to hold out a fifth of the samples"));
        }

        if (data.Limit is < 1)
        {
            throw DataLoadException.AtKey("data.limit", FormattableString.Invariant($"{data.Limit} is not a sample count; it must be at least 1"));
        }
    }
}
