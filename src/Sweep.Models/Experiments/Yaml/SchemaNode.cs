namespace Sweep.Models.Experiments.Yaml;

/// <summary>
/// The shape of one key of the experiment file: a mapping with named keys, a list of items, a mapping
/// whose keys are free (search parameters), or a leaf value. Used both to reject unknown keys and to check
/// that a search parameter's dot path names a key.
/// </summary>
internal sealed class SchemaNode
{
    private SchemaNode(IReadOnlyDictionary<string, SchemaNode>? keys, SchemaNode? item, bool anyKeys, string? shorthandKey)
    {
        Keys = keys;
        Item = item;
        AnyKeys = anyKeys;
        ShorthandKey = shorthandKey;
    }

    public static SchemaNode Leaf { get; } = new(null, null, false, null);

    /// <summary>Keys are user-chosen (the search parameters' dot paths).</summary>
    public static SchemaNode Free { get; } = new(null, null, true, null);

    /// <summary>Named keys; of these, null or empty is still allowed as a whole (every key optional).</summary>
    public IReadOnlyDictionary<string, SchemaNode>? Keys { get; }

    /// <summary>For a list: the shape of each item.</summary>
    public SchemaNode? Item { get; }

    public bool AnyKeys { get; }

    /// <summary>
    /// A mapping that may also be written as a scalar naming one of its keys' value, as
    /// <c>optimizer: adam</c> stands for <c>optimizer: {name: adam}</c>.
    /// </summary>
    public string? ShorthandKey { get; }

    public static SchemaNode Map(params (string Key, SchemaNode Node)[] keys) =>
        new(keys.ToDictionary(k => k.Key, k => k.Node, StringComparer.Ordinal), null, false, null);

    public static SchemaNode MapWithShorthand(string shorthandKey, params (string Key, SchemaNode Node)[] keys) =>
        new(keys.ToDictionary(k => k.Key, k => k.Node, StringComparer.Ordinal), null, false, shorthandKey);

    public static SchemaNode List(SchemaNode item) => new(null, item, false, null);

    /// <summary>Every dot path below this node, for did-you-mean on search parameters.</summary>
    public IEnumerable<string> Paths(string prefix = "")
    {
        foreach (var (key, node) in Keys ?? new Dictionary<string, SchemaNode>())
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            yield return path;
            foreach (var below in node.Paths(path))
            {
                yield return below;
            }
        }

        if (Item is not null)
        {
            foreach (var below in Item.Paths($"{prefix}.0"))
            {
                yield return below;
            }
        }
    }
}
