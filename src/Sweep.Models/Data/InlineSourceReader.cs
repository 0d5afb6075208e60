using System.Collections.Immutable;
using Sweep.Models.Experiments;

namespace Sweep.Models.Data;

/// <summary>Turns the rows written in the experiment file into float32 matrices.</summary>
internal static class InlineSourceReader
{
    private const string Where = "data.inline";

    public static SourceSamples Read(InlineSource source, int? limit)
    {
        if (source.X.IsDefaultOrEmpty)
        {
            throw DataLoadException.AtKey(Where, "x has no rows; give at least one sample");
        }

        var targetRows = source.Y.IsDefault ? 0 : source.Y.Length;
        if (targetRows != source.X.Length)
        {
            throw DataLoadException.AtKey(Where, FormattableString.Invariant($"x has {source.X.Length} rows but y has {targetRows}; every sample needs one row of each"));
        }

        var (x, features) = ToMatrix(source.X, "x");
        var (y, targets) = ToMatrix(source.Y, "y");
        var all = new SampleSet(x, y, source.X.Length, features, targets);
        return new SourceSamples(SampleRows.First(all, limit), Test: null, IsClassification: false, TargetsAreInputs: false);
    }

    private static (float[] Values, int Width) ToMatrix(ImmutableArray<ImmutableArray<double>> rows, string name)
    {
        var width = rows[0].IsDefault ? 0 : rows[0].Length;
        if (width == 0)
        {
            throw DataLoadException.AtKey(Where, $"row 1 of {name} is empty; every row needs at least one value");
        }

        var values = new float[rows.Length * width];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var length = row.IsDefault ? 0 : row.Length;
            if (length != width)
            {
                throw DataLoadException.AtKey(Where, FormattableString.Invariant($"row {i + 1} of {name} has {length} values but row 1 has {width}; all rows must be as wide"));
            }

            for (var j = 0; j < width; j++)
            {
                var value = (float)row[j];
                if (!float.IsFinite(value))
                {
                    throw DataLoadException.AtKey(Where, FormattableString.Invariant($"row {i + 1} of {name} holds {row[j]}, which is not a finite float32 number"));
                }

                values[(i * width) + j] = value;
            }
        }

        return (values, width);
    }
}
