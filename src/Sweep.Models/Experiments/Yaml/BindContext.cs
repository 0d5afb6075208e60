using System.Collections.Concurrent;
using System.Globalization;
using Sweep.Models.Validation;
using YamlDotNet.RepresentationModel;

namespace Sweep.Models.Experiments.Yaml;

/// <summary>
/// Collects the problems found while reading one file. Nodes that a search override made up have no place
/// in the file; they are reported at the search parameter that produced them.
/// </summary>
internal sealed class BindContext(string file, string directory, bool checkFiles = true, ConcurrentDictionary<YamlNode, ValueList>? valueLists = null)
{
    private readonly List<ValidationError> errors = [];
    private readonly Dictionary<YamlNode, YamlNode> placedAt = new(ReferenceEqualityComparer.Instance);

    public string File { get; } = file;

    /// <summary>The experiment file's folder; data paths are relative to it.</summary>
    public string Directory { get; } = directory;

    /// <summary>Whether data files must exist; not when a stored file is read again only for its search block.</summary>
    public bool ChecksFiles { get; } = checkFiles;

    /// <summary>
    /// The search value lists read so far, by their node. Each trial's configuration is bound from a copy of the
    /// file's tree that shares every node the trial's values leave alone, the search block's lists included, so
    /// the contexts of one file share this: else a grid of n values would read its list again for each trial.
    /// </summary>
    public ConcurrentDictionary<YamlNode, ValueList> ValueLists { get; } = valueLists ?? new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<ValidationError> Errors => errors;

    public bool HasErrors => errors.Count > 0;

    /// <summary>Report problems with <paramref name="made"/> at <paramref name="origin"/>'s place in the file.</summary>
    public void Place(YamlNode made, YamlNode origin) => placedAt[made] = placedAt.GetValueOrDefault(origin, origin);

    public void Error(YamlNode node, string message)
    {
        var mark = placedAt.GetValueOrDefault(node, node).Start;
        errors.Add(new ValidationError(File, (int)mark.Line, (int)mark.Column, message));
    }

    public void ErrorAt(int line, int column, string message) => errors.Add(new ValidationError(File, line, column, message));

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public double? Number(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } text } && !IsNull(node) &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Error(node, $"{path} must be a number, got {Describe(node)}");
        return null;
    }

    public int? Integer(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } text } &&
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node, $"{path} must be a whole number, got {Describe(node)}");
        return null;
    }

    public bool? Flag(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(node, $"{path} must be true or false, got {Describe(node)}");
        return null;
    }

    public string? Text(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } text } && !IsNull(node))
        {
            return text;
        }

        Error(node, $"{path} must be text, got {(IsNull(node) ? "nothing" : Describe(node))}");
        return null;
    }

    public double[]? Numbers(YamlNode node, string path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"{path} must be a list of numbers, got {Describe(node)}");
            return null;
        }

        var values = new double[sequence.Children.Count];
        var complete = true;
        for (var i = 0; i < values.Length; i++)
        {
            if (Number(sequence.Children[i], $"{path}[{i}]") is { } value)
            {
                values[i] = value;
            }
            else
            {
                complete = false;
            }
        }

        return complete ? values : null;
    }

    /// <summary>One of a fixed set of words, e.g. a loss or an optimizer name.</summary>
    public T? Choice<T>(YamlNode node, string path, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        if (node is YamlScalarNode { Value: { } text } && choices.TryGetValue(text, out var value))
        {
            return value;
        }

        var word = (node as YamlScalarNode)?.Value ?? "";
        Error(node, $"{path} must be one of {string.Join(", ", choices.Keys)}; got {Describe(node)}{Suggestions.DidYouMean(word, choices.Keys)}");
        return null;
    }

    /// <summary>A list of items read one by one; a problem in any item makes the whole list null.</summary>
    public IReadOnlyList<T>? List<T>(YamlNode node, string path, Func<YamlNode, string, T?> item)
        where T : class
    {
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"{path} must be a list, got {Describe(node)}");
            return null;
        }

        var items = new List<T>(sequence.Children.Count);
        var failed = false;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var value = item(sequence.Children[i], $"{path}[{i}]");
            if (value is null)
            {
                failed = true;
            }
            else
            {
                items.Add(value);
            }
        }

        return failed ? null : items;
    }

    /// <summary>Checks a rule on a value already read; reports <paramref name="rule"/> when it fails.</summary>
    public T? Rule<T>(YamlNode node, string path, T? value, Func<T, bool> holds, string rule)
        where T : struct
    {
        if (value is { } v && !holds(v))
        {
            Error(node, $"{path} {rule}, got {Describe(node)}");
            return null;
        }

        return value;
    }

    public YamlSection? Section(YamlNode node, string path, SchemaNode schema)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlSection(this, mapping, path, schema);
        }

        Error(node, $"{path} must be a mapping of keys ({string.Join(", ", schema.Keys!.Keys)}), got {Describe(node)}");
        return null;
    }
}
