using System.Collections.Immutable;
using Sweep.Models.Experiments;

namespace Sweep.Models.Tests.Data;

/// <summary>Data definitions for tests: a source with the defaults a test does not care about.</summary>
internal static class Some
{
    public static DataDefinition Data(DataSource source, double validation = 0, Normalization normalize = Normalization.None, int? limit = null) =>
        new(source, validation, normalize, limit);

    public static CsvSource Csv(string path, string[] targets, string[]? features = null, bool oneHot = false) =>
        new(path, [.. features ?? []], [.. targets], oneHot);

    /// <summary>Inline rows from jagged arrays.</summary>
    public static InlineSource Inline(double[][] x, double[][] y) =>
        new([.. x.Select(row => row.ToImmutableArray())], [.. y.Select(row => row.ToImmutableArray())]);

    /// <summary>n samples of one feature whose value is the sample's index, and one target twice as large.</summary>
    public static InlineSource Counting(int n) =>
        Inline([.. Enumerable.Range(0, n).Select(i => new double[] { i })], [.. Enumerable.Range(0, n).Select(i => new double[] { 2 * i })]);
}
