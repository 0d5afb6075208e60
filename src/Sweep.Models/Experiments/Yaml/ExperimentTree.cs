using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Sweep.Models.Experiments.Yaml;

/// <summary>
/// Sets one key of an experiment's YAML tree by its dot path, copying only the mappings and lists along the
/// path so the original tree is never changed. Made-up nodes are placed, for error reports, at the search
/// parameter that asked for them.
/// </summary>
internal static class ExperimentTree
{
    /// <summary>The tree with <paramref name="value"/> at <paramref name="path"/>, or null (reported) when a list index is out of range.</summary>
    public static YamlMappingNode? With(YamlMappingNode root, string path, YamlNode value, BindContext context, YamlNode origin) =>
        (YamlMappingNode?)Set(root, path.Split('.'), 0, value, ExperimentSchema.Root, context, origin);

    private static YamlNode? Set(YamlNode? current, string[] segments, int depth, YamlNode value, SchemaNode schema, BindContext context, YamlNode origin)
    {
        if (depth == segments.Length)
        {
            return value;
        }

        var segment = segments[depth];
        if (schema.Item is not null)
        {
            var index = int.Parse(segment, CultureInfo.InvariantCulture);
            var items = (current as YamlSequenceNode)?.Children ?? [];
            if (index >= items.Count)
            {
                context.Error(origin, $"search parameter '{string.Join('.', segments)}' names item {index} of {string.Join('.', segments[..depth])}, which has {items.Count}");
                return null;
            }

            var list = new YamlSequenceNode();
            context.Place(list, current!);
            for (var i = 0; i < items.Count; i++)
            {
                var item = i == index ? Set(items[i], segments, depth + 1, value, schema.Item, context, origin) : items[i];
                if (item is null)
                {
                    return null;
                }

                list.Add(item);
            }

            return list;
        }

        var mapping = new YamlMappingNode();
        context.Place(mapping, current ?? origin);
        var key = new YamlScalarNode(segment);
        context.Place(key, origin);
        YamlNode? below = null;
        switch (current)
        {
            case YamlMappingNode existing:
                foreach (var (childKey, child) in existing.Children)
                {
                    if (childKey is YamlScalarNode { Value: { } name } && name == segment)
                    {
                        (key, below) = ((YamlScalarNode)childKey, child);
                    }
                    else
                    {
                        mapping.Add(childKey, child);
                    }
                }

                break;
            case YamlScalarNode shorthand when schema.ShorthandKey is { } shorthandKey && !BindContext.IsNull(shorthand):
                // optimizer: adam stands for optimizer: {name: adam}; a setting under it needs the long form.
                if (shorthandKey != segment)
                {
                    mapping.Add(new YamlScalarNode(shorthandKey), shorthand);
                }

                break;
        }

        if (Set(below, segments, depth + 1, value, schema.AnyKeys ? SchemaNode.Leaf : schema.Keys![segment], context, origin) is not { } replaced)
        {
            return null;
        }

        mapping.Add(key, replaced);
        return mapping;
    }
}
