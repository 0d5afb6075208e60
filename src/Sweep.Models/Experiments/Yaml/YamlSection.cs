using Sweep.Models.Validation;
using YamlDotNet.RepresentationModel;

namespace Sweep.Models.Experiments.Yaml;

/// <summary>
/// A mapping being read against its schema: unknown keys are reported (with the closest known key) the
/// moment the section is opened, so a binder only asks for the keys it knows.
/// </summary>
internal sealed class YamlSection
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries = new(StringComparer.Ordinal);

    public YamlSection(BindContext context, YamlMappingNode node, string path, SchemaNode schema)
    {
        Context = context;
        Node = node;
        Path = path;
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                context.Error(keyNode, $"{Where} has a key that is not a plain word");
                continue;
            }

            if (!schema.AnyKeys && !schema.Keys!.ContainsKey(key))
            {
                context.Error(keyNode, $"unknown key '{key}' in {Where}{Suggestions.DidYouMean(key, schema.Keys.Keys)}");
                continue;
            }

            entries[key] = (scalarKey, value);
        }
    }

    public BindContext Context { get; }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries => entries.Values;

    private string Where => Path.Length == 0 ? "the experiment" : Path;

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>The value of <paramref name="key"/>; an explicit null counts as absent.</summary>
    public YamlNode? this[string key] =>
        entries.TryGetValue(key, out var entry) && !BindContext.IsNull(entry.Value) ? entry.Value : null;

    public bool Has(string key) => this[key] is not null;

    public YamlScalarNode? KeyNode(string key) => entries.TryGetValue(key, out var entry) ? entry.Key : null;

    /// <summary>The value of a key that must be there; reports it missing at this mapping otherwise.</summary>
    public YamlNode? Required(string key, string example)
    {
        var value = this[key];
        if (value is null)
        {
            Context.Error(Node, $"{PathOf(key)} is missing; add e.g. '{example}'");
        }

        return value;
    }

    public double? Number(string key) => this[key] is { } node ? Context.Number(node, PathOf(key)) : null;

    public int? Integer(string key) => this[key] is { } node ? Context.Integer(node, PathOf(key)) : null;

    public bool? Flag(string key) => this[key] is { } node ? Context.Flag(node, PathOf(key)) : null;

    public string? Text(string key) => this[key] is { } node ? Context.Text(node, PathOf(key)) : null;

    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices)
        where T : struct => this[key] is { } node ? Context.Choice(node, PathOf(key), choices) : null;

    public YamlSection? Section(string key, SchemaNode schema) =>
        this[key] is { } node ? Context.Section(node, PathOf(key), schema) : null;

    /// <summary>A number that must satisfy <paramref name="holds"/>; <paramref name="rule"/> says so in the error.</summary>
    public double? Number(string key, Func<double, bool> holds, string rule) =>
        this[key] is { } node ? Context.Rule(node, PathOf(key), Context.Number(node, PathOf(key)), holds, rule) : null;

    public int? Integer(string key, Func<int, bool> holds, string rule) =>
        this[key] is { } node ? Context.Rule(node, PathOf(key), Context.Integer(node, PathOf(key)), holds, rule) : null;
}
