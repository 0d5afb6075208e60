using System.Globalization;
using Sweep.Models.Experiments;

namespace Sweep.Models.Data;

/// <summary>
/// Reads a CSV file with a header row: feature and target columns by name, numbers in the invariant culture,
/// and with one-hot a single target column of class labels.
/// </summary>
internal static class CsvSourceReader
{
    public static SourceSamples Read(CsvSource source, string path, int? limit)
    {
        using var reader = Open(path);
        var header = ReadHeader(reader, path);
        var columns = IndexColumns(header, path);
        var targets = TargetColumns(source, header, columns, path);
        var features = FeatureColumns(source, header, columns, targets, path);

        var x = new List<float>();
        var y = new List<float>();
        var labels = new List<string>();
        var lineNumber = 1;
        var count = 0;
        while (count < (limit ?? int.MaxValue) && reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = CsvCells.Split(line, path, lineNumber);
            if (cells.Length != header.Length)
            {
                throw new DataLoadException(
                    path,
                    lineNumber,
                    FormattableString.Invariant($"{cells.Length} cells but the header has {header.Length} columns"));
            }

            foreach (var column in features)
            {
                x.Add(ParseNumber(cells[column], header[column], path, lineNumber));
            }

            if (source.OneHot)
            {
                labels.Add(ParseLabel(cells[targets[0]], header[targets[0]], path, lineNumber));
            }
            else
            {
                foreach (var column in targets)
                {
                    y.Add(ParseNumber(cells[column], header[column], path, lineNumber));
                }
            }

            count++;
        }

        if (count == 0)
        {
            throw new DataLoadException(path, lineNumber, "no data rows after the header");
        }

        return source.OneHot
            ? OneHotSamples(x, labels, features.Length)
            : new SourceSamples(new SampleSet([.. x], [.. y], count, features.Length, targets.Length), Test: null, IsClassification: false, TargetsAreInputs: false);
    }

    private static StreamReader Open(string path)
    {
        try
        {
            return new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataLoadException(path, line: null, "file not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && Directory.Exists(path))
        {
            throw new DataLoadException(path, line: null, "this is a folder, not a file", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataLoadException(path, line: null, $"cannot be opened: {e.Message}", e);
        }
    }

    private static string[] ReadHeader(StreamReader reader, string path)
    {
        var line = reader.ReadLine() ?? throw new DataLoadException(path, line: null, "the file is empty; it needs a header row naming the columns");
        if (string.IsNullOrWhiteSpace(line))
        {
            throw new DataLoadException(path, 1, "the first line is blank; it must be a header row naming the columns");
        }

        return CsvCells.Split(line, path, 1);
    }

    private static Dictionary<string, int> IndexColumns(string[] header, string path)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (!columns.TryAdd(header[i], i))
            {
                throw new DataLoadException(path, 1, $"the header names column '{header[i]}' twice");
            }
        }

        return columns;
    }

    private static int[] TargetColumns(CsvSource source, string[] header, Dictionary<string, int> columns, string path)
    {
        if (source.Targets.IsDefaultOrEmpty)
        {
            throw new DataLoadException(path, 1, $"no target column is named; choose from {Names(header)}");
        }

        if (source.OneHot && source.Targets.Length != 1)
        {
            throw new DataLoadException(
                path,
                1,
                $"one-hot needs exactly one target column of class labels, not {source.Targets.Length} ({string.Join(", ", source.Targets)})");
        }

        return [.. source.Targets.Select(name => Find(name, header, columns, path))];
    }

    private static int[] FeatureColumns(CsvSource source, string[] header, Dictionary<string, int> columns, int[] targets, string path)
    {
        int[] features = source.Features.IsDefaultOrEmpty
            ? [.. Enumerable.Range(0, header.Length).Where(column => !targets.Contains(column))]
            : [.. source.Features.Select(name => Find(name, header, columns, path))];
        if (features.Length == 0)
        {
            throw new DataLoadException(path, 1, "no feature columns are left: every column is a target");
        }

        return features;
    }

    private static int Find(string name, string[] header, Dictionary<string, int> columns, string path) =>
        columns.TryGetValue(name, out var column)
            ? column
            : throw new DataLoadException(path, 1, $"no column '{name}' in the header; the columns are {Names(header)}");

    private static string Names(string[] header) => string.Join(", ", header);

    private static float ParseNumber(string cell, string column, string path, int lineNumber)
    {
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && float.IsFinite((float)number))
        {
            return (float)number;
        }

        var problem = cell.Length == 0
            ? $"column '{column}' is empty; every feature and target cell must be a number"
            : $"column '{column}' holds '{cell}', which is not a finite number (write numbers like 1.5 or -2e-3)";
        throw new DataLoadException(path, lineNumber, problem);
    }

    private static string ParseLabel(string cell, string column, string path, int lineNumber) =>
        cell.Length > 0 ? cell : throw new DataLoadException(path, lineNumber, $"column '{column}' is empty; every row needs a class label");

    /// <summary>
    /// Classes are numbered in sorted label order: numerically when every label is an integer (so 2 comes
    /// before 10), otherwise by ordinal string order.
    /// </summary>
    private static SourceSamples OneHotSamples(List<float> x, List<string> labels, int features)
    {
        var distinct = labels.Distinct(StringComparer.Ordinal).ToList();
        var integers = distinct.Select(ParseInteger).ToList();
        string[] sorted = integers.All(value => value is not null)
            ? [.. distinct.Zip(integers).OrderBy(pair => pair.Second).Select(pair => pair.First)]
            : [.. distinct.Order(StringComparer.Ordinal)];
        var classOf = sorted.Select((label, index) => (label, index)).ToDictionary(pair => pair.label, pair => pair.index, StringComparer.Ordinal);

        var y = new float[labels.Count * sorted.Length];
        for (var i = 0; i < labels.Count; i++)
        {
            y[(i * sorted.Length) + classOf[labels[i]]] = 1f;
        }

        return new SourceSamples(new SampleSet([.. x], y, labels.Count, features, sorted.Length), Test: null, IsClassification: true, TargetsAreInputs: false);
    }

    private static long? ParseInteger(string label) =>
        long.TryParse(label, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
